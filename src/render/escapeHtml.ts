// The one HTML escape: every text value that reaches the HTML report (figures, names, narrative, extract text) passes through it.
import { visible } from '../diagnostics/visible.js';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a double- or single-quoted attribute; control and bidi characters shown as escapes. `null`/`undefined` become ''. */
export function escapeHtml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return visible(String(value)).replace(/[&<>"']/g, (c) => entities[c] ?? c);
}
