// The contract as a zod schema of one normalised row: what a valid row of a dataset becomes after loading.
import { z } from 'zod';
import type { Column, ColumnType, Dataset } from '../../schemas/index.js';
import { codeLists } from '../../schemas/index.js';
import { monthPattern } from '../period/month.js';

/** One loaded value: ISO date or `YYYY-MM` month text, number, boolean, code, or list of codes. */
export type NormalisedValue = string | number | boolean | string[];

/** One loaded row: every field of the dataset, `null` where an optional value was not given. */
export type NormalisedRow = Record<string, NormalisedValue | null>;


/** The schema of a present value of a column type. */
export function valueSchema(type: ColumnType): z.ZodType<NormalisedValue> {
  switch (type.kind) {
    case 'text':
      return type.maxLength === undefined ? z.string().min(1) : z.string().min(1).max(type.maxLength);
    case 'date':
      return z.iso.date();
    case 'integer':
      return z.int().min(type.min).max(type.max);
    case 'decimal':
    case 'money':
      return z.number().min(type.min);
    case 'yesno':
      return z.enum(codeLists.yesNo.codes.map((c) => c.code));
    case 'month':
      return z.string().regex(monthPattern);
    case 'code':
      return z.enum(type.codes.codes.map((c) => c.code));
    case 'codes':
      return z.array(z.enum(type.codes.codes.map((c) => c.code))).min(1);
  }
}

/** A column's schema: its value, nullable when optional, titled with the official header. */
export function columnSchema(column: Column): z.ZodType<NormalisedValue | null> {
  const value = valueSchema(column.type);
  const schema = column.required ? value : value.nullable();
  return schema.meta(column.description ? { title: column.header, description: column.description } : { title: column.header });
}

/** The strict object schema of one normalised row of `dataset`: every field present, no others. */
export function rowSchema(dataset: Dataset) {
  const shape: Record<string, z.ZodType<NormalisedValue | null>> = {};
  for (const column of dataset.columns) shape[column.field] = columnSchema(column);
  return z.strictObject(shape).meta({ title: dataset.title, description: dataset.description });
}

export type RowSchema = ReturnType<typeof rowSchema>;
