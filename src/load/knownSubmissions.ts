// The ledger rows of a partner-month before a load: how bytes already loaded or recorded are recognised.
import type { Database } from '../warehouse/Database.js';
import type { KnownSubmission } from './decideOutcome.js';

export async function knownSubmissions(db: Database, partner: string, period: string): Promise<KnownSubmission[]> {
  return db.all<KnownSubmission>(
    `SELECT id, sha256, sheet, status, dataset, rows_read AS "rowsRead", rows_loaded AS "rowsLoaded", rows_rejected AS "rowsRejected",
       blank_rows AS blank, warnings FROM submission WHERE partner = $1 AND period = $2 ORDER BY id`,
    [partner, period],
  );
}
