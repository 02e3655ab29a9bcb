/**
 * Why a file, a row or a cell was refused, as a stable code with the values its message names.
 * Clients say it in their user's language from the code (the portal's `import.rowErrors.<CODE>`);
 * the English text here is for the CLI, logs and clients without a translation. Each code's
 * parameters are listed beside its text, so the two cannot drift apart.
 */
export const LOCATED_ERRORS = {
  // The file as a whole.
  EMPTY_FILE: { params: [], text: 'the file is empty' },
  OLD_XLS: { params: [], text: 'this is an old Excel 97–2003 (.xls) workbook: open it in Excel or WPS and save it as .xlsx, then import that' },
  NOT_A_SPREADSHEET: { params: [], text: 'this is not a spreadsheet: expected an .xlsx workbook or a .csv text file' },
  MIXED_ENCODING: { params: [], text: 'the file mixes encodings: it starts as UTF-8 but has bytes further on that are not; save it again as "CSV UTF-8"' },
  CUT_CHARACTER: { params: [], text: 'the file ends in the middle of a character' },
  UNREADABLE_CSV: { params: ['detail'], text: 'not a readable CSV file: {detail}' },
  UNREADABLE_WORKBOOK: { params: ['detail'], text: 'not a readable .xlsx workbook ({detail})' },
  UNREADABLE_CELL: { params: ['detail'], text: '{detail}' },
  TOO_MANY_CELLS: { params: ['cells', 'max'], text: 'this row has {cells} cells; the template has 11 columns (at most {max} are read)' },
  // The header row.
  NO_HEADER: { params: [], text: 'the file has no header row' },
  NO_ROWS: { params: [], text: 'the file has a header row but no pupils under it' },
  UNKNOWN_COLUMN: { params: ['columns'], text: "unknown column; the template's columns are {columns}" },
  DUPLICATE_COLUMN: { params: ['other'], text: 'the same column as {other}' },
  MISSING_COLUMN: { params: ['header', 'accepted'], text: 'required column {header} is missing (accepted headers: {accepted})' },
  // A cell of a data row.
  TOO_LONG: { params: ['length', 'max'], text: 'too long: {length} characters, at most {max}' },
  REQUIRED: { params: ['header'], text: '{header} is required' },
  BAD_GENDER: { params: [], text: 'gender must be 男 or 女 (or M / F)' },
  NOT_A_DATE: { params: [], text: 'not a date: write it as 2014-03-05, 20140305 or 2014/3/5, or use a date cell' },
  NOT_A_MONTH: { params: [], text: 'not a month: write it as 2020-09 or 202009' },
  UNKNOWN_ID_TYPE: { params: ['expected'], text: 'unknown document type; expected one of {expected}' },
  ID_NUMBER_AS_NUMBER: {
    params: [],
    text: 'the ID number is stored as a number, and Excel keeps only 15 significant digits, so the last digits may already be lost; format the 身份证件号 column as text and type the numbers again',
  },
  // The police verification file (importPoliceResults).
  UNKNOWN_POLICE_RESULT: { params: ['expected'], text: 'unknown verification result; expected one of {expected}' },
  TOO_MANY_ROWS: { params: ['max'], text: 'the file has more than {max} rows: split it into several files' },
  // The school list (`pnpm cli schools:import`).
  SCHOOL_CODE_FORMAT: { params: [], text: 'school code must be exactly 10 digits' },
  DUPLICATE_SCHOOL_CODE: { params: ['row'], text: 'the same school code is already on row {row}' },
  REGION_CODE_FORMAT: { params: [], text: 'region code must be six digits (GB/T 2260)' },
  UNKNOWN_REGION: { params: [], text: 'no region has this code' },
} as const satisfies Record<string, { params: readonly string[]; text: string }>;

export type LocatedErrorCode = keyof typeof LOCATED_ERRORS;
export const LOCATED_ERROR_CODES = Object.keys(LOCATED_ERRORS) as LocatedErrorCode[];

/** The values a code's message names, by name. */
export type LocatedErrorParams<C extends LocatedErrorCode> = Record<(typeof LOCATED_ERRORS)[C]['params'][number], string>;

/** Where in the file: its name, the row (the header is row 1; 0 for the whole file), the column, the value read. */
export interface Location {
  file: string;
  row: number;
  column: string;
  value: string;
}

export interface LocatedError extends Location {
  code: LocatedErrorCode;
  /** The values the message names, in the order of the code's parameters. */
  params: { name: string; value: string }[];
  /** The message in English. */
  reason: string;
}

/** An error at a place, with the values its code's message names (checked against the code). */
export function locatedError<C extends LocatedErrorCode>(at: Location, code: C, ...[params]: LocatedErrorParams<C> extends Record<string, never> ? [] : [LocatedErrorParams<C>]): LocatedError {
  return locate(at, code, params ?? {});
}

/** The same for a code known only at run time (an error carried from where it was found). */
export function locate(at: Location, code: LocatedErrorCode, values: Readonly<Record<string, string>>): LocatedError {
  const spec = LOCATED_ERRORS[code];
  return {
    ...at,
    code,
    params: spec.params.map((name) => ({ name, value: values[name] ?? '' })),
    reason: spec.text.replace(/\{(\w+)\}/g, (_, name: string) => english(values[name] ?? '')),
  };
}

/** Counts in English text with their thousands separators (10,485,760 characters). */
function english(value: string): string {
  return /^\d{4,}$/.test(value) ? Number(value).toLocaleString('en') : value;
}

export function formatLocatedErrors(errors: LocatedError[]): string {
  return errors
    .map((e) => `${e.file}:${e.row}${e.column ? ` column ${e.column}` : ''}${e.value ? ` value "${e.value}"` : ''}: ${e.reason}`)
    .join('\n');
}
