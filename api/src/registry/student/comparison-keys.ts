import { checkResidentId, residentIdKey, type IdProblemReason } from './id-number.js';
import { identityKey, normalizeName } from './normalize.js';
import { blindResidentKey } from './sealed-fields.js';

export interface ComparedFields {
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  idType: string;
  idNumber: string | null;
}

export interface ComparisonKeys {
  nameKey: string;
  /** The blind index of the resident ID number (sealed-fields.ts), never the number. */
  idKey: string | null;
  identityKey: string;
  /** INVALID_ID reasons; empty when the number is fine or not a resident ID. */
  idProblems: IdProblemReason[];
}

/**
 * The keys with the ID number's still in the clear (`residentKey`, the normalised number), for an
 * import that blinds a whole batch's on the sealing thread. Kept in memory only: never stored.
 */
export type UnblindedKeys = Omit<ComparisonKeys, 'idKey'> & { residentKey: string | null };

/**
 * Everything the detector compares, derived from a record's stored values (DESIGN.md section 3).
 * The one place these keys are computed: for imports, inserts and changes alike, so a record
 * collides the same way however it got its values.
 */
export function unblindedKeys(record: ComparedFields): UnblindedKeys {
  const nameKey = normalizeName(record.name);
  return {
    nameKey,
    residentKey: residentIdKey(record.idType, record.idNumber),
    identityKey: identityKey(nameKey, record.gender, record.birthDate),
    idProblems: record.idType === 'RESIDENT_ID' && record.idNumber ? checkResidentId(record.idNumber, record).reasons : [],
  };
}

export function comparisonKeys(record: ComparedFields): ComparisonKeys {
  const { residentKey, ...keys } = unblindedKeys(record);
  return { ...keys, idKey: blindResidentKey(residentKey) };
}
