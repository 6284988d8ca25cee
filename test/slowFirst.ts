// A scheduling hint for vitest: the files that take longest (process tests that kill, load or render) start first, so
// that no worker is left with a long file at the end while the others sit idle; the rest as vitest orders them (from
// its cache of earlier runs, else larger files first). Only the order changes: every file runs, with its assertions.
// On a clean clone there is no cache, which is when this matters most (CI). The list is in order of measured duration on two cores (loadCli about 30 s under load, the others 10–25 s),
// except that the first two need no sample warehouse, so they start while the sample run is still going.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const slowest = [
  'test/loadCli.test.ts',
  // These two need no sample warehouse: they run while test/globalSetup.ts's sample run finishes.
  'test/export/killedExport.test.ts',
  'test/explain/explainer.test.ts',
  'test/report/reportCommand.test.ts',
  'test/cli/annexA.test.ts',
  'test/report/killedReport.test.ts',
  'test/run.test.ts',
  'test/cli/workbookRun.test.ts',
  'test/load.test.ts',
  'test/render/browser.test.ts',
];

export class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = slowest.indexOf(relative(f.project.config.root, f.moduleId));
      return i < 0 ? slowest.length : i;
    };
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map((x) => x.f);
  }
}
