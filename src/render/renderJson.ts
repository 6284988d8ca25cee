// ReportData as the machine-readable report: the contract as it is, keys in a stable (sorted) order, 2-space indent, a final newline.
import type { ReportData } from '../measure/types.js';

/** Objects' keys sorted at every depth (arrays keep their order), so the same figures always give the same bytes. */
export function renderJson(data: ReportData): string {
  return `${JSON.stringify(sortKeys(data), null, 2)}\n`;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
