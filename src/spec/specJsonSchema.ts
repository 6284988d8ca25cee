// A dataset's JSON Schema: the JSON Schema (draft 2020-12) of one normalised row, from the contract's row schema.
import { z } from 'zod';
import type { Dataset } from '../../schemas/index.js';
import { rowSchema } from '../contract/rowSchema.js';

/** Titled with the dataset's title and description; each property titled with its official header. */
export function specJsonSchema(dataset: Dataset): Record<string, unknown> {
  return z.toJSONSchema(rowSchema(dataset));
}
