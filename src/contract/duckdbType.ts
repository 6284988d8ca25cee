// The DuckDB column type of each contract column type: the warehouse DDL and the checks' casts both use this.
import type { ColumnType } from '../../schemas/index.js';

export function duckdbType(type: ColumnType): string {
  switch (type.kind) {
    case 'text':
    case 'month':
    case 'code':
    case 'yesno':
      return 'VARCHAR';
    case 'date':
      return 'DATE';
    case 'integer':
      return 'INTEGER';
    case 'decimal':
      return 'DOUBLE';
    case 'money':
      return 'DECIMAL(12,2)';
    case 'codes':
      return 'VARCHAR[]';
  }
}
