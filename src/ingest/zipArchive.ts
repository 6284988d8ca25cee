// The zip container of an .xlsx workbook, read with bounds: the central directory is parsed by hand so that every
// entry's declared size is checked before anything is inflated, and each entry is inflated as a stream that stops at
// its declared size (a zip bomb declares little and inflates to a lot) and checks its CRC (a damaged file).
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw, crc32 } from 'node:zlib';

/** Limits on what a workbook may hold: beyond them it is refused as oversized, never read at length. */
export const zipLimits = {
  /** Entries in the archive (a workbook has a few dozen). */
  maxEntries: 10_000,
  /** Inflated size of one entry, declared or actual. */
  maxEntryBytes: 256 * 1024 * 1024,
  /** Inflated size of all entries together, as declared. */
  maxTotalBytes: 1024 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  crc: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/** The archive is damaged or is not a zip archive. */
export class ZipDamagedError extends Error {}
/** The archive is over one of `zipLimits`. */
export class ZipTooLargeError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/** The entries of the central directory; throws ZipDamagedError or ZipTooLargeError. */
export function zipEntries(buf: Buffer, limits = zipLimits): ZipEntry[] {
  // The end-of-central-directory record is the last 22 bytes, before a comment of up to 65,535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipDamagedError('its zip directory is missing, so the file is cut short or damaged');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new ZipTooLargeError('it is in the ZIP64 format used for archives over 4 GB');
  if (count > limits.maxEntries) throw new ZipTooLargeError(`it holds ${count.toLocaleString('en-GB')} parts, over the limit of ${limits.maxEntries.toLocaleString('en-GB')}`);
  if (cdOffset + cdSize > eocd) throw new ZipDamagedError('its zip directory points beyond the end of the file, so the file is cut short or damaged');
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== CENTRAL) throw new ZipDamagedError('its zip directory is damaged');
    const flags = buf.readUInt16LE(at + 8);
    const nameLength = buf.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      encrypted: (flags & 1) !== 0,
      crc: buf.readUInt32LE(at + 16),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.offset === 0xffffffff) throw new ZipTooLargeError('it is in the ZIP64 format used for archives over 4 GB');
    if (entry.size > limits.maxEntryBytes) throw new ZipTooLargeError(`its part ${entry.name} unpacks to ${mb(entry.size)}, over the limit of ${mb(limits.maxEntryBytes)}`);
    total += entry.size;
    if (total > limits.maxTotalBytes) throw new ZipTooLargeError(`its parts unpack to more than ${mb(limits.maxTotalBytes)}`);
    entries.push(entry);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
function entryData(buf: Buffer, e: ZipEntry): Buffer {
  if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== LOCAL) throw new ZipDamagedError(`its part ${e.name} is missing or damaged`);
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  if (start + e.compressedSize > buf.length) throw new ZipDamagedError(`its part ${e.name} is cut short`);
  return buf.subarray(start, start + e.compressedSize);
}

/** Counts and checks the inflated bytes of an entry, and passes them on as UTF-8 text (split characters kept whole). */
class CheckedText extends Transform {
  private produced = 0;
  private crc = 0;
  private readonly decoder = new StringDecoder('utf8');

  constructor(private readonly entry: ZipEntry, private readonly limit: number) {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.produced += chunk.length;
    if (this.produced > this.entry.size) {
      done(new ZipTooLargeError(`its part ${this.entry.name} unpacks to more than the ${this.entry.size.toLocaleString('en-GB')} bytes it declares (the mark of a "zip bomb")`));
      return;
    }
    if (this.produced > this.limit) {
      done(new ZipTooLargeError(`its part ${this.entry.name} unpacks to more than ${mb(this.limit)}`));
      return;
    }
    this.crc = crc32(chunk, this.crc);
    const text = this.decoder.write(chunk);
    done(null, text === '' ? undefined : text);
  }

  override _flush(done: TransformCallback): void {
    if (this.produced !== this.entry.size || this.crc !== this.entry.crc) {
      done(new ZipDamagedError(`its part ${this.entry.name} is damaged (its contents do not match its checksum)`));
      return;
    }
    const rest = this.decoder.end();
    done(null, rest === '' ? undefined : rest);
  }
}

/**
 * An entry's contents as a stream of text chunks, inflated as they are read; the stream fails with ZipTooLargeError
 * past the entry's declared size or the limit, and with ZipDamagedError on bad data or a checksum mismatch.
 * Destroy it to stop early.
 */
export function entryText(buf: Buffer, e: ZipEntry, limit = zipLimits.maxEntryBytes): Readable {
  if (e.encrypted) throw new ZipDamagedError(`its part ${e.name} is encrypted`);
  if (e.method !== 0 && e.method !== 8) throw new ZipDamagedError(`its part ${e.name} uses a compression method Excel does not write (${e.method})`);
  const data = entryData(buf, e);
  const check = new CheckedText(e, limit);
  const source = Readable.from([data], { objectMode: false });
  const inflated = e.method === 8 ? source.pipe(createInflateRaw()) : source;
  const fail = (err: Error) => check.destroy(err instanceof ZipTooLargeError || err instanceof ZipDamagedError ? err : new ZipDamagedError(`its part ${e.name} is damaged (${err.message})`));
  inflated.on('error', fail);
  inflated.pipe(check);
  // Stopping early (destroying the text) stops the inflating too.
  check.on('close', () => {
    if (inflated !== source) (inflated as Transform).destroy();
    source.destroy();
  });
  return check;
}
