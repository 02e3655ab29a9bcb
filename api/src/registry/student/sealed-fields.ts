import type { ValueTransformer } from 'typeorm';
import { blindText, openText, sealBatch, sealText } from '../../core/crypto/index.js';
import { residentIdKey } from './id-number.js';

/**
 * The fields encrypted at rest (README, "Encryption at rest"): the ID number, the phone and the
 * household address — what identifies or locates a pupil on its own. Names, birth dates and genders
 * stay readable: detection groups by them in SQL (DUPLICATE_IDENTITY), and a blind index cannot
 * tell "same name written differently" apart. Sealed where a value is written (insert, COPY,
 * change, history), opened where a value is returned.
 */
export const SEALED_COLUMNS = { idNumber: 'id_number', householdRegion: 'household_region', phone: 'phone' } as const;
export type SealedField = keyof typeof SEALED_COLUMNS;
export const SEALED_FIELDS = Object.keys(SEALED_COLUMNS) as SealedField[];

/** The associated data of a column's values: a value moved to another column does not open. */
export const studentPlace = (field: SealedField) => `students.${SEALED_COLUMNS[field]}`;
/** …and of the same values kept in a history entry's before/after. */
export const historyPlace = (field: SealedField) => `history.${field}`;

export function isSealedField(key: string): key is SealedField {
  return Object.hasOwn(SEALED_COLUMNS, key);
}

/** A field's value (of StudentDetails) as the students table stores it. */
export function storedValue<T>(field: string, value: T): T | string | null {
  return isSealedField(field) && typeof value === 'string' ? sealText(value, studentPlace(field)) : value;
}

/** The kind of the ID number's blind index (the HMAC's message names it). */
const RESIDENT_ID_INDEX = 'resident-id';

/** The sealed fields and the ID-number index of a batch of rows as stored, column by column in row order. */
export type StoredColumns = Record<SealedField | 'idKey', (string | null)[]>;

/**
 * The sealed fields and blind indexes of many rows, made on the sealing thread: a large import
 * keeps parsing the next rows while these are encrypted.
 */
export async function storedColumns(rows: readonly (Partial<Record<SealedField, string | null>> & { residentKey: string | null })[]): Promise<StoredColumns> {
  const { sealed, blinded } = await sealBatch({
    sealed: SEALED_FIELDS.map((field) => ({ place: studentPlace(field), values: rows.map((r) => r[field] ?? null) })),
    blinded: [{ kind: RESIDENT_ID_INDEX, values: rows.map((r) => r.residentKey) }],
  });
  return { ...(Object.fromEntries(SEALED_FIELDS.map((field, i) => [field, sealed[i]!])) as Record<SealedField, (string | null)[]>), idKey: blinded[0]! };
}

/** Opens the sealed fields a row read from `students` carries (in place: rows are fresh from a query). */
export function openStudentRow<T extends Partial<Record<SealedField, string | null>>>(row: T): T {
  for (const field of SEALED_FIELDS) if (typeof row[field] === 'string') (row as Record<string, unknown>)[field] = openText(row[field], studentPlace(field));
  return row;
}

/** The entity's column transformer: TypeORM reads and writes of a sealed column go through it. */
export function sealedColumn(field: SealedField): ValueTransformer {
  return {
    to: (value: string | null | undefined) => sealText(value, studentPlace(field)),
    from: (value: string | null) => openText(value, studentPlace(field)),
  };
}

function mapHistory(values: Record<string, unknown>, fn: (value: string, place: string) => string | null): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, isSealedField(k) && typeof v === 'string' ? fn(v, historyPlace(k)) : v]));
}

/** A change's before/after values as the history keeps them: the sealed fields sealed again. */
export const sealHistoryValues = (values: Record<string, unknown>) => mapHistory(values, sealText);

/** An event's data with its before/after values opened, for the disclosure model to mask or drop. */
export function openHistoryData(data: Record<string, unknown>): Record<string, unknown> {
  const opened = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? mapHistory(v as Record<string, unknown>, openText) : v);
  return { ...data, ...('before' in data && { before: opened(data.before) }), ...('after' in data && { after: opened(data.after) }) };
}

/**
 * The DUPLICATE_ID comparison key as stored: the blind index (keyed HMAC) of the normalised number
 * (legacy 15-digit numbers expanded), so equal numbers still group in SQL and the column holds none.
 */
export function residentIdIndex(idType: string, idNumber: string | null): string | null {
  return blindResidentKey(residentIdKey(idType, idNumber));
}

/** The blind index of an already normalised resident ID number (`residentIdKey`). */
export function blindResidentKey(key: string | null): string | null {
  return key === null ? null : blindText(RESIDENT_ID_INDEX, key);
}
