import { toTraditional, tonelessPinyin } from '../../../api/src/problems/suggestion/model/chinese.js';
import { exactlyCaught, parseGrade, type PupilRecord } from '../../../api/src/problems/suggestion/model/index.js';
import { randomInt, seededRandom, type Random } from '../../../api/src/problems/suggestion/model/random.js';
import { residentIdCheckChar } from '../../../api/src/registry/student/id-number.js';

/**
 * A synthetic pupil registry for the matching benchmark and tests: realistic background records,
 * planted near-duplicates of each kind (one pupil, two records, missed by the exact rules) and
 * planted look-alikes (two pupils that resemble each other), with the ground truth.
 *
 * Where pupils study — the assumptions, which the model's SCHOOL and GRADE weights rest on:
 * - Geography: 6 cities of 5 counties each (real 6-digit county codes; a city is the first four
 *   digits). Each county has max(2, records / 30 000) schools, each teaching every grade; every
 *   pupil studies at one school drawn uniformly, and the record carries the school id and its
 *   county code. The ID number's county is the school's county for 85% of pupils, another county
 *   for the rest (born elsewhere).
 * - Grade: follows the birth date for the school year starting September 2026 (born September
 *   2019 – August 2020: 一年级; twelve years later: 高三); 3% of pupils are one grade off (early or
 *   late school entry, a repeated year), 2% have no grade recorded, and pupils outside 1–12
 *   (older learners) have none. Grades 7–9 are written 七年级 or 初一 depending on the school,
 *   10–12 as 高一…高三.
 * - Near-duplicates, by where the second record studies: default mix 50% the same school and
 *   grade (a template re-imported with a typo), 35% moved (another school of the same county, or
 *   of another county of the same city, 60:40; grade the same, or one apart for 30% of them), 15%
 *   anywhere (any school of any city, grade as for a move). The harsh mix moves more pupils
 *   across cities: 35% same school, 35% moved, 30% anywhere.
 * - Look-alikes: twins share school and grade (and surname, birth date, consecutive valid ID
 *   numbers); pupils with a common name born the same day, and pupils with the same name born a
 *   few days apart, each study at a school drawn at random.
 * - Ethnicity (民族) is not generated: the model does not compare it.
 */

export const NEAR_DUPLICATE_KINDS = [
  'ID_SUBSTITUTION',
  'ID_TRANSPOSITION',
  'ID_CHECK_CHAR',
  'ID_LEGACY',
  'NAME_HOMOPHONE',
  'NAME_ONE_CHAR',
  'NAME_TRADITIONAL',
  'DATE_SWAPPED',
  'DATE_ONE_DAY',
  'DATE_SAME_MONTH',
] as const;
export type NearDuplicateKind = (typeof NEAR_DUPLICATE_KINDS)[number];
export const LOOK_ALIKE_KINDS = ['TWINS', 'COMMON_NAME_SAME_DAY', 'SAME_NAME_DAYS_APART'] as const;
export type LookAlikeKind = (typeof LOOK_ALIKE_KINDS)[number];

export interface PlantedPair<K extends string> {
  a: number;
  b: number;
  kind: K;
}

export interface SyntheticRegistry {
  records: PupilRecord[];
  duplicates: PlantedPair<NearDuplicateKind>[];
  lookAlikes: PlantedPair<LookAlikeKind>[];
}

export interface Mix {
  /** Planted near-duplicate pairs, as a share of the records. */
  nearDuplicates: number;
  lookAlikes: number;
  /** Share of name and date near-duplicates whose second record has no ID number (else a mistyped one). */
  missingIdSecondary: number;
  /** Background records without an ID number, and with an unrelated mistyped one. */
  backgroundMissingId: number;
  backgroundBadId: number;
  /** Background records given one of the very common full names (王伟, 张静 …). */
  commonNames: number;
  nearDuplicateWeights: Record<NearDuplicateKind, number>;
  lookAlikeWeights: Record<LookAlikeKind, number>;
  /** Where a near-duplicate's second record studies: shares of the same school and of a move nearby; the rest anywhere. */
  placement: { sameSchool: number; moved: number };
}

const EVEN_NEAR = Object.fromEntries(NEAR_DUPLICATE_KINDS.map((kind) => [kind, 1])) as Record<NearDuplicateKind, number>;

export const MIXES: Record<string, Mix> = {
  default: {
    nearDuplicates: 0.01,
    lookAlikes: 0.006,
    missingIdSecondary: 0.25,
    backgroundMissingId: 0.02,
    backgroundBadId: 0.003,
    commonNames: 0.02,
    nearDuplicateWeights: EVEN_NEAR,
    lookAlikeWeights: { TWINS: 1, COMMON_NAME_SAME_DAY: 1, SAME_NAME_DAYS_APART: 1 },
    placement: { sameSchool: 0.5, moved: 0.35 },
  },
  /** More duplicates, more of them without an ID number, more look-alikes and common names. */
  harsh: {
    nearDuplicates: 0.02,
    lookAlikes: 0.015,
    missingIdSecondary: 0.4,
    backgroundMissingId: 0.05,
    backgroundBadId: 0.01,
    commonNames: 0.05,
    nearDuplicateWeights: { ...EVEN_NEAR, NAME_HOMOPHONE: 2, NAME_ONE_CHAR: 2, DATE_SAME_MONTH: 2, DATE_ONE_DAY: 2, ID_LEGACY: 0.5 },
    lookAlikeWeights: { TWINS: 2, COMMON_NAME_SAME_DAY: 2, SAME_NAME_DAYS_APART: 1 },
    placement: { sameSchool: 0.35, moved: 0.35 },
  },
};

/** Surnames with their approximate share of the population (per cent). */
const SURNAMES: readonly [string, number][] = [
  ['王', 7.1], ['李', 7.0], ['张', 6.8], ['刘', 5.4], ['陈', 4.5], ['杨', 3.1], ['黄', 2.2], ['赵', 2.0], ['吴', 1.9],
  ['周', 1.9], ['徐', 1.3], ['孙', 1.3], ['马', 1.2], ['朱', 1.2], ['胡', 1.1], ['郭', 1.1], ['何', 1.1], ['高', 1.0],
  ['林', 1.0], ['罗', 0.9], ['郑', 0.9], ['梁', 0.8], ['谢', 0.7], ['宋', 0.6], ['唐', 0.6], ['许', 0.6], ['韩', 0.6],
  ['冯', 0.6], ['邓', 0.6], ['曹', 0.5], ['彭', 0.5], ['曾', 0.5], ['肖', 0.5], ['田', 0.5], ['董', 0.5], ['袁', 0.4],
  ['潘', 0.4], ['于', 0.4], ['蒋', 0.4], ['蔡', 0.4], ['余', 0.4], ['杜', 0.4], ['叶', 0.4], ['程', 0.4], ['苏', 0.3],
  ['魏', 0.3], ['吕', 0.3], ['丁', 0.3], ['任', 0.3], ['沈', 0.3], ['姚', 0.3], ['卢', 0.3], ['姜', 0.3], ['崔', 0.3],
  ['钟', 0.3], ['谭', 0.3], ['陆', 0.3], ['汪', 0.3], ['范', 0.2], ['金', 0.2], ['石', 0.2], ['廖', 0.2], ['贾', 0.2],
  ['夏', 0.2], ['韦', 0.2], ['付', 0.2], ['方', 0.2], ['白', 0.2], ['邹', 0.2], ['孟', 0.2], ['熊', 0.2], ['秦', 0.2],
  ['邱', 0.2], ['江', 0.2], ['尹', 0.2], ['薛', 0.2], ['闫', 0.2], ['段', 0.2], ['雷', 0.2], ['侯', 0.2], ['龙', 0.2],
  ['史', 0.2], ['黎', 0.1], ['章', 0.1], ['柳', 0.1], ['严', 0.1], ['颜', 0.1], ['萧', 0.1],
];

/** Characters of given names, roughly most used first. */
const GIVEN_CHARS = Array.from(
  '子梓涵浩宇轩欣怡晨俊杰博文雨佳明晓小伟静敏丽婷婷芳娜强磊军洋勇艳娟涛超秀霞平刚桂英华玉兰萍红' +
    '思嘉一诗语睿泽昊天宸鑫瑞琪可馨悦萱若依彤雅心雪梦妍欣然安铭阳鹏飞辰逸凯志宏建国庆海波宁' +
    '玲琳晶莉燕颖慧秋月春亮斌辉龙永林航远康乐晴霖蕾薇菲瑶嫣珊锦瑜璐畅嘉怡昕煜炜玮维为威薇微',
).filter((ch, index, all) => all.indexOf(ch) === index);

/** Very common full names, each with a different name read the same way. */
const COMMON_NAMES: readonly [string, string][] = [
  ['王伟', '王玮'], ['张伟', '章伟'], ['李伟', '李玮'], ['王芳', '汪芳'], ['李娜', '李纳'], ['张静', '张婧'],
  ['刘伟', '刘玮'], ['王静', '王婧'], ['李静', '李婧'], ['张敏', '章敏'], ['刘洋', '刘阳'], ['王磊', '汪磊'],
];

/** County codes by city (杭州, 宁波, 南京, 成都, 武汉, 广州): where schools are and ID numbers begin. */
const CITIES: readonly (readonly string[])[] = [
  ['330102', '330105', '330106', '330108', '330110'],
  ['330203', '330205', '330206', '330211', '330212'],
  ['320102', '320104', '320105', '320106', '320111'],
  ['510104', '510105', '510106', '510107', '510108'],
  ['420102', '420103', '420104', '420105', '420106'],
  ['440103', '440104', '440105', '440106', '440111'],
];
const COUNTIES = CITIES.flat();
const PUPILS_PER_SCHOOL = 1000;
const FIRST_YEAR = 2008;
const YEARS = 12;
/** The school year the registry describes starts in September of this year. */
const SCHOOL_YEAR = 2026;

function cumulative(weights: readonly number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  weights.reduce((sum, weight, index) => (sums[index] = sum + weight), 0);
  return sums;
}

function pickWeighted<T>(random: Random, items: readonly T[], sums: Float64Array): T {
  const target = random() * sums[sums.length - 1]!;
  let [low, high] = [0, sums.length - 1];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sums[middle]! > target) high = middle;
    else low = middle + 1;
  }
  return items[low]!;
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[randomInt(random, items.length)]!;
}

const SURNAME_SUMS = cumulative(SURNAMES.map(([, share]) => share));
const GIVEN_SUMS = cumulative(GIVEN_CHARS.map((_, rank) => 1 / (rank + 8)));

export interface School {
  id: string;
  region: string;
  /** Writes grades 7–9 as 初一…初三 rather than 七年级…九年级. */
  juniorStyle: boolean;
}

export interface Person {
  name: string;
  gender: 'M' | 'F';
  birth: Date;
  /** The county of the ID number. */
  county: string;
  school: School;
  /** 1–12, null when not recorded. */
  grade: number | null;
}

function buildSchools(random: Random, records: number): Map<string, School[]> {
  const perCounty = Math.max(2, Math.round(records / COUNTIES.length / PUPILS_PER_SCHOOL));
  const byCounty = new Map<string, School[]>();
  for (const region of COUNTIES) {
    byCounty.set(
      region,
      Array.from({ length: perCounty }, (_, k) => ({ id: `S${region}${String(k).padStart(3, '0')}`, region, juniorStyle: random() < 0.5 })),
    );
  }
  return byCounty;
}

const GRADE_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function gradeText(grade: number | null, school: School): string | null {
  if (grade === null) return null;
  if (grade >= 10) return `高${GRADE_NUMERALS[grade - 9]}`;
  return grade >= 7 && school.juniorStyle ? `初${GRADE_NUMERALS[grade - 6]}` : `${GRADE_NUMERALS[grade]}年级`;
}

/** The grade a pupil born on this date is in (school entry in the September after turning six). */
function gradeForBirth(birth: Date): number | null {
  const entryYear = birth.getUTCFullYear() + (birth.getUTCMonth() >= 8 ? 7 : 6);
  const grade = SCHOOL_YEAR - entryYear + 1;
  return grade >= 1 && grade <= 12 ? grade : null;
}

/** The birth date's grade, one off for a few pupils, unrecorded for a few more. */
function drawGrade(random: Random, birth: Date): number | null {
  const grade = gradeForBirth(birth);
  const roll = random();
  if (grade === null || roll < 0.02) return null;
  if (roll >= 0.05) return grade;
  const shifted = grade + (random() < 0.5 ? -1 : 1);
  return shifted >= 1 && shifted <= 12 ? shifted : grade;
}

function drawGivenName(random: Random): string {
  const first = pickWeighted(random, GIVEN_CHARS, GIVEN_SUMS);
  return random() < 0.25 ? first : first + pickWeighted(random, GIVEN_CHARS, GIVEN_SUMS);
}

function drawName(random: Random, commonShare: number): string {
  if (random() < commonShare) return pick(random, COMMON_NAMES)[0];
  return pickWeighted(random, SURNAMES.map(([surname]) => surname), SURNAME_SUMS) + drawGivenName(random);
}

function drawBirth(random: Random, firstYear: number, years: number): Date {
  const start = Date.UTC(firstYear, 0, 1);
  const days = Math.round((Date.UTC(firstYear + years, 0, 1) - start) / 86_400_000);
  return new Date(start + randomInt(random, days) * 86_400_000);
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Hands out valid ID numbers, never the same one twice. */
export class IdNumbers {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  /** A sequence near `near` (twins are registered one after the other) or a random one. */
  issue(county: string, birth: Date, gender: 'M' | 'F', near?: number): string | null {
    const prefix = county + isoDate(birth).replaceAll('-', '');
    for (let attempt = 0; attempt < 50; attempt++) {
      const base = near === undefined ? randomInt(this.random, 1000) : near + 1 + randomInt(this.random, 3) * (this.random() < 0.5 ? -1 : 1);
      const sequence = base - (base % 2) + (gender === 'M' ? 1 : 0);
      if (sequence < 0 || sequence > 999) continue;
      const first17 = prefix + String(sequence).padStart(3, '0');
      const id = first17 + residentIdCheckChar(first17);
      if (this.used.has(id)) continue;
      this.used.add(id);
      return id;
    }
    return null;
  }
}

/** Homophones among the pool's characters, by their toneless reading (surnames read as surnames). */
function homophoneGroups(chars: readonly string[], readingOf: (ch: string) => string): Map<string, string[]> {
  const byReading = new Map<string, string[]>();
  for (const ch of chars) {
    const reading = readingOf(ch);
    byReading.set(reading, [...(byReading.get(reading) ?? []), ch]);
  }
  const others = new Map<string, string[]>();
  for (const group of byReading.values()) for (const ch of group) if (group.length > 1) others.set(ch, group.filter((other) => other !== ch));
  return others;
}

export const SURNAME_HOMOPHONES = homophoneGroups(
  SURNAMES.map(([surname]) => surname),
  (ch) => tonelessPinyin(ch),
);
export const GIVEN_HOMOPHONES = homophoneGroups(GIVEN_CHARS, (ch) => tonelessPinyin(`王${ch}`).split(' ')[1]!);

// --- Perturbations: each returns the changed value, or null when this record does not allow it.

const CHECK_CHARS = '0123456789X';

function substituteDigit(random: Random, id: string): string {
  const position = randomInt(random, 17);
  const digit = String((Number(id[position]) + 1 + randomInt(random, 9)) % 10);
  return id.slice(0, position) + digit + id.slice(position + 1);
}

function transposeDigits(random: Random, id: string): string | null {
  for (let attempt = 0; attempt < 20; attempt++) {
    const k = randomInt(random, 16);
    if (id[k] !== id[k + 1]) return id.slice(0, k) + id[k + 1] + id[k] + id.slice(k + 2);
  }
  return null;
}

function changeCheckChar(random: Random, id: string): string {
  const others = CHECK_CHARS.replace(id[17]!, '');
  return id.slice(0, 17) + others[randomInt(random, others.length)];
}

function homophone(random: Random, name: string): string | null {
  const chars = Array.from(name);
  const positions = chars.map((_, index) => index).filter((index) => (index === 0 ? SURNAME_HOMOPHONES : GIVEN_HOMOPHONES).has(chars[index]!));
  if (positions.length === 0) return null;
  const position = pick(random, positions);
  chars[position] = pick(random, (position === 0 ? SURNAME_HOMOPHONES : GIVEN_HOMOPHONES).get(chars[position]!)!);
  const changed = chars.join('');
  return tonelessPinyin(changed) === tonelessPinyin(name) ? changed : null;
}

/** One character replaced by another of a different reading (mostly in the given name). */
function oneCharDiffers(random: Random, name: string): string | null {
  const chars = Array.from(name);
  if (chars.length < 2) return null;
  const position = random() < 0.2 ? 0 : 1 + randomInt(random, chars.length - 1);
  const pool = position === 0 ? SURNAMES.map(([surname]) => surname) : GIVEN_CHARS;
  chars[position] = pick(random, pool);
  const changed = chars.join('');
  return changed !== name && tonelessPinyin(changed) !== tonelessPinyin(name) ? changed : null;
}

function traditional(name: string): string | null {
  const changed = toTraditional(name);
  return changed === name ? null : changed;
}

function swapDayMonth(birthDate: string): string | null {
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  return Number(day) <= 12 && day !== month ? `${year}-${day}-${month}` : null;
}

function oneDayApart(random: Random, birthDate: string): string {
  return isoDate(addDays(new Date(`${birthDate}T00:00:00Z`), random() < 0.5 ? -1 : 1));
}

function sameMonth(random: Random, birthDate: string): string | null {
  const date = new Date(`${birthDate}T00:00:00Z`);
  const shift = (2 + randomInt(random, 12)) * (random() < 0.5 ? -1 : 1);
  const moved = addDays(date, shift);
  return moved.getUTCMonth() === date.getUTCMonth() ? isoDate(moved) : null;
}

type Change = (random: Random, record: PupilRecord) => PupilRecord | null;

const withName = (change: (random: Random, name: string) => string | null): Change => (random, record) => {
  const name = change(random, record.name);
  return name === null ? null : { ...record, name };
};
const withBirth = (change: (random: Random, birth: string) => string | null): Change => (random, record) => {
  const birthDate = change(random, record.birthDate);
  return birthDate === null ? null : { ...record, birthDate };
};
const withId = (change: (random: Random, id: string) => string | null): Change => (random, record) => {
  const idNumber = record.idNumber === null ? null : change(random, record.idNumber);
  return idNumber === null ? null : { ...record, idNumber };
};

const PRIMARY: Record<Exclude<NearDuplicateKind, 'ID_LEGACY'>, Change> = {
  ID_SUBSTITUTION: withId(substituteDigit),
  ID_TRANSPOSITION: withId(transposeDigits),
  ID_CHECK_CHAR: withId(changeCheckChar),
  NAME_HOMOPHONE: withName(homophone),
  NAME_ONE_CHAR: withName(oneCharDiffers),
  NAME_TRADITIONAL: withName((_, name) => traditional(name)),
  DATE_SWAPPED: withBirth((_, birth) => swapDayMonth(birth)),
  DATE_ONE_DAY: withBirth(oneDayApart),
  DATE_SAME_MONTH: withBirth(sameMonth),
};

/** The second difference of an ID-number duplicate: otherwise name, gender and birth date would match exactly. */
const SECOND_FOR_ID: readonly Change[] = [
  PRIMARY.NAME_HOMOPHONE,
  PRIMARY.NAME_ONE_CHAR,
  PRIMARY.NAME_TRADITIONAL,
  PRIMARY.DATE_ONE_DAY,
  PRIMARY.DATE_SAME_MONTH,
  (_, record) => ({ ...record, gender: record.gender === 'M' ? 'F' : 'M' }),
];
const ID_TYPOS: readonly Change[] = [PRIMARY.ID_SUBSTITUTION, PRIMARY.ID_TRANSPOSITION, PRIMARY.ID_CHECK_CHAR];

function secondChange(random: Random, kind: NearDuplicateKind, mix: Mix): Change {
  if (kind.startsWith('ID_')) return pick(random, SECOND_FOR_ID);
  if (random() < mix.missingIdSecondary) return (_, record) => ({ ...record, idNumber: null });
  return pick(random, ID_TYPOS);
}

// --- The registry.

function drawKinds<K extends string>(random: Random, count: number, weights: Record<K, number>): K[] {
  const kinds = Object.keys(weights) as K[];
  const sums = cumulative(kinds.map((kind) => weights[kind]));
  return Array.from({ length: count }, () => pickWeighted(random, kinds, sums));
}

class RegistryBuilder {
  readonly records: PupilRecord[] = [];
  readonly duplicates: PlantedPair<NearDuplicateKind>[] = [];
  readonly lookAlikes: PlantedPair<LookAlikeKind>[] = [];
  private readonly ids: IdNumbers;
  /** Background records with a valid number not yet used as the original of a planted pair. */
  private readonly bases: number[] = [];

  private readonly schools: Map<string, School[]>;
  private readonly allSchools: School[];

  constructor(
    private readonly random: Random,
    private readonly mix: Mix,
    records: number,
  ) {
    this.ids = new IdNumbers(random);
    this.schools = buildSchools(random, records);
    this.allSchools = [...this.schools.values()].flat();
  }

  add(record: Omit<PupilRecord, 'id'> & { id?: string }): number {
    const index = this.records.length;
    this.records.push({ ...record, id: `P${index}` });
    return index;
  }

  person(firstYear = FIRST_YEAR, years = YEARS): Person {
    const gender = this.random() < 0.5 ? 'M' : 'F';
    const birth = drawBirth(this.random, firstYear, years);
    const school = pick(this.random, this.allSchools);
    const county = this.random() < 0.85 ? school.region : pick(this.random, COUNTIES);
    return { name: drawName(this.random, this.mix.commonNames), gender, birth, county, school, grade: drawGrade(this.random, birth) };
  }

  addPerson(person: Person, near?: number): number {
    const idNumber = this.ids.issue(person.county, person.birth, person.gender, near);
    const { name, gender, school, grade } = person;
    return this.add({ name, gender, birthDate: isoDate(person.birth), idNumber, schoolId: school.id, regionCode: school.region, grade: gradeText(grade, school) });
  }

  background(count: number): void {
    for (let k = 0; k < count; k++) {
      const person = this.person();
      const index = this.addPerson(person);
      const record = this.records[index]!;
      const roll = this.random();
      if (roll < this.mix.backgroundMissingId) record.idNumber = null;
      else if (roll < this.mix.backgroundMissingId + this.mix.backgroundBadId && record.idNumber) record.idNumber = substituteDigit(this.random, record.idNumber);
      else if (record.idNumber) this.bases.push(index);
    }
  }

  /** A background record not used before, removed from the pool (swap with the last). */
  takeBase(): number | null {
    if (this.bases.length === 0) return null;
    const slot = randomInt(this.random, this.bases.length);
    const index = this.bases[slot]!;
    this.bases[slot] = this.bases[this.bases.length - 1]!;
    this.bases.pop();
    return index;
  }

  plantNearDuplicate(kind: NearDuplicateKind): boolean {
    for (let attempt = 0; attempt < 50; attempt++) {
      const original = kind === 'ID_LEGACY' ? this.legacyOriginal() : this.takeBase();
      if (original === null) return false;
      const source = kind === 'ID_LEGACY' ? this.legacyForm(this.records[original]!) : PRIMARY[kind](this.random, this.records[original]!);
      const copy = source && this.secondDifference(kind, source);
      if (!copy || exactlyCaught(this.records[original]!, copy)) continue;
      this.duplicates.push({ a: original, b: this.add(this.placed(copy)), kind });
      return true;
    }
    return false;
  }

  /**
   * Where the second record studies: kept (a re-import), another school nearby (a move: same
   * county, else same city), or anywhere; after a move or from anywhere the grade may be one off.
   */
  private placed(copy: PupilRecord): PupilRecord {
    const roll = this.random();
    const { sameSchool, moved } = this.mix.placement;
    if (roll < sameSchool) return copy;
    const school = roll < sameSchool + moved ? this.nearbySchool(copy.regionCode!, copy.schoolId!) : pick(this.random, this.allSchools);
    let grade = parseGrade(copy.grade);
    if (grade !== null && this.random() < 0.3) grade = Math.min(12, Math.max(1, grade + (this.random() < 0.5 ? -1 : 1)));
    return { ...copy, schoolId: school.id, regionCode: school.region, grade: gradeText(grade, school) };
  }

  private nearbySchool(region: string, schoolId: string): School {
    const sameCounty = this.random() < 0.6;
    const city = CITIES.find((counties) => counties.includes(region))!;
    const county = sameCounty ? region : pick(this.random, city.filter((code) => code !== region));
    return pick(this.random, this.schools.get(county)!.filter((school) => school.id !== schoolId));
  }

  private secondDifference(kind: NearDuplicateKind, record: PupilRecord): PupilRecord | null {
    for (let attempt = 0; attempt < 8; attempt++) {
      const changed = secondChange(this.random, kind, this.mix)(this.random, record);
      if (changed) return changed;
    }
    return null;
  }

  /** Legacy 15-digit numbers belong to people born before 2000: an older learner, written the old way. */
  private legacyOriginal(): number {
    const index = this.addPerson(this.person(1990, 10));
    const id = this.records[index]!.idNumber!;
    this.records[index]!.idNumber = id.slice(0, 6) + id.slice(8, 17);
    return index;
  }

  /** The 18-digit form of a legacy number with a wrong check character. */
  private legacyForm(record: PupilRecord): PupilRecord {
    const first17 = `${record.idNumber!.slice(0, 6)}19${record.idNumber!.slice(6)}`;
    return { ...record, idNumber: changeCheckChar(this.random, first17 + residentIdCheckChar(first17)) };
  }

  plantLookAlike(kind: LookAlikeKind): boolean {
    const pair = kind === 'TWINS' ? this.twins() : kind === 'COMMON_NAME_SAME_DAY' ? this.commonNameSameDay() : this.sameNameDaysApart();
    if (pair === null) return false;
    this.lookAlikes.push({ ...pair, kind });
    return true;
  }

  /** Twins: same surname, birth date, county, school and grade, sequence numbers next to each other, another given name. */
  private twins(): { a: number; b: number } | null {
    const a = this.takeBase();
    if (a === null) return null;
    const first = this.records[a]!;
    const chars = Array.from(first.name);
    let name = first.name;
    while (name === first.name) {
      const given = chars.length === 3 && this.random() < 0.5 ? chars[1]! + pick(this.random, GIVEN_CHARS) : drawGivenName(this.random);
      name = chars[0]! + given;
    }
    const gender = this.random() < 0.5 ? 'M' : 'F';
    const twin: Person = { ...this.person(), name, gender, birth: new Date(`${first.birthDate}T00:00:00Z`), county: first.idNumber!.slice(0, 6) };
    const b = this.addPerson(twin, Number(first.idNumber!.slice(14, 17)));
    Object.assign(this.records[b]!, { schoolId: first.schoolId, regionCode: first.regionCode, grade: first.grade });
    return { a, b };
  }

  /** Two pupils with a very common name (or one read the same way), born the same day in different counties, at random schools. */
  private commonNameSameDay(): { a: number; b: number } {
    const [name, variant] = pick(this.random, COMMON_NAMES);
    const first = { ...this.person(), name };
    const county = pick(this.random, COUNTIES.filter((code) => code !== first.county));
    const sameGender = this.random() < 0.7;
    const gender = sameGender ? first.gender : first.gender === 'M' ? 'F' : 'M';
    const school = pick(this.random, this.allSchools);
    return { a: this.addPerson(first), b: this.addPerson({ ...first, name: sameGender ? variant : name, gender, county, school }) };
  }

  /** Two pupils with the same name and gender, born a few days apart, the second at a random school. */
  private sameNameDaysApart(): { a: number; b: number } | null {
    const a = this.takeBase();
    if (a === null) return null;
    const first = this.records[a]!;
    const days = (2 + randomInt(this.random, 5)) * (this.random() < 0.5 ? -1 : 1);
    const birth = addDays(new Date(`${first.birthDate}T00:00:00Z`), days);
    return { a, b: this.addPerson({ ...this.person(), name: first.name, gender: first.gender, birth, grade: drawGrade(this.random, birth) }) };
  }
}

export interface RegistryOptions {
  records: number;
  seed: number;
  mix?: Mix;
}

/**
 * N records in all: background pupils, then the planted pairs (their second records, and both
 * records of the pairs that need fresh pupils, count towards N). Deterministic per seed.
 */
export function generateRegistry(options: RegistryOptions): SyntheticRegistry {
  const mix = options.mix ?? MIXES.default!;
  const random = seededRandom(options.seed);
  const nearKinds = drawKinds(random, Math.round(options.records * mix.nearDuplicates), mix.nearDuplicateWeights);
  const lookKinds = drawKinds(random, Math.round(options.records * mix.lookAlikes), mix.lookAlikeWeights);
  const extra =
    nearKinds.length + nearKinds.filter((kind) => kind === 'ID_LEGACY').length + lookKinds.length + lookKinds.filter((kind) => kind === 'COMMON_NAME_SAME_DAY').length;
  const builder = new RegistryBuilder(random, mix, options.records);
  builder.background(Math.max(0, options.records - extra));
  for (const kind of nearKinds) builder.plantNearDuplicate(kind);
  for (const kind of lookKinds) builder.plantLookAlike(kind);
  return { records: builder.records, duplicates: builder.duplicates, lookAlikes: builder.lookAlikes };
}
