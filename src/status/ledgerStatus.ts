// The submission ledger for one month, per partner and dataset: what arrived when (on time or late against the due day),
// how many versions, what was held or rejected, and the rows of the submission in use. Read-only.
import { datasets, optionalDatasets } from '../../schemas/index.js';
import type { Pipeline } from '../config/Pipeline.js';
import type { Database } from '../warehouse/Database.js';
import { latestLedgerPeriod, ledgerRows, type LedgerRow } from '../warehouse/ledger.js';


/** `missing`: a required dataset with nothing received once the month is due; `not_yet_due`: nothing received yet, before the due date. */
export type DatasetState = 'loaded' | 'held' | 'rejected' | 'missing' | 'not_yet_due' | 'not_sent';

/** One version of a dataset's submission: a ledger row without the partner and dataset it is listed under. */
export type Version = Omit<LedgerRow, 'partner' | 'dataset'>;

export interface DatasetStatus {
  dataset: string;
  state: DatasetState;
  /** First arrival of any version, and whether it was by the due date; null when nothing arrived. */
  received: string | null;
  onTime: boolean | null;
  versions: number;
  held: number;
  rejected: number;
  /** The loaded submission in use, if any (else the newest version, for its counts). */
  current: Version | null;
  history: Version[];
}

export interface PartnerStatus {
  code: string;
  name: string;
  datasets: DatasetStatus[];
  /** Files whose dataset could not be recognised (file errors). */
  unrecognised: Version[];
}

export interface LedgerStatus {
  period: string;
  /** Extracts are due by the end of this day (UTC), `YYYY-MM-DD`. */
  due: string;
  partners: PartnerStatus[];
}

/** Day `dueDay` of the month after `period`. */
export function dueDate(period: string, dueDay: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, dueDay)).toISOString().slice(0, 10);
}

/** The newest period in the ledger, or null when nothing was ever loaded. */
export async function latestPeriod(db: Database): Promise<string | null> {
  return latestLedgerPeriod(db);
}

/** Whether the month's extracts are due by `now`: the end of the due day (UTC) has passed. */
export function isDue(due: string, now: Date): boolean {
  return now.getTime() >= Date.parse(`${due}T00:00:00Z`) + 86_400_000;
}

export async function ledgerStatus(db: Database, pipeline: Pick<Pipeline, 'partners' | 'submissionDueDay'>, period: string, now = new Date()): Promise<LedgerStatus> {
  const due = dueDate(period, pipeline.submissionDueDay);
  const overdue = isDue(due, now);
  const rows = await ledgerRows(db, period, due);
  const known = pipeline.partners.map((p) => ({ code: p.code, name: p.name }));
  for (const r of rows) if (!known.some((k) => k.code === r.partner)) known.push({ code: r.partner, name: r.partner });
  const partners = known.map(({ code, name }) => {
    const mine = rows.filter((r) => r.partner === code);
    const strip = ({ partner: _p, dataset: _d, ...v }: (typeof rows)[number]): Version => v;
    return {
      code,
      name,
      datasets: datasets.map((ds) => datasetStatus(ds.name, mine.filter((r) => r.dataset === ds.name).map(strip), overdue)),
      unrecognised: mine.filter((r) => r.dataset === null).map(strip),
    };
  });
  return { period, due, partners };
}

function datasetStatus(dataset: string, history: Version[], overdue: boolean): DatasetStatus {
  const first = history[0];
  const loaded = history.find((v) => v.status === 'loaded');
  const newest = history[history.length - 1];
  const state: DatasetState = loaded ? 'loaded'
    : newest?.status === 'held' ? 'held'
    : newest?.status === 'rejected' ? 'rejected'
    : (optionalDatasets as readonly string[]).includes(dataset) ? 'not_sent'
    : overdue ? 'missing'
    : 'not_yet_due';
  return {
    dataset,
    state,
    received: first?.received ?? null,
    onTime: first ? first.onTime : null,
    versions: history.length,
    held: history.filter((v) => v.status === 'held').length,
    rejected: history.filter((v) => v.status === 'rejected').length,
    current: loaded ?? newest ?? null,
    history,
  };
}

/** The file names in the ledger for the month, by partner (every version, and files whose dataset was not recognised). */
export function ledgerFileNames(s: LedgerStatus): Map<string, Set<string>> {
  return new Map(s.partners.map((p) => [p.code, new Set([...p.datasets.flatMap((d) => d.history.map((v) => v.file)), ...p.unrecognised.map((v) => v.file)])]));
}
