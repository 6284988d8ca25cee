// Staffing: one row per team per month for the last three months, the same figures in every file that repeats a month.
import { monthOf, monthStart } from '../days.js';
import { Rng } from '../random.js';
import type { PartnerSize, Row } from './common.js';

const teams = { adoption_support: 9, recruitment_assessment: 5, family_finding: 4, duty: 2 } as const;

const halves = (x: number) => Math.round(x * 2) / 2;

/** Rows for the three months ending with `period`. */
export function snapshotWorkforce(p: PartnerSize, period: string): Row[] {
  const rows: Row[] = [];
  for (let back = 2; back >= 0; back--) {
    const month = monthOf(monthStart(period, -back));
    for (const [team, base] of Object.entries(teams)) {
      // Each month's figures come from their own stream, so they do not change between files.
      const rng = new Rng(`${p.code}:workforce:${team}:${month}`);
      const establishment = halves(base * p.scale);
      const vacant = halves(rng.int(0, 4) * 0.5 * p.scale);
      const agency = halves(Math.min(vacant, rng.int(0, 3) * 0.5));
      rows.push({ month, team, sw_fte: String(Math.max(0.5, establishment - vacant)), vacant_fte: String(vacant), agency_fte: String(agency) });
    }
  }
  return rows;
}
