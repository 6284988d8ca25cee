// Test helper: the bundled sample data (both months, every partner) loaded into a real warehouse, and its measures for a month.
import { join } from 'node:path';
import { inboxFiles } from '../../src/load/inboxFiles.js';
import { loadPartnerMonth } from '../../src/load/loadPartnerMonth.js';
import { computeMeasures, type ComputedMeasures } from '../../src/measure/computeMeasures.js';
import type { Pipeline } from '../../src/pipeline/loadPipeline.js';
import { newWarehouse, pipeline } from './warehouseFixture.js';

export const sampleCodes = ['northmoor', 'eastbridge', 'southwold', 'westholm', 'rivermead'];

/** The sample's measures for `period` (2026-10 by default), with the pipeline they were computed under. */
export async function sampleMeasures(period = '2026-10'): Promise<{ computed: ComputedMeasures; pipeline: Pipeline }> {
  const db = await newWarehouse();
  const p = pipeline(sampleCodes);
  for (const month of ['2026-09', '2026-10']) {
    for (const code of sampleCodes) {
      const files = await inboxFiles(join(import.meta.dirname, '../../sample-data', code, month));
      await loadPartnerMonth(db, { partner: code, period: month, files, settings: { asfCap: p.asfCap, holdThreshold: p.holdThreshold } });
    }
  }
  return { computed: await computeMeasures(db, p, period), pipeline: p };
}
