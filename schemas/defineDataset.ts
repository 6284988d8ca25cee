// The contract's type system: what a dataset definition may say. Every module in schemas/ is checked against it.
import { z } from 'zod';

/** One code in a code list: the stored code, its official label, and the other spellings LAs really send. */
export const Code = z.object({
  code: z.string().min(1),
  label: z.string().min(1),
  /** Annex A lettered option (`a) Male`, `a)`); a bare letter is not accepted (too easily a typo). */
  letter: z.string().regex(/^[a-z]$/).optional(),
  /** Numbered option (`1 - Male`); the number alone is accepted too. */
  number: z.number().int().min(0).optional(),
  /** Further accepted spellings, matched case-insensitively (`M`, short wording from the Annex A template). */
  variants: z.array(z.string().min(1)).default([]),
  /** Other numbers that mean this option (DfE gender `0` and `9` both mean "not stated/recorded"). */
  alsoNumbers: z.array(z.number().int().min(0)).default([]),
  /** Other codes that mean exactly this option (DfE extended codes, older CIN codes such as `A1`): stored as this code. */
  altCodes: z.array(z.string().min(1)).default([]),
  /** Spellings seen in councils' extracts (not printed in the specification, which shows `variants`). */
  spellings: z.array(z.string().min(1)).default([]),
  /**
   * Narrower backgrounds this option covers (`Albanian` under WOTH): a value naming one is stored as this code, and when
   * this code is a group's "any other" code, with a warning that the code was inferred.
   */
  backgrounds: z.array(z.string().min(1)).default([]),
});
export type Code = z.infer<typeof Code>;

/** A group of options (an ethnic group): its names, its options, and the option a group-only value is recorded as. */
export const CodeGroup = z.object({
  name: z.string().min(1),
  /** How councils write the group (`White`, `Asian or Asian British`, `Mixed / Multiple ethnic groups`). */
  names: z.array(z.string().min(1)).min(1),
  codes: z.array(z.string().min(1)).min(1),
  /** The group's "any other" code (WOTH): a background of the group without a code of its own is recorded as it. */
  anyOther: z.string().min(1),
  /** Wordings that name an option only after the group's name (`Black - Caribbean`, `White (Irish)`), by code. */
  wordings: z.record(z.string(), z.array(z.string().min(1))).default({}),
});
export type CodeGroup = z.infer<typeof CodeGroup>;

export const CodeList = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/),
    description: z.string(),
    codes: z.array(Code).min(1),
    /** The code a "not known / not recorded / not stated" value is stored as, with a warning (a characteristic). */
    notKnown: z.string().optional(),
    /** The code a "refused / declined" value is stored as (ethnicity's REFU); `notKnown` when absent. */
    refused: z.string().optional(),
    groups: z.array(CodeGroup).default([]),
    /** Councils' systems put a local code of their own before the value (`(A.A28) White - British`, `WEN - WENG - English`). */
    localCodes: z.boolean().default(false),
  })
  .superRefine((list, ctx) => {
    const known = new Set(list.codes.map((c) => c.code));
    const check = (code: string | undefined, path: (string | number)[]) => {
      if (code !== undefined && !known.has(code)) ctx.addIssue({ code: 'custom', message: `"${code}" is not a code of ${list.name}`, path });
    };
    check(list.notKnown, ['notKnown']);
    check(list.refused, ['refused']);
    list.groups.forEach((g, i) => {
      g.codes.forEach((c, j) => check(c, ['groups', i, 'codes', j]));
      check(g.anyOther, ['groups', i, 'anyOther']);
    });
  });
export type CodeList = z.infer<typeof CodeList>;

export const ColumnType = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), maxLength: z.number().int().positive().optional() }),
  /** `planned` dates (a due date) may lie after the reporting month; event dates may not. */
  z.object({ kind: z.literal('date'), planned: z.boolean().default(false), minimisedToMonth: z.boolean().default(false) }),
  z.object({ kind: z.literal('integer'), min: z.number().int(), max: z.number().int() }),
  z.object({ kind: z.literal('decimal'), min: z.number() }),
  z.object({ kind: z.literal('money'), min: z.number() }),
  z.object({ kind: z.literal('yesno') }),
  z.object({ kind: z.literal('month') }),
  z.object({ kind: z.literal('code'), codes: CodeList }),
  z.object({ kind: z.literal('codes'), codes: CodeList, separator: z.string().length(1) }),
]);
export type ColumnType = z.infer<typeof ColumnType>;

export const Column = z.object({
  field: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** The official header, as the specification prints it. */
  header: z.string().min(1),
  /** Other accepted headers (the snake_case field name is always accepted too). */
  aliases: z.array(z.string()).default([]),
  type: ColumnType,
  required: z.boolean(),
  description: z.string().default(''),
});
export type Column = z.infer<typeof Column>;

const severity = z.enum(['error', 'warning']);

/**
 * Row rules, as data. Each kind has one SQL compilation (src/validate/compileRules.ts) and one message (src/diagnostics/rules.ts).
 * Rules between values apply only when the values involved are present and valid.
 */
export const RowRule = z.discriminatedUnion('kind', [
  /** Each present date is on or after the nearest present date before it in the chain. Reported on the later field. */
  z.object({ kind: z.literal('order'), fields: z.array(z.string()).min(2), severity: severity.default('error') }),
  /** Either both are given or neither. */
  z.object({ kind: z.literal('together'), fields: z.tuple([z.string(), z.string()]), severity: severity.default('error') }),
  /** `field` may only be given when `requires` is. */
  z.object({ kind: z.literal('needs'), field: z.string(), requires: z.string(), severity: severity.default('error') }),
  /** `field` is required when `when` is given. */
  z.object({ kind: z.literal('requiredWhen'), field: z.string(), when: z.string(), severity: severity.default('error') }),
  /** `field` is at least `min` when `when` is given. */
  z.object({ kind: z.literal('atLeastWhen'), field: z.string(), min: z.number(), when: z.string(), severity: severity.default('warning') }),
  /** `field` is at most the pipeline setting named `setting` (e.g. the ASF cap). */
  z.object({ kind: z.literal('atMostSetting'), field: z.string(), setting: z.enum(['asfCap']), severity: severity.default('warning') }),
  /** `age` agrees with `dob` at the end of the reporting month. */
  z.object({ kind: z.literal('ageAgrees'), age: z.string(), dob: z.string(), severity: severity.default('warning') }),
]);
export type RowRule = z.infer<typeof RowRule>;

export const Dataset = z
  .object({
    name: z.string().regex(/^[a-z]+$/),
    title: z.string(),
    description: z.string(),
    columns: z.array(Column).min(1),
    key: z.array(z.string()).min(1),
    rules: z.array(RowRule).default([]),
    /** Fields carrying dates fixed once recorded: a change between months is a cross-submission warning. */
    immutable: z.array(z.string()).default([]),
    /** The field whose presence means a record is closed (for "vanished without closing" checks). */
    closedBy: z.array(z.string()).default([]),
    /** A partner may choose not to send this dataset: shown as "not sent" rather than missing. */
    optional: z.boolean().default(false),
    /**
     * Fields naming a record of another dataset of the same partner and month (`related_id` → a child or an adopter):
     * a value that names none is a cross-dataset warning at load.
     */
    references: z.array(z.object({ field: z.string(), targets: z.array(z.object({ dataset: z.string(), field: z.string() })).min(1) })).default([]),
  })
  .superRefine((ds, ctx) => {
    const fields = new Set(ds.columns.map((c) => c.field));
    const check = (f: string, path: (string | number)[]) => {
      if (!fields.has(f)) ctx.addIssue({ code: 'custom', message: `unknown field "${f}"`, path });
    };
    ds.key.forEach((f, i) => check(f, ['key', i]));
    ds.immutable.forEach((f, i) => check(f, ['immutable', i]));
    ds.closedBy.forEach((f, i) => check(f, ['closedBy', i]));
    ds.references.forEach((r, i) => check(r.field, ['references', i, 'field']));
    ds.rules.forEach((r, i) => {
      const named =
        r.kind === 'order' || r.kind === 'together' ? r.fields
        : r.kind === 'needs' ? [r.field, r.requires]
        : r.kind === 'requiredWhen' || r.kind === 'atLeastWhen' ? [r.field, r.when]
        : r.kind === 'atMostSetting' ? [r.field]
        : [r.age, r.dob];
      named.forEach((f) => check(f, ['rules', i]));
    });
    for (const k of ds.key) {
      const col = ds.columns.find((c) => c.field === k);
      if (col && !col.required) ctx.addIssue({ code: 'custom', message: `key field "${k}" must be required`, path: ['key'] });
    }
  });
export type Dataset = z.infer<typeof Dataset>;
export type DatasetInput = z.input<typeof Dataset>;

/** A code list as defined, keeping its codes' literal names for the type checker. */
export type DefinedCodeList<K extends string> = CodeList & { readonly __codes?: K };

/** The codes of a list as constants (`codesOf(requestType).peer_support`): renaming a code in schemas/ fails the type check wherever code names it. */
export function codesOf<K extends string>(list: CodeList & { readonly __codes?: K }): { readonly [C in K]: C } {
  return Object.fromEntries(list.codes.map((c) => [c.code, c.code])) as { readonly [C in K]: C };
}

/** A dataset as defined, keeping its literal name and field names for the type checker (see `fieldsOf`). */
export type DefinedDataset<N extends string, F extends string> = Dataset & { name: N; readonly __fields?: F };

/** Parse a dataset definition at module load: a mistake in schemas/ fails loudly, once, at start-up. Keeps the literal name and fields. */
export function defineDataset<const I extends DatasetInput>(input: I): DefinedDataset<I['name'], I['columns'][number]['field']> {
  return Dataset.parse(input);
}

/** The field names of a dataset as constants (`fieldsOf(support).received_date`): renaming a field in schemas/ fails the type check wherever code names it. */
export function fieldsOf<F extends string>(ds: Dataset & { readonly __fields?: F }): { readonly [K in F]: K } {
  return Object.fromEntries(ds.columns.map((c) => [c.field, c.field])) as { readonly [K in F]: K };
}
