// Test helper: the bundled sample data (both months, every partner) as loaded once per test run by `raa run`
// (test/globalSetup.ts), read-only, and its measures for a month.
import { computeMeasures, type ComputedMeasures } from '../../src/measure/computeMeasures.js';
import { Database } from '../../src/warehouse/Database.js';
import type { Pipeline } from '../../src/pipeline/loadPipeline.js';
import { pipeline } from './warehouseFixture.js';
import { sampleRun } from '../sampleRun.js';

export const sampleCodes = ['northmoor', 'eastbridge', 'southwold', 'westholm', 'rivermead'];

/** The sample's measures for `period` (2026-10 by default), with the pipeline they were computed under. */
export async function sampleMeasures(period = '2026-10'): Promise<{ computed: ComputedMeasures; pipeline: Pipeline }> {
  const db = await Database.open((await sampleRun()).warehouse, { access_mode: 'READ_ONLY' });
  const p = pipeline(sampleCodes);
  try {
    return { computed: await computeMeasures(db, p, period), pipeline: p };
  } finally {
    db.close();
  }
}
