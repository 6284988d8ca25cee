// The shapes most figures take — a count, a rate, a statistic over records of one dataset — as recipes, with the
// catalogue's words for each role.
import type { DatasetName } from '../../schemas/index.js';
import { fillTarget, measureDefinition, targetNumbers, type MeasureDefinition } from '../catalogue/catalogue.js';
import type { MeasureContext } from '../measure/MeasureContext.js';
import type { Unit } from '../measure/types.js';
import type { Recipe, Role } from './Recipe.js';
import { recordRows, type RecordQuery } from './recordRows.js';

/** A figure's roles in the catalogue's words: what puts a record in the numerator, only the denominator, or leaves it out. */
export interface Words {
  counted: string;
  numerator: string;
  denominator: string;
  excluded: string;
}

export function wordsFor(ctx: MeasureContext, def: MeasureDefinition, title: string): Words {
  const t = targetNumbers(def.id, ctx.pipeline.targets);
  const fill = (s: string) => fillTarget(s, t);
  return {
    counted: fill(title),
    numerator: fill(def.numerator ?? title),
    denominator: `in the denominator only: ${fill(def.denominator ?? 'the records the share is of')}`,
    excluded: `left out: ${fill(def.exclusions ?? 'it lacks a date, score or amount the figure needs')}`,
  };
}

/** The recipe builders for one measure's figures, with its words. */
export function kit(ctx: MeasureContext, id: string, dataset: DatasetName) {
  const def = measureDefinition(id);
  const words = (figure: string) => wordsFor(ctx, def, def.figures[figure]?.title ?? figure);
  const query = (q: Omit<RecordQuery, 'dataset'>): Recipe['rows'] => (partners) => recordRows(ctx, partners, { dataset, ...q });
  const roles = (...r: ([Role, string, string] | false)[]) => r.filter((x): x is [Role, string, string] => x !== false);
  return {
    def,
    words,
    /** A count of the records meeting `when`. */
    count: (figure: string, when: string, used: readonly string[], reason = words(figure).counted): Recipe => ({
      recompute: { kind: 'count' },
      rows: query({ roles: [['counted', when, reason]], used }),
    }),
    /** `numerator` ÷ `denominator` (the numerator's records are within the denominator's); `excluded` records listed as left out; `shown`, a value shown with each record (the days the time limit is judged on). */
    rate: (figure: string, numerator: string, denominator: string, used: readonly string[], excluded?: string, shown?: string): Recipe => {
      const w = words(figure);
      return {
        recompute: { kind: 'rate' },
        rows: query({ roles: roles(['numerator', numerator, w.numerator], ['denominator', denominator, w.denominator], excluded !== undefined && ['excluded', excluded, w.excluded]), used, ...(shown ? { value: shown } : {}) }),
      };
    },
    /** A statistic of `value` over the records meeting `over`; `excluded` records listed as left out. */
    stat: (figure: string, stat: 'median' | 'p90' | 'mean' | 'max' | 'sum', unit: Unit, over: string, value: string, used: readonly string[], excluded?: string): Recipe => {
      const w = words(figure);
      return {
        recompute: { kind: 'stat', stat, unit },
        rows: query({ roles: roles(['counted', over, w.counted], excluded !== undefined && ['excluded', excluded, w.excluded]), used, value }),
      };
    },
  };
}
