// Workforce measures (NMS 26.4), from the optional `workforce` extract: the social-work staff the service has to do its work with.
import type { FigureDefinition, MeasureDefinition } from './MeasureDefinition.js';
import { codeLists } from '../../schemas/index.js';

const teams = codeLists.team.codes;

/** Per team: social-work FTE in post and vacant. */
const perTeam: Record<string, FigureDefinition> = Object.fromEntries(
  teams.flatMap((t) => [
    [`in_post_${t.code}`, { title: `in post, ${t.label.toLowerCase()}`, unit: 'fte', window: 'as_at' } satisfies FigureDefinition],
    [`vacant_${t.code}`, { title: `vacant, ${t.label.toLowerCase()}`, unit: 'fte', direction: 'lower', window: 'as_at' } satisfies FigureDefinition],
  ]),
);

export const workforceCatalogue: readonly MeasureDefinition[] = [
  {
    id: 'workforce.fte', title: 'Social-work staff in post and vacant', standard: '26.4',
    definition:
      'Social-work full-time equivalent (FTE) in post, vacant and from agencies, for the whole service and for each team (adoption support, recruitment and assessment, family finding, duty), as each partner last reported it.',
    window:
      "For each partner and team, the row of the latest month reported on or before the month (a partner's current workforce submission for the month may carry earlier months too); the region is the sum over partners.",
    exclusions: 'A team whose latest row has no vacant (or agency) FTE is left out of the vacant (or agency) figures, and counted as excluded.',
    datasets: ['workforce'],
    condition: 'Only for partners that sent the optional workforce extract; the measure is absent when none did.',
    headline: 'in_post',
    figures: {
      in_post: { title: 'social-work FTE in post', unit: 'fte', window: 'as_at' },
      vacant: { title: 'vacant FTE', unit: 'fte', direction: 'lower', window: 'as_at' },
      agency: { title: 'agency FTE', unit: 'fte', window: 'as_at' },
      ...perTeam,
    },
  },
];
