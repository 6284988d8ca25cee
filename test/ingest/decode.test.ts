// read + decode on real byte sequences written to a temp folder: every encoding an LA's Excel produces is detected,
// named and decoded correctly (Windows-1252's 0x80–0x9F included), and every undecodable file is a named file error.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decode, type DecodeResult, type Decoded } from '../../src/ingest/decode.js';
import { readFile } from '../../src/ingest/readFile.js';

const dir = mkdtempSync(join(tmpdir(), 'raa-decode-'));
const scratch = mkdtempSync(join(tmpdir(), 'raa-decode-scratch-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

let n = 0;
async function decodeBytes(bytes: Buffer | number[]): Promise<DecodeResult> {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, Buffer.from(bytes));
  return decode(await readFile(path), scratch);
}

async function decoded(bytes: Buffer | number[]): Promise<Decoded & { text: string }> {
  const r = await decodeBytes(bytes);
  if (!r.ok) throw new Error(`expected the bytes to decode, got ${r.rule} (${r.detail ?? ''})`);
  const text = readFileSync(r.value.utf8Path).subarray(r.value.bomBytes).toString('utf8');
  return { ...r.value, text };
}

const ascii = (s: string) => Buffer.from(s, 'latin1');
const concat = (...parts: (Buffer | number[])[]) => Buffer.concat(parts.map((p) => Buffer.from(p)));

describe('readFile', () => {
  it('gives the size, the sha256 of the bytes and the head', async () => {
    const bytes = ascii('Request ID,Requester\r\nS1,Other\r\n');
    const path = join(dir, 'hash.csv');
    writeFileSync(path, bytes);
    const f = await readFile(path);
    expect(f.bytes).toBe(bytes.length);
    expect(f.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(f.head.equals(bytes)).toBe(true);
    expect(f.utf8Valid).toBe(true);
    expect(f.nulLine).toBeNull();
  });
});

describe('Windows-1252 (Excel "CSV" on Windows)', () => {
  // Header, then a row with £ (0xA3), € (0x80), “ ” (0x93 0x94), é (0xE9), ’ (0x92).
  const bytes = concat(
    ascii('Request ID,Family identifier,ASF amount approved\r\n'),
    ascii('S1,'),
    [0x93],
    ascii('Ren'),
    [0xe9],
    ascii('e'),
    [0x94],
    ascii(' O'),
    [0x92],
    ascii('Brien '),
    [0x80],
    ascii('5,'),
    [0xa3],
    ascii('1,234.50\r\n'),
  );

  it('is detected and named windows-1252', async () => {
    const d = await decoded(bytes);
    expect(d.encoding).toBe('windows-1252');
    expect(d.bomBytes).toBe(0);
  });

  it('decodes £ 0xA3, € 0x80, curly quotes 0x93/0x94, ’ 0x92 and é 0xE9 to the right characters', async () => {
    const d = await decoded(bytes);
    const expected = 'Request ID,Family identifier,ASF amount approved\r\nS1,\u201cRen\u00e9e\u201d O\u2019Brien \u20ac5,\u00a31,234.50\r\n';
    expect(d.text).toBe(expected);
    expect(d.headText).toBe(expected);
  });

  it('each byte alone', async () => {
    const one = async (b: number) => (await decoded(concat(ascii('a,b\nx,'), [b], ascii('\n')))).text;
    expect(await one(0xa3)).toBe('a,b\nx,£\n');
    expect(await one(0x80)).toBe('a,b\nx,€\n');
    expect(await one(0x93)).toBe('a,b\nx,\u201c\n');
    expect(await one(0x94)).toBe('a,b\nx,\u201d\n');
    expect(await one(0xe9)).toBe('a,b\nx,é\n');
  });

  it("is why the decoder does not use Node's TextDecoder: on Node 20 it reads 0x80–0x9F as Latin-1 (spec warning)", () => {
    const node = new TextDecoder('windows-1252').decode(Buffer.from([0x80, 0x93, 0x94]));
    if (process.versions.node.startsWith('20.')) {
      // U+0080, U+0093, U+0094 are C1 control characters, not €, “, ”.
      expect(node).toBe('\u0080\u0093\u0094');
    } else {
      expect(['\u0080\u0093\u0094', '€\u201c\u201d']).toContain(node);
    }
  });

  it('a byte Windows-1252 leaves undefined (0x81) is file.encoding', async () => {
    const r = await decodeBytes(concat(ascii('a,b\nx,'), [0x81], ascii('\n')));
    expect(r).toMatchObject({ ok: false, rule: 'file.encoding' });
  });

  it('each of the five undefined bytes (0x81 0x8D 0x8F 0x90 0x9D) is file.encoding', async () => {
    for (const b of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      const r = await decodeBytes(concat(ascii('a,b\nx,caf'), [0xe9], ascii(','), [b], ascii('\n')));
      expect(r.ok, `byte 0x${b.toString(16)}`).toBe(false);
      if (!r.ok) expect(r.rule).toBe('file.encoding');
    }
  });
});

describe('UTF-8', () => {
  const text = 'Request ID,Family identifier\nS1,“Renée” £5 €6\n';

  it('without a BOM is utf-8 and read in place', async () => {
    const path = join(dir, 'plain8.csv');
    writeFileSync(path, text, 'utf8');
    const r = await decode(await readFile(path), scratch);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({ encoding: 'utf-8', utf8Path: path, bomBytes: 0, headText: text });
  });

  it('with a BOM is utf-8-bom; the BOM is skipped, not part of the first header', async () => {
    const path = join(dir, 'bom8.csv');
    writeFileSync(path, concat([0xef, 0xbb, 0xbf], Buffer.from(text, 'utf8')));
    const r = await decode(await readFile(path), scratch);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({ encoding: 'utf-8-bom', utf8Path: path, bomBytes: 3, headText: text });
    expect(r.value.headText.startsWith('Request ID')).toBe(true);
  });

  it('a multi-byte character split across the 1 MiB read chunks stays valid UTF-8', async () => {
    // 'é' is 2 bytes; put its first byte as the last byte of the first chunk.
    const before = 'a,b\n' + 'x'.repeat((1 << 20) - 6) + ',';
    const body = Buffer.from(`${before}é\n`, 'utf8');
    expect(body[(1 << 20) - 1]).toBe(0xc3);
    const d = await decoded(body);
    expect(d.encoding).toBe('utf-8');
  });
});

describe('UTF-16 (Excel "Unicode text": tab-separated)', () => {
  const text = 'Request ID\tRequester\tASF amount approved\r\nS1\tAdoptive parent\t£1,234.50 €\r\nS2\tOther\t“é”\r\n';

  it('LE with BOM', async () => {
    const d = await decoded(concat([0xff, 0xfe], Buffer.from(text, 'utf16le')));
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toBe(text);
    expect(d.headText).toBe(text);
    expect(d.bomBytes).toBe(0);
  });

  it('BE with BOM', async () => {
    const be = Buffer.from(text, 'utf16le').swap16();
    const d = await decoded(concat([0xfe, 0xff], be));
    expect(d.encoding).toBe('utf-16be');
    expect(d.text).toBe(text);
    expect(d.headText).toBe(text);
  });

  it('LE without a BOM is recognised by its zero bytes', async () => {
    const d = await decoded(Buffer.from(text, 'utf16le'));
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toBe(text);
  });

  it('BE without a BOM is recognised by its zero bytes', async () => {
    const d = await decoded(Buffer.from(text, 'utf16le').swap16());
    expect(d.encoding).toBe('utf-16be');
    expect(d.text).toBe(text);
  });

  it('an odd number of bytes (cut short) is file.encoding', async () => {
    const bytes = concat([0xff, 0xfe], Buffer.from(text, 'utf16le'), [0x41]);
    const r = await decodeBytes(bytes);
    expect(r).toMatchObject({ ok: false, rule: 'file.encoding' });
    if (!r.ok) expect(r.detail).toContain('odd number of bytes');
  });

  it('an odd number of bytes without a BOM is file.encoding too', async () => {
    const r = await decodeBytes(concat(Buffer.from(text, 'utf16le'), [0x41]));
    expect(r).toMatchObject({ ok: false, rule: 'file.encoding' });
  });

  it('a BOM and nothing else is file.empty', async () => {
    expect(await decodeBytes([0xff, 0xfe])).toMatchObject({ ok: false, rule: 'file.empty' });
  });
});

describe('not text at all', () => {
  it('NUL bytes are file.binary, with the line of the first one', async () => {
    const r = await decodeBytes(concat(ascii('Request ID,Requester\nS1,Other\nS2,Ot'), [0x00], ascii('her\n')));
    expect(r).toEqual({ ok: false, rule: 'file.binary', line: 3 });
  });

  it('a NUL on the first line is line 1', async () => {
    const r = await decodeBytes(concat(ascii('Request ID'), [0x00], ascii(',Requester\nS1,Other\n')));
    expect(r).toEqual({ ok: false, rule: 'file.binary', line: 1 });
  });

  it('an .xlsx (zip) signature is file.not_csv', async () => {
    const r = await decodeBytes(concat([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], Buffer.alloc(40, 0x41)));
    expect(r).toEqual({ ok: false, rule: 'file.not_csv', detail: 'an Excel workbook (.xlsx) or a zip archive' });
  });

  it('an .xls (OLE2) signature is file.not_csv', async () => {
    const r = await decodeBytes(concat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], Buffer.alloc(40, 0x00)));
    expect(r).toEqual({ ok: false, rule: 'file.not_csv', detail: 'an Excel 97–2003 workbook (.xls)' });
  });

  it('a PDF signature is file.not_csv', async () => {
    const r = await decodeBytes(ascii('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n'));
    expect(r).toEqual({ ok: false, rule: 'file.not_csv', detail: 'a PDF document' });
  });

  it('an empty file is file.empty', async () => {
    expect(await decodeBytes([])).toMatchObject({ ok: false, rule: 'file.empty' });
  });

  it('a file of blank lines only is file.empty', async () => {
    expect(await decodeBytes(ascii('\r\n\r\n  \r\n'))).toMatchObject({ ok: false, rule: 'file.empty' });
  });

  it('a UTF-8 BOM followed by bytes that are not UTF-8 is file.encoding', async () => {
    const r = await decodeBytes(concat([0xef, 0xbb, 0xbf], ascii('a,b\nx,caf'), [0xe9], ascii('\n')));
    expect(r).toMatchObject({ ok: false, rule: 'file.encoding' });
  });
});
