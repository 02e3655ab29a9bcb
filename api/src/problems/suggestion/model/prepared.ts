import { toSimplified, tonelessPinyin } from './chinese.js';
import { parseGrade, parseRegion } from './context.js';
import { normalizeName, residentIdCheckChar, residentIdKey } from './registry-rules.js';

/** A pupil record as the matcher sees it. */
export interface PupilRecord {
  id: string;
  name: string;
  gender: 'M' | 'F';
  /** YYYY-MM-DD */
  birthDate: string;
  /** The normalised resident ID number (18 characters, or a legacy 15-digit one), null without one. */
  idNumber: string | null;
  /**
   * Where the pupil studies. Optional so callers without them keep working: a missing value
   * compares at its field's MISSING level, which weighs nothing (see levelWeights).
   */
  schoolId?: string | null;
  /** The school's 6-digit county code (e.g. 330106); its first four digits are the city. */
  regionCode?: string | null;
  /** 年级 as written (三年级, 初一, 高二 …), see parseGrade. */
  grade?: string | null;
}

export const ID_PRESENT = 1;
/** 17 digits and the right check character (a legacy number, once expanded, always is). */
export const ID_VALID = 2;
/** Written as a legacy 15-digit number. */
export const ID_LEGACY = 4;

/**
 * Records in columns, each value normalised once: comparing and blocking a million records then
 * reads integers and shared strings instead of re-deriving keys per pair. Names, simplified names
 * and pinyin are interned (equal text, equal code).
 */
export interface PreparedRecords {
  readonly size: number;
  readonly recordIds: readonly string[];
  /** The normalised name (normalizeName), as the exact detector compares it. */
  readonly name: readonly string[];
  readonly nameCode: Int32Array;
  readonly simplified: readonly string[];
  readonly simplifiedCode: Int32Array;
  readonly pinyin: readonly string[];
  readonly pinyinCode: Int32Array;
  /** residentIdKey of the number: legacy numbers expanded to 18 characters. */
  readonly idKey: readonly (string | null)[];
  readonly idFlags: Uint8Array;
  /** The birth date as YYYYMMDD, -1 when it is not a date. */
  readonly birth: Int32Array;
  /** Days since 1970-01-01, for "one day apart" across month ends. */
  readonly birthDay: Int32Array;
  /** 0 male, 1 female. */
  readonly gender: Uint8Array;
  /** The school id interned (equal id, equal code), -1 without one. */
  readonly school: Int32Array;
  /** The 6-digit region code as a number, -1 without a well-formed one. */
  readonly region: Int32Array;
  /** The grade as 1–12 (parseGrade), -1 when unknown. */
  readonly grade: Int8Array;
}

class Interner {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseBirth(birthDate: string): { ymd: number; day: number } {
  const match = DATE_PATTERN.exec(birthDate);
  if (!match) return { ymd: -1, day: -1 };
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(y, m - 1, d);
  const date = new Date(time);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ymd: -1, day: -1 };
  return { ymd: y * 10000 + m * 100 + d, day: Math.round(time / 86_400_000) };
}

const EIGHTEEN = /^\d{17}[\dX]$/;

function idFlagsOf(raw: string | null, key: string | null): number {
  if (key === null) return 0;
  let flags = ID_PRESENT;
  if (EIGHTEEN.test(key) && residentIdCheckChar(key.slice(0, 17)) === key[17]) flags |= ID_VALID;
  if (raw !== null && /^\d{15}$/.test(raw.trim())) flags |= ID_LEGACY;
  return flags;
}

interface ContextColumns {
  school: Int32Array;
  region: Int32Array;
  grade: Int8Array;
}

/** School, region and grade of every record; grades are parsed once per distinct text. */
function contextColumns(records: readonly PupilRecord[]): ContextColumns {
  const n = records.length;
  const columns = { school: new Int32Array(n), region: new Int32Array(n), grade: new Int8Array(n) };
  const schools = new Interner();
  const grades = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const { schoolId, regionCode, grade } = records[i]!;
    columns.school[i] = schoolId ? schools.code(schoolId) : -1;
    columns.region[i] = parseRegion(regionCode);
    let parsed = grade ? grades.get(grade) : -1;
    if (parsed === undefined) {
      parsed = parseGrade(grade) ?? -1;
      grades.set(grade!, parsed);
    }
    columns.grade[i] = parsed;
  }
  return columns;
}

interface Columns {
  name: string[];
  simplified: string[];
  pinyin: string[];
  idKey: (string | null)[];
}

/** Normalises every record once; O(n), caches per name. */
export function prepareRecords(records: readonly PupilRecord[]): PreparedRecords {
  const n = records.length;
  const names = new Interner();
  const simplifiedNames = new Interner();
  const pinyins = new Interner();
  const simplifiedOf = new Map<number, number>();
  const pinyinOf = new Map<number, number>();
  const columns: Columns = { name: [], simplified: [], pinyin: [], idKey: [] };
  const codes = { name: new Int32Array(n), simplified: new Int32Array(n), pinyin: new Int32Array(n) };
  const [birth, birthDay, gender, idFlags] = [new Int32Array(n), new Int32Array(n), new Uint8Array(n), new Uint8Array(n)];
  for (let i = 0; i < n; i++) {
    const record = records[i]!;
    const nameCode = names.code(normalizeName(record.name));
    let simplifiedCode = simplifiedOf.get(nameCode);
    if (simplifiedCode === undefined) {
      simplifiedCode = simplifiedNames.code(toSimplified(names.values[nameCode]!));
      simplifiedOf.set(nameCode, simplifiedCode);
    }
    let pinyinCode = pinyinOf.get(simplifiedCode);
    if (pinyinCode === undefined) {
      pinyinCode = pinyins.code(tonelessPinyin(simplifiedNames.values[simplifiedCode]!));
      pinyinOf.set(simplifiedCode, pinyinCode);
    }
    codes.name[i] = nameCode;
    codes.simplified[i] = simplifiedCode;
    codes.pinyin[i] = pinyinCode;
    columns.name.push(names.values[nameCode]!);
    columns.simplified.push(simplifiedNames.values[simplifiedCode]!);
    columns.pinyin.push(pinyins.values[pinyinCode]!);
    const key = residentIdKey('RESIDENT_ID', record.idNumber);
    columns.idKey.push(key);
    idFlags[i] = idFlagsOf(record.idNumber, key);
    const parsed = parseBirth(record.birthDate);
    birth[i] = parsed.ymd;
    birthDay[i] = parsed.day;
    gender[i] = record.gender === 'M' ? 0 : 1;
  }
  return {
    size: n,
    recordIds: records.map((record) => record.id),
    name: columns.name,
    nameCode: codes.name,
    simplified: columns.simplified,
    simplifiedCode: codes.simplified,
    pinyin: columns.pinyin,
    pinyinCode: codes.pinyin,
    idKey: columns.idKey,
    idFlags,
    birth,
    birthDay,
    gender,
    ...contextColumns(records),
  };
}
