// Text from extracts shown harmlessly: control characters (C0, DEL, C1) and bidirectional overrides in a value would be
// obeyed by a terminal (clear the screen, set the window title) or would reorder text in a browser or spreadsheet, so
// wherever such a value is shown they are written as visible escapes (`\u001B`, `\u202E`) instead.

/** Every C0 control but line feed, DEL, every C1 control, and the bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafe = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
/** The same, less tab, CR and LF, which a CSV cell may hold (quoted). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafeInCsv = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

const escape = (c: string): string => `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Text safe for a terminal, a log or HTML: each unsafe character as `\uXXXX` (valid inside a JSON string too, so a
 * JSON document stays valid). Line feeds are kept: output is made of lines.
 */
export const visible = (text: string): string => text.replace(unsafe, escape);

/** Text safe for a CSV cell: as `visible`, but tab, CR and LF stay (the cell is quoted). */
export const visibleInCsv = (text: string): string => text.replace(unsafeInCsv, escape);

/** The unsafe characters of `text`, as escapes (`\u001B`), for a message naming them; empty when there are none. */
export const unsafeCharacters = (text: string): string[] => [...new Set(text.match(unsafe) ?? [])].map(escape);
