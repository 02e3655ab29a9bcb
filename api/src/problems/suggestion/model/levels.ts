/**
 * The comparison levels of each field. Their codes are stable: they are stored with the model
 * parameters and become a GraphQL enum, so a change here is a new MODEL_VERSION.
 */
export const ID_NUMBER_LEVELS = [
  'EXACT',
  'CHECK_CHAR_ONLY',
  'LEGACY_FORM',
  'ONE_SUBSTITUTION',
  'TRANSPOSITION',
  'BOTH_VALID_DIFFERENT',
  'OTHER',
  'MISSING',
] as const;
export const NAME_LEVELS = ['EXACT', 'TRADITIONAL_SIMPLIFIED', 'SAME_PINYIN', 'ONE_CHAR_DIFFERS', 'OTHER'] as const;
export const BIRTH_DATE_LEVELS = ['EXACT', 'DAY_MONTH_SWAPPED', 'ONE_DAY_APART', 'SAME_YEAR_MONTH', 'OTHER'] as const;
export const GENDER_LEVELS = ['SAME', 'DIFFERENT'] as const;
/**
 * Where the two pupils study. Real duplicates cluster: a re-imported template keeps its school, a
 * pupil who moved usually stays in the county or city. Districts and cities come from the
 * 6-digit region code (same code; same first four digits). MISSING when either side has neither
 * a shared school nor a region to compare.
 */
export const SCHOOL_LEVELS = ['SAME_SCHOOL', 'SAME_DISTRICT', 'SAME_CITY', 'OTHER', 'MISSING'] as const;
/** The grade (年级) as a number 1–12: the same, one apart (a move or a repeated year), further. */
export const GRADE_LEVELS = ['SAME', 'ADJACENT', 'OTHER', 'MISSING'] as const;

export type IdNumberLevel = (typeof ID_NUMBER_LEVELS)[number];
export type NameLevel = (typeof NAME_LEVELS)[number];
export type BirthDateLevel = (typeof BIRTH_DATE_LEVELS)[number];
export type GenderLevel = (typeof GENDER_LEVELS)[number];
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
export type GradeLevel = (typeof GRADE_LEVELS)[number];

export const FIELDS = ['ID_NUMBER', 'NAME', 'BIRTH_DATE', 'GENDER', 'SCHOOL', 'GRADE'] as const;
export type Field = (typeof FIELDS)[number];

export interface LevelOf {
  ID_NUMBER: IdNumberLevel;
  NAME: NameLevel;
  BIRTH_DATE: BirthDateLevel;
  GENDER: GenderLevel;
  SCHOOL: SchoolLevel;
  GRADE: GradeLevel;
}

export const FIELD_LEVELS: { readonly [F in Field]: readonly LevelOf[F][] } = {
  ID_NUMBER: ID_NUMBER_LEVELS,
  NAME: NAME_LEVELS,
  BIRTH_DATE: BIRTH_DATE_LEVELS,
  GENDER: GENDER_LEVELS,
  SCHOOL: SCHOOL_LEVELS,
  GRADE: GRADE_LEVELS,
};

/** Position of each field in FIELDS, for code that walks level tables by index. */
export const FIELD_INDEX = Object.fromEntries(FIELDS.map((field, index) => [field, index])) as Readonly<Record<Field, number>>;

/** One level per field: how two records compare. */
export type ComparisonVector = { [F in Field]: LevelOf[F] };

function indexOf<T extends string>(levels: readonly T[]): Readonly<Record<T, number>> {
  return Object.fromEntries(levels.map((level, index) => [level, index])) as Record<T, number>;
}

/** Level indices, for the hot loops that keep comparisons as small integers. */
export const ID = indexOf(ID_NUMBER_LEVELS);
export const NAME = indexOf(NAME_LEVELS);
export const DATE = indexOf(BIRTH_DATE_LEVELS);
export const GENDER = indexOf(GENDER_LEVELS);
export const SCHOOL = indexOf(SCHOOL_LEVELS);
export const GRADE = indexOf(GRADE_LEVELS);

/** Levels per field, in FIELDS order. */
export const LEVEL_COUNTS: readonly number[] = FIELDS.map((field) => FIELD_LEVELS[field].length);

/**
 * A comparison vector as one integer, mixed radix with GRADE the fastest-moving digit (8 000
 * patterns, so a Uint16Array holds them): estimation works on a histogram of patterns instead of
 * millions of pairs, and scoring is a table look-up.
 */
export const PATTERN_COUNT = LEVEL_COUNTS.reduce((product, count) => product * count, 1);
if (PATTERN_COUNT > 0x10000) throw new Error(`${PATTERN_COUNT} comparison patterns no longer fit the Uint16Array pattern columns`);

/** How far one step of each field's level moves the pattern number. */
const STRIDES: readonly number[] = LEVEL_COUNTS.map((_, field) => LEVEL_COUNTS.slice(field + 1).reduce((product, count) => product * count, 1));
const NAME_STRIDE = STRIDES[FIELD_INDEX.NAME]!;
const NAME_COUNT = NAME_LEVELS.length;

/** Level indices in FIELDS order to the pattern number. */
export function encodePattern(id: number, name: number, date: number, gender: number, school: number, grade: number): number {
  return ((((id * NAME_COUNT + name) * BIRTH_DATE_LEVELS.length + date) * GENDER_LEVELS.length + gender) * SCHOOL_LEVELS.length + school) * GRADE_LEVELS.length + grade;
}

/** The level index of each field, in FIELDS order. */
export function decodePattern(pattern: number): number[] {
  return STRIDES.map((stride, field) => Math.floor(pattern / stride) % LEVEL_COUNTS[field]!);
}

/** The NAME level alone, for the term-frequency adjustment applied to every scored pair. */
export function nameLevelOf(pattern: number): number {
  return Math.floor(pattern / NAME_STRIDE) % NAME_COUNT;
}

export function vectorOf(pattern: number): ComparisonVector {
  const levels = decodePattern(pattern);
  return Object.fromEntries(FIELDS.map((field, index) => [field, FIELD_LEVELS[field][levels[index]!]])) as ComparisonVector;
}
