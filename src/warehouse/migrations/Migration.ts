// What one step of the warehouse's schema history is: a version, a sentence, and its statements as literal SQL.

/**
 * One forward migration. Its statements are literal text, fixed when it ships: a warehouse at version N was built by
 * exactly the statements of migrations 1..N, whatever schemas/ says today.
 */
export interface Migration {
  version: number;
  description: string;
  statements: readonly string[];
}
