// What `raa export` exports: each dataset's current rows and the submission ledger, as queries, optionally for one period.
import { sqlIdent } from '../warehouse/sql.js';
import { datasets } from '../../schemas/index.js';
import {currentView } from '../warehouse/datasetTables.js';
import { ledgerExportQuery } from '../warehouse/ledger.js';

export interface ExportSource {
  /** The exported table's name: the dataset name, or `submission` for the ledger. */
  name: string;
  /** The query giving its rows, in a stable order (partner, period, then submission and line). */
  sql: string;
  /** The values of its parameters ($1…): the period, when one is asked for. */
  params: string[];
}

/**
 * The tables analysts get. Each dataset: every column of `current_<dataset>` (the newest loaded submission per
 * partner and period), provenance included: `submission_id` joins to the ledger and `source_line` points at the
 * record in the file the partner sent. The ledger: every submission ever received (loaded, superseded, held,
 * rejected), so the history behind the current rows is there too. `period` restricts both to one month.
 */
export function exportSources(period?: string): ExportSource[] {
  const where = period === undefined ? '' : ` WHERE period = $1`;
  const params = period === undefined ? [] : [period];
  return [
    ...datasets.map((ds) => ({
      name: ds.name,
      sql: `SELECT * FROM ${sqlIdent(currentView(ds))}${where} ORDER BY partner, period, submission_id, source_line`,
      params,
    })),
    { name: 'submission', ...ledgerExportQuery(period) },
  ];
}
