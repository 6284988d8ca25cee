// What a code-list message needs to speak to a council officer: the options with their labels, the option recorded,
// the options a value names, and the nearest option to a mistyped value. Built from the column's code list and the
// finding's detail (see fromMatch in normaliseCell.ts for the detail each rule carries).
import type { CodeList, Column } from '../../schemas/index.js';
import { codeLists } from '../../schemas/index.js';
import type { MessageParams, RuleCode } from '../diagnostics/rules.js';
import { acceptedOptions, matchKey, nearestOption } from '../ingest/normalise/matchCode.js';

/** The code list of a code, codes or yes/no column. */
export function listOf(col: Column): CodeList | null {
  return col.type.kind === 'code' || col.type.kind === 'codes' ? col.type.codes : col.type.kind === 'yesno' ? codeLists.yesNo : null;
}

/** code.unknown's params per code list and value: a large file repeats its few wrong values thousands of times. */
const unknownParams = new WeakMap<CodeList, Map<string | null, MessageParams>>();

function unknownCode(list: CodeList, value: string | null): MessageParams {
  let byValue = unknownParams.get(list);
  if (!byValue) unknownParams.set(list, (byValue = new Map<string | null, MessageParams>()));
  let params = byValue.get(value);
  if (!params) {
    const suggestion = value === null ? undefined : nearestOption(list, value);
    params = { accepted: list.codes.map((c) => c.code), options: acceptedOptions(list), ...(suggestion ? { suggestion } : {}) };
    if (byValue.size < 10_000) byValue.set(value, params);
  }
  return params;
}

/** The params of a code-list finding. The result may be shared between findings: do not change it. */
export function codeParams(col: Column, rule: RuleCode, value: string | null, detail: string | null): MessageParams {
  const list = listOf(col);
  if (!list) return {};
  const option = (code: string) => {
    const c = list.codes.find((x) => x.code === code);
    return !c ? code : matchKey(c.code) === matchKey(c.label) ? c.label : `${c.code} (${c.label})`;
  };
  const [code = '', from = '', letterCodes = ''] = (detail ?? '').split(' ');
  switch (rule) {
    case 'code.unknown':
      return unknownCode(list, value);
    case 'code.ambiguous':
      return { options: (detail ?? '').split(',').filter((c) => c !== '').map(option) };
    case 'code.not_known':
      return { code: option(code) };
    case 'code.inferred': {
      const group = list.groups.find((g) => g.codes.includes(code));
      return { code: option(code), detail: from, options: group ? group.codes : [] };
    }
    case 'code.letter_mismatch':
      return { code: option(code), options: letterCodes.split(',').filter((c) => c !== '').map((c) => `${from}) ${option(c)}`) };
    default:
      return {};
  }
}
