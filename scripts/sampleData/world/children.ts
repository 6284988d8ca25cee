// Children with an adoption decision: entering care, the decision, placement order, match, placement and adoption
// order, with reversals (including a few disruptions after placement). Siblings move together and share a family id.
import { day, monthEnd, yearsBetween, type Day } from '../days.js';
import type { Rng } from '../random.js';
import { arrivals, ethnicityWeights, idOf, inWindow, known, shown, workday, type PartnerSize, type Row, type Window } from './common.js';

export interface Child {
  child_id: string;
  family_id: string | null;
  gender: string;
  ethnicity: string;
  dob: Day;
  disability: boolean;
  enteredCare: Day;
  decision: Day;
  placementOrder: Day | null;
  matched: Day | null;
  placed: Day | null;
  order: Day | null;
  reversal: Day | null;
  reversalReason: string | null;
  ffaPlaced: Day | null;
}

type Plan = Pick<Child, 'enteredCare' | 'decision' | 'placementOrder' | 'matched' | 'placed' | 'order' | 'reversal' | 'reversalReason' | 'ffaPlaced'>;

/** The route a sibling group takes from the decision on. `concurrent` puts the decision a little before entering care. */
function plan(rng: Rng, enteredCare: Day, concurrent: boolean): Plan {
  const decision = concurrent ? enteredCare - rng.int(3, 20) : workday(enteredCare + 90 + rng.days(120));
  const p: Plan = { enteredCare, decision, placementOrder: null, matched: null, placed: null, order: null, reversal: null, reversalReason: null, ffaPlaced: null };
  const reverse = (at: Day, reason: string): Plan => {
    p.reversal = workday(at);
    p.reversalReason = reason;
    return p;
  };
  if (rng.chance(0.05)) return reverse(decision + rng.int(100, 220), 'RD2');
  if (rng.chance(0.12)) p.ffaPlaced = Math.max(enteredCare, decision) + rng.int(0, 40);
  p.placementOrder = workday(decision + 40 + rng.days(90));
  const r = rng.next();
  if (r < 0.04) return reverse(p.placementOrder + rng.int(60, 300), 'RD1');
  if (r < 0.09 && p.ffaPlaced === null) return reverse(p.placementOrder + rng.int(300, 600), 'RD3');
  if (r < 0.11) return reverse(p.placementOrder + rng.int(30, 300), 'RD4');
  p.matched = workday(p.placementOrder + (p.ffaPlaced !== null ? rng.int(5, 40) : 20 + rng.days(110)));
  p.placed = p.matched + 10 + rng.days(14);
  if (rng.chance(0.03)) return reverse(p.placed + rng.int(30, 200), rng.chance(0.5) ? 'RD4' : 'RD1');
  p.order = workday(p.placed + 150 + rng.days(150));
  return p;
}

/** Age on entering care: many newborns, most under three. */
function ageAtCare(rng: Rng): number {
  const band = rng.weighted({ newborn: 45, infant: 30, toddler: 20, older: 5 });
  return band === 'newborn' ? rng.int(0, 14) : band === 'infant' ? rng.int(15, 365) : band === 'toddler' ? rng.int(366, 1095) : rng.int(1096, 2200);
}

export function simulateChildren(p: PartnerSize, rng: Rng, lastPeriod: string): Child[] {
  const children: Child[] = [];
  let seq = rng.int(100, 900);
  let familySeq = 0;
  arrivals(rng, day('2021-06-01'), monthEnd(lastPeriod), 2 * p.scale, (start) => {
    const size = rng.chance(0.8) ? 1 : rng.chance(0.85) ? 2 : 3;
    const youngestAge = ageAtCare(rng);
    const enteredCare = start;
    const route = plan(rng, enteredCare, youngestAge > 30 && rng.chance(0.03));
    const family_id = size > 1 ? idOf(p.prefix, 'F', 10000 + ++familySeq) : null;
    const ethnicity = rng.weighted(ethnicityWeights);
    for (let i = 0; i < size; i++) {
      const age = youngestAge + i * rng.int(400, 900);
      children.push({
        child_id: idOf(p.prefix, 'C', ++seq), family_id, gender: rng.weighted({ male: 51, female: 48, not_stated: 1 }),
        ethnicity: i > 0 || rng.chance(0.95) ? ethnicity : rng.weighted(ethnicityWeights), dob: enteredCare - age,
        disability: rng.chance(0.08), ...route,
      });
    }
  });
  return children;
}

export const childClosed = (c: Child): Day | null => c.order ?? c.reversal;

export function snapshotChild(c: Child, w: Window): Row | null {
  if (!inWindow(w, Math.max(c.decision, c.enteredCare), childClosed(c))) return null;
  return {
    child_id: c.child_id,
    family_id: c.family_id ?? '',
    gender: c.gender,
    ethnicity: c.ethnicity,
    dob: shown(w, c.dob),
    age: String(yearsBetween(c.dob, w.end)),
    disability: c.disability ? 'yes' : 'no',
    entered_care: shown(w, c.enteredCare),
    adm_decision_date: shown(w, c.decision),
    placement_order_date: shown(w, c.placementOrder),
    matched_date: shown(w, c.matched),
    placed_date: shown(w, c.placed),
    adoption_order_date: shown(w, c.order),
    reversal_date: shown(w, c.reversal),
    reversal_reason: known(w, c.reversal) ? (c.reversalReason ?? '') : '',
    ffa_placed_date: shown(w, c.ffaPlaced),
  };
}
