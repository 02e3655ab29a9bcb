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

export type IdNumberLevel = (typeof ID_NUMBER_LEVELS)[number];
export type NameLevel = (typeof NAME_LEVELS)[number];
export type BirthDateLevel = (typeof BIRTH_DATE_LEVELS)[number];
export type GenderLevel = (typeof GENDER_LEVELS)[number];

export const FIELDS = ['ID_NUMBER', 'NAME', 'BIRTH_DATE', 'GENDER'] as const;
export type Field = (typeof FIELDS)[number];

export interface LevelOf {
  ID_NUMBER: IdNumberLevel;
  NAME: NameLevel;
  BIRTH_DATE: BirthDateLevel;
  GENDER: GenderLevel;
}

export const FIELD_LEVELS: { readonly [F in Field]: readonly LevelOf[F][] } = {
  ID_NUMBER: ID_NUMBER_LEVELS,
  NAME: NAME_LEVELS,
  BIRTH_DATE: BIRTH_DATE_LEVELS,
  GENDER: GENDER_LEVELS,
};

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

const NAME_COUNT = NAME_LEVELS.length;
const DATE_COUNT = BIRTH_DATE_LEVELS.length;
const GENDER_COUNT = GENDER_LEVELS.length;

/**
 * A comparison vector as one small integer (400 patterns): estimation works on a histogram of
 * patterns instead of millions of pairs, and scoring is a table look-up.
 */
export const PATTERN_COUNT = ID_NUMBER_LEVELS.length * NAME_COUNT * DATE_COUNT * GENDER_COUNT;

export function encodePattern(id: number, name: number, date: number, gender: number): number {
  return ((id * NAME_COUNT + name) * DATE_COUNT + date) * GENDER_COUNT + gender;
}

/** The level index of each field, in FIELDS order. */
export function decodePattern(pattern: number): [number, number, number, number] {
  const gender = pattern % GENDER_COUNT;
  const rest = (pattern - gender) / GENDER_COUNT;
  const date = rest % DATE_COUNT;
  const rest2 = (rest - date) / DATE_COUNT;
  const name = rest2 % NAME_COUNT;
  return [(rest2 - name) / NAME_COUNT, name, date, gender];
}

export function vectorOf(pattern: number): ComparisonVector {
  const [id, name, date, gender] = decodePattern(pattern);
  return {
    ID_NUMBER: ID_NUMBER_LEVELS[id]!,
    NAME: NAME_LEVELS[name]!,
    BIRTH_DATE: BIRTH_DATE_LEVELS[date]!,
    GENDER: GENDER_LEVELS[gender]!,
  };
}
