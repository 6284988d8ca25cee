// The extracts a file holds: a text file is one; an Excel workbook (recognised by its bytes, whatever its name) is one
// per sheet with a dataset's header row, each read from a CSV copy of the sheet, or a file error saying what to send.
import { open } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import { message, rules, type RuleCode } from '../diagnostics/rules.js';
import { isWorkbookBytes, readWorkbook, type SheetExtract, type WorkbookFailureKind } from '../ingest/readWorkbook.js';
import type { FileResult, SheetInfo } from './FileResult.js';
import { emptyResult, finishResult } from './prepareFile.js';

export interface Extract {
  /** The text file to read: the file itself, or a sheet's CSV copy in the scratch folder. */
  path: string;
  /** The name to show (undefined: the path). */
  displayName?: string;
  sheet?: SheetInfo;
  /** The workbook's identity, which a sheet's result carries instead of its CSV copy's. */
  workbook?: { bytes: number; sha256: string };
  /** Findings of the reading of the sheet, added to its result. */
  notes: Diagnostic[];
}

export type Extracts = { extracts: Extract[] } | { failure: FileResult };

/** Separates a workbook's name from its sheet's in every name shown: `Workbook.xlsx › List 10`. */
export const SHEET_SEPARATOR = ' › ';

const failureRule: Record<WorkbookFailureKind, RuleCode> = {
  legacy: 'file.workbook_legacy',
  protected: 'file.workbook_protected',
  damaged: 'file.workbook_damaged',
  too_large: 'file.workbook_too_large',
  no_sheet: 'file.workbook_no_sheet',
};

async function startsAsWorkbook(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return false; // reading it as text reports why it cannot be opened
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    return isWorkbookBytes(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export async function workbookExtracts(path: string, displayName: string | undefined, scratchDir: string): Promise<Extracts> {
  if (!(await startsAsWorkbook(path))) return { extracts: [{ path, displayName, notes: [] }] };
  const shown = displayName ?? path;
  const wb = await readWorkbook(path, scratchDir);
  if (!wb.ok) {
    const r = emptyResult(shown);
    r.bytes = wb.bytes;
    r.sha256 = wb.sha256;
    const rule = failureRule[wb.kind];
    const detail = wb.kind === 'no_sheet' && wb.notRead.length > 0 ? wb.notRead.map((s) => `${s.sheet}: ${s.reason}`).join('; ') : wb.detail;
    r.diagnostics.push(fileDiagnostic(shown, rule, { detail }));
    return { failure: finishResult(r) };
  }
  return {
    extracts: wb.sheets.map((s): Extract => {
      const file = `${shown}${SHEET_SEPARATOR}${s.sheet}`;
      return {
        path: s.csvPath,
        displayName: file,
        sheet: { workbook: shown, sheet: s.sheet, headerRow: s.headerRow, titleRows: s.titleRows, notRead: wb.notRead },
        workbook: { bytes: wb.bytes, sha256: wb.sha256 },
        notes: formulaNotes(file, s),
      };
    }),
  };
}

function fileDiagnostic(file: string, rule: RuleCode, params: { detail?: string; count?: number }, at?: { line: number; column: string }): Diagnostic {
  return {
    file, dataset: null, line: at?.line ?? null, excelRow: at?.line ?? null, column: at?.column ?? null, header: null, field: null, value: null,
    rule, severity: rules[rule].severity, message: message(rule, params),
  };
}

function formulaNotes(file: string, s: SheetExtract): Diagnostic[] {
  const f = s.formulasWithoutValue;
  if (!f) return [];
  const [, column = '', row = ''] = /^([A-Z]+)(\d+)$/.exec(f.first) ?? [];
  return [fileDiagnostic(file, 'file.formula_no_value', { count: f.count, detail: f.first }, row ? { line: Number(row), column } : undefined)];
}
