// One file of a partner-month between validation and commit: what will be done with it, and what it carries there.
import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { FileResult } from '../validate/index.js';
import type { CheckedFile } from '../validate/index.js';
import type { KnownSubmission } from './decideOutcome.js';
import type { FileLoad, FileOutcome, LoadCounts } from './FileLoad.js';
import type { InboxFile } from './inboxFiles.js';
import type { SubmissionStatus } from '../warehouse/migrations.js';
import { SHEET_SEPARATOR } from '../validate/index.js';

/** The name an extract is shown by: the file's, with its sheet for a workbook sheet (`Workbook.xlsx › List 10`). */
export const extractName = (file: Pick<InboxFile, 'name'>, sheet: string | null): string => (sheet === null ? file.name : `${file.name}${SHEET_SEPARATOR}${sheet}`);

export interface FilePlan {
  /** Position in the batch (received order). */
  index: number;
  file: InboxFile;
  /** The workbook sheet this extract is, null for a text file (or a workbook that could not be read). */
  sheet: string | null;
  outcome: FileOutcome;
  /** Validation result; null when the bytes were recognised before validating (already loaded or recorded). */
  result: FileResult | null;
  /** For a file that loads: its checked rows. */
  checked?: CheckedFile;
  /** The ledger row with the same bytes, for `already_*`. */
  known?: KnownSubmission;
  acceptedPartial: boolean;
  /** Everything stored in `diagnostic`: validation's, then the cross checks'. */
  diagnostics: Diagnostic[];
  counts: LoadCounts;
  note: string | null;
  /** Set once stored. */
  submissionId: number | null;
  supersedes: number | null;
  /** Set when a file received later, already loaded, stays current over this one. */
  supersededBy: number | null;
  /** Set once stored: the ledger status written for it (a file replaced within its own load is `superseded`). */
  storedStatus: SubmissionStatus | null;
}

function countByRule(diagnostics: readonly Diagnostic[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of diagnostics) out[d.rule] = (out[d.rule] ?? 0) + 1;
  return out;
}

/** The summary handed back to callers: counts and rule codes only (no cell values). `loadedDatasets`: those with a loaded submission now. */
export function summarise(plan: FilePlan, loadedDatasets: ReadonlySet<string>): FileLoad {
  const dataset = plan.result?.dataset ?? plan.known?.dataset ?? null;
  return {
    file: extractName(plan.file, plan.sheet),
    path: plan.file.path,
    sheet: plan.sheet,
    titleRows: plan.result?.sheet?.titleRows ?? null,
    dataset,
    received: plan.file.received.toISOString(),
    sha256: plan.result?.sha256 ?? plan.known?.sha256 ?? null,
    outcome: plan.outcome,
    submissionId: plan.submissionId ?? plan.known?.id ?? null,
    previousStatus: plan.known?.status,
    supersedes: plan.supersedes,
    supersededBy: plan.supersededBy,
    acceptedPartial: plan.acceptedPartial,
    counts: plan.counts,
    rowErrors: plan.result?.counts.wouldReject ?? 0,
    countsByRule: countByRule(plan.diagnostics),
    datasetLoaded: dataset === null ? null : loadedDatasets.has(dataset),
  };
}
