// read: one streaming pass over a file's bytes → size, sha256, the first 64 KiB, and the byte facts decode needs.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';

export interface FileBytes {
  path: string;
  bytes: number;
  sha256: string;
  /** The first 64 KiB (or the whole file if smaller). */
  head: Buffer;
  /** Whether every byte sequence is valid UTF-8 (checked only when the file has no UTF-16 BOM). */
  utf8Valid: boolean;
  /** 1-based line of the first NUL byte (binary content), when the file is not UTF-16. */
  nulLine: number | null;
  /** Whether the file contains a byte Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D). */
  has1252Undefined: boolean;
}

export class UnreadableFileError extends Error {}

const HEAD = 64 * 1024;
const undefined1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/** Bytes at the end of `buf` that may begin an incomplete UTF-8 sequence (0–3). */
function incompleteTail(buf: Buffer): number {
  for (let i = 1; i <= Math.min(3, buf.length); i++) {
    const b = buf[buf.length - i] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking back
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > i ? i : 0;
    }
    return 0;
  }
  return 0;
}

export async function readFile(path: string): Promise<FileBytes> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw new UnreadableFileError(describe(e));
  }
  if (info.isDirectory()) throw new UnreadableFileError('it is a folder, not a file');
  const hash = createHash('sha256');
  const headParts: Buffer[] = [];
  let headLen = 0;
  let bytes = 0;
  let utf16 = false;
  let utf8Valid = true;
  let carry: Buffer = Buffer.alloc(0);
  let nulLine: number | null = null;
  let lines = 1;
  let has1252Undefined = false;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      if (bytes === 0) utf16 = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
      bytes += chunk.length;
      hash.update(chunk);
      if (headLen < HEAD) {
        const part = chunk.subarray(0, HEAD - headLen);
        headParts.push(part);
        headLen += part.length;
      }
      if (utf16) continue;
      if (nulLine === null) {
        const z = chunk.indexOf(0);
        if (z >= 0) nulLine = lines + countNewlines(chunk, z);
        else lines += countNewlines(chunk, chunk.length);
      }
      if (utf8Valid) {
        const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        const tail = incompleteTail(buf);
        utf8Valid = isUtf8(buf.subarray(0, buf.length - tail));
        carry = Buffer.from(buf.subarray(buf.length - tail));
      }
      if (!utf8Valid && !has1252Undefined) has1252Undefined = undefined1252.some((b) => chunk.includes(b));
    }
  } catch (e) {
    throw new UnreadableFileError(describe(e));
  }
  if (carry.length) utf8Valid = false;
  return { path, bytes, sha256: hash.digest('hex'), head: Buffer.concat(headParts), utf8Valid, nulLine, has1252Undefined };
}

function countNewlines(buf: Buffer, end: number): number {
  let n = 0;
  let i = buf.indexOf(10);
  while (i >= 0 && i < end) {
    n++;
    i = buf.indexOf(10, i + 1);
  }
  return n;
}

function describe(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return e instanceof Error ? e.message : String(e);
}
