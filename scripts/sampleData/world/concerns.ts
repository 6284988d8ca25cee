// The concerns log: issues raised, the action agreed and when it is due, completion (on time, late or not yet),
// closure with an outcome, and the learning fed back. Some are never actioned; some actions run overdue.
import { day, iso, monthEnd, type Day } from '../days.js';
import type { Rng } from '../random.js';
import { arrivals, idOf, inWindow, known, shown, workday, type PartnerSize, type Row, type Window } from './common.js';

export interface Concern {
  concern_id: string;
  raised: Day;
  source: string;
  category: string;
  severity: string;
  relatedId: string | null;
  agreed: Day | null;
  due: Day | null;
  completed: Day | null;
  closed: Day | null;
  outcome: string | null;
  learningTo: string[];
  learningDate: Day | null;
}

const sources = {
  complaint: 20, allegation: 4, case_review: 12, disruption_review: 6, audit: 12, panel: 12, staff: 8, partner_agency: 8,
  ofsted: 3, service_user_feedback: 12, other: 3,
} as const;

const categories = {
  communication: 15, delay: 14, assessment_quality: 10, support_network_overlooked: 6, sibling_trauma_bond: 4,
  early_disruption_indicators_missed: 4, life_story_work: 8, contact: 8, records_access: 8, safeguarding: 4, matching: 6,
  placement_stability: 5, staffing: 6, other: 2,
} as const;

/** What case and disruption reviews tend to find. */
const reviewFindings = {
  support_network_overlooked: 25, sibling_trauma_bond: 15, early_disruption_indicators_missed: 25, assessment_quality: 15,
  matching: 10, life_story_work: 5, placement_stability: 5,
} as const;

const destinations = ['recruitment', 'assessment', 'family_finding', 'matching', 'support', 'training', 'la_childrens_services'] as const;

/** A child or adopter the concern is about: `candidates(day)` returns ids on record at that day in both months' snapshots. */
export type RelatedPicker = (raised: Day) => readonly string[];

export function simulateConcerns(p: PartnerSize, rng: Rng, lastPeriod: string, related: RelatedPicker): Concern[] {
  const concerns: Concern[] = [];
  let seq = rng.int(10, 90);
  arrivals(rng, day('2024-09-01'), monthEnd(lastPeriod), 2.6 * p.scale, (raised) => {
    const source = rng.weighted(sources);
    const review = source === 'case_review' || source === 'disruption_review';
    const category = review ? rng.weighted(reviewFindings) : rng.weighted(categories);
    const severity = source === 'allegation' || category === 'safeguarding' ? 'high' : rng.weighted({ low: 45, medium: 42, high: 13 });
    const candidates = ['complaint', 'allegation', 'case_review', 'disruption_review', 'panel'].includes(source) && rng.chance(0.7) ? related(raised) : [];
    const c: Concern = {
      concern_id: idOf(p.prefix, 'Q', ++seq), raised, source, category, severity, relatedId: candidates.length ? rng.pick(candidates) : null,
      agreed: null, due: null, completed: null, closed: null, outcome: null, learningTo: [], learningDate: null,
    };
    concerns.push(c);
    const route = rng.weighted({ actioned: 89, closedWithoutAction: 8, neverActioned: 3 });
    if (route === 'neverActioned') return;
    if (route === 'closedWithoutAction') {
      c.closed = workday(raised + 10 + rng.days(20));
      c.outcome = rng.weighted({ not_upheld: 60, withdrawn: 25, referred_on: 15 });
      if (rng.chance(0.3)) c.learningTo = ['none'];
      return;
    }
    c.agreed = workday(raised + rng.days(5));
    c.due = workday(c.agreed + 14 + rng.days(25));
    const done = rng.weighted({ onTime: 73, late: 23, notDone: 4 });
    if (done === 'notDone') return;
    c.completed = done === 'onTime' ? workday(c.agreed + rng.int(5, c.due - c.agreed)) : workday(c.due + 1 + rng.days(20));
    c.closed = workday(c.completed + rng.int(0, 30));
    c.outcome = rng.weighted({ upheld: 25, partially_upheld: 25, not_upheld: 22, resolved: 20, referred_on: 5, withdrawn: 3 });
    if ((c.outcome === 'upheld' || c.outcome === 'partially_upheld') && rng.chance(0.8)) {
      const first = rng.pick(destinations);
      const second = rng.chance(0.35) ? rng.pick(destinations) : first;
      c.learningTo = first === second ? [first] : [first, second];
      c.learningDate = workday(c.closed + rng.int(0, 28));
    } else if (rng.chance(0.3)) c.learningTo = ['none'];
  });
  return concerns;
}

export function snapshotConcern(c: Concern, w: Window): Row | null {
  if (!inWindow(w, c.raised, c.closed)) return null;
  const agreed = known(w, c.agreed);
  const closed = known(w, c.closed);
  return {
    concern_id: c.concern_id,
    raised_date: shown(w, c.raised),
    source: c.source,
    category: c.category,
    severity: c.severity,
    related_id: c.relatedId ?? '',
    action_agreed_date: shown(w, c.agreed),
    // A planned date: shown once the action is agreed, even when it lies after the snapshot day.
    action_due_date: agreed && c.due !== null ? iso(c.due) : '',
    action_completed_date: shown(w, c.completed),
    closed_date: shown(w, c.closed),
    outcome: closed ? (c.outcome ?? '') : '',
    learning_to: closed ? c.learningTo.join(';') : '',
    learning_date: shown(w, c.learningDate),
  };
}
