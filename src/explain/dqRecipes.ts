// Recipes for the data-quality measures: dq.submission and dq.rejected_share list the submission in effect for each
// partner and dataset (from the ledger); dq.not_known lists the records with a characteristic recorded as not known.
import { datasetNames, optionalDatasets, type DatasetName } from '../../schemas/index.js';
import { measureDefinition } from '../catalogue/catalogue.js';
import { characteristics, dueDate, notKnownPartners } from '../measure/dqMeasures.js';
import type { MeasureContext } from '../measure/MeasureContext.js';
import { submissionsInEffect, type SubmissionInEffect } from '../warehouse/ledger.js';
import { sqlIdent, sqlTextList } from '../warehouse/sql.js';
import type { ExplainRow, Recipe } from './Recipe.js';
import { wordsFor } from './recipeKit.js';
import { recordRows } from './recordRows.js';

type Counted = 'rows_read' | 'rows_loaded' | 'rows_rejected' | 'rows_blank' | 'warnings' | 'versions';

function submissionRow(s: SubmissionInEffect, reason: string, value: number | null): ExplainRow {
  return {
    partner: s.partner, source: 'submission', key: `dataset=${s.dataset}`, submissionId: s.pick_id, line: null,
    used: {
      state: s.loaded ? 'loaded' : s.newest_status, on_time: s.on_time ? 'yes' : 'no', versions: String(s.versions),
      rows_read: String(s.rows_read), rows_loaded: String(s.rows_loaded), rows_rejected: String(s.rows_rejected), rows_blank: String(s.rows_blank), warnings: String(s.warnings),
    },
    value, role: 'counted', reason,
  };
}

/** The submission in effect for each partner and dataset of M (as dq.submission reads the ledger), for these partners. */
async function sentBy(ctx: MeasureContext, partners: readonly string[]): Promise<SubmissionInEffect[]> {
  const all = await submissionsInEffect(ctx.db, ctx.period.period, dueDate(ctx.period.period, ctx.pipeline.submissionDueDay));
  return all.filter((s) => partners.includes(s.partner));
}

export function dqRecipes(ctx: MeasureContext): Record<string, Record<string, Recipe>> {
  const sub = measureDefinition('dq.submission');
  const title = (f: string) => wordsFor(ctx, sub, sub.figures[f]?.title ?? f).counted;
  const sent = (partners: readonly string[]) => sentBy(ctx, partners);
  /** The submissions in effect meeting `when`, each counted once (value null) or for its `k` (summed). */
  const files = (figure: string, when: (s: SubmissionInEffect) => boolean, k?: Counted): Recipe => ({
    recompute: k ? { kind: 'total' } : { kind: 'count' },
    rows: async (partners) => (await sent(partners)).filter(when).map((s) => submissionRow(s, title(figure), k ? s[k] : null)),
  });
  const required = datasetNames.filter((d) => !optionalDatasets.includes(d));
  const missing: Recipe = {
    recompute: { kind: 'count' },
    rows: async (partners) => {
      const mine = await sent(partners);
      return partners.flatMap((p) =>
        required.flatMap((d): ExplainRow[] => {
          const s = mine.find((x) => x.partner === p && x.dataset === d);
          if (s?.loaded) return [];
          if (s) return [submissionRow(s, `${title('missing')}: its newest file was ${s.newest_status}, none loaded`, null)];
          return [{ partner: p, source: 'submission', key: `dataset=${d}`, submissionId: null, line: null, used: { state: 'missing' }, value: null, role: 'counted', reason: `${title('missing')}: nothing received` }];
        }),
      );
    },
  };
  const sums = ['rows_read', 'rows_loaded', 'rows_rejected', 'rows_blank', 'warnings'] as const;
  const rejected = measureDefinition('dq.rejected_share');
  return {
    'dq.submission': {
      on_time: files('on_time', (s) => s.on_time),
      late: files('late', (s) => !s.on_time),
      missing,
      resubmitted: files('resubmitted', (s) => s.versions > 1),
      ...Object.fromEntries(sums.map((k) => [k, files(k, () => true, k)])),
    },
    'dq.rejected_share': {
      rejected_share: {
        recompute: { kind: 'sum_rate' },
        rows: async (partners) =>
          (await sent(partners)).map((s) => ({ ...submissionRow(s, wordsFor(ctx, rejected, 'rows rejected of rows read').counted, s.rows_rejected), weight: s.rows_read })),
      },
    },
    'dq.not_known': notKnownRecipes(ctx),
  };
}

const notKnownIn = (c: (typeof characteristics)[number]) => `${sqlIdent(c.field)} IN (${sqlTextList(c.codes)})`;

/** Records with a not-known characteristic (of one `field`, or any), from each dataset that has one. */
function notKnownRows(ctx: MeasureContext, reason: string, field?: string): Recipe['rows'] {
  return async (partners) => {
    const mine = partners.filter((p) => notKnownPartners(ctx).includes(p));
    const sets = [...new Set(characteristics.map((c) => c.dataset))] as DatasetName[];
    const parts = await Promise.all(
      sets.map((ds) => {
        const chars = characteristics.filter((c) => c.dataset === ds);
        const counted = field === undefined ? chars : chars.filter((c) => c.field === field);
        if (counted.length === 0) return Promise.resolve([]);
        return recordRows(ctx, mine, {
          dataset: ds, used: chars.map((c) => c.field),
          value: chars.map((c) => `CAST(${notKnownIn(c)} AS INTEGER)`).join(' + '),
          roles: [['counted', `(${counted.map(notKnownIn).join(' OR ')})`, reason]],
        });
      }),
    );
    return parts.flat();
  };
}

function notKnownRecipes(ctx: MeasureContext): Record<string, Recipe> {
  const def = measureDefinition('dq.not_known');
  const w = (f: string) => wordsFor(ctx, def, def.figures[f]?.title ?? f).counted;
  return {
    not_known: { recompute: { kind: 'total' }, regionPartners: notKnownPartners(ctx), rows: notKnownRows(ctx, `${w('not_known')} (the value: how many in the record)`) },
    records: { recompute: { kind: 'count' }, regionPartners: notKnownPartners(ctx), rows: notKnownRows(ctx, w('records')) },
  };
}

/** dq.not_known's breakdown cell: records whose `field` is recorded as not known. */
export function notKnownCell(ctx: MeasureContext, field: string): Recipe {
  return { recompute: { kind: 'count' }, regionPartners: notKnownPartners(ctx), rows: notKnownRows(ctx, `${field} recorded as not known`, field) };
}

/** dq.submission's breakdown cell: the submission in effect of `dataset`, counted for its `k` (rows, or versions received). */
export function submissionCell(ctx: MeasureContext, k: Counted, dataset: string): Recipe {
  return {
    recompute: { kind: 'total' },
    rows: async (partners) =>
      (await sentBy(ctx, partners))
        .filter((s) => s.dataset === dataset)
        .map((s) => submissionRow(s, `${k.replaceAll('_', ' ')} of its ${dataset} file in effect`, s[k])),
  };
}
