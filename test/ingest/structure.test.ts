// parse + recognise: the delimiter is sniffed, the dataset is recognised by its header row however LAs write it (with
// the exact findings when it is not quite right), and the record scan finds lines, blank rows, field counts and broken files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adopters, children, concerns, support, workforce, type Dataset } from '../../schemas/index.js';
import { message } from '../../src/diagnostics/rules.js';
import { headerKey, recognise, type HeaderFinding, type Recognition } from '../../src/ingest/recognise.js';
import { MAX_RECORD_BYTES, scanRecords } from '../../src/ingest/scanRecords.js';
import { sniffDialect } from '../../src/ingest/sniffDialect.js';

const dir = mkdtempSync(join(tmpdir(), 'raa-structure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const headersOf = (ds: Dataset) => ds.columns.map((c) => c.header);
const findings = (r: Recognition) =>
  r.findings.map((f: HeaderFinding) => ({ rule: f.rule, index: f.index, header: f.header, ...(f.field ? { field: f.field } : {}), ...(f.params ? { params: f.params } : {}) }));
const indexOf = (r: Recognition, field: string) => (r.ok ? r.columns.find((m) => m.column.field === field)?.index : undefined);

describe('sniffDialect', () => {
  it('comma', () => {
    expect(sniffDialect('Request ID,Requester,Date received\nS1,Other,01/04/2025\n')).toMatchObject({ delimiter: ',', header: ['Request ID', 'Requester', 'Date received'] });
  });

  it('semicolon, even with commas in the values (European Excel)', () => {
    const text = 'Request ID;Requester;ASF amount approved\r\nS1;Other;1,234\r\nS2;Other;2,500\r\n';
    expect(sniffDialect(text)).toMatchObject({ delimiter: ';', header: ['Request ID', 'Requester', 'ASF amount approved'] });
  });

  it('tab (Excel "Unicode text")', () => {
    expect(sniffDialect('Request ID\tRequester\tDate received\r\nS1\tOther, or unknown\t01/04/2025\r\n')).toMatchObject({ delimiter: '\t', header: ['Request ID', 'Requester', 'Date received'] });
  });

  it('pipe', () => {
    expect(sniffDialect('Request ID|Requester|Date received\nS1|Other|01/04/2025\n')).toMatchObject({ delimiter: '|', header: ['Request ID', 'Requester', 'Date received'] });
  });

  it('quoted values containing another delimiter do not mislead it', () => {
    const text = '"Concern ID","Date raised","Source, as recorded"\n"K1","01/04/2025","Complaint; by phone"\n"K2","02/04/2025","Audit; annual"\n';
    expect(sniffDialect(text)).toMatchObject({ delimiter: ',', header: ['Concern ID', 'Date raised', 'Source, as recorded'] });
  });

  it('a semicolon file whose quoted header holds commas is still semicolon', () => {
    const text = '"Request ID";"Requester, who asked";"Date received"\n"S1";"Other";"01/04/2025"\n';
    expect(sniffDialect(text)).toMatchObject({ delimiter: ';', header: ['Request ID', 'Requester, who asked', 'Date received'] });
  });

  it('a quoted header cell with an embedded delimiter and newline', () => {
    const text = 'Request ID,"Date\nreceived",Requester\nS1,01/04/2025,Other\n';
    expect(sniffDialect(text)).toMatchObject({ delimiter: ',', header: ['Request ID', 'Date\nreceived', 'Requester'] });
  });

  it('trailing empty header cells (`,,,`) stay in the header as written', () => {
    expect(sniffDialect('Month,Team,Social worker FTE in post,,,\n2025-04,Duty,3,,,\n')).toMatchObject({ delimiter: ',', header: ['Month', 'Team', 'Social worker FTE in post', '', '', ''] });
  });

  it('mixed line endings: CRLF blank lines above an LF header, a bare CR between rows', () => {
    const text = '\r\n\r\nMonth,Team,Social worker FTE in post\n2026-10,Duty,3\r2026-09,Duty,3\r\n';
    expect(sniffDialect(text)).toMatchObject({ delimiter: ',', header: ['Month', 'Team', 'Social worker FTE in post'] });
  });

  it.each([
    ['CR', '\r'],
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('a head of 64 KiB (cut mid-record) with %s line endings', (_what, eol) => {
    const rows = ['Month;Team;Social worker FTE in post'];
    for (let i = 0; rows.join(eol).length < 65_536; i++) rows.push(`2026-10;Team number ${i};3`);
    const text = rows.join(eol).slice(0, 65_536);
    expect(text.length).toBe(65_536);
    expect(sniffDialect(text)).toMatchObject({ delimiter: ';', header: ['Month', 'Team', 'Social worker FTE in post'] });
  });

  it('one column, or no text, is no dialect', () => {
    expect(sniffDialect('just one column\nvalue\n')).toBeUndefined();
    expect(sniffDialect('')).toBeUndefined();
  });
});

describe('recognise: header variants', () => {
  it('headerKey ignores case, spacing, underscores and punctuation', () => {
    expect(headerKey('Date Stage 1 started')).toBe('date stage 1 started');
    expect(headerKey('date stage 1 started')).toBe('date stage 1 started');
    expect(headerKey('DATE_STAGE_1_STARTED')).toBe('date stage 1 started');
    expect(headerKey('  Date   Stage 1 started ')).toBe('date stage 1 started');
    expect(headerKey('Is the (prospective) adopter fostering for adoption?')).toBe('is the prospective adopter fostering for adoption');
    expect(headerKey('Child’s ID')).toBe(headerKey("Child's ID"));
  });

  it.each(['Date Stage 1 started', 'date stage 1 started', 'DATE_STAGE_1_STARTED', 'Date  Stage 1 Started ', 'stage1_start'])('%j is stage1_start in adopters', (variant) => {
    const header = headersOf(adopters).map((h) => (h === 'Date Stage 1 started' ? variant : h));
    const r = recognise(header);
    expect(r.ok).toBe(true);
    expect(r.dataset?.name).toBe('adopters');
    expect(indexOf(r, 'stage1_start')).toBe(7);
    expect(r.ok && r.columns.find((m) => m.column.field === 'stage1_start')?.header).toBe(variant);
    expect(r.findings).toEqual([]);
  });

  it('snake_case field names are accepted for every column', () => {
    for (const ds of [children, adopters, support, concerns, workforce]) {
      const r = recognise(ds.columns.map((c) => c.field));
      expect(r.ok, ds.name).toBe(true);
      expect(r.dataset?.name).toBe(ds.name);
      expect(r.findings).toEqual([]);
    }
  });

  it('every dataset is recognised from its official headers, with no findings', () => {
    for (const ds of [children, adopters, support, concerns, workforce]) {
      const r = recognise(headersOf(ds));
      expect(r.dataset?.name).toBe(ds.name);
      expect(r.findings).toEqual([]);
    }
  });

  it('columns may come in any order: each field maps to its own position', () => {
    const header = [...headersOf(support)].reverse();
    const r = recognise(header);
    expect(r.ok).toBe(true);
    expect(r.dataset?.name).toBe('support');
    expect(indexOf(r, 'request_id')).toBe(13);
    expect(indexOf(r, 'score_end')).toBe(0);
    expect(indexOf(r, 'received_date')).toBe(9);
    expect(r.findings).toEqual([]);
  });
});

describe('recognise: findings', () => {
  it('an unknown extra column is a header.unknown_column warning at its position; the file still maps', () => {
    const header = [...headersOf(workforce), 'Manager name'];
    const r = recognise(header);
    expect(r.ok).toBe(true);
    expect(findings(r)).toEqual([{ rule: 'header.unknown_column', index: 5, header: 'Manager name' }]);
  });

  it('empty trailing header cells are not unknown columns', () => {
    const r = recognise([...headersOf(workforce), '', ' ', '']);
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([]);
  });

  it('a missing optional column is header.missing_optional and maps to no position', () => {
    const header = headersOf(workforce).filter((h) => h !== 'Vacant FTE');
    const r = recognise(header);
    expect(r.ok).toBe(true);
    expect(findings(r)).toEqual([{ rule: 'header.missing_optional', index: null, header: 'Vacant FTE', field: 'vacant_fte' }]);
    expect(indexOf(r, 'vacant_fte')).toBeNull();
    expect(indexOf(r, 'agency_fte')).toBe(3);
  });

  it('a missing required column is header.missing_required and the file is not mapped', () => {
    const header = headersOf(children).filter((h) => h !== 'Date the Child Entered Care');
    const r = recognise(header);
    expect(r.ok).toBe(false);
    expect(r.dataset?.name).toBe('children');
    expect(findings(r)).toEqual([{ rule: 'header.missing_required', index: null, header: 'Date the Child Entered Care', field: 'entered_care' }]);
  });

  it('a column given twice is header.duplicate at the second, naming the first; the file is not mapped', () => {
    const header = [...headersOf(support), 'request_id'];
    const r = recognise(header);
    expect(r.ok).toBe(false);
    expect(r.dataset?.name).toBe('support');
    expect(findings(r)).toEqual([{ rule: 'header.duplicate', index: 14, header: 'request_id', field: 'request_id', params: { otherHeader: 'Request ID' } }]);
  });

  it('a header matching nothing well is header.unrecognised, naming the nearest dataset and the differing columns', () => {
    const header = ['Request ID', 'Who asked', 'Kind of request', 'Received on'];
    const r = recognise(header);
    expect(r.ok).toBe(false);
    expect(r.dataset).toBeNull();
    expect(findings(r)).toEqual([
      {
        rule: 'header.unrecognised',
        index: null,
        header: null,
        params: { nearest: 'support', missing: ['Requester', 'Request type', 'Date received'], extra: ['Who asked', 'Kind of request', 'Received on'] },
      },
    ]);
    const f = r.findings[0];
    expect(f && message(f.rule, { ...f.params })).toBe(
      'The header row does not match any dataset in the specification. The nearest is "support", which also needs: Requester, Request type, Date received; these columns are not in it: Who asked, Kind of request, Received on. Please use the column headers from the data specification (raa spec) and send the file again.',
    );
  });

  it('half or more of a dataset’s required columns present: it is that dataset, with the missing ones as findings', () => {
    const r = recognise(['Request ID', 'Requester', 'Request type', 'Received']);
    expect(r.ok).toBe(false);
    expect(r.dataset?.name).toBe('support');
    expect(findings(r).filter((f) => f.rule !== 'header.missing_optional')).toEqual([
      { rule: 'header.unknown_column', index: 3, header: 'Received' },
      { rule: 'header.missing_required', index: null, header: 'Date received', field: 'received_date' },
    ]);
  });

  it('a header with every required column of two datasets is header.ambiguous, naming both', () => {
    const header = ['Request ID', 'Requester', 'Request type', 'Date received', 'Month', 'Team', 'Social worker FTE in post'];
    const r = recognise(header);
    expect(r.ok).toBe(false);
    expect(findings(r)).toEqual([{ rule: 'header.ambiguous', index: null, header: null, params: { accepted: ['support', 'workforce'] } }]);
  });

  it('--dataset forces the dataset: its missing required columns are reported even when another would match', () => {
    const r = recognise(headersOf(workforce), support);
    expect(r.ok).toBe(false);
    expect(r.dataset?.name).toBe('support');
    expect(findings(r).filter((f) => f.rule === 'header.missing_required').map((f) => f.header)).toEqual(['Request ID', 'Requester', 'Request type', 'Date received']);
  });
});

describe('scanRecords', () => {
  let n = 0;
  const scan = (text: string | Buffer, delimiter = ',', headerWidth = 2, skip = 0) => {
    const path = join(dir, `s${n++}.csv`);
    writeFileSync(path, text);
    return scanRecords(path, skip, delimiter, headerWidth);
  };
  const lines = (m: { records: number; lineOf(i: number): number }) => Array.from({ length: m.records }, (_, i) => m.lineOf(i));
  const rows = (m: { records: number; excelRowOf(i: number): number }) => Array.from({ length: m.records }, (_, i) => m.excelRowOf(i));

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('%s line endings', async (_what, eol) => {
    const m = await scan(['a,b', '1,2', '3,4', ''].join(eol));
    expect(m.records).toBe(3);
    expect(m.blankLines).toBe(0);
    expect(m.maxFields).toBe(2);
    expect(lines(m)).toEqual([1, 2, 3]);
    expect(rows(m)).toEqual([1, 2, 3]);
    expect(m.badFieldCounts).toEqual([]);
    expect(m.quotedNewlines).toBe(false);
    expect(m.unterminatedQuoteLine).toBeNull();
    expect(m.tooLongLine).toBeNull();
  });

  it('no newline at the end still ends the last record', async () => {
    const m = await scan('a,b\n1,2\n3,4');
    expect(m.records).toBe(3);
    expect(lines(m)).toEqual([1, 2, 3]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('a quoted newline (%s): the record is reported at its first line; its Excel row differs from the next line', async (_what, eol) => {
    const m = await scan(`a,b${eol}1,"two${eol}lines"${eol}3,"x${eol}${eol}y"${eol}5,6${eol}`);
    expect(m.records).toBe(4);
    expect(m.quotedNewlines).toBe(true);
    expect(lines(m)).toEqual([1, 2, 4, 7]);
    expect(rows(m)).toEqual([1, 2, 3, 4]);
    expect(m.badFieldCounts).toEqual([]);
  });

  it('quoted delimiters and escaped quotes do not count as fields', async () => {
    const m = await scan('a,b\n"1,5","say ""hi"", then go"\n"",""\n');
    expect(m.records).toBe(3);
    expect(m.maxFields).toBe(2);
    expect(m.badFieldCounts).toEqual([]);
  });

  it('blank lines are counted (and are Excel rows), not records; the lines after them keep their numbers', async () => {
    const m = await scan('a,b\n1,2\n\n3,4\r\n\r\n\r\n5,6\n\n');
    expect(m.records).toBe(4);
    expect(m.blankLines).toBe(4);
    expect(lines(m)).toEqual([1, 2, 4, 7]);
    expect(rows(m)).toEqual([1, 2, 4, 7]);
  });

  it('Excel trailing empty columns (`,,,`) are not wrong field counts', async () => {
    const m = await scan('a,b,,,\n1,2,,,\n3,4\n5,6, ,\n', ',', 2);
    expect(m.records).toBe(4);
    expect(m.maxFields).toBe(5);
    expect(m.badFieldCounts).toEqual([]);
  });

  it('quoted empty trailing columns (`,"",""`, as quote-everything exporters write them) are not wrong field counts', async () => {
    const m = await scan('"a","b","",""\n"1","2","",""\n"3","4"," ",""\n', ',', 2);
    expect(m.records).toBe(3);
    expect(m.badFieldCounts).toEqual([]);
  });

  it('a quoted value beyond the header, even a lone escaped quote, is content: a wrong field count', async () => {
    const m = await scan('a,b\n1,2,"x"\n1,2,""""\n1,2,"",""\n', ',', 2);
    expect(m.badFieldCounts).toEqual([
      [1, 3],
      [2, 3],
    ]);
  });

  it('text after a closing quote is reported at its line', async () => {
    const m = await scan('a,b\n1,"x"\n2,"y"z\n3,"w"v\n', ',', 2);
    expect(m.textAfterQuoteLine).toBe(3);
    const ok = await scan('a,b\n1,"x"\r\n2,"y",\n3,""""\n', ',', 2);
    expect(ok.textAfterQuoteLine).toBeNull();
  });

  it('a row of only delimiters is a record (the validator counts it as a blank row)', async () => {
    const m = await scan('a,b\n1,2\n,\n3,4\n');
    expect(m.records).toBe(4);
    expect(m.blankLines).toBe(0);
    expect(m.badFieldCounts).toEqual([]);
  });

  it('too few fields, or content beyond the header, is a bad field count [record index, fields]', async () => {
    const m = await scan('a,b,c\n1,2,3\n1,2\n1,2,3,4\n1,2,3,,\n', ',', 3);
    expect(m.badFieldCounts).toEqual([
      [2, 2],
      [3, 4],
    ]);
  });

  it('an unterminated quote is reported at the line where it opened', async () => {
    const m = await scan('a,b\n1,2\n3,"never closed\n5,6\n7,8\n');
    expect(m.unterminatedQuoteLine).toBe(3);
    expect(m.tooLongLine).toBeNull();
  });

  it('a quote closed by the last byte of the file is not unterminated', async () => {
    const m = await scan('a,b\n1,"x\ny"');
    expect(m.unterminatedQuoteLine).toBeNull();
    expect(m.records).toBe(2);
  });

  it(`a record of exactly ${MAX_RECORD_BYTES} bytes is fine; one of 1,000,001 bytes is too long, at its first line`, async () => {
    expect(MAX_RECORD_BYTES).toBe(1_000_000);
    const ok = await scan(`a,b\n1,2\n${'x'.repeat(MAX_RECORD_BYTES - 2)},y\n3,4\n`);
    expect(ok.tooLongLine).toBeNull();
    expect(ok.records).toBe(4);
    const long = await scan(`a,b\n1,2\n${'x'.repeat(MAX_RECORD_BYTES - 1)},y\n3,4\n`);
    expect(long.tooLongLine).toBe(3);
  });

  it('a 1,000,001-byte quoted value spanning lines is too long at the line it started', async () => {
    const m = await scan(`a,b\n1,"${'x\n'.repeat(500_001)}"\n`);
    expect(m.tooLongLine).toBe(2);
    expect(m.unterminatedQuoteLine).toBeNull();
  });

  it('skips a UTF-8 BOM when told to', async () => {
    const m = await scan(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('"a",b\n1,2\n')]), ',', 2, 3);
    expect(m.records).toBe(2);
    expect(m.badFieldCounts).toEqual([]);
    expect(m.unterminatedQuoteLine).toBeNull();
  });

  it('other delimiters: semicolon, tab, pipe', async () => {
    for (const d of [';', '\t', '|']) {
      const m = await scan(`a${d}b${d}c\n1${d}"x${d}y"${d}3\n1${d}2\n`, d, 3);
      expect(m.records, JSON.stringify(d)).toBe(3);
      expect(m.badFieldCounts).toEqual([[2, 2]]);
    }
  });
});
