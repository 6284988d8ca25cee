// parse (helper): a copy of a UTF-8 file with every CRLF and lone CR turned into LF, for files that mix line endings
// (DuckDB's reader takes one line ending per file). Each line break stays one line break, so line numbers are unchanged.
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export async function normaliseLineEndings(path: string, scratchDir: string): Promise<string> {
  const out = join(scratchDir, `lf-${Math.random().toString(36).slice(2)}.csv`);
  let pendingCR = false;
  const toLF = new Transform({
    transform(chunk: Buffer, _enc, done) {
      let start = 0;
      const parts: Buffer[] = [];
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i];
        if (pendingCR) {
          pendingCR = false;
          if (b === 0x0a) {
            start = i + 1; // the LF of a CRLF whose CR ended the previous chunk
            continue;
          }
        }
        if (b === 0x0d) {
          parts.push(chunk.subarray(start, i), Buffer.from([0x0a]));
          if (i + 1 < chunk.length) {
            if (chunk[i + 1] === 0x0a) i++;
          } else pendingCR = true;
          start = i + 1;
        }
      }
      parts.push(chunk.subarray(start));
      done(null, Buffer.concat(parts));
    },
  });
  await pipeline(createReadStream(path), toLF, createWriteStream(out, { mode: 0o600 }));
  return out;
}
