// Adopters and prospective adopters: households move from enquiry through Stages 1 and 2 to approval, a match, a
// placement and an adoption order, and leave at any step. Each individual adopter is a row; a couple shares a family id.
import { day, monthEnd, type Day } from '../days.js';
import type { Rng } from '../random.js';
import { arrivals, ethnicityWeights, idOf, inWindow, known, shown, workday, type PartnerSize, type Row, type Window } from './common.js';

export interface Adopter {
  adopter_id: string;
  family_id: string;
  gender: string;
  ethnicity: string;
  disability: boolean;
  ffa: boolean;
  enquiry: Day;
  stage1Start: Day | null;
  stage1End: Day | null;
  stage2Start: Day | null;
  stage2End: Day | null;
  application: Day | null;
  approval: Day | null;
  matched: Day | null;
  placed: Day | null;
  childrenPlaced: number | null;
  order: Day | null;
  left: Day | null;
  leftReason: string | null;
}

/** One household's journey; `left` ends it wherever it happens. */
type Journey = Omit<Adopter, 'adopter_id' | 'family_id' | 'gender' | 'ethnicity' | 'disability'>;

function journey(rng: Rng, enquiry: Day): Journey {
  const j: Journey = {
    ffa: rng.chance(0.08), enquiry, stage1Start: null, stage1End: null, stage2Start: null, stage2End: null, application: null,
    approval: null, matched: null, placed: null, childrenPlaced: null, order: null, left: null, leftReason: null,
  };
  const leave = (at: Day, reasons: Record<string, number>): Journey => {
    j.left = workday(at);
    j.leftReason = rng.weighted(reasons);
    return j;
  };
  if (!rng.chance(0.26)) return leave(enquiry + 5 + rng.days(30), { withdrew: 100 });
  j.stage1Start = workday(enquiry + 7 + rng.days(25));
  if (rng.chance(0.12)) return leave(j.stage1Start + rng.int(10, 50), { withdrew: 70, on_hold: 30 });
  j.stage1End = workday(j.stage1Start + 35 + rng.days(20));
  if (rng.chance(0.1)) return leave(j.stage1End + rng.int(5, 60), { withdrew: 60, on_hold: 40 });
  j.stage2Start = workday(j.stage1End + rng.int(0, 30));
  j.application = Math.max(j.stage1End, j.stage2Start - rng.int(0, 7));
  if (rng.chance(0.08)) return leave(j.stage2Start + rng.int(20, 100), { withdrew: 50, on_hold: 30, refused: 20 });
  j.stage2End = workday(j.stage2Start + 90 + rng.days(25));
  if (rng.chance(0.04)) return leave(j.stage2End + rng.int(20, 40), { refused: 100 });
  j.approval = workday(j.stage2End + 14 + rng.days(14));
  if (rng.chance(0.08)) return leave(j.approval + rng.int(120, 540), { withdrew: 60, on_hold: 40 });
  j.matched = workday(j.approval + 20 + rng.days(150));
  j.placed = j.matched + 14 + rng.days(14);
  j.childrenPlaced = rng.chance(0.78) ? 1 : rng.chance(0.86) ? 2 : 3;
  j.order = workday(j.placed + 200 + rng.days(120));
  return j;
}

export function simulateAdopters(p: PartnerSize, rng: Rng, lastPeriod: string): Adopter[] {
  const adopters: Adopter[] = [];
  let seq = rng.int(100, 900);
  let familySeq = 0;
  arrivals(rng, day('2022-07-01'), monthEnd(lastPeriod), 5 * p.scale, (enquiry) => {
    const j = journey(rng, enquiry);
    const family_id = idOf(p.prefix, 'F', ++familySeq);
    const couple = rng.chance(0.62);
    const genders = couple ? (rng.chance(0.8) ? ['female', 'male'] : rng.chance(0.6) ? ['female', 'female'] : ['male', 'male']) : [rng.chance(0.8) ? 'female' : 'male'];
    const shared = rng.weighted(ethnicityWeights);
    for (const gender of genders) {
      adopters.push({
        adopter_id: idOf(p.prefix, 'A', ++seq), family_id, gender: rng.chance(0.01) ? 'not_stated' : gender,
        ethnicity: rng.chance(0.8) ? shared : rng.weighted(ethnicityWeights), disability: rng.chance(0.04), ...j,
      });
    }
  });
  return adopters;
}

export const adopterClosed = (a: Adopter): Day | null => a.order ?? a.left;

export function snapshotAdopter(a: Adopter, w: Window): Row | null {
  if (!inWindow(w, a.enquiry, adopterClosed(a))) return null;
  return {
    adopter_id: a.adopter_id,
    family_id: a.family_id,
    gender: a.gender,
    ethnicity: a.ethnicity,
    disability: a.disability ? 'yes' : 'no',
    ffa: a.ffa ? 'yes' : 'no',
    enquiry_date: shown(w, a.enquiry),
    stage1_start: shown(w, a.stage1Start),
    stage1_end: shown(w, a.stage1End),
    stage2_start: shown(w, a.stage2Start),
    stage2_end: shown(w, a.stage2End),
    application_date: shown(w, a.application),
    approval_date: shown(w, a.approval),
    matched_date: shown(w, a.matched),
    placed_date: shown(w, a.placed),
    children_placed: known(w, a.placed) && a.childrenPlaced !== null ? String(a.childrenPlaced) : '',
    adoption_order_date: shown(w, a.order),
    left_date: shown(w, a.left),
    left_reason: known(w, a.left) ? (a.leftReason ?? '') : '',
  };
}
