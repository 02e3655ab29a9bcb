/**
 * The import's row errors as a CSV file the registrar opens in Excel or WPS next to the template.
 *
 * - UTF-8 with a byte-order mark: without it, Excel on a Chinese Windows reads the file as GBK and
 *   shows mojibake.
 * - CRLF line ends and RFC 4180 quoting, as Excel writes CSV itself.
 * - Cells are values from the uploaded file, i.e. from outside: one beginning with `=`, `+`, `-`
 *   or `@` (or a tab or carriage return, which Excel skips before looking for those) would run as a
 *   formula when the file is opened (CSV injection), so it is prefixed with a single quote and
 *   shows as text.
 */
import { downloadBlob } from '@/composables/download';

export interface RowErrorLike {
  row: number;
  column: string;
  value: string;
  /** Why, in the user's language. */
  reason: string;
}

export interface ErrorCsvLabels {
  row: string;
  column: string;
  value: string;
  reason: string;
  /** What the row cell says for an error about the whole file (row 0). */
  wholeFile: string;
}

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell Excel will show as text, never evaluate. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function rowErrorsToCsv(errors: readonly RowErrorLike[], labels: ErrorCsvLabels): string {
  const lines = [[labels.row, labels.column, labels.value, labels.reason]];
  for (const error of errors) {
    lines.push([error.row > 0 ? String(error.row) : labels.wholeFile, error.column, error.value, error.reason]);
  }
  return BOM + lines.map((cells) => cells.map((cell) => quote(neutraliseCell(cell))).join(',')).join('\r\n') + '\r\n';
}

/** `学生名单.xlsx` → `学生名单`: the name the error file is called after. */
export function baseName(fileName: string): string {
  const name = fileName.replace(/^.*[\\/]/, '');
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name || 'import';
}

/** Lets the browser save `content` as a file. */
export function saveTextFile(fileName: string, content: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(new Blob([content], { type }), fileName);
}
