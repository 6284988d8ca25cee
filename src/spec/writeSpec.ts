// Write the selected formats of the specification under one folder; returns the paths written, in order.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { datasets as allDatasets, type Dataset } from '../../schemas/index.js';
import { csvTemplate } from './csvTemplate.js';
import { specJsonSchema } from './specJsonSchema.js';
import { specMarkdown } from './specMarkdown.js';

export const specFormats = ['md', 'json-schema', 'csv-template'] as const;
export type SpecFormat = (typeof specFormats)[number];

export interface WriteSpecOptions {
  formats?: readonly SpecFormat[];
  outDir?: string;
  datasets?: readonly Dataset[];
}

export async function writeSpec({ formats = specFormats, outDir = 'spec', datasets = allDatasets }: WriteSpecOptions = {}): Promise<string[]> {
  const files: [string, string][] = [];
  if (formats.includes('md')) files.push(['data-specification.md', specMarkdown(datasets)]);
  if (formats.includes('json-schema')) {
    for (const ds of datasets) files.push([join('json-schema', `${ds.name}.schema.json`), `${JSON.stringify(specJsonSchema(ds), null, 2)}\n`]);
  }
  if (formats.includes('csv-template')) {
    for (const ds of datasets) files.push([join('templates', `${ds.name}.csv`), csvTemplate(ds)]);
  }
  const written: string[] = [];
  for (const [name, text] of files) {
    const path = join(outDir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, 'utf8');
    written.push(path);
  }
  return written;
}
