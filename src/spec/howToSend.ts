// The "how to send files" part of the specification: what the loader accepts, summarised for the partner LA.
// Lists the loader itself uses (missing-value tokens, yes/no forms) are read from their source, not restated.
import { codeLists } from '../../schemas/index.js';
import { missingTokens, notKnownToken } from '../ingest/normalise/missing.js';
import { codeListTable } from './codeListTable.js';
import { mdCode } from './markdownTable.js';

const tokenWords = (t: string) => (t === '' ? 'an empty cell' : mdCode(t.toUpperCase()));
const capitalised = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export function howToSend(): string {
  const tokens = missingTokens.map(tokenWords);
  const missing = `${tokens.slice(0, -1).join(', ')} or ${tokens.at(-1) ?? ''}`;
  return `## How to send the files

### Each month

- For each reporting month (\`YYYY-MM\`), send one CSV file per dataset below. A dataset you do not hold may be left out; the RAA's report says what is missing.
- Each file is a **snapshot as at the last day of the reporting month**: every record open at any time in the 12 months up to that day, plus any record still open. Records closed earlier may be left out.
- Name files as you like: the dataset is recognised **by its header row**, and your authority by the folder the file arrives in, never by the data.
- To correct a month, send the whole file again. The newest accepted file for a month and dataset replaces the earlier one (which is kept, marked superseded).

### Header row

- The first row holds the column headers. Columns may be in any order.
- Each column accepts its official header or its field name (see **Accepted headers**), matched ignoring case, spacing and punctuation: \`Date Stage 1 started\`, \`date stage 1 started\` and \`DATE_STAGE_1_STARTED\` are the same header.
- A column not in this specification is ignored with a warning: please do not send other personal details. A missing **required** column rejects the file; a missing optional column is a warning and loads as empty.

### Encoding, delimiters and quotes

- Preferred: Excel's **"CSV UTF-8 (Comma delimited)"**. Also accepted: UTF-8 without BOM, UTF-16 with BOM (Excel "Unicode text"), and Windows-1252 (Excel "CSV" on Windows).
- Values may be separated by commas, semicolons, tabs or pipes; lines may end in CRLF, LF or CR.
- A value containing the delimiter, a double quote or a line break must be in double quotes, with any quote inside doubled (\`"He said ""no"""\`).
- Excel's trailing empty columns, blank rows and spaces around values are tolerated.

### Values

- **Dates**: preferably \`dd/mm/yyyy\` (e.g. \`01/04/2025\`). Also accepted: \`d/m/yyyy\`, \`dd-mm-yyyy\`, \`dd.mm.yyyy\`, ISO \`yyyy-mm-dd\`, Excel date-times (\`dd/mm/yyyy hh:mm\`, the time is dropped) and Excel serial day numbers. Two-digit years, dates that do not exist and US month/day order are errors. Dates of birth are kept only as the first of their month.
- **Months**: \`YYYY-MM\`, e.g. \`2025-04\`.
- **Numbers**: digits only, e.g. \`3\` or \`2.5\`. **Money**: pounds and pence, with or without \`£\` and thousands commas (\`1234.5\`, \`£1,234.50\`).
- **Codes**: give the code (\`RD1\`) or its label. The forms LAs commonly send are accepted too, matched ignoring case: \`RD1 - label\`, \`(RD1) label\`, \`RD1: label\`, \`label (RD1)\`, an Annex A lettered option (\`a) Male\` or \`a)\`), a numbered option (\`1 - Male\` or \`1\`), and the variants listed with each code list. A value that matches no code is an error that lists the accepted codes.
- **Missing values**: ${missing} (in any case) mean "no value". ${mdCode(capitalised(notKnownToken))} is accepted in optional columns only.
- **Yes/No** columns accept:

${codeListTable(codeLists.yesNo)}

### What happens to problems

- A **file error** (unreadable file, unrecognised header row, missing required column, duplicate column) means nothing from that file is loaded; your other files for the month still load.
- A **row error** means the row is not loaded; it is listed with its line, column and value so you can correct it.
- A **warning** means the row is loaded but flagged for you to check.
- A file is **held** (not loaded) when too many of its rows have errors (more than 20% unless the RAA sets otherwise), because its figures would mislead.

The rule codes under which problems are reported are listed at the end of this document.

### Rules common to every dataset

- Key fields are required and unique within a file; every repeat of a key after the first is a row error naming the first line.
- No event date may be after the last day of the reporting month (${mdCode('date.future')}) or before 1900 (${mdCode('date.too_early')}). Planned dates, such as an action due date, may lie ahead.
- Rules between two values apply only when both are given and valid. "A ≤ B" between dates means B is on or after A.
- Free text is kept exactly as sent.
- Against your previous month's files: a row count that changes by more than half is a warning (\`cross.row_swing\`), as are the changes listed under each dataset.`;
}
