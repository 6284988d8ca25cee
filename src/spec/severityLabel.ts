// Each severity as the specification names it; what each one means is explained once, in "What happens to problems".
import type { Severity } from '../diagnostics/Diagnostic.js';

export const severityLabel: Record<Severity, string> = {
  file_error: 'File error',
  row_error: 'Row error',
  warning: 'Warning',
  hold: 'Hold',
};
