// Validation's declared surface for the stages above it (the load imports validation through this module only):
// validate a batch of files (validateBatch), each file's verdict (FileResult) and, for a load, its checked rows as
// named relations of a documented shape (CheckedFile). Everything else in src/validate is validation's own.
export type { CheckedFile, CheckedRelations, Location, Relation } from './CheckedFile.js';
export type { FileResult, SheetInfo, Verdict } from './FileResult.js';
export { unexpectedFailure, validateBatch, type BatchFile, type BatchOptions, type Validated } from './validateBatch.js';
export { SHEET_SEPARATOR } from './workbookExtracts.js';
