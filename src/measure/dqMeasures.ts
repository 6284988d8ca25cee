// Data quality and compliance (docs/measures.md `dq.*`) for month M from the submission ledger: what each partner sent, when, and rows rejected (and blank);
// and from the records of the files in effect, the characteristics recorded as not known.
import { codeLists, datasetNames, datasets, optionalDatasets, type DatasetName } from '../../schemas/index.js';
import { submissionsInEffect, type SubmissionInEffect } from '../warehouse/ledger.js';
import { sqlIdent, sqlTextList } from '../warehouse/sql.js';
import { buildMeasure } from './buildMeasure.js';
import { count, notSubmitted, rate } from './figure.js';
import { grouped, hasSubmitted, REGION, type MeasureContext } from './MeasureContext.js';
import type { Figure, MeasureResult } from './types.js';


type Sent = SubmissionInEffect;

/**
 * The characteristics of each dataset: the coded columns whose list has a not-known code (gender, ethnicity, disability,
 * FFA), with the codes that say the council does not know (the list's not-known code, and its refused code if any).
 */
export const characteristics: { dataset: DatasetName; field: string; codes: string[] }[] = datasets.flatMap((ds) =>
  ds.columns.flatMap((c) => {
    const list = c.type.kind === 'code' ? c.type.codes : c.type.kind === 'yesno' ? codeLists.yesNo : null;
    const codes = [list?.notKnown, list?.refused].filter((x): x is string => x !== undefined);
    return codes.length > 0 ? [{ dataset: ds.name, field: c.field, codes }] : [];
  }),
);

/** The partners dq.not_known is over: those that sent every dataset with a characteristic (the region adds up the partners it shows). */
export function notKnownPartners(ctx: MeasureContext): string[] {
  const sets = [...new Set(characteristics.map((c) => c.dataset))];
  return ctx.partners.filter((p) => hasSubmitted(ctx, p, sets));
}

/** Per entity (partner or region): not-known values per characteristic, and records with at least one. */
async function notKnownValues(ctx: MeasureContext): Promise<(e: string) => { byField: Record<string, number>; records: number }> {
  const nk = (c: (typeof characteristics)[number]) => `${sqlIdent(c.field)} IN (${sqlTextList(c.codes)})`;
  // Only partners with every dataset counted: the region adds up the partners it shows.
  const sets = [...new Set(characteristics.map((c) => c.dataset))];
  const partners = notKnownPartners(ctx);
  const perDataset = await Promise.all(
    sets.map(async (ds) => {
      const mine = characteristics.filter((c) => c.dataset === ds);
      const rows = await grouped(ctx, ds, {
        partners,
        select: [...mine.map((c) => `count(*) FILTER (WHERE ${nk(c)}) AS ${sqlIdent(c.field)}`), `count(*) FILTER (WHERE ${mine.map(nk).join(' OR ')}) AS _records`].join(', '),
      });
      return { mine, rows };
    }),
  );
  return (e) => {
    const byField: Record<string, number> = Object.fromEntries(characteristics.map((c) => [c.field, 0]));
    let records = 0;
    for (const { mine, rows } of perDataset) {
      const r = rows.get(e);
      for (const c of mine) byField[c.field] = (byField[c.field] ?? 0) + Number(r?.[c.field] ?? 0);
      records += Number(r?.['_records'] ?? 0);
    }
    return { byField, records };
  };
}

/** Due by the end of day `dueDay` of the month after M. */
export function dueDate(period: string, dueDay: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, dueDay)).toISOString().slice(0, 10);
}

export async function dqMeasures(ctx: MeasureContext): Promise<MeasureResult[]> {
  const due = dueDate(ctx.period.period, ctx.pipeline.submissionDueDay);
  // Per partner and dataset: every version received for M; the submission in effect is the newest loaded one, else the newest.
  // The aggregate reads the ledger alone (no dataset table), so it is ledger.ts's submissionsInEffect.
  const sent: Sent[] = await submissionsInEffect(ctx.db, ctx.period.period, due);
  const of = (e: string) => sent.filter((s) => (e === REGION ? ctx.partners.includes(s.partner) : s.partner === e));
  const sum = (e: string, k: 'rows_read' | 'rows_loaded' | 'rows_rejected' | 'rows_blank' | 'warnings') => of(e).reduce((a, s) => a + s[k], 0);
  const byDataset = (e: string, k: 'rows_read' | 'rows_loaded' | 'rows_rejected' | 'rows_blank' | 'warnings' | 'versions') =>
    Object.fromEntries(datasetNames.map((d) => [d, count(of(e).filter((s) => s.dataset === d).reduce((a, s) => a + s[k], 0))]));
  const state = (e: string, d: string): string => {
    const s = of(e).find((x) => x.dataset === d);
    if (!s) return (optionalDatasets as readonly string[]).includes(d) ? 'not_sent' : 'missing';
    return s.loaded ? 'loaded' : s.newest_status;
  };
  const required = datasetNames.filter((d) => !optionalDatasets.includes(d));
  const submissionFigures = (e: string): Record<string, Figure> => {
    const mine = of(e);
    const entities = e === REGION ? ctx.partners : [e];
    return {
      on_time: count(mine.filter((s) => s.on_time).length),
      late: count(mine.filter((s) => !s.on_time).length),
      missing: count(entities.reduce((a, p) => a + required.filter((d) => state(p, d) !== 'loaded').length, 0)),
      resubmitted: count(mine.filter((s) => s.versions > 1).length),
      rows_read: count(sum(e, 'rows_read')),
      rows_loaded: count(sum(e, 'rows_loaded')),
      rows_rejected: count(sum(e, 'rows_rejected')),
      // Rows read = loaded + rejected + blank: the blank ones are shown so the three visibly add up.
      rows_blank: count(sum(e, 'rows_blank')),
      warnings: count(sum(e, 'warnings')),
    };
  };
  const used = (e: string) => of(e).map((s) => s.pick_id);
  const noFiles = ctx.partners.filter((p) => of(p).length === 0);
  const submission = buildMeasure(ctx, 'dq.submission', (e) => ({
      figures: submissionFigures(e),
      breakdowns: Object.fromEntries((['rows_read', 'rows_loaded', 'rows_rejected', 'rows_blank', 'warnings', 'versions'] as const).map((k) => [k, byDataset(e, k)])),
      ...(e === REGION
        ? {}
        : {
            labels: {
              state: Object.fromEntries(datasetNames.map((d) => [d, state(e, d)])),
              timeliness: Object.fromEntries(datasetNames.map((d) => {
                const s = of(e).find((x) => x.dataset === d);
                return [d, !s ? 'none' : s.on_time ? 'on_time' : 'late'];
              })),
            },
          }),
  }));
  const share = buildMeasure(ctx, 'dq.rejected_share', (e) => ({ figures: { rejected_share: rate(sum(e, 'rows_rejected'), sum(e, 'rows_read')) } }));
  const unknown = await notKnownValues(ctx);
  // Over the records of the children's and adopters' files in effect (the catalogue's datasets: a partner without both is not submitted).
  const notKnown = buildMeasure(ctx, 'dq.not_known', (e) => {
    const { byField, records } = unknown(e);
    return {
      figures: { not_known: count(Object.values(byField).reduce((a, n) => a + n, 0)), records: count(records) },
      breakdowns: { by_characteristic: Object.fromEntries(Object.entries(byField).map(([f, n]) => [f, count(n)])) },
    };
  });
  for (const m of [submission, share]) {
    for (const p of ctx.partners) {
      const ent = m.partners[p];
      if (!ent) continue;
      ent.submissions = used(p);
      if (m === share && noFiles.includes(p)) ent.figures = Object.fromEntries(Object.entries(ent.figures).map(([k, f]) => [k, notSubmitted(f)]));
    }
    m.region.submissions = used(REGION);
    m.region.notSubmitted = noFiles;
  }
  return [submission, share, notKnown];
}
