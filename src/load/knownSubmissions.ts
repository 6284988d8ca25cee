// The ledger rows of a partner-month before a load: how bytes already loaded or recorded are recognised.
import type { Database } from '../warehouse/Database.js';
import { submissionsFor } from '../warehouse/ledger.js';
import type { KnownSubmission } from './decideOutcome.js';

export async function knownSubmissions(db: Database, partner: string, period: string): Promise<KnownSubmission[]> {
  return submissionsFor(db, partner, period);
}
