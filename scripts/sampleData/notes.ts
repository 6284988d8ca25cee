// Free text for the one partner that adds a Notes column to its concerns log: Windows-1252 punctuation, a line break, quotes.
import { Rng } from './random.js';

const phrases = [
  'Adopter’s complaint about the delay in the letterbox exchange — apology sent.',
  'Panel advised: “the support plan must name the school’s SENCo”.',
  'Café meeting with the birth family cancelled twice; €40 travel claim outstanding.',
  'Review found early indicators (sleep, school refusal) were noted but not escalated.',
  'Complaint re: £250 ASF top-up refused – escalated to stage 2.',
  'Family said the process felt like "a maze" and asked for one named worker.',
  'Action plan:\n1) apologise in writing\n2) revise the “Welcome” pack',
  'Life story book not started at match; worker to begin before introductions.',
  'Sibling contact arrangements unclear after placement — to be reviewed at LAC review.',
  'Records request chased by the adopted adult three times; no acknowledgement sent.',
  'Audit: 3 of 10 CPRs missing health section; learning shared with the LA’s team managers.',
  'Contact centre décor not child-friendly; raised with the LA’s property team.',
];

/** The note for a concern (the same in every month's file), or '' for most concerns. */
export function noteFor(concernId: string): string {
  const rng = new Rng(`notes:${concernId}`);
  return rng.chance(0.35) ? rng.pick(phrases) : '';
}
