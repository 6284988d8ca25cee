// A column type in words for a council data officer: kind, range, length, code list.
import type { ColumnType } from '../../schemas/index.js';
import { mdCode } from './markdownTable.js';

const gbp = (n: number) => `£${n.toLocaleString('en-GB')}`;

/** Markdown: e.g. "whole number 0–25", "text, at most 50 characters", "code from the `gender` list". */
export function describeType(type: ColumnType): string {
  switch (type.kind) {
    case 'text':
      return type.maxLength === undefined ? 'text' : `text, at most ${type.maxLength} characters`;
    case 'date':
      return type.planned ? 'date (a planned date: may be after the reporting month)'
        : type.minimisedToMonth ? 'date (kept as the first of its month)'
        : 'date';
    case 'integer':
      return `whole number ${type.min}–${type.max}`;
    case 'decimal':
      return `number, at least ${type.min} (decimals allowed)`;
    case 'money':
      return `money in pounds, at least ${gbp(type.min)}`;
    case 'yesno':
      return 'yes/no';
    case 'month':
      return 'month as YYYY-MM';
    case 'code':
      return `code from the ${mdCode(type.codes.name)} list`;
    case 'codes':
      return `one or more codes from the ${mdCode(type.codes.name)} list, separated by ${mdCode(type.separator)}`;
  }
}
