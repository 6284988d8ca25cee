// The genuine mistakes planted in the sample data, so that validation has something to say (far below the hold threshold).
import type { DatasetName } from '../../schemas/index.js';
import type { Severity } from '../../src/diagnostics/Diagnostic.js';
import type { RuleCode } from '../../src/diagnostics/rules.js';
import { columnOf, type Extract } from './extract.js';
import type { Row } from './world/common.js';

export interface Plant {
  partner: string;
  period: string;
  dataset: DatasetName;
  /** What a reader of the README is told. */
  what: string;
  /** The diagnostic it must cause, on `field`. */
  rule: RuleCode;
  severity: Severity;
  field: string;
  /** Where in the file to start looking for a suitable row (0 = top, 1 = bottom). */
  at: number;
  pick: (row: Row) => boolean;
  /** The cell as the partner mistyped it; without it, the row is sent twice. */
  raw?: (row: Row) => string;
}

const [yyyy, mm, dd] = [(s = '') => s.slice(0, 4), (s = '') => s.slice(5, 7), (s = '') => s.slice(8, 10)];

export const plants: readonly Plant[] = [
  {
    partner: 'northmoor', period: '2026-09', dataset: 'children', at: 0.4, rule: 'key.duplicate', severity: 'row_error', field: 'child_id',
    what: 'a child sent twice (the extract joined two placement records): `key.duplicate` on the second row',
    pick: (r) => r.matched_date !== '',
  },
  {
    partner: 'westholm', period: '2026-09', dataset: 'adopters', at: 0.5, rule: 'code.unknown', severity: 'row_error', field: 'gender',
    what: 'gender `e) Other`, an option the Annex A list does not have: `code.unknown`',
    pick: (r) => r.gender === 'female' && r.stage1_start !== '',
    raw: () => 'e) Other',
  },
  {
    partner: 'rivermead', period: '2026-09', dataset: 'support', at: 0.6, rule: 'chronology.order', severity: 'row_error', field: 'closed_date',
    what: 'date closed typed with last year, so before the date received: `chronology.order`',
    pick: (r) => r.closed_date !== '' && (r.received_date ?? '') >= '2026-01-01',
    raw: (r) => `${dd(r.closed_date)}/${mm(r.closed_date)}/${Number(yyyy(r.closed_date)) - 1}`,
  },
  {
    partner: 'eastbridge', period: '2026-10', dataset: 'support', at: 0.3, rule: 'date.us_order', severity: 'row_error', field: 'allocated_date',
    what: 'date allocated in US order (`mm.dd.yyyy`): `date.us_order` (corrected in the resubmission)',
    pick: (r) => r.allocated_date !== '' && r.assessed_date === '' && Number(dd(r.allocated_date)) > 12,
    raw: (r) => `${mm(r.allocated_date)}.${dd(r.allocated_date)}.${yyyy(r.allocated_date)}`,
  },
  {
    partner: 'eastbridge', period: '2026-10', dataset: 'support', at: 0.55, rule: 'date.two_digit_year', severity: 'row_error', field: 'closed_date',
    what: 'date closed with a two-digit year: `date.two_digit_year` (corrected in the resubmission)',
    pick: (r) => r.closed_date !== '' && r.score_end === '',
    raw: (r) => `${dd(r.closed_date)}.${mm(r.closed_date)}.${yyyy(r.closed_date).slice(2)}`,
  },
  {
    partner: 'eastbridge', period: '2026-10', dataset: 'support', at: 0.8, rule: 'code.unknown', severity: 'row_error', field: 'requester',
    what: 'requester `Grandparent`, not in the code list: `code.unknown` (corrected in the resubmission)',
    pick: (r) => r.requester === 'special_guardian' || r.requester === 'adoptive_parent',
    raw: () => 'Grandparent',
  },
  {
    partner: 'southwold', period: '2026-10', dataset: 'concerns', at: 0.5, rule: 'date.impossible', severity: 'row_error', field: 'action_completed_date',
    what: 'date action completed `31/9/2026`, a day September does not have: `date.impossible`',
    pick: (r) => (r.action_completed_date ?? '').startsWith('2026-09'),
    raw: () => '31/9/2026',
  },
  {
    partner: 'rivermead', period: '2026-10', dataset: 'children', at: 0.5, rule: 'age.mismatch', severity: 'warning', field: 'age',
    what: 'age not updated since the last birthday: `age.mismatch` (a warning; the row loads)',
    pick: (r) => r.dob !== '' && Number(r.age) >= 1,
    raw: (r) => String(Number(r.age) - 1),
  },
];

/** Plant each mistake meant for this file in the first suitable row from its starting point; `avoid` rows are left alone. */
export function applyPlants(x: Extract, partner: string, period: string, avoid: (row: Row) => boolean): Plant[] {
  const mine = plants.filter((p) => p.partner === partner && p.period === period && p.dataset === x.dataset.name);
  for (const p of mine) {
    const n = x.rows.length;
    const start = Math.floor(p.at * n);
    let index = -1;
    for (let k = 0; k < n && index < 0; k++) {
      const i = (start + k) % n;
      const row = x.rows[i];
      if (row && row.expect.length === 0 && !avoid(row.canonical) && p.pick(row.canonical)) index = i;
    }
    const row = x.rows[index];
    if (!row) throw new Error(`no row in ${partner} ${period} ${x.dataset.name} for: ${p.what}`);
    const expect = [{ rule: p.rule, severity: p.severity, field: p.field }];
    if (p.raw) {
      row.cells[columnOf(x, p.field)] = p.raw(row.canonical);
      row.expect.push(...expect);
    } else {
      x.rows.splice(index + 1, 0, { canonical: row.canonical, cells: [...row.cells], expect });
    }
  }
  return mine;
}
