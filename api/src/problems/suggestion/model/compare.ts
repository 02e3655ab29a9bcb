import { cityOf } from './context.js';
import { DATE, encodePattern, GENDER, GRADE, ID, NAME, SCHOOL, vectorOf, type ComparisonVector } from './levels.js';
import { ID_LEGACY, ID_PRESENT, ID_VALID, prepareRecords, type PreparedRecords, type PupilRecord } from './prepared.js';

/**
 * Where two ID keys of equal length differ: one substitution, an adjacent transposition, or more.
 * MOD 11-2 changes the check character on any single substitution or adjacent transposition, so
 * when one number is valid and the other is one such edit away, the other is a typo of it.
 */
function editLevel(a: string, b: string): number {
  if (a.length !== b.length) return ID.OTHER;
  let first = -1;
  let second = -1;
  for (let k = 0; k < a.length; k++) {
    if (a.charCodeAt(k) === b.charCodeAt(k)) continue;
    if (first < 0) first = k;
    else if (second < 0) second = k;
    else return ID.OTHER;
  }
  if (second < 0) return ID.ONE_SUBSTITUTION;
  const swapped = second === first + 1 && a[first] === b[second] && a[second] === b[first];
  return swapped ? ID.TRANSPOSITION : ID.OTHER;
}

function onlyCheckCharDiffers(a: string, b: string): boolean {
  return a.length === 18 && b.length === 18 && a.charCodeAt(17) !== b.charCodeAt(17) && a.startsWith(b.slice(0, 17));
}

export function idLevelAt(p: PreparedRecords, i: number, j: number): number {
  const [fi, fj] = [p.idFlags[i]!, p.idFlags[j]!];
  if (!(fi & ID_PRESENT) || !(fj & ID_PRESENT)) return ID.MISSING;
  const [a, b] = [p.idKey[i]!, p.idKey[j]!];
  if (a === b) return ID.EXACT;
  if (onlyCheckCharDiffers(a, b)) return (fi | fj) & ID_LEGACY ? ID.LEGACY_FORM : ID.CHECK_CHAR_ONLY;
  // Two different numbers that both pass the check cannot be one typo apart: two people.
  if (fi & fj & ID_VALID) return ID.BOTH_VALID_DIFFERENT;
  return editLevel(a, b);
}

/**
 * One character differs, in names of three or more characters: in a two-character name that
 * leaves only the surname in common, which many unrelated pupils share.
 */
function oneCharDiffers(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 3) return false;
  let differing = 0;
  for (let k = 0; k < a.length && differing < 2; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) differing++;
  return differing === 1;
}

export function nameLevelAt(p: PreparedRecords, i: number, j: number): number {
  if (p.nameCode[i] === p.nameCode[j]) return NAME.EXACT;
  if (p.simplifiedCode[i] === p.simplifiedCode[j]) return NAME.TRADITIONAL_SIMPLIFIED;
  if (p.pinyinCode[i] === p.pinyinCode[j]) return NAME.SAME_PINYIN;
  return oneCharDiffers(p.simplified[i]!, p.simplified[j]!) ? NAME.ONE_CHAR_DIFFERS : NAME.OTHER;
}

export function birthDateLevelAt(p: PreparedRecords, i: number, j: number): number {
  const [a, b] = [p.birth[i]!, p.birth[j]!];
  if (a < 0 || b < 0) return DATE.OTHER;
  if (a === b) return DATE.EXACT;
  const yearMonthA = Math.floor(a / 100);
  const yearMonthB = Math.floor(b / 100);
  const swapped = Math.floor(a / 10000) === Math.floor(b / 10000) && yearMonthA % 100 === b % 100 && yearMonthB % 100 === a % 100;
  if (swapped) return DATE.DAY_MONTH_SWAPPED;
  if (Math.abs(p.birthDay[i]! - p.birthDay[j]!) === 1) return DATE.ONE_DAY_APART;
  return yearMonthA === yearMonthB ? DATE.SAME_YEAR_MONTH : DATE.OTHER;
}

/**
 * The same school id, else how close the two schools' regions are. Two different schools of
 * which one has no region cannot be placed: MISSING, like no school at all.
 */
export function schoolLevelAt(p: PreparedRecords, i: number, j: number): number {
  const school = p.school[i]!;
  if (school >= 0 && school === p.school[j]) return SCHOOL.SAME_SCHOOL;
  const [a, b] = [p.region[i]!, p.region[j]!];
  if (a < 0 || b < 0) return SCHOOL.MISSING;
  if (a === b) return SCHOOL.SAME_DISTRICT;
  return cityOf(a) === cityOf(b) ? SCHOOL.SAME_CITY : SCHOOL.OTHER;
}

export function gradeLevelAt(p: PreparedRecords, i: number, j: number): number {
  const [a, b] = [p.grade[i]!, p.grade[j]!];
  if (a < 0 || b < 0) return GRADE.MISSING;
  if (a === b) return GRADE.SAME;
  return Math.abs(a - b) === 1 ? GRADE.ADJACENT : GRADE.OTHER;
}

/** The comparison vector of records i and j, encoded (see encodePattern). */
export function patternAt(p: PreparedRecords, i: number, j: number): number {
  const gender = p.gender[i] === p.gender[j] ? GENDER.SAME : GENDER.DIFFERENT;
  return encodePattern(idLevelAt(p, i, j), nameLevelAt(p, i, j), birthDateLevelAt(p, i, j), gender, schoolLevelAt(p, i, j), gradeLevelAt(p, i, j));
}

/**
 * What the exact duplicate detector already reports: the same ID key (legacy numbers expanded),
 * or the same normalised name, gender and birth date. Such pairs are not suggestions.
 */
export function exactlyCaughtAt(p: PreparedRecords, i: number, j: number): boolean {
  const key = p.idKey[i];
  if (key !== null && key === p.idKey[j]) return true;
  return p.nameCode[i] === p.nameCode[j] && p.gender[i] === p.gender[j] && p.birth[i] === p.birth[j];
}

export function compareRecords(a: PupilRecord, b: PupilRecord): ComparisonVector {
  return vectorOf(patternAt(prepareRecords([a, b]), 0, 1));
}

export function exactlyCaught(a: PupilRecord, b: PupilRecord): boolean {
  return exactlyCaughtAt(prepareRecords([a, b]), 0, 1);
}
