import { locatedError, type LocatedError } from '../../core/files/located-error.js';
import { unblindedKeys, type UnblindedKeys } from '../student/comparison-keys.js';
import type { StudentDetails } from '../student/student-fields.js';
import { toHalfWidth } from '../student/normalize.js';
import { IdType, type Gender } from '../student/student.entity.js';
import { parseDateCell, parseMonthCell, type Cell } from './cells.js';
import { columnForHeader, GENDERS, ID_TYPES, TEMPLATE_COLUMNS, type ColumnKey } from './template.js';

/** A row that passed validation, with its comparison keys, ready for the registry. */
export type ImportRow = { row: number } & StudentDetails & UnblindedKeys;

const ALIASES = TEMPLATE_COLUMNS.map((c) => `${c.header} (${c.alias})`);

/**
 * Longest value each column takes. Real values are far shorter (the longest minority names run to
 * a few dozen characters); the limits keep a pasted document or a runaway cell out of the registry
 * and out of the comparison-key indexes, whose entries PostgreSQL caps at a few kilobytes.
 */
export const MAX_CHARS: Record<ColumnKey, number> = {
  name: 100,
  gender: 10,
  birth_date: 40,
  id_type: 40,
  id_number: 64,
  ethnicity: 40,
  grade: 40,
  class: 40,
  enrollment_month: 40,
  household_region: 200,
  phone: 40,
};

/** A cell's value as an error quotes it: a megabyte cell is shown by its start. */
export function shown(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}…` : value;
}

/** Where each template column is in the file (0-based cell index), found once from the header. */
export type ColumnPositions = Partial<Record<ColumnKey, number>>;

/** Maps header cells to template columns; every missing required column or unknown header is an error. */
export function readHeader(file: string, cells: Cell[]): { positions: ColumnPositions; errors: LocatedError[] } {
  const errors: LocatedError[] = [];
  const columns = cells.map((cell) => (cell.text.trim() === '' ? null : columnForHeader(cell.text) ?? null));
  const seen = new Map<ColumnKey, number>();
  cells.forEach((cell, i) => {
    const key = columns[i];
    const letter = columnLetter(i);
    if (cell.text.trim() !== '' && !key) {
      errors.push(locatedError({ file, row: 1, column: letter, value: shown(cell.text) }, 'UNKNOWN_COLUMN', { columns: ALIASES.join(', ') }));
    } else if (key && seen.has(key)) {
      errors.push(locatedError({ file, row: 1, column: letter, value: shown(cell.text) }, 'DUPLICATE_COLUMN', { other: columnLetter(seen.get(key)!) }));
    } else if (key) seen.set(key, i);
  });
  for (const column of TEMPLATE_COLUMNS) {
    if (column.required && !seen.has(column.key)) {
      errors.push(locatedError({ file, row: 1, column: column.header, value: '' }, 'MISSING_COLUMN', { header: column.header, accepted: `${column.header} / ${column.alias}` }));
    }
  }
  return { positions: Object.fromEntries(seen) as ColumnPositions, errors };
}

/** A, B, … Z, AA, AB: how a spreadsheet names the column at a 0-based index. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const optionalText = (cell: Cell | undefined) => {
  const text = cell?.text.trim() ?? '';
  return text === '' ? null : text;
};

const EMPTY: Cell = { kind: 'text', text: '' };
const COLUMN_KEYS = TEMPLATE_COLUMNS.map((c) => c.key);
const HEADERS = Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;
const ID_TYPE_NAMES = Object.keys(ID_TYPES).filter((k) => /[\u4e00-\u9fa5]/.test(k)).join(', ');

/** A row's errors, and the ways a cell of it is refused, each located at its column. */
function rowErrors(file: string, row: number) {
  const errors: LocatedError[] = [];
  const at = (key: ColumnKey, value: string) => ({ file, row, column: HEADERS[key], value: shown(value) });
  return {
    errors,
    at,
    required: (key: ColumnKey) => errors.push(locatedError(at(key, ''), 'REQUIRED', { header: HEADERS[key] })),
    fail: (key: ColumnKey, value: string, code: 'BAD_GENDER' | 'NOT_A_DATE' | 'NOT_A_MONTH' | 'ID_NUMBER_AS_NUMBER') => errors.push(locatedError(at(key, value), code)),
  };
}

/**
 * Validates and normalises one data row. Hard errors (located by row and column header) make the
 * row unusable; a resident ID that fails its checks is not one — it becomes an INVALID_ID problem.
 * Runs once per row of files with a million rows: no per-row maps or lookups by name.
 */
export function readRow(
  file: string,
  row: number,
  cells: Cell[],
  positions: ColumnPositions,
): { value: ImportRow | null; errors: LocatedError[] } {
  const cell = (key: ColumnKey): Cell | undefined => {
    const i = positions[key];
    return i === undefined ? undefined : (cells[i] ?? EMPTY);
  };
  const { errors, at, required, fail } = rowErrors(file, row);
  for (const key of COLUMN_KEYS) {
    const text = cell(key)?.text;
    if (text !== undefined && text.length > MAX_CHARS[key]) errors.push(locatedError(at(key, text), 'TOO_LONG', { length: String(text.length), max: String(MAX_CHARS[key]) }));
  }
  if (errors.length > 0) return { value: null, errors };

  const name = cell('name')?.text.trim() ?? '';
  if (name === '') required('name');

  const genderText = toHalfWidth(cell('gender')?.text.trim() ?? '');
  const gender = GENDERS[genderText] as Gender | undefined;
  if (!gender && genderText === '') required('gender');
  else if (!gender) fail('gender', genderText, 'BAD_GENDER');

  const birthCell = cell('birth_date');
  const birthBlank = !birthCell || birthCell.text.trim() === '';
  const birthDate = birthBlank ? null : parseDateCell(birthCell);
  if (birthBlank) required('birth_date');
  else if (!birthDate) fail('birth_date', birthCell.text, 'NOT_A_DATE');

  const idTypeText = toHalfWidth(cell('id_type')?.text ?? '').replace(/\s+/g, '');
  const idType = ID_TYPES[idTypeText];
  if (!idType) errors.push(locatedError(at('id_type', idTypeText), 'UNKNOWN_ID_TYPE', { expected: ID_TYPE_NAMES }));

  const idCell = cell('id_number');
  let idNumber: string | null = idCell?.text.trim() || null;
  if (idCell?.kind === 'number') {
    fail('id_number', idCell.text, 'ID_NUMBER_AS_NUMBER');
    idNumber = null;
  } else if (!idNumber && idType !== IdType.OTHER) required('id_number');

  const enrollmentCell = cell('enrollment_month');
  const enrollmentBlank = !enrollmentCell || enrollmentCell.text.trim() === '';
  const enrollmentMonth = enrollmentBlank ? null : parseMonthCell(enrollmentCell);
  if (!enrollmentBlank && !enrollmentMonth) fail('enrollment_month', enrollmentCell.text, 'NOT_A_MONTH');

  if (errors.length > 0 || !gender || !birthDate || !idType) return { value: null, errors };

  return {
    value: {
      row,
      name,
      gender,
      birthDate,
      idType,
      idNumber,
      ethnicity: optionalText(cell('ethnicity')),
      grade: optionalText(cell('grade')),
      className: optionalText(cell('class')),
      enrollmentMonth,
      householdRegion: optionalText(cell('household_region')),
      phone: optionalText(cell('phone')),
      ...unblindedKeys({ name, gender, birthDate, idType, idNumber }),
    },
    errors,
  };
}
