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

export function datasetByName(name: string): Dataset | undefined {
  return datasets.find((d) => d.name === name);
}

export { children, adopters, support, concerns, workforce };
export type { Dataset, Column, ColumnType, CodeList, Code, CodeGroup, RowRule } from './defineDataset.js';
export * as codeLists from './codeLists.js';
