// The data contract: the five monthly extracts, in the order the specification presents them.
import type { Dataset } from './defineDataset.js';
import { children } from './children.js';
import { adopters } from './adopters.js';
import { support } from './support.js';
import { concerns } from './concerns.js';
import { workforce } from './workforce.js';

export const datasets = [children, adopters, support, concerns, workforce] as const satisfies readonly Dataset[];
export type DatasetName = (typeof datasets)[number]['name'];
export const datasetNames: DatasetName[] = datasets.map((d) => d.name);
/** Every field name of every dataset, as the type checker knows them: code that names a field is checked against schemas/. */
export type FieldName = Exclude<(typeof datasets)[number] extends infer D ? (D extends { readonly __fields?: infer F } ? F : never) : never, undefined>;

export function datasetByName(name: string): Dataset | undefined {
  return datasets.find((d) => d.name === name);
}

/** Datasets a partner may choose not to send (`optional` in their definitions). */
export const optionalDatasets: readonly DatasetName[] = datasets.filter((d) => d.optional).map((d) => d.name);

// A reference must name a dataset and field that exist: a mistake here fails at start-up, like any in schemas/.
for (const ds of datasets) {
  for (const ref of ds.references) {
    for (const t of ref.targets) {
      if (!datasetByName(t.dataset)?.columns.some((c) => c.field === t.field)) throw new Error(`schemas/${ds.name}.ts: references: ${t.dataset}.${t.field} does not exist`);
    }
  }
}

export { children, adopters, support, concerns, workforce };
export type { Dataset, Column, ColumnType, CodeList, Code, CodeGroup, RowRule } from './defineDataset.js';
export { codesOf, fieldsOf } from './defineDataset.js';
export { annexAOtherLists, otherAnnexAList } from './annexAOtherLists.js';
export * as codeLists from './codeLists.js';
