// The shape of `pipelines/<name>.yaml` as zod: every key checked, unknown keys refused, every optional setting defaulted
// (targets from the measure catalogue, docs/measures.md; the data contract from `raa spec`).
import { z } from 'zod';
import { targetDefault } from '../catalogue/catalogue.js';
import { defaultSettings } from './ValidateSettings.js';

/** Red/amber/green thresholds on a percentage (0–100, as docs/measures.md writes them). */
const ragShape = (green: number, amber: number) => ({
  green: z.number().min(0).max(100).default(green),
  amber: z.number().min(0).max(100).default(amber),
});

type Rag = { green: number; amber: number };
const higherIsBetter = { check: (r: Rag) => r.amber <= r.green, message: 'amber must not be above green (higher is better)' };
const lowerIsBetter = { check: (r: Rag) => r.amber >= r.green, message: 'amber must not be below green (lower is better)' };

/** A share of cases, higher is better: green at or above `green`, amber at or above `amber`, red below; defaults from the catalogue entry `id`. */
const share = (id: string, t = targetDefault(id, 'share')) =>
  z.strictObject(ragShape(t.green, t.amber)).refine(higherIsBetter.check, { message: higherIsBetter.message, path: ['amber'] });

/** A timeliness target: the share of cases done within `days`, with higher-is-better RAG thresholds on that share. */
const withinDays = (id: string, t = targetDefault(id, 'share', 'days')) =>
  z
    .strictObject({ days: z.int().min(1).max(3650).default(t.days), ...ragShape(t.green, t.amber) })
    .refine(higherIsBetter.check, { message: higherIsBetter.message, path: ['amber'] });

/** A threshold in days on a mean: green at or under it. */
const meanDays = (id: string) => z.strictObject({ days: z.int().min(1).max(3650).default(targetDefault(id, 'ceiling').days) });

/**
 * Targets and RAG thresholds, keyed like the measure ids of the catalogue (`support.days_to_allocation` is
 * `targets.support.days_to_allocation`). Every field has the catalogue's default, so a pipeline file may omit any.
 * A test checks that these keys and the catalogue's targets are the same.
 * Percentages are 0–100.
 */
export const Targets = z.strictObject({
  support: z
    .strictObject({
      /** Share allocated within `days` of referral. */
      days_to_allocation: withinDays('support.days_to_allocation').prefault({}),
      /** Share with the assessment of need completed within `days` of referral. */
      assessment_timeliness: withinDays('support.assessment_timeliness').prefault({}),
      /** Months within which the allocation backlog should be cleared. */
      capacity: z.strictObject({ horizonMonths: z.int().min(1).max(60).default(targetDefault('support.capacity', 'horizon').months) }).prefault({}),
    })
    .prefault({}),
  adopters: z
    .strictObject({
      /** Stage 1 within 2 months (the time limit is statutory and fixed; only the thresholds are configurable). */
      stage1_on_time: share('adopters.stage1_on_time').prefault({}),
      /** Stage 2 within 4 months. */
      stage2_on_time: share('adopters.stage2_on_time').prefault({}),
      /** Approved within 6 months of starting Stage 1. */
      approved_within_6m: share('adopters.approved_within_6m').prefault({}),
      /** Matched within 3 months of approval. */
      matched_within_3m: share('adopters.matched_within_3m').prefault({}),
    })
    .prefault({}),
  children: z
    .strictObject({
      /** A10: mean days from entering care to moving in; green at or under `days`. */
      a10: meanDays('children.a10').prefault({}),
      /** A2: mean days from placement order to match; green at or under `days`. */
      a2: meanDays('children.a2').prefault({}),
    })
    .prefault({}),
  concerns: z
    .strictObject({
      /** Share of concerns with action agreed within `days` of being raised. */
      action_on_time: withinDays('concerns.action_on_time').prefault({}),
    })
    .prefault({}),
  dq: z
    .strictObject({
      /** Rows rejected as a share of rows read; lower is better. */
      rejected_share: z
        .strictObject(((t) => ragShape(t.green, t.amber))(targetDefault('dq.rejected_share', 'lower_share')))
        .refine(lowerIsBetter.check, { message: lowerIsBetter.message, path: ['amber'] })
        .prefault({}),
    })
    .prefault({}),
});
export type Targets = z.infer<typeof Targets>;

/** Disclosure control for the published audience (docs/measures.md): counts from `minCount` to `maxCount` show as `symbol`. */
export const Suppression = z
  .strictObject({
    minCount: z.int().min(1).default(1),
    maxCount: z.int().min(1).default(5),
    symbol: z.string().min(1).max(10).default('c'),
  })
  .refine((s) => s.minCount <= s.maxCount, { message: 'minCount must not be above maxCount', path: ['maxCount'] });
export type Suppression = z.infer<typeof Suppression>;

export const Partner = z.strictObject({
  /** Stable identifier: stored with every row, used in folder names and on the command line. */
  code: z.string().regex(/^[a-z][a-z0-9_-]*$/, { error: 'a partner code: lower-case letters, digits, "-" or "_", starting with a letter' }),
  name: z.string().min(1),
  /** A folder holding `<YYYY-MM>/` subfolders; relative paths are relative to the pipeline file. */
  inbox: z.string().min(1),
});
export type Partner = z.infer<typeof Partner>;

export const audiences = ['internal', 'published'] as const;
export type Audience = (typeof audiences)[number];

/** Partner codes are unique. Runs even when other partner entries have errors, so every mistake is reported at once. */
function uniqueCodes(partners: readonly unknown[], ctx: z.core.$RefinementCtx<Partner[]>): void {
  const seen = new Map<string, number>();
  partners.forEach((partner, i) => {
    const code = (partner as { code?: unknown } | null)?.code;
    if (typeof code !== 'string') return;
    const first = seen.get(code);
    if (first === undefined) seen.set(code, i);
    else ctx.addIssue({ code: 'custom', message: `duplicate partner code "${code}" (first used by partners[${first}])`, path: [i, 'code'] });
  });
}

/** The file as written: paths as given (relative or absolute). `loadPipeline` resolves them. */
export const PipelineConfig = z
  .strictObject({
    /** The RAA's name, as the reports print it. */
    region: z.string().min(1),
    /** The DuckDB file; default `<pipeline name>.duckdb` beside the pipeline file (or an existing `raa.duckdb` there). */
    warehouse: z.string().min(1).optional(),
    /** The folder reports are written into, one `<YYYY-MM>/` folder per month; default `reports/<pipeline name>/` beside the pipeline file. */
    output: z.string().min(1).optional(),
    partners: z.array(Partner).min(1).superRefine(uniqueCodes, { when: (payload) => Array.isArray(payload.value) }),
    /** Extracts for month M are due by this day of month M+1. */
    submissionDueDay: z.int().min(1).max(28).default(10),
    /** A file is held when more than this share (0–1) of its rows have row errors. */
    holdThreshold: z.number().min(0).max(1).default(defaultSettings.holdThreshold),
    /** Adoption Support Fund per-child cap in pounds: an `asf_amount` above it is a warning. */
    asfCap: z.number().min(0).default(defaultSettings.asfCap),
    targets: Targets.prefault({}),
    suppression: Suppression.prefault({}),
    /** Report ids (folders under `reports/`) rendered by `raa run`. */
    reports: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'a report id: lower-case letters, digits and "-"' }))
      .min(1)
      .default(['nms-25-7', 'nms-26-4']),
    audiences: z.array(z.enum(audiences)).min(1).default(['internal', 'published']),
  });
export type PipelineConfig = z.infer<typeof PipelineConfig>;
export type PipelineConfigInput = z.input<typeof PipelineConfig>;
