// One column of values (as Database.streamColumns gives them) as Arrow data of the field's type.
import { DataType, makeBuilder, makeData, type Builder, type Data, type DateDay, type TimestampMicrosecond } from 'apache-arrow';

/**
 * Arrow data for `values` of `type`. Dates arrive as days since 1970-01-01 and timestamps as microseconds (bigint)
 * and are stored as they are, so nothing is rounded through a JS Date; other types go through Arrow's builders
 * (null and undefined are nulls).
 */
export function arrowData(type: DataType, values: readonly unknown[]): Data {
  if (DataType.isDate(type)) return dateDays(type as DateDay, values);
  if (DataType.isTimestamp(type)) return timestampMicros(type as TimestampMicrosecond, values);
  const builder = makeBuilder({ type, nullValues: [null, undefined] }) as Builder<DataType, null | undefined>;
  for (const v of values) builder.append(v);
  return builder.finish().flush();
}

function dateDays(type: DateDay, values: readonly unknown[]): Data<DateDay> {
  const data = new Int32Array(values.length);
  const { nullBitmap, nullCount } = validity(values, (v, i) => {
    data[i] = v as number;
  });
  return makeData({ type, length: values.length, nullCount, nullBitmap, data });
}

function timestampMicros(type: TimestampMicrosecond, values: readonly unknown[]): Data<TimestampMicrosecond> {
  const data = new BigInt64Array(values.length);
  const { nullBitmap, nullCount } = validity(values, (v, i) => {
    data[i] = v as bigint;
  });
  return makeData({ type, length: values.length, nullCount, nullBitmap, data });
}

/** Set each non-null value; the validity bitmap (bit set = present, least significant bit first) when any is null. */
function validity(values: readonly unknown[], set: (value: unknown, index: number) => void): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) {
      nullCount++;
      return;
    }
    set(v, i);
    bitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { nullBitmap: nullCount > 0 ? bitmap : undefined, nullCount };
}
