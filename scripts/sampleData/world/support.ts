// Adoption support requests: arrivals, a waiting list for allocation, assessment, ASF applications and closure.
import { day, monthEnd, type Day } from '../days.js';
import type { Rng } from '../random.js';
import { arrivals, idOf, inWindow, known, shown, workday, type PartnerSize, type Row, type Window } from './common.js';

export interface SupportCase {
  request_id: string;
  family_id: string | null;
  requester: string;
  request_type: string;
  received: Day;
  allocated: Day | null;
  assessed: Day | null;
  asfApplied: Day | null;
  /** When the ASF award was approved: the amount is known from then. */
  asfApproved: Day | null;
  asfAmount: number | null;
  provider: string | null;
  closed: Day | null;
  closureReason: string | null;
  scoreStart: number | null;
  scoreEnd: number | null;
}

const types = {
  access_to_records: 34.5, asf_application: 19, assessment_of_need: 10, therapeutic_support: 8, contact_support: 7,
  advice_information: 9, birth_records_counselling: 4, peer_support: 5, training: 4, other: 1.5,
} as const;
type RequestType = keyof typeof types;

const requesters: Record<RequestType, Record<string, number>> = {
  access_to_records: { adopted_adult: 96, birth_relative: 3, other: 1 },
  asf_application: { adoptive_parent: 85, special_guardian: 15 },
  assessment_of_need: { adoptive_parent: 78, special_guardian: 10, adopted_child: 6, professional: 6 },
  therapeutic_support: { adoptive_parent: 88, special_guardian: 8, adopted_child: 4 },
  contact_support: { adoptive_parent: 55, birth_relative: 40, special_guardian: 5 },
  advice_information: { adoptive_parent: 40, adopted_adult: 20, birth_relative: 15, professional: 15, prospective_adopter: 5, other: 5 },
  birth_records_counselling: { adopted_adult: 80, birth_relative: 20 },
  peer_support: { adoptive_parent: 80, prospective_adopter: 10, special_guardian: 10 },
  training: { adoptive_parent: 65, special_guardian: 20, prospective_adopter: 15 },
  other: { other: 50, professional: 30, adoptive_parent: 20 },
};

const familyRequesters = new Set(['adoptive_parent', 'special_guardian', 'adopted_child', 'prospective_adopter']);
const scored = new Set<string>(['asf_application', 'therapeutic_support', 'assessment_of_need', 'contact_support', 'peer_support']);
const asfShare: Partial<Record<RequestType, number>> = { asf_application: 0.95, therapeutic_support: 0.75, assessment_of_need: 0.35 };

/** The per-child ASF cap the pipeline uses by default: amounts above it are drawn rarely, as in life. */
export const asfCap = 3000;

function asfAmount(rng: Rng): number {
  const quarterPounds = (x: number) => Math.round(x * 4) / 4;
  if (rng.chance(0.025)) return quarterPounds(3100 + rng.next() * 2400);
  if (rng.chance(0.1)) return asfCap;
  return quarterPounds(600 + Math.pow(rng.next(), 0.65) * 2400);
}

export function simulateSupport(p: PartnerSize, rng: Rng, lastPeriod: string): SupportCase[] {
  const cases: SupportCase[] = [];
  const families: string[] = [];
  let familySeq = 0;
  let seq = rng.int(100, 900);
  arrivals(rng, day('2024-01-01'), monthEnd(lastPeriod), 25 * p.scale, (received) => {
    const type = rng.weighted(types);
    const requester = rng.weighted(requesters[type]);
    let family_id: string | null = null;
    if (familyRequesters.has(requester)) {
      if (families.length > 20 && rng.chance(0.3)) family_id = rng.pick(families.slice(-400));
      else {
        family_id = idOf(p.prefix, 'F', 20000 + ++familySeq);
        families.push(family_id);
      }
    }
    const c: SupportCase = {
      request_id: idOf(p.prefix, 'S', ++seq), family_id, requester, request_type: type, received,
      allocated: null, assessed: null, asfApplied: null, asfApproved: null, asfAmount: null, provider: null,
      closed: null, closureReason: null, scoreStart: null, scoreEnd: null,
    };
    cases.push(c);
    if (type === 'advice_information' && rng.chance(0.65)) {
      c.closed = received + rng.int(0, 10);
      c.closureReason = rng.chance(0.6) ? 'signposted' : 'service_provided';
      return;
    }
    if (rng.chance(0.06)) {
      c.closed = workday(received + rng.int(10, 60));
      c.closureReason = rng.chance(0.6) ? 'withdrawn' : 'no_further_action';
      return;
    }
    const allocated = workday(received + (type === 'access_to_records' ? 20 + rng.days(62) : 4 + rng.days(30)));
    c.allocated = allocated;
    c.provider = type === 'peer_support' ? 'third_sector' : type === 'access_to_records' || type === 'birth_records_counselling' ? 'in_house' : rng.weighted({ in_house: 75, third_sector: 15, other: 10 });
    if (type === 'assessment_of_need' || type === 'asf_application' || type === 'therapeutic_support') c.assessed = allocated + 10 + rng.days(30);
    const asf = asfShare[type];
    if (asf !== undefined && rng.chance(asf)) {
      c.asfApplied = (c.assessed ?? allocated) + 3 + rng.days(14);
      c.asfApproved = c.asfApplied + 7 + rng.days(14);
      c.asfAmount = asfAmount(rng);
      c.provider = rng.weighted({ independent: 45, third_sector: 30, health: 15, education: 5, other: 5 });
    }
    if (scored.has(type) && rng.chance(0.7)) c.scoreStart = rng.int(1, 6);
    const from = c.asfApproved ?? c.assessed ?? allocated;
    const duration =
      type === 'access_to_records' ? 28 + rng.days(64)
      : type === 'birth_records_counselling' ? 15 + rng.days(45)
      : c.asfApproved !== null ? 40 + rng.days(90)
      : 15 + rng.days(50);
    c.closed = workday(from + duration);
    c.closureReason = rng.weighted({ service_provided: 76, signposted: 7, no_further_action: 7, withdrawn: 5, transferred: 3, other: 2 });
    if (c.scoreStart !== null && c.closureReason === 'service_provided' && rng.chance(0.8)) {
      c.scoreEnd = Math.max(0, Math.min(10, c.scoreStart + rng.int(-1, 4)));
    }
  });
  return cases;
}

export function snapshotSupport(c: SupportCase, w: Window): Row | null {
  if (!inWindow(w, c.received, c.closed)) return null;
  const closed = known(w, c.closed);
  return {
    request_id: c.request_id,
    family_id: c.family_id ?? '',
    requester: c.requester,
    request_type: c.request_type,
    received_date: shown(w, c.received),
    allocated_date: shown(w, c.allocated),
    assessed_date: shown(w, c.assessed),
    asf_applied_date: shown(w, c.asfApplied),
    asf_amount: known(w, c.asfApproved) && c.asfAmount !== null ? c.asfAmount.toFixed(2) : '',
    provider: known(w, c.allocated) ? (c.provider ?? '') : '',
    closed_date: shown(w, c.closed),
    closure_reason: closed ? (c.closureReason ?? '') : '',
    score_start: known(w, c.allocated) && c.scoreStart !== null ? String(c.scoreStart) : '',
    score_end: closed && c.scoreEnd !== null ? String(c.scoreEnd) : '',
  };
}
