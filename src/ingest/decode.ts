// decode: which encoding the bytes are in (UTF-8 ± BOM, UTF-16 LE/BE, Windows-1252), and a UTF-8 copy to read when they are not UTF-8.
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import type { RuleCode } from '../diagnostics/rules.js';
import type { FileBytes } from './readFile.js';

/** The encodings an extract may come in, as recorded in the ledger. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  encoding: Encoding;
  /** A UTF-8 file that DuckDB and the record scanner read: the original, or a transcoded copy in the scratch folder. */
  utf8Path: string;
  /** Bytes to skip at the start of `utf8Path` (a UTF-8 byte order mark). */
  bomBytes: number;
  /** The head of the file as text, without a byte order mark: enough for the dialect and the header row. */
  headText: string;
}

export type DecodeFailure = { rule: RuleCode; detail?: string; line?: number };
export type DecodeResult = { ok: true; value: Decoded } | ({ ok: false } & DecodeFailure);

const signatures: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'an Excel workbook (.xlsx) or a zip archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an Excel 97–2003 workbook (.xls)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'a Rich Text document'],
  [[0x1f, 0x8b], 'a gzip archive'],
];

/** Share of zero bytes at even or odd offsets: UTF-16 text without a BOM has ~half its bytes zero on one side. */
function utf16Guess(head: Buffer): Encoding | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd > 0.3 * half && even < 0.05 * half) return 'utf-16le';
  if (even > 0.3 * half && odd < 0.05 * half) return 'utf-16be';
  return null;
}

function identify(file: FileBytes): { ok: true; encoding: Encoding } | ({ ok: false } & DecodeFailure) {
  const h = file.head;
  if (file.bytes === 0) return { ok: false, rule: 'file.empty' };
  for (const [sig, what] of signatures) if (sig.every((b, i) => h[i] === b)) return { ok: false, rule: 'file.not_csv', detail: what };
  const bom16 = h[0] === 0xff && h[1] === 0xfe ? 'utf-16le' : h[0] === 0xfe && h[1] === 0xff ? 'utf-16be' : null;
  const utf16 = bom16 ?? utf16Guess(h);
  if (utf16) {
    if (file.bytes % 2 !== 0) return { ok: false, rule: 'file.encoding', detail: 'it starts as UTF-16 but has an odd number of bytes, so it is cut short or damaged' };
    return { ok: true, encoding: utf16 };
  }
  if (file.nulLine !== null) return { ok: false, rule: 'file.binary', line: file.nulLine };
  const bom8 = h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf;
  if (file.utf8Valid) return { ok: true, encoding: bom8 ? 'utf-8-bom' : 'utf-8' };
  if (bom8) return { ok: false, rule: 'file.encoding', detail: 'it is marked as UTF-8 but contains bytes that are not UTF-8' };
  if (file.has1252Undefined) return { ok: false, rule: 'file.encoding', detail: 'it contains bytes that are text in neither UTF-8 nor Windows-1252' };
  return { ok: true, encoding: 'windows-1252' };
}

const iconvName: Record<Encoding, string> = { 'utf-8': 'utf8', 'utf-8-bom': 'utf8', 'utf-16le': 'utf16le', 'utf-16be': 'utf16be', 'windows-1252': 'windows1252' };

/** Decode `file`; a transcoded copy, when needed, is written into `scratchDir` (the caller removes it). */
export async function decode(file: FileBytes, scratchDir: string): Promise<DecodeResult> {
  const id = identify(file);
  if (!id.ok) return id;
  const { encoding } = id;
  const head = encoding.startsWith('utf-16') ? file.head.subarray(0, file.head.length & ~1) : file.head;
  // iconv-lite strips a BOM by default and, unlike Node's TextDecoder, maps Windows-1252's 0x80–0x9F correctly (€, curly quotes).
  const headText = iconv.decode(head, iconvName[encoding]);
  if (headText.trim() === '' && file.bytes <= head.length) return { ok: false, rule: 'file.empty' };
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    return { ok: true, value: { encoding, utf8Path: file.path, bomBytes: encoding === 'utf-8-bom' ? 3 : 0, headText } };
  }
  const utf8Path = join(scratchDir, `decoded-${Math.random().toString(36).slice(2)}.csv`);
  await pipeline(createReadStream(file.path), iconv.decodeStream(iconvName[encoding]), iconv.encodeStream('utf8'), createWriteStream(utf8Path, { mode: 0o600 }));
  return { ok: true, value: { encoding, utf8Path, bomBytes: 0, headText } };
}
