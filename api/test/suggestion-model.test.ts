import { describe, expect, it } from 'vitest';
import {
  blockingKeys,
  candidatePairs,
  compareRecords,
  defaultParameters,
  eachPair,
  estimateParameters,
  exactlyCaught,
  findSuggestions,
  MODEL_VERSION,
  nameFrequencies,
  parseGrade,
  parseParameters,
  prepareRecords,
  scorePair,
  comparePairs,
  candidatePairsOf,
  toSimplified,
  tonelessPinyin,
  vectorOf,
  type ModelParameters,
  type PupilRecord,
} from '../src/problems/suggestion/model/index.js';
import { residentIdCheckChar, upgradeLegacyId } from '../src/registry/student/id-number.js';
import { generateRegistry, MIXES } from '../../test/bench/support/matching-data.js';

/** A valid 18-character number from its first 17 digits. */
const valid = (first17: string) => first17 + residentIdCheckChar(first17);
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
const ID = valid('11010520120305123');

let next = 0;
function pupil(overrides: Partial<PupilRecord> = {}): PupilRecord {
  next++;
  return { id: `r${next}`, name: '王晓明', gender: 'M', birthDate: '2012-03-05', idNumber: ID, ...overrides };
}

const substitute = (id: string, position: number) => id.slice(0, position) + String((Number(id[position]) + 1) % 10) + id.slice(position + 1);
const transpose = (id: string, k: number) => id.slice(0, k) + id[k + 1] + id[k] + id.slice(k + 2);

describe('Chinese name helpers', () => {
  it('simplifies traditional characters and reads names as toneless pinyin', () => {
    expect(toSimplified('陳曉明')).toBe('陈晓明');
    expect(tonelessPinyin('王晓明')).toBe('wang xiao ming');
    expect(tonelessPinyin('王小明')).toBe('wang xiao ming');
    expect(tonelessPinyin('曾伟')).toBe('zeng wei');
  });
});

describe('ID number levels', () => {
  const level = (a: string | null, b: string | null) => compareRecords(pupil({ idNumber: a }), pupil({ idNumber: b })).ID_NUMBER;

  it('tells each kind of difference apart', () => {
    expect(level(ID, ID)).toBe('EXACT');
    expect(level(ID, wrongCheck(ID))).toBe('CHECK_CHAR_ONLY');
    expect(level(ID, substitute(ID, 9))).toBe('ONE_SUBSTITUTION');
    expect(level(ID, transpose(ID, 14))).toBe('TRANSPOSITION');
    expect(level(ID, substitute(substitute(ID, 3), 9))).toBe('OTHER');
    expect(level(ID, null)).toBe('MISSING');
    expect(level(null, null)).toBe('MISSING');
  });

  it('sees twins (consecutive sequence numbers, both valid) as two different valid numbers', () => {
    const twin = valid('11010520120305124');
    expect(level(ID, twin)).toBe('BOTH_VALID_DIFFERENT');
  });

  it('compares a legacy 15-digit number with its 18-digit form', () => {
    const legacy = '110105950512123';
    const upgraded = upgradeLegacyId(legacy);
    expect(upgraded).toBe(valid('11010519950512123'));
    expect(level(legacy, wrongCheck(upgraded))).toBe('LEGACY_FORM');
    expect(level(legacy, upgraded)).toBe('EXACT');
  });
});

describe('name, birth date and gender levels', () => {
  const name = (a: string, b: string) => compareRecords(pupil({ name: a }), pupil({ name: b })).NAME;
  const date = (a: string, b: string) => compareRecords(pupil({ birthDate: a }), pupil({ birthDate: b })).BIRTH_DATE;

  it('grades names', () => {
    expect(name('王晓明', '王 晓明')).toBe('EXACT');
    expect(name('陳小明', '陈小明')).toBe('TRADITIONAL_SIMPLIFIED');
    expect(name('王晓明', '王小明')).toBe('SAME_PINYIN');
    expect(name('王晓明', '王晓红')).toBe('ONE_CHAR_DIFFERS');
    expect(name('王伟', '王磊')).toBe('OTHER');
    expect(name('王晓明', '李建国')).toBe('OTHER');
  });

  it('grades birth dates', () => {
    expect(date('2012-03-05', '2012-03-05')).toBe('EXACT');
    expect(date('2012-03-05', '2012-05-03')).toBe('DAY_MONTH_SWAPPED');
    expect(date('2012-02-29', '2012-03-01')).toBe('ONE_DAY_APART');
    expect(date('2011-12-31', '2012-01-01')).toBe('ONE_DAY_APART');
    expect(date('2012-03-05', '2012-03-20')).toBe('SAME_YEAR_MONTH');
    expect(date('2012-03-05', '2013-03-05')).toBe('OTHER');
  });

  it('grades gender', () => {
    expect(compareRecords(pupil(), pupil()).GENDER).toBe('SAME');
    expect(compareRecords(pupil(), pupil({ gender: 'F' })).GENDER).toBe('DIFFERENT');
  });
});

describe('school and grade levels', () => {
  const at = (schoolId: string | null, regionCode: string | null, grade: string | null = null) => ({ schoolId, regionCode, grade });
  const school = (a: Partial<PupilRecord>, b: Partial<PupilRecord>) => compareRecords(pupil(a), pupil(b)).SCHOOL;
  const grade = (a: string | null, b: string | null) => compareRecords(pupil({ grade: a }), pupil({ grade: b })).GRADE;

  it('grades where the two pupils study', () => {
    expect(school(at('S1', '330106'), at('S1', '330106'))).toBe('SAME_SCHOOL');
    expect(school(at('S1', null), at('S1', '330106'))).toBe('SAME_SCHOOL');
    expect(school(at('S1', '330106'), at('S2', '330106'))).toBe('SAME_DISTRICT');
    expect(school(at('S1', '330106'), at('S2', '330108'))).toBe('SAME_CITY');
    expect(school(at('S1', '330106'), at('S2', '330206'))).toBe('OTHER');
    expect(school(at('S1', '330106'), at('S2', '510107'))).toBe('OTHER');
  });

  it('says MISSING when there is nothing to place the two schools by', () => {
    expect(school({}, {})).toBe('MISSING');
    expect(school(at('S1', '330106'), {})).toBe('MISSING');
    expect(school(at('S1', '330106'), at('S2', null))).toBe('MISSING');
    expect(school(at('S1', '330106'), at('S2', '3301'))).toBe('MISSING');
    expect(school(at(null, null), at(null, null))).toBe('MISSING');
  });

  it('grades grades as numbers, whatever way they are written', () => {
    expect(grade('三年级', '三年级')).toBe('SAME');
    expect(grade('七年级', '初一')).toBe('SAME');
    expect(grade('六年级', '初一')).toBe('ADJACENT');
    expect(grade('初三', '高一')).toBe('ADJACENT');
    expect(grade('高二', '高一')).toBe('ADJACENT');
    expect(grade('一年级', '三年级')).toBe('OTHER');
    expect(grade('初一', '高一')).toBe('OTHER');
    expect(grade('三年级', null)).toBe('MISSING');
    expect(grade('学前班', '学前班')).toBe('MISSING');
    expect(compareRecords(pupil(), pupil()).GRADE).toBe('MISSING');
  });

  it('parses the ways schools write a grade', () => {
    const primaryToNinth = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级'];
    expect(primaryToNinth.map(parseGrade)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(['初一', '初二', '初三'].map(parseGrade)).toEqual([7, 8, 9]);
    expect(['高一', '高二', '高三'].map(parseGrade)).toEqual([10, 11, 12]);
    expect(['十年级', '十一年级', '十二年级', '3年级', ' 三 年级 ', '初中二年级', '高中一年级', '小学五年级'].map(parseGrade)).toEqual([10, 11, 12, 3, 3, 8, 10, 5]);
    expect([null, undefined, '', '学前班', '初四', '高四', '十三年级', '0年级', '小学七年级'].map(parseGrade)).toEqual([null, null, null, null, null, null, null, null, null]);
  });
});

describe('exactlyCaught', () => {
  it('is true for what the exact detector reports, false otherwise', () => {
    expect(exactlyCaught(pupil({ idNumber: null }), pupil({ idNumber: null, name: '王 晓明' }))).toBe(true);
    expect(exactlyCaught(pupil({ idNumber: '110105950512123' }), pupil({ idNumber: upgradeLegacyId('110105950512123'), name: '李四' }))).toBe(true);
    expect(exactlyCaught(pupil(), pupil({ name: '王小明', idNumber: substitute(ID, 12) }))).toBe(false);
    expect(exactlyCaught(pupil(), pupil({ gender: 'F', idNumber: null }))).toBe(false);
  });
});

describe('blocking', () => {
  const shareKey = (a: PupilRecord, b: PupilRecord) => blockingKeys(a).some((key) => blockingKeys(b).includes(key));

  it('gives a few deterministic keys per record', () => {
    const keys = blockingKeys(pupil());
    expect(keys.length).toBeGreaterThanOrEqual(8);
    expect(keys.length).toBeLessThanOrEqual(10);
    expect(blockingKeys(pupil())).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('puts every one-digit substitution and adjacent transposition of the ID number in a shared block', () => {
    const other = { name: '李建国', birthDate: '2013-07-21', gender: 'F' as const };
    for (let position = 0; position < 18; position++) {
      const typo = position === 17 ? wrongCheck(ID) : substitute(ID, position);
      expect(shareKey(pupil(), pupil({ ...other, idNumber: typo })), `substitution at ${position}`).toBe(true);
    }
    for (let k = 0; k < 17; k++) {
      if (ID[k] === ID[k + 1]) continue;
      expect(shareKey(pupil(), pupil({ ...other, idNumber: transpose(ID, k) })), `transposition at ${k}`).toBe(true);
    }
    expect(shareKey(pupil({ idNumber: '110105950512123' }), pupil({ ...other, idNumber: wrongCheck(upgradeLegacyId('110105950512123')) }))).toBe(true);
  });

  it('finds name and date near-duplicates without any ID number', () => {
    const base = pupil({ idNumber: null, name: '陈晓明', birthDate: '2011-12-31' });
    const variants: Partial<PupilRecord>[] = [
      { name: '陳曉明' },
      { name: '陈小明' },
      { name: '陈晓红' },
      { name: '程晓明' },
      { birthDate: '2012-01-01' },
      { birthDate: '2011-12-05' },
    ];
    for (const variant of variants) expect(shareKey(base, pupil({ ...base, ...variant })), JSON.stringify(variant)).toBe(true);
    const swapped = pupil({ idNumber: null, birthDate: '2012-03-05' });
    expect(shareKey(swapped, pupil({ idNumber: null, birthDate: '2012-05-03' }))).toBe(true);
  });

  it('pairs far fewer than all records, each pair once, every planted duplicate included', () => {
    const registry = generateRegistry({ records: 3000, seed: 3 });
    const pairs = candidatePairs(registry.records);
    const all = (3000 * 2999) / 2;
    expect(pairs.count).toBeLessThan(all / 100);
    const seen = new Set([...eachPair(pairs)].map(([a, b]) => `${a}-${b}`));
    expect(seen.size).toBe(pairs.count);
    for (const pair of registry.duplicates) expect(seen.has(`${Math.min(pair.a, pair.b)}-${Math.max(pair.a, pair.b)}`)).toBe(true);
  });

  it('pairs an oversized block by birth-date window instead of all with all', () => {
    const sameName = Array.from({ length: 400 }, (_, k) => pupil({ idNumber: null, birthDate: `2012-05-${String((k % 28) + 1).padStart(2, '0')}`, name: `王伟` }));
    const pairs = candidatePairs(sameName, { maxBlockSize: 100, window: 5 });
    expect(pairs.oversizedBlocks).toBeGreaterThan(0);
    expect(pairs.count).toBeLessThan(400 * 5 * 3);
    const uncapped = candidatePairs(sameName, { maxBlockSize: 1000 });
    expect(uncapped.count).toBe((400 * 399) / 2);
  });
});

describe('scoring', () => {
  const parameters = defaultParameters(1_000_000);
  const rare = () => 1e-6;

  it('scores typo duplicates above the threshold and twins far below it', () => {
    const typo = scorePair(pupil(), pupil({ name: '王小明', idNumber: substitute(ID, 10) }), parameters, rare);
    expect(typo.score).toBeGreaterThan(parameters.threshold);
    expect(typo.probability).toBeGreaterThan(0.5);
    const twin = pupil({ name: '王晓红', gender: 'F', idNumber: valid('11010520120305124') });
    const twins = scorePair(pupil(), twin, parameters, rare);
    expect(twins.score).toBeLessThan(parameters.threshold - 10);
    expect(twins.explanation.find((entry) => entry.field === 'ID_NUMBER')).toMatchObject({ level: 'BOTH_VALID_DIFFERENT' });
    expect(twins.explanation.find((entry) => entry.field === 'ID_NUMBER')!.weight).toBeLessThan(-5);
  });

  it('explains the score as prior plus field weights', () => {
    const scored = scorePair(pupil(), pupil({ birthDate: '2012-05-03', idNumber: null }), parameters, rare);
    const sum = scored.explanation.reduce((total, entry) => total + entry.weight, 0);
    expect(scored.score).toBeCloseTo(Math.log2(parameters.prior / (1 - parameters.prior)) + sum, 9);
    expect(scored.explanation.map((entry) => entry.level)).toEqual(['MISSING', 'EXACT', 'DAY_MONTH_SWAPPED', 'SAME', 'MISSING', 'MISSING']);
    // Records without school and grade (callers that never send them) lose and gain nothing there.
    expect(scored.explanation.filter((entry) => entry.field === 'SCHOOL' || entry.field === 'GRADE').map((entry) => entry.weight)).toEqual([0, 0]);
  });

  it('weighs an exact match on a common name less than on a rare one (term frequency)', () => {
    const pair: [PupilRecord, PupilRecord] = [pupil({ name: '王伟', idNumber: null }), pupil({ name: '王伟', idNumber: null, birthDate: '2012-03-20' })];
    const frequency = nameFrequencies([...Array.from({ length: 98 }, () => pupil({ name: '王伟' })), pupil({ name: '欧阳云飞' }), pupil({ name: '欧阳云飞' })]);
    expect(frequency('王伟')).toBeCloseTo(0.98);
    const common = scorePair(...pair, parameters, () => 0.01);
    const rareName = scorePair(...pair, parameters, () => 1e-6);
    const nameWeight = (scored: typeof common) => scored.explanation.find((entry) => entry.field === 'NAME')!.weight;
    expect(nameWeight(common)).toBeLessThan(nameWeight(rareName) - 10);
    expect(common.score).toBeLessThan(rareName.score);
  });
});

describe('estimation', () => {
  const registry = generateRegistry({ records: 40_000, seed: 11, mix: MIXES.default });
  const trainedAt = new Date('2025-01-01T00:00:00Z');
  const run = findSuggestions(registry.records, { estimation: { seed: 5, trainedAt } });

  /** The share of planted duplicates at each level of a field: the m EM should recover. */
  function empiricalM(field: 'NAME' | 'BIRTH_DATE' | 'GENDER' | 'SCHOOL' | 'GRADE'): Map<string, number> {
    const prepared = prepareRecords(registry.records);
    const counts = new Map<string, number>();
    for (const pair of registry.duplicates) {
      const pairs = { count: 1, left: Int32Array.of(pair.a), right: Int32Array.of(pair.b), rule: Uint8Array.of(0), oversizedBlocks: 0 };
      const level = vectorOf(comparePairs(prepared, pairs)[0]!)[field];
      counts.set(level, (counts.get(level) ?? 0) + 1 / registry.duplicates.length);
    }
    return counts;
  }

  it('recovers m probabilities of the planted duplicates within a tolerance', () => {
    expect(run.parameters.estimation?.converged).toBe(true);
    for (const field of ['NAME', 'BIRTH_DATE', 'GENDER', 'SCHOOL', 'GRADE'] as const) {
      const levels = run.parameters.fields[field] as Record<string, { m: number }>;
      for (const [level, share] of empiricalM(field)) expect(Math.abs(levels[level]!.m - share), `${field} ${level}`).toBeLessThan(0.05);
    }
    expect(run.parameters.fields.ID_NUMBER.BOTH_VALID_DIFFERENT.m).toBeLessThan(0.01);
  });

  it('finds the planted duplicates with few false positives and no look-alikes', () => {
    const truth = new Set(registry.duplicates.map((pair) => `P${Math.min(pair.a, pair.b)}|P${Math.max(pair.a, pair.b)}`));
    const lookAlikes = new Set(registry.lookAlikes.map((pair) => `P${Math.min(pair.a, pair.b)}|P${Math.max(pair.a, pair.b)}`));
    const key = (a: string, b: string) => (Number(a.slice(1)) < Number(b.slice(1)) ? `${a}|${b}` : `${b}|${a}`);
    const hits = run.suggestions.filter((pair) => truth.has(key(pair.a, pair.b))).length;
    expect(hits / run.suggestions.length).toBeGreaterThan(0.9);
    expect(hits / registry.duplicates.length).toBeGreaterThan(0.85);
    expect(run.suggestions.filter((pair) => lookAlikes.has(key(pair.a, pair.b))).length).toBeLessThan(registry.lookAlikes.length / 100);
  });

  it('measures u of the grade among pupils of one age, not among random pupils', () => {
    // Random pupils share a grade about one time in twelve; pupils born within a month, mostly.
    expect(run.parameters.fields.GRADE.SAME.u).toBeGreaterThan(0.6);
    expect(run.parameters.fields.SCHOOL.SAME_SCHOOL.m).toBeGreaterThan(0.4);
    expect(run.parameters.fields.SCHOOL.SAME_SCHOOL.u).toBeLessThan(0.05);
  });

  it('keeps twins of one school and grade below the threshold', () => {
    const first = pupil({ name: '陈思涵', gender: 'F', idNumber: ID, schoolId: 'S1', regionCode: '110105', grade: '五年级' });
    const twin = { ...first, id: 'twin', name: '陈思琪', idNumber: valid('11010520120305124') };
    const scored = scorePair(first, twin, run.parameters, () => 1e-5);
    expect(scored.explanation.map((entry) => entry.level)).toEqual(['BOTH_VALID_DIFFERENT', 'ONE_CHAR_DIFFERS', 'EXACT', 'SAME', 'SAME_SCHOOL', 'SAME']);
    expect(scored.score).toBeLessThan(run.parameters.threshold - 5);
  });

  it('weighs a no-ID homophone pair in one school above the same pair in different cities', () => {
    const first = pupil({ name: '王晓明', idNumber: null, schoolId: 'S1', regionCode: '330106', grade: '初一' });
    const sameSchool = { ...first, id: 'same-school', name: '王小明', idNumber: null, grade: '七年级' };
    const elsewhere = { ...sameSchool, id: 'elsewhere', schoolId: 'S9', regionCode: '510107' };
    const [near, far] = [sameSchool, elsewhere].map((other) => scorePair(first, other, run.parameters, () => 1e-5));
    expect(near!.explanation.map((entry) => entry.level)).toEqual(['MISSING', 'SAME_PINYIN', 'EXACT', 'SAME', 'SAME_SCHOOL', 'SAME']);
    expect(far!.explanation.find((entry) => entry.field === 'SCHOOL')!.level).toBe('OTHER');
    expect(near!.score).toBeGreaterThan(far!.score + 5);
    expect(near!.score).toBeGreaterThan(run.parameters.threshold);
  });

  it('is deterministic for one seed', () => {
    const prepared = prepareRecords(registry.records);
    const pairs = candidatePairsOf(prepared);
    const patterns = comparePairs(prepared, pairs);
    const again = estimateParameters(prepared, pairs, patterns, { seed: 5, trainedAt });
    expect(again).toEqual(run.parameters);
  });

  it('round-trips parameters through JSON and refuses another version', () => {
    const stored: unknown = JSON.parse(JSON.stringify(run.parameters));
    expect(parseParameters(stored)).toEqual(run.parameters);
    expect(() => parseParameters({ ...(stored as ModelParameters), version: MODEL_VERSION + 1 })).toThrow();
    // A model stored before SCHOOL and GRADE existed: version 1, and without those fields.
    const { SCHOOL: _school, GRADE: _grade, ...oldFields } = (stored as ModelParameters).fields;
    expect(MODEL_VERSION).toBe(2);
    expect(() => parseParameters({ ...(stored as ModelParameters), version: 1, fields: oldFields })).toThrow();
    expect(() => parseParameters({ ...(stored as ModelParameters), version: 1 })).toThrow();
    expect(() => parseParameters({ ...(stored as ModelParameters), fields: oldFields })).toThrow();
    const { fields } = stored as ModelParameters;
    const withoutLevel = { ...(stored as ModelParameters), fields: { ...fields, NAME: { ...fields.NAME, SAME_PINYIN: undefined } } };
    expect(() => parseParameters(withoutLevel)).toThrow();
  });

  it('falls back to the defaults for a registry too small for EM, with school and grade u measured on it', () => {
    const school = { schoolId: 's1', regionCode: '330106' };
    const tiny = [pupil(school), pupil({ ...school, name: '王小明', idNumber: substitute(ID, 4) }), pupil({ ...school, name: '李建国', idNumber: null })];
    const result = findSuggestions(tiny);
    expect(result.parameters.estimation).toBeNull();
    const { SCHOOL, GRADE, ...rest } = result.parameters.fields;
    const { SCHOOL: defaultSchool, GRADE: defaultGrade, ...defaultRest } = defaultParameters(3).fields;
    expect(rest).toEqual(defaultRest);
    // m stays the built-in one; u says how alike this registry's pupils of one age are.
    expect(Object.values(SCHOOL).map((level) => level.m)).toEqual(Object.values(defaultSchool).map((level) => level.m));
    expect(Object.values(GRADE).map((level) => level.m)).toEqual(Object.values(defaultGrade).map((level) => level.m));
    expect(SCHOOL.SAME_SCHOOL.u).toBeGreaterThan(defaultSchool.SAME_SCHOOL.u);
    expect(result.suggestions.map((pair) => [pair.a, pair.b])).toEqual([[tiny[0]!.id, tiny[1]!.id]]);
    expect(parseParameters(JSON.parse(JSON.stringify(result.parameters)))).toEqual(result.parameters);
  });
});
