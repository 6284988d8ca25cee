// Write a streamed query result to one Arrow IPC file, a record batch at a time, so memory does not grow with the rows.
import { RecordBatch, RecordBatchFileWriter, Schema, Struct, makeData, type DataType, type TypeMap } from 'apache-arrow';
import type { ColumnStream } from '../warehouse/Database.js';
import { arrowData } from './arrowData.js';
import { arrowField } from './arrowField.js';
import { withPartialFile } from './withPartialFile.js';

/** Arrow's file writer, telling how many bytes it has produced so the caller can write them out batch by batch. */
class CountingFileWriter<T extends TypeMap = TypeMap> extends RecordBatchFileWriter<T> {
  get bytesProduced(): number {
    return this._position;
  }
}

/**
 * Write `stream` to `path` as an Arrow IPC file (the random-access "file" format, `.arrow`), one record batch per
 * streamed batch; types as `arrowField` maps them, `metadata` on the schema. A result with no rows still gets its
 * schema (and one empty batch). The file appears only when complete. Returns the number of rows written.
 */
export async function writeArrowFile(path: string, stream: ColumnStream, metadata: Record<string, string> = {}): Promise<number> {
  const fields = stream.columns.map(arrowField);
  const schema = new Schema(fields, new Map(Object.entries(metadata)));
  const batchOf = (rowCount: number, values: readonly (readonly unknown[])[]) =>
    new RecordBatch(
      schema,
      makeData({
        type: new Struct(fields),
        length: rowCount,
        nullCount: 0,
        children: fields.map((f, i) => arrowData(f.type as DataType, values[i] ?? [])),
      }),
    );

  return withPartialFile(path, async (file) => {
    const writer = new CountingFileWriter();
    const bytes = writer[Symbol.asyncIterator]();
    let written = 0;
    // Arrow queues the encoded batch; take exactly what it produced and write it before encoding the next one.
    const writeOut = async () => {
      while (written < writer.bytesProduced) {
        const next = await bytes.next();
        if (next.done) break;
        await file.write(next.value);
        written += next.value.byteLength;
      }
    };
    let rows = 0;
    for await (const batch of stream.batches) {
      writer.write(batchOf(batch.rowCount, batch.values));
      rows += batch.rowCount;
      await writeOut();
    }
    if (rows === 0) writer.write(batchOf(0, []));
    writer.finish(); // writes the footer and closes the queue
    for (let next = await bytes.next(); !next.done; next = await bytes.next()) await file.write(next.value);
    return rows;
  });
}
