// One exit-code map: every error class the commands can meet ends with the code of the README's table.
import { describe, expect, it } from 'vitest';
import { exitCodeOf, exitCodes, UsageError } from '../../src/cli/exitCodes.js';
import { LoadFailedError } from '../../src/load/LoadFailedError.js';
import { InboxError } from '../../src/load/inboxFiles.js';
import { NoDataForPeriodError } from '../../src/measure/reportPeriod.js';
import { PipelineError } from '../../src/pipeline/loadPipeline.js';
import { DataNameError } from '../../src/render/resolveData.js';
import { ChromiumMissingError } from '../../src/render/renderPdf.js';
import { ReportDefinitionError } from '../../src/report/loadReport.js';
import { WarehouseBusyError } from '../../src/warehouse/Database.js';
import { WarehouseVersionError } from '../../src/warehouse/migrations.js';
import { WarehouseOpenError } from '../../src/warehouse/openWarehouse.js';

describe('exitCodeOf', () => {
  it.each([
    ['a usage mistake', new UsageError('--period must be a month'), exitCodes.usage],
    ['a pipeline file error', new PipelineError('p.yaml', [{ path: 'partners', line: 3, column: 1, message: 'required' }]), exitCodes.usage],
    ['an unreadable inbox manifest', new InboxError('inbox/manifest.json', 'not JSON'), exitCodes.usage],
    ['a report definition error', new ReportDefinitionError('reports/x/report.yaml', ['report.yaml:1:1: title: required']), exitCodes.usage],
    ['a chart naming data the report lacks', new DataNameError('data "x.y": no measure x.y in this report'), exitCodes.usage],
    ['a month with no data', new NoDataForPeriodError('2026-10', ['2026-09']), exitCodes.usage],
    ['no Chromium for a PDF', new ChromiumMissingError('no chromium'), exitCodes.usage],
    ['a warehouse in use', new WarehouseBusyError('/w/raa.duckdb', 1234), exitCodes.warehouse],
    ['a warehouse from a newer raa', new WarehouseVersionError('/w/raa.duckdb', 9, 2), exitCodes.warehouse],
    ['a file that is not a warehouse', new WarehouseOpenError('/w/raa.duckdb', 'not a DuckDB file'), exitCodes.warehouse],
    ['a load rolled back', new LoadFailedError('northmoor', '2026-10', 'IO error'), exitCodes.warehouse],
    ['a full disk (Node)', Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }), exitCodes.resources],
    ['a full temp folder (DuckDB)', new Error('Out of Memory Error: failed to offload data block of size 256 KiB'), exitCodes.resources],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'x')"), exitCodes.bug],
    ['something thrown that is not an Error', 'a string', exitCodes.bug],
  ])('%s → its code', (_what, error, code) => {
    expect(exitCodeOf(error)).toBe(code);
  });

  it('keeps "warehouse busy" (3) apart from a bug (70)', () => {
    expect(exitCodes.warehouse).toBe(3);
    expect(exitCodes.bug).toBe(70);
    expect(exitCodeOf(new Error('anything else'))).not.toBe(exitCodes.warehouse);
  });
});
