// Every measure of the catalogue (docs/measures.md) for month M, per partner and region, with the submissions used and the internal evidence lists.
import type { Pipeline } from '../config/Pipeline.js';
import type { Database } from '../warehouse/Database.js';
import { submissionsUsed } from '../warehouse/ledger.js';
import { adopterMeasures } from './adopterMeasures.js';
import { childrenMeasures } from './childrenMeasures.js';
import { concernMeasures } from './concernMeasures.js';
import { dqMeasures } from './dqMeasures.js';
import { evidenceLists } from './evidenceLists.js';
import { measureContext } from './MeasureContext.js';
import { availablePeriods, NoDataForPeriodError, reportPeriod } from './reportPeriod.js';
import { supportCapacity } from './supportCapacity.js';
import { supportMeasures } from './supportMeasures.js';
import { workforceMeasures } from './workforceMeasures.js';
import type { EvidenceList, MeasureResult, SubmissionUsed } from './types.js';

export interface ComputedMeasures {
  measures: MeasureResult[];
  /** Every current submission of M the measures read (pipeline partners only), by partner then dataset. */
  submissions: SubmissionUsed[];
  /** Internal audience only. */
  evidence: EvidenceList[];
}

/** Throws `NoDataForPeriodError` (listing the months that have data) when M has no loaded submission. */
export async function computeMeasures(db: Database, pipeline: Pipeline, period: string): Promise<ComputedMeasures> {
  reportPeriod(period);
  const available = await availablePeriods(db);
  if (!available.includes(period)) throw new NoDataForPeriodError(period, available);
  const ctx = await measureContext(db, pipeline, period);
  const capacity = await supportCapacity(ctx);
  const measures = [
    ...(await supportMeasures(ctx)),
    ...(capacity ? [capacity] : []),
    ...(await adopterMeasures(ctx)),
    ...(await childrenMeasures(ctx)),
    ...(await dqMeasures(ctx)),
    ...(await workforceMeasures(ctx)),
    ...(await concernMeasures(ctx)),
  ];
  const used = await submissionsUsed(db, period);
  const order = (p: string) => pipeline.partners.findIndex((x) => x.code === p);
  const submissions: SubmissionUsed[] = used
    .filter((s) => order(s.partner) >= 0)
    .sort((a, b) => order(a.partner) - order(b.partner) || a.dataset.localeCompare(b.dataset))
    .map((s) => ({ ...s, sha256: s.sha256 ?? '' }));
  return { measures, submissions, evidence: await evidenceLists(ctx) };
}

export { availablePeriods, NoDataForPeriodError } from './reportPeriod.js';
