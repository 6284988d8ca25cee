// SQL text helpers for generated statements: literals and identifiers, quoted once, here.
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
export const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;
/** The staging column holding file column `index`. */
export const rawCol = (index: number): string => `c${index}`;
