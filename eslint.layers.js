// The layers of src/ as a lint rule: a folder imports only folders below it, never one above, and no two folders of a
// rank import each other. Ranks, top to bottom (the README draws the same picture):
//   cli ▸ pipeline ▸ report ▸ render ▸ status, spec ▸ measure, export ▸ load ▸ validate ▸ ingest ▸ warehouse
//   ▸ diagnostics, contract ▸ config ▸ catalogue, errors, period ▸ schemas (the data contract, outside src/).

/** Folders of src/, by rank: a higher number may import a lower one. */
export const ranks = {
  cli: 13,
  pipeline: 12,
  report: 11,
  render: 10,
  status: 9,
  spec: 9,
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

const message = (from, to) => `src/${from} may not import src/${to}: the layers go cli ▸ pipeline ▸ report ▸ render ▸ status/spec ▸ measure/export ▸ load ▸ validate ▸ ingest ▸ warehouse ▸ diagnostics/contract ▸ config ▸ catalogue/errors/period ▸ schemas (README, "Layers")`;

/** One config block per folder, naming the folders it may not import. */
export const layers = [
  ...Object.entries(ranks).map(([from, rank]) => {
    const above = Object.entries(ranks).filter(([to, r]) => to !== from && r >= rank).map(([to]) => to);
    return {
      files: [`src/${from}/**/*.ts`],
      rules: {
        'no-restricted-imports': ['error', { patterns: above.map((to) => ({ group: [`**/src/${to}/**`, `../${to}/**`, `../../${to}/**`, `../../../${to}/**`], message: message(from, to) })) }],
      },
    };
  }),
  {
    files: ['schemas/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/**', '../src/**'], message: 'schemas/ is the data contract at the bottom: it imports nothing from src/' }] }] },
  },
];
