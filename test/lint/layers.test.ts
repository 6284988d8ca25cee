// The layers hold by rule: the import-boundary lint rule (eslint.layers.js) refuses an import that points up, and the
// whole of src/ and schemas/ passes it (so `npm test` keeps the arrows pointing down, not only `npm run lint`).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layers } from '../../eslint.layers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Only the layer rule, with the TypeScript parser: no type information is needed to read imports.
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, linterOptions: { reportUnusedDisableDirectives: 'off' } }, ...layers] });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('the layer rule', () => {
  it('refuses an import that points up a layer, naming both folders', async () => {
    expect(await problems('src/ingest/probe.ts', `import { planFile } from '../load/planFile.js';\n`)).toEqual([expect.stringMatching(/src\/ingest may not import src\/load: the layers go cli ▸ pipeline/)]);
    expect(await problems('src/measure/probe.ts', `import type { Pipeline } from '../pipeline/loadPipeline.js';\n`)).toEqual([expect.stringMatching(/src\/measure may not import src\/pipeline/)]);
    expect(await problems('src/render/deep/probe.ts', `export { loadReport } from '../../report/loadReport.js';\n`)).toEqual([expect.stringMatching(/src\/render may not import src\/report/)]);
    expect(await problems('src/status/probe.ts', `import { renderJson } from '../render/renderJson.js';\n`)).toHaveLength(1);
    expect(await problems('schemas/probe.ts', `import { visible } from '../src/diagnostics/visible.js';\n`)).toEqual([expect.stringMatching(/schemas\/ is the data contract at the bottom/)]);
  });

  it('refuses two folders of one rank importing each other', async () => {
    expect(await problems('src/status/probe.ts', `import { specMarkdown } from '../spec/specMarkdown.js';\n`)).toHaveLength(1);
    expect(await problems('src/export/probe.ts', `import { computeMeasures } from '../measure/computeMeasures.js';\n`)).toHaveLength(1);
  });

  it('lets the load reach validation only through its declared module', async () => {
    expect(await problems('src/load/probe.ts', `import { checkFiles } from '../validate/checkFiles.js';\n`)).toEqual([expect.stringMatching(/only through src\/validate\/index\.ts/)]);
    expect(await problems('src/load/probe.ts', `import { validateBatch } from '../validate/index.js';\n`)).toEqual([]);
    expect(await problems('src/load/probe.ts', `import { x } from '../pipeline/runPipeline.js';\n`)).toHaveLength(1);
  });

  it('lets an import point down, or stay in its folder', async () => {
    expect(await problems('src/load/probe.ts', `import { validateBatch } from '../validate/index.js';\nimport { x } from './local.js';\n`)).toEqual([]);
    expect(await problems('src/cli/probe.ts', `import { runPipeline } from '../pipeline/runPipeline.js';\n`)).toEqual([]);
    expect(await problems('src/measure/probe.ts', `import type { Pipeline } from '../config/Pipeline.js';\nimport { catalogue } from '../catalogue/catalogue.js';\n`)).toEqual([]);
  });

  it('holds for the whole of src/ and schemas/', async () => {
    const results = await eslint.lintFiles(['src/**/*.ts', 'schemas/**/*.ts']);
    const found = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length)}:${m.line}: ${m.message}`));
    expect(results.length).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
});
