// Hostile characters from extracts are shown, never obeyed: in the terminal (the CLI as a process), in HTML and in CSV.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { unsafeCharacters, visible, visibleInCsv } from '../../src/diagnostics/visible.js';
import { csvField } from '../../src/export/csvCell.js';
import { escapeHtml } from '../../src/render/escapeHtml.js';
import { validateFiles } from '../../src/validate/validateFiles.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(join(tmpdir(), 'raa-visible-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ESC = '\u001B';
const clearScreen = `${ESC}[2J${ESC}[H`;
const windowTitle = `${ESC}]0;owned\u0007`;
const csi8bit = '\u009B31m';
const rlo = '\u202Etxt.exe';
/** Any character `visible` must not let through (a regex of control characters is the point here). */
// eslint-disable-next-line no-control-regex
const unsafeChar = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const isolate = '\u2066x\u2069';

describe('visible', () => {
  it('writes C0, DEL, C1 and bidi controls as \\uXXXX escapes, keeping line feeds', () => {
    expect(visible(clearScreen)).toBe('\\u001B[2J\\u001B[H');
    expect(visible(windowTitle)).toBe('\\u001B]0;owned\\u0007');
    expect(visible(csi8bit)).toBe('\\u009B31m');
    expect(visible(`a\u007Fb`)).toBe('a\\u007Fb');
    expect(visible(rlo)).toBe('\\u202Etxt.exe');
    expect(visible(isolate)).toBe('\\u2066x\\u2069');
    expect(visible('a\tb\rc\nd')).toBe('a\\u0009b\\u000Dc\nd');
    expect(visible('Café – “quoted” £1,234 Zoë')).toBe('Café – “quoted” £1,234 Zoë');
    expect(unsafeCharacters(`${ESC}x${ESC}\u202E`)).toEqual(['\\u001B', '\\u202E']);
  });

  it('in CSV keeps tab, CR and LF (the cell is quoted) and escapes the rest', () => {
    expect(visibleInCsv(`a\tb\r\nc${ESC}[2J`)).toBe('a\tb\r\nc\\u001B[2J');
    expect(csvField(`line one\nline two${ESC}`)).toBe('"line one\nline two\\u001B"');
    expect(csvField(`\u202Eevil`)).toBe('\\u202Eevil');
  });

  it('in HTML, after the control characters are made visible, the markup characters are escaped', () => {
    expect(escapeHtml(`<b>${rlo}</b>${ESC}[2J`)).toBe('&lt;b&gt;\\u202Etxt.exe&lt;/b&gt;\\u001B[2J');
  });

  it('an identifier with a control or bidi character is a row error naming it; free text keeps it', async () => {
    const file = join(tmp, 'ids.csv');
    const fixture = readFileSync(join(root, 'sample-data/faulty/2026-10/code.unknown.csv'), 'utf8').replace(',Grandparent,', ',adoptive_parent,');
    const [header = '', ...rows] = fixture.trimEnd().split('\n');
    // Line 3: an RLO in the family identifier (an id); line 4: an ESC in the request id.
    const lines = [header, ...rows.map((r, i) => (i === 1 ? r.replace(/^([^,]*),([^,]*),/, `$1,F-9\u202E1,`) : i === 2 ? r.replace(/^([^,]*),/, `$1\u001B,`) : r))];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const [result] = await validateFiles([file], { period: '2026-10' });
    const found = result?.diagnostics.filter((d) => d.rule === 'text.control').map((d) => [d.line, d.field, /\\u[0-9A-F]{4}/.exec(d.message)?.[0]]);
    expect(found).toEqual([[3, 'family_id', '\\u202E'], [4, 'request_id', '\\u001B']]);
    expect(result?.counts.wouldReject).toBe(2);
  });

  it('raa validate prints a hostile cell as escapes on the terminal, and its JSON still parses to the real value', () => {
    const file = join(tmp, 'support.csv');
    const requester = `${clearScreen}${windowTitle}Grandparent${csi8bit}${rlo}`;
    // The faulty code.unknown fixture, its unknown requester made hostile.
    const fixture = readFileSync(join(root, 'sample-data/faulty/2026-10/code.unknown.csv'), 'utf8');
    expect(fixture).toContain(',Grandparent,');
    writeFileSync(file, fixture.replace(',Grandparent,', `,"${requester}",`));
    const cli = join(root, 'dist/src/cli/main.js');
    const human = spawnSync(process.execPath, [cli, 'validate', file, '--period', '2026-10'], { encoding: 'utf8' });
    expect(human.status).toBe(1);
    expect(human.stdout).toContain('\\u001B[2J\\u001B[H\\u001B]0;owned\\u0007Grandparent\\u009B31m\\u202Etxt.exe');
    for (const out of [human.stdout, human.stderr]) expect(out).not.toMatch(unsafeChar);

    const json = spawnSync(process.execPath, [cli, 'validate', file, '--period', '2026-10', '--json'], { encoding: 'utf8' });
    expect(json.stdout).not.toMatch(unsafeChar);
    const parsed = JSON.parse(json.stdout) as { files: { diagnostics: { rule: string; value: string | null }[] }[] };
    expect(parsed.files[0]?.diagnostics.find((d) => d.rule === 'code.unknown')?.value).toBe(requester);
  });
});
