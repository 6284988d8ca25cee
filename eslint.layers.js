// The layers of src/ as a lint rule: a folder imports only folders below it, never one above, and no two folders of a
// rank import each other. Ranks, top to bottom (the README draws the same picture):
//   cli ▸ pipeline ▸ report ▸ render ▸ status, spec, explain ▸ measure, export ▸ load ▸ validate ▸ ingest ▸ warehouse
//   ▸ diagnostics, contract ▸ config ▸ catalogue, errors, period ▸ schemas (the data contract, outside src/).

/** Folders of src/, by rank: a higher number may import a lower one. */
export const ranks = {
  cli: 13,
  pipeline: 12,
  report: 11,
  render: 10,
  status: 9,
  spec: 9,
  explain: 9,
  measure: 8,
  export: 8,
  load: 7,
  validate: 6,
  ingest: 5,
  warehouse: 4,
  diagnostics: 3,
  contract: 3,
  config: 2,
  catalogue: 1,
  errors: 1,
  period: 1,
};

const message = (from, to) => `src/${from} may not import src/${to}: the layers go cli ▸ pipeline ▸ report ▸ render ▸ status/spec/explain ▸ measure/export ▸ load ▸ validate ▸ ingest ▸ warehouse ▸ diagnostics/contract ▸ config ▸ catalogue/errors/period ▸ schemas (README, "Layers")`;

/** The import patterns folder `from` may not use: every folder of its rank or above. */
const forbiddenFor = (/** @type {keyof typeof ranks} */ from) =>
  Object.entries(ranks)
    .filter(([to, r]) => to !== from && r >= ranks[from])
    .map(([to]) => ({ group: [`**/src/${to}/**`, `../${to}/**`, `../../${to}/**`, `../../../${to}/**`], message: message(from, to) }));

/** One config block per folder, naming the folders it may not import. */
export const layers = [
  ...Object.keys(ranks).map((from) => ({ files: [`src/${from}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns: forbiddenFor(from) }] } })),
  // The load meets validation at one declared module (src/validate/index.ts: CheckedFile and the batch), nowhere else.
  {
    files: ['src/load/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        ...forbiddenFor('load'),
        { group: ['../validate/*', '!../validate/index.js'], message: 'src/load imports validation only through src/validate/index.ts (the declared hand-off)' },
      ] }],
    },
  },
  {
    files: ['schemas/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/**', '../src/**'], message: 'schemas/ is the data contract at the bottom: it imports nothing from src/' }] }] },
  },
];
