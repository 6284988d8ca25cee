// The DuckDB type of each contract column type (schemas/defineDataset.ts), for the generated warehouse DDL.
import type { ColumnType } from '../../schemas/index.js';

/** DuckDB column type for a contract column type. Codes are stored as their code (`RD1`), lists of codes as VARCHAR[]. */
export function duckdbType(type: ColumnType): string {
  switch (type.kind) {
    case 'text':
      return 'VARCHAR';
    case 'date':
      return 'DATE';
    case 'integer':
      return 'INTEGER';
    case 'decimal':
      return 'DOUBLE';
    case 'money':
      return 'DECIMAL(12,2)';
    case 'yesno':
      return 'BOOLEAN';
    case 'month':
      return 'VARCHAR';
    case 'code':
      return 'VARCHAR';
    case 'codes':
      return 'VARCHAR[]';
  }
}
