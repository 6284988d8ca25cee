// The Arrow field for a DuckDB column: its Arrow type (the mapping below) and its DuckDB type kept as field metadata.
import { Bool, DateDay, Field, Float64, Int32, Int64, List, TimestampMicrosecond, Utf8, type DataType } from 'apache-arrow';
import type { StreamColumn } from '../warehouse/Database.js';

/** Field metadata key holding the column's DuckDB type, e.g. `DECIMAL(12,2)`, so a reader can restore it exactly. */
export const duckdbTypeKey = 'duckdb_type';

/**
 * The Arrow type for a DuckDB type as SQL writes it:
 * VARCHAR → Utf8; INTEGER → Int32; BIGINT → Int64; DOUBLE → Float64; BOOLEAN → Bool; DATE → DateDay;
 * TIMESTAMP → Timestamp(microsecond, no time zone), as DuckDB stores it; `T[]` → List<T>.
 *
 * DECIMAL(p,s) → Float64, not Decimal128: the warehouse's only decimals are money, DECIMAL(12,2), and a double holds
 * every such value to the cent (≤ 15 significant digits round-trip exactly; `toFixed(2)` recovers the decimal),
 * while Decimal128 reaches pandas and R as objects or strings that analysts then convert by hand. The exact type is
 * kept in the field's `duckdb_type` metadata, and the Parquet export keeps DECIMAL(12,2) itself.
 *
 * Any other type throws: a new column type in schemas/ needs a line here, not a silent guess.
 */
export function arrowType(duckdbType: string): DataType {
  if (duckdbType.endsWith('[]')) return new List(new Field('item', arrowType(duckdbType.slice(0, -2)), true));
  if (/^DECIMAL\(\d+,\d+\)$/.test(duckdbType)) return new Float64();
  switch (duckdbType) {
    case 'VARCHAR':
      return new Utf8();
    case 'INTEGER':
      return new Int32();
    case 'BIGINT':
      return new Int64();
    case 'DOUBLE':
      return new Float64();
    case 'BOOLEAN':
      return new Bool();
    case 'DATE':
      return new DateDay();
    case 'TIMESTAMP':
      return new TimestampMicrosecond();
    default:
      throw new Error(`no Arrow type for the DuckDB type ${duckdbType}; add it to src/export/arrowField.ts`);
  }
}

/** A nullable field named after the column, with its DuckDB type in the metadata. */
export function arrowField(column: StreamColumn): Field {
  return new Field(column.name, arrowType(column.type), true, new Map([[duckdbTypeKey, column.type]]));
}
