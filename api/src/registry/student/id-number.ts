import { normalizeIdNumber } from './normalize.js';

/** GB 11643-1999: weights of the first 17 digits, and the check character for each sum mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export enum IdProblemReason {
  FORMAT = 'FORMAT',
  CHECKSUM = 'CHECKSUM',
  BIRTH_DATE_MISMATCH = 'BIRTH_DATE_MISMATCH',
  GENDER_MISMATCH = 'GENDER_MISMATCH',
  /** The public security office's verification (公安核查): no such ID number. */
  POLICE_NOT_FOUND = 'POLICE_NOT_FOUND',
  /** The public security office's verification: the name does not match the ID number. */
  POLICE_NAME_MISMATCH = 'POLICE_NAME_MISMATCH',
}

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** A legacy 15-digit number in its 18-digit form (born 19xx, check character computed), for comparison. */
export function upgradeLegacyId(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + residentIdCheckChar(first17);
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The comparison key of a resident ID: the normalised number, with legacy 15-digit numbers
 * expanded to 18 digits so both spellings of one person's number match. Null when it is not a
 * resident ID or there is no number.
 */
export function residentIdKey(idType: string, raw: string | null): string | null {
  if (idType !== 'RESIDENT_ID' || !raw) return null;
  const id = normalizeIdNumber(raw);
  if (id === '') return null;
  return /^\d{15}$/.test(id) ? upgradeLegacyId(id) : id;
}

/** The address code (first 6 digits) of a resident ID number, legacy ones expanded; null without one. */
export function addressCodeOf(idType: string, raw: string | null): string | null {
  return residentIdKey(idType, raw)?.slice(0, 6) ?? null;
}

export interface IdCheck {
  valid: boolean;
  reasons: IdProblemReason[];
  /** Human-readable, one sentence per reason. */
  messages: string[];
}

/**
 * Checks a resident ID number against GB 11643 and against the record it belongs to: format,
 * check character, embedded birth date (digits 7–14) and gender (17th digit: odd male, even female).
 */
export function checkResidentId(raw: string, record: { birthDate: string; gender: 'M' | 'F' }): IdCheck {
  const id = normalizeIdNumber(raw);
  const reasons: IdProblemReason[] = [];
  const messages: string[] = [];
  const fail = (reason: IdProblemReason, message: string) => {
    reasons.push(reason);
    messages.push(message);
  };

  let birth: string;
  let genderDigit: number;
  if (/^\d{17}[\dX]$/.test(id)) {
    birth = id.slice(6, 14);
    genderDigit = Number(id[16]);
  } else if (/^\d{15}$/.test(id)) {
    birth = `19${id.slice(6, 12)}`;
    genderDigit = Number(id[14]);
  } else {
    fail(IdProblemReason.FORMAT, `"${raw}" is not a resident ID number: expected 17 digits and a check digit or X (or a legacy 15-digit number).`);
    return { valid: false, reasons, messages };
  }
  if (!isRealDate(birth)) {
    fail(IdProblemReason.FORMAT, `The birth date in the ID number (${birth}) is not a real date.`);
    return { valid: false, reasons, messages };
  }
  if (id.length === 18) {
    const expected = residentIdCheckChar(id.slice(0, 17));
    if (id[17] !== expected) fail(IdProblemReason.CHECKSUM, `The check character is ${id[17]} but should be ${expected}.`);
  }
  const recordBirth = record.birthDate.replaceAll('-', '');
  if (birth !== recordBirth) {
    fail(IdProblemReason.BIRTH_DATE_MISMATCH, `The ID number says born ${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}, the record says ${record.birthDate}.`);
  }
  const idGender = genderDigit % 2 === 1 ? 'M' : 'F';
  if (idGender !== record.gender) {
    fail(IdProblemReason.GENDER_MISMATCH, `The ID number's gender digit says ${idGender === 'M' ? 'male' : 'female'}, the record says ${record.gender === 'M' ? 'male' : 'female'}.`);
  }
  return { valid: reasons.length === 0, reasons, messages };
}

/**
 * The address code (first 6) and the check character (last) of a number, the rest hidden: what a
 * list shows of a record in the caller's own scope. Digits 7–14 are the birth date and the 17th
 * gives the gender, both shown beside it, so the mask keeps the whole sequence (15–17) hidden too:
 * about 45 numbers fit what is shown, and the full number is revealed one record at a time, logged.
 */
export function maskIdNumber(raw: string | null): string | null {
  if (!raw) return null;
  const id = normalizeIdNumber(raw);
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 7)}${id.slice(-1)}`;
}

/** The parts of an 18-character resident ID number (GB 11643), as a comparison names them. */
export enum IdNumberPart {
  ADDRESS_CODE = 'ADDRESS_CODE',
  BIRTH_DATE = 'BIRTH_DATE',
  SEQUENCE = 'SEQUENCE',
  CHECK_CHARACTER = 'CHECK_CHARACTER',
}

const PART_RANGES: readonly [IdNumberPart, number, number][] = [
  [IdNumberPart.ADDRESS_CODE, 0, 6],
  [IdNumberPart.BIRTH_DATE, 6, 14],
  [IdNumberPart.SEQUENCE, 14, 17],
  [IdNumberPart.CHECK_CHARACTER, 17, 18],
];

export interface IdNumberComparison {
  /** Null when either record has no number. */
  same: boolean | null;
  /** For two resident ID numbers of 18 characters (legacy ones expanded), which parts differ. */
  differingParts: IdNumberPart[];
}

/** Compares two records' numbers by their comparison keys, without returning either. */
export function compareIdNumbers(a: { idType: string; idNumber: string | null }, b: { idType: string; idNumber: string | null }): IdNumberComparison {
  if (!a.idNumber || !b.idNumber) return { same: null, differingParts: [] };
  const keyOf = (r: { idType: string; idNumber: string | null }) => residentIdKey(r.idType, r.idNumber) ?? normalizeIdNumber(r.idNumber ?? '');
  const [left, right] = [keyOf(a), keyOf(b)];
  if (left === right) return { same: true, differingParts: [] };
  const comparable = a.idType === 'RESIDENT_ID' && b.idType === 'RESIDENT_ID' && left.length === 18 && right.length === 18;
  return {
    same: false,
    differingParts: comparable ? PART_RANGES.filter(([, from, to]) => left.slice(from, to) !== right.slice(from, to)).map(([part]) => part) : [],
  };
}

/** One sentence per reason that names no digit of the number, for views that must not reveal it. */
export const ID_PROBLEM_SUMMARIES: Record<IdProblemReason, string> = {
  [IdProblemReason.FORMAT]: 'Not a resident ID number: expected 17 digits and a check digit or X (or a legacy 15-digit number), with a real birth date.',
  [IdProblemReason.CHECKSUM]: 'The check character does not fit the first 17 digits.',
  [IdProblemReason.BIRTH_DATE_MISMATCH]: "The birth date in the ID number differs from the record's birth date.",
  [IdProblemReason.GENDER_MISMATCH]: "The ID number's gender digit differs from the record's gender.",
  [IdProblemReason.POLICE_NOT_FOUND]: 'The public security office reports that this ID number does not exist (公安核查: 身份证号不存在).',
  [IdProblemReason.POLICE_NAME_MISMATCH]: 'The public security office reports that the name does not match this ID number (公安核查: 姓名与身份证号不匹配).',
};
