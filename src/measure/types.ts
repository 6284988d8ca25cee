// The shape of computed measures and of the machine-readable report (the JSON output and the basis of golden tests),
// written once as zod: the TypeScript types are inferred from it and docs/report.schema.json is generated from it
// (reportJsonSchema), so the published schema cannot drift from what the code writes.
// Measures compute `Figure`s; disclosure control (published audience) rewrites them; renderers only read them.
import { z } from 'zod';
import { Direction, FigureWindow, Unit } from '../catalogue/vocabulary.js';

export { Direction, FigureWindow, Unit };

export const Rag = z.enum(['green', 'amber', 'red']).meta({ id: 'Rag' });
export type Rag = z.infer<typeof Rag>;

/**
 * - `ok`: computed.
 * - `no_cases`: the denominator is zero (a rate shows "no cases", never 0%).
 * - `not_submitted`: the partner sent no accepted file for a dataset the figure needs in the month.
 */
export const FigureStatus = z.enum(['ok', 'no_cases', 'not_submitted']).meta({
  id: 'FigureStatus',
  description: 'ok: computed; no_cases: nothing to measure (zero denominator), never 0; not_submitted: the partner sent no accepted file the figure needs, never 0.',
});
export type FigureStatus = z.infer<typeof FigureStatus>;

const isoDate = z.iso.date();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'a month as YYYY-MM' });

/** The time limit a figure counts cases against, e.g. allocated within 28 days. */
export const TimeLimit = z
  .strictObject({ value: z.number().positive(), unit: z.enum(['days', 'months']) })
  .meta({ id: 'TimeLimit', description: 'The time limit the figure counts cases against, e.g. {"value": 28, "unit": "days"} for "allocated within 28 days".' });
export type TimeLimit = z.infer<typeof TimeLimit>;

/**
 * Why the published report hides a figure: `primary`, a count of 1 to 5 or a figure over 1 to 5 records; `secondary`,
 * hidden so that a primary one cannot be worked out from the totals and the cells shown (it may be 0 or over 5).
 */
export const SuppressionKind = z.enum(['primary', 'secondary']).meta({ id: 'SuppressionKind' });
export type SuppressionKind = z.infer<typeof SuppressionKind>;

/** One number in a report, with where it came from and how it is judged. */
export const Figure = z
  .strictObject({
    value: z.number().nullable().meta({ description: 'The figure; null unless status is ok and it is not suppressed. Percentages are 0–100 with one decimal; money is exact to the penny.' }),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    unit: Unit,
    direction: Direction.nullable().meta({ description: 'Which way is better; null for a volume, where neither is.' }),
    target: z.number().nullable().meta({ description: "The green threshold in the figure's unit (from the pipeline file, else the measure's default); null when the figure has no target." }),
    amber: z.number().nullable().meta({ description: 'The amber threshold in the same unit: amber between it and the target, red beyond it; null when there is no amber band (green or red only) or no target.' }),
    rag: Rag.nullable(),
    status: FigureStatus,
    suppressed: z.boolean().meta({ description: 'Published audience only: hidden by disclosure control (value, numerator and denominator are then null).' }),
    suppression: SuppressionKind.optional().meta({ description: 'Internal audience only: the published report hides this figure, and why (the published report itself never says which).' }),
    timeLimit: TimeLimit.optional(),
    window: FigureWindow.optional(),
    excluded: z.int().min(0).optional().meta({ description: 'Records left out of the denominator because they lack a date or amount the figure needs.' }),
    note: z.string().optional().meta({ description: 'A word for a figure that has no number by definition, e.g. "not clearing" (support.capacity months_to_clear).' }),
  })
  .meta({ id: 'Figure' });
export type Figure = z.infer<typeof Figure>;

export const TrendPoint = z.strictObject({ month, figure: Figure }).meta({ id: 'TrendPoint' });
export type TrendPoint = z.infer<typeof TrendPoint>;

/** A measure's figures for one entity (a partner, or the region). */
export const EntityFigures = z
  .strictObject({
    figures: z.record(z.string(), Figure).meta({ description: 'Named figures, e.g. count, median_days, within_target (docs/measures.md lists them per measure).' }),
    breakdowns: z.record(z.string(), z.record(z.string(), Figure)).optional().meta({ description: 'Breakdown name → category → figure, e.g. by_source.complaint.' }),
    trend: z.array(TrendPoint).optional().meta({ description: "Monthly trend of the measure's headline figure over the twelve months, oldest first." }),
    trends: z.record(z.string(), z.array(TrendPoint)).optional().meta({ description: 'Measures with several monthly series (e.g. adopters.flow): series name → its trend; `trend` is the headline series.' }),
    labels: z.record(z.string(), z.record(z.string(), z.string())).optional().meta({ description: "Values that are words, not numbers: table → row → text, e.g. dq.submission state.children = 'loaded'." }),
    notSubmitted: z.array(z.string()).optional().meta({ description: 'Region only: partners left out of this measure because they did not submit what it needs.' }),
    submissions: z.array(z.int()).meta({ description: 'Ids of the submissions the figures were computed from.' }),
  })
  .meta({ id: 'EntityFigures' });
export type EntityFigures = z.infer<typeof EntityFigures>;

export const MeasureResult = z
  .strictObject({
    id: z.string().meta({ description: 'Stable measure id, e.g. support.awaiting_allocation (docs/measures.md).' }),
    title: z.string(),
    standard: z.string().meta({ description: 'The Adoption National Minimum Standard: 26.4 or 25.7.' }),
    headline: z.string().meta({ description: 'The figure shown as the headline (tiles, trends), e.g. count.' }),
    partners: z.record(z.string(), EntityFigures).meta({ description: 'Partner code → figures.' }),
    region: EntityFigures,
    breakdownTotals: z.record(z.string(), z.string().nullable()).optional().meta({
      description: "Every breakdown of the measure → the figure its categories add up to (per entity), or null when they add up to none (e.g. a concern's learning may go to several destinations).",
    }),
    trendTotals: z.record(z.string(), z.string().nullable()).optional().meta({
      description:
        'Every trend series → the figure its twelve points add up to (per entity), or null when they add up to none (a position at each month end, not a count in the month). A measure with one series writes it as `trend`, and its key here is the headline figure.',
    }),
  })
  .meta({ id: 'MeasureResult' });
export type MeasureResult = z.infer<typeof MeasureResult>;

/** Internal audience only: lists of record ids behind a measure (never in published output). */
export const EvidenceList = z
  .strictObject({ id: z.string(), title: z.string(), columns: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))) })
  .meta({ id: 'EvidenceList', description: 'Internal audience only: the records behind a measure, by identifier.' });
export type EvidenceList = z.infer<typeof EvidenceList>;

export const SubmissionUsed = z
  .strictObject({ id: z.int(), partner: z.string(), dataset: z.string(), fileName: z.string(), sha256: z.string(), receivedAt: z.string().nullable(), rowsLoaded: z.int().min(0) })
  .meta({ id: 'SubmissionUsed' });
export type SubmissionUsed = z.infer<typeof SubmissionUsed>;

export const Audience = z.enum(['internal', 'published']);
export type Audience = z.infer<typeof Audience>;

/** The whole machine-readable report for one reporting month and audience. */
export const ReportData = z
  .strictObject({
    report: z.strictObject({ id: z.string(), title: z.string(), standard: z.string() }),
    region: z.string(),
    period: month,
    periodEnd: isoDate.meta({ description: 'Last day of the period.' }),
    audience: Audience,
    generatedAt: z.string(),
    partners: z.array(z.strictObject({ code: z.string(), name: z.string() })),
    submissions: z.array(SubmissionUsed),
    measures: z.array(MeasureResult),
    evidence: z.array(EvidenceList).optional().meta({ description: 'Present for the internal audience only.' }),
  })
  .meta({
    title: 'raa monitoring report',
    description: 'One report (NMS 25.7 or 26.4) for one month and audience, as `raa report --format json` writes it. Measure and figure names: docs/measures.md.',
  });
export type ReportData = z.infer<typeof ReportData>;
