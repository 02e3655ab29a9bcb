import { FIRST_NAME_RULE } from './blocking.js';
import type { CandidatePairs } from './candidates.js';
import { gradeLevelAt, patternAt, schoolLevelAt } from './compare.js';
import { decodePattern, FIELD_INDEX, FIELD_LEVELS, FIELDS, ID, LEVEL_COUNTS, PATTERN_COUNT } from './levels.js';
import { DEFAULT_THRESHOLD, defaultParameters, MODEL_VERSION, type FieldParameters, type ModelParameters } from './parameters.js';
import type { PreparedRecords } from './prepared.js';
import { randomInt, seededRandom } from './random.js';

export interface EstimationOptions {
  seed: number;
  /** Random pairs compared to estimate u (all pairs when the registry has fewer). */
  uSamplePairs?: number;
  maxIterations?: number;
  /** EM stops when no m probability or the match share moves by more than this. */
  tolerance?: number;
  /** Below this many candidate pairs EM has too little to learn from: the defaults are used. */
  minCandidatePairs?: number;
  threshold?: number;
  trainedAt?: Date;
}

/** Probabilities per field (FIELDS order) and level. */
type LevelTable = number[][];

const DECODED = Array.from({ length: PATTERN_COUNT }, (_, pattern) => decodePattern(pattern));

function zeros(): LevelTable {
  return LEVEL_COUNTS.map((count) => new Array<number>(count).fill(0));
}

/** Counts to probabilities, with half a pair added to every level so none is exactly zero. */
function normalise(counts: LevelTable, total: number): LevelTable {
  return counts.map((levels) => levels.map((count) => (count + 0.5) / (total + 0.5 * levels.length)));
}

/** u of every level: how pairs of records drawn at random compare (nearly all are different pupils). */
export function estimateU(p: PreparedRecords, seed: number, samplePairs: number): { u: LevelTable; sampled: number } {
  const counts = zeros();
  const add = (i: number, j: number) => decodePattern(patternAt(p, i, j)).forEach((level, field) => counts[field]![level]!++);
  const allPairs = (p.size * (p.size - 1)) / 2;
  if (allPairs <= samplePairs) {
    for (let i = 0; i < p.size; i++) for (let j = i + 1; j < p.size; j++) add(i, j);
    return { u: normalise(counts, allPairs), sampled: allPairs };
  }
  const random = seededRandom(seed);
  for (let k = 0; k < samplePairs; k++) {
    const i = randomInt(random, p.size);
    const j = (i + 1 + randomInt(random, p.size - 1)) % p.size;
    add(i, j);
  }
  return { u: normalise(counts, samplePairs), sampled: samplePairs };
}

/** Records grouped by birth day: the day range, and per day the records born on it. */
interface BirthDays {
  first: number;
  starts: Int32Array;
  members: Int32Array;
}

function birthDays(p: PreparedRecords): BirthDays | null {
  let [first, last] = [Infinity, -Infinity];
  for (let i = 0; i < p.size; i++) {
    const day = p.birthDay[i]!;
    if (day < 0) continue;
    [first, last] = [Math.min(first, day), Math.max(last, day)];
  }
  if (first > last) return null;
  const starts = new Int32Array(last - first + 2);
  for (let i = 0; i < p.size; i++) if (p.birthDay[i]! >= 0) starts[p.birthDay[i]! - first + 1]!++;
  for (let d = 1; d < starts.length; d++) starts[d]! += starts[d - 1]!;
  const fill = starts.slice(0, -1);
  const members = new Int32Array(starts[starts.length - 1]!);
  for (let i = 0; i < p.size; i++) if (p.birthDay[i]! >= 0) members[fill[p.birthDay[i]! - first]!++] = i;
  return { first, starts, members };
}

/** Pupils born within this many days of each other are of one cohort. */
const COHORT_DAYS = 31;

/**
 * u of SCHOOL and GRADE among pairs born within COHORT_DAYS of each other, not among random
 * pairs. The grade follows the birth date, and schools often teach one stage only: two strangers
 * of one age share a grade far more often than two random pupils. Candidate pairs all agree on
 * at least part of the birth date, so u from random pairs would count the birth date twice
 * (GRADE SAME would look like evidence of one pupil). Returns null when no pair can be drawn.
 */
export function estimateCohortU(p: PreparedRecords, seed: number, samplePairs: number): [number[], number[]] | null {
  const days = birthDays(p);
  if (days === null || days.members.length < 2) return null;
  const [school, grade] = [new Array<number>(LEVEL_COUNTS[FIELD_INDEX.SCHOOL]!).fill(0), new Array<number>(LEVEL_COUNTS[FIELD_INDEX.GRADE]!).fill(0)];
  // A stream of its own, so these pairs do not start from the same records as estimateU's.
  const random = seededRandom(seed ^ 0x5bd1e995);
  let sampled = 0;
  for (let attempt = 0; attempt < samplePairs * 4 && sampled < samplePairs; attempt++) {
    const i = days.members[randomInt(random, days.members.length)]!;
    const day = p.birthDay[i]! - days.first + randomInt(random, 2 * COHORT_DAYS + 1) - COHORT_DAYS;
    if (day < 0 || day >= days.starts.length - 1) continue;
    const [from, to] = [days.starts[day]!, days.starts[day + 1]!];
    const j = to > from ? days.members[from + randomInt(random, to - from)]! : i;
    if (j === i) continue;
    school[schoolLevelAt(p, i, j)]!++;
    grade[gradeLevelAt(p, i, j)]!++;
    sampled++;
  }
  if (sampled === 0) return null;
  return normalise([school, grade], sampled) as [number[], number[]];
}

export function patternHistogram(patterns: Uint16Array): Float64Array {
  const histogram = new Float64Array(PATTERN_COUNT);
  for (const pattern of patterns) histogram[pattern]!++;
  return histogram;
}

/** How often each level occurs among the patterns counted in the histogram. */
function marginals(histogram: Float64Array): LevelTable {
  const counts = zeros();
  let total = 0;
  histogram.forEach((count, pattern) => {
    DECODED[pattern]!.forEach((level, field) => (counts[field]![level]! += count));
    total += count;
  });
  return normalise(counts, total);
}

export interface EmResult {
  m: LevelTable;
  /** u among the candidate pairs (not random pairs): a nuisance parameter of the fit. */
  uCandidates: LevelTable;
  /** Share of candidate pairs that are the same pupil. */
  matchShare: number;
  iterations: number;
  converged: boolean;
}

function matchWeightOf(levels: readonly number[], m: LevelTable, u: LevelTable, share: number): number {
  let pm = share;
  let pu = 1 - share;
  levels.forEach((level, field) => {
    pm *= m[field]![level]!;
    pu *= u[field]![level]!;
  });
  return pm / (pm + pu);
}

/**
 * m of ID_NUMBER BOTH_VALID_DIFFERENT is not estimated but pinned: the check character makes two
 * different valid numbers almost never one pupil's, and left free EM can settle on the wrong
 * latent class (pupils sharing a common name and birth month, frequent among candidate pairs)
 * instead of "same pupil".
 */
export const PINNED_BOTH_VALID_M = 0.001;

function pinBothValid(m: LevelTable): LevelTable {
  const id = m[0]!;
  const others = 1 - id[ID.BOTH_VALID_DIFFERENT]!;
  m[0] = id.map((value, level) => (level === ID.BOTH_VALID_DIFFERENT ? PINNED_BOTH_VALID_M : (value * (1 - PINNED_BOTH_VALID_M)) / others));
  return m;
}

function largestChange(before: LevelTable, after: LevelTable): number {
  return Math.max(...before.flatMap((levels, field) => levels.map((value, level) => Math.abs(value - after[field]![level]!))));
}

/**
 * Expectation–maximisation over the candidate pairs' comparison patterns (conditional
 * independence of the fields given match status, as in Fellegi–Sunter and Splink).
 */
export interface EmStart {
  m: LevelTable;
  u: LevelTable;
  matchShare: number;
  /** Per field (FIELDS order): true to keep its m as given instead of estimating it. */
  fixed?: readonly boolean[];
}

export function runEm(histogram: Float64Array, start: EmStart, maxIterations: number, tolerance: number): EmResult {
  let { m, u, matchShare } = start;
  const keep = (estimated: LevelTable) => estimated.map((levels, field) => (start.fixed?.[field] ? start.m[field]! : levels));
  if (histogram.every((count) => count === 0)) return { m, uCandidates: u, matchShare: 0, iterations: 0, converged: true };
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const [mCounts, uCounts] = [zeros(), zeros()];
    let matches = 0;
    let total = 0;
    for (let pattern = 0; pattern < PATTERN_COUNT; pattern++) {
      const count = histogram[pattern]!;
      if (count === 0) continue;
      const levels = DECODED[pattern]!;
      const weight = matchWeightOf(levels, m, u, matchShare);
      levels.forEach((level, field) => {
        mCounts[field]![level]! += count * weight;
        uCounts[field]![level]! += count * (1 - weight);
      });
      matches += count * weight;
      total += count;
    }
    const next = { m: keep(pinBothValid(normalise(mCounts, matches))), u: normalise(uCounts, total - matches), matchShare: matches / total };
    const change = Math.max(largestChange(m, next.m), Math.abs(next.matchShare - matchShare));
    ({ m, u, matchShare } = next);
    if (change < tolerance) return { m, uCandidates: u, matchShare, iterations: iteration, converged: true };
  }
  return { m, uCandidates: u, matchShare, iterations: maxIterations, converged: false };
}

function toTable(fields: FieldParameters, key: 'm' | 'u'): LevelTable {
  return FIELDS.map((field) => {
    const levels = fields[field] as Record<string, { m: number; u: number }>;
    return FIELD_LEVELS[field].map((level) => levels[level]![key]);
  });
}

/**
 * The defaults with school and grade u measured on the registry: how often two pupils of one age
 * share a school depends on how many schools it has (in a registry of three schools, nearly a
 * third of them do), where the built-in u assumes a national one. The other fields' u hold
 * anywhere; their rare levels need more pairs than a small registry has.
 */
function withContextU(fields: FieldParameters, [school, grade]: [number[], number[]]): FieldParameters {
  const out = structuredClone(fields);
  FIELD_LEVELS.SCHOOL.forEach((level, l) => (out.SCHOOL[level].u = school[l]!));
  FIELD_LEVELS.GRADE.forEach((level, l) => (out.GRADE[level].u = grade[l]!));
  return out;
}

function toFields(m: LevelTable, u: LevelTable): FieldParameters {
  return Object.fromEntries(
    FIELDS.map((field, f) => [field, Object.fromEntries(FIELD_LEVELS[field].map((level, l) => [level, { m: m[f]![l]!, u: u[f]![l]! }]))]),
  ) as unknown as FieldParameters;
}

/** Candidate pairs split by the kind of rule that produced them: ID-number rules, name and date rules. */
function sessionHistograms(patterns: Uint16Array, rules: Uint8Array): [Float64Array, Float64Array] {
  const [byId, byName] = [new Float64Array(PATTERN_COUNT), new Float64Array(PATTERN_COUNT)];
  for (let k = 0; k < patterns.length; k++) (rules[k]! < FIRST_NAME_RULE ? byId : byName)[patterns[k]!]!++;
  return [byId, byName];
}

interface Sessions {
  m: LevelTable;
  /** Expected number of true pairs among the candidates. */
  matches: number;
  iterations: number;
  converged: boolean;
}

const ONLY_ID_ESTIMATED = FIELDS.map((field) => field !== 'ID_NUMBER');

/**
 * EM in two sessions, as Splink trains per blocking rule. Pairs that share part of an ID number
 * are mostly strangers with unrelated names, so there every field's m can be learnt. Pairs that
 * share a name and birth month are full of different pupils with a common name; there only the
 * ID number's m is estimated (the missing-number pupils are only found there), the other fields
 * (school and grade too: a moved pupil is as likely among ID typos as among name typos) keep the
 * first session's m. The sessions partition the candidates, so the ID number's m is the two
 * sessions' m weighted by their expected matches.
 */
function emSessions(patterns: Uint16Array, rules: Uint8Array, defaults: FieldParameters, limits: { maxIterations: number; tolerance: number }): Sessions {
  const [byId, byName] = sessionHistograms(patterns, rules);
  const first = runEm(byId, { m: toTable(defaults, 'm'), u: marginals(byId), matchShare: 0.01 }, limits.maxIterations, limits.tolerance);
  const second = runEm(byName, { m: first.m, u: marginals(byName), matchShare: 0.01, fixed: ONLY_ID_ESTIMATED }, limits.maxIterations, limits.tolerance);
  const sizes = [byId, byName].map((histogram) => histogram.reduce((sum, count) => sum + count, 0));
  const [matchesFirst, matchesSecond] = [first.matchShare * sizes[0]!, second.matchShare * sizes[1]!];
  const matches = matchesFirst + matchesSecond;
  const idM = first.m[0]!.map((value, level) => (matches > 0 ? (value * matchesFirst + second.m[0]![level]! * matchesSecond) / matches : value));
  return {
    m: [idM, ...first.m.slice(1)],
    matches,
    iterations: first.iterations + second.iterations,
    converged: first.converged && second.converged,
  };
}

/**
 * Estimates the parameters from the registry itself (Splink's approach): u from random pairs
 * (school and grade from pairs of one cohort, see estimateCohortU), m by EM over the candidate
 * pairs, the prior from EM's expected matches over all pairs.
 * Deterministic for one seed. Falls back to the defaults when there are too few candidate pairs.
 */
export function estimateParameters(p: PreparedRecords, pairs: CandidatePairs, patterns: Uint16Array, options: EstimationOptions): ModelParameters {
  const defaults = defaultParameters(p.size);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const samplePairs = options.uSamplePairs ?? 1_000_000;
  if (pairs.count < (options.minCandidatePairs ?? 1000)) {
    const cohort = estimateCohortU(p, options.seed, samplePairs);
    return { ...defaults, fields: cohort ? withContextU(defaults.fields, cohort) : defaults.fields, candidatePairCount: pairs.count, threshold };
  }
  const { u, sampled } = estimateU(p, options.seed, samplePairs);
  const cohort = estimateCohortU(p, options.seed, samplePairs);
  if (cohort) [u[FIELD_INDEX.SCHOOL], u[FIELD_INDEX.GRADE]] = cohort;
  const em = emSessions(patterns, pairs.rule, defaults.fields, { maxIterations: options.maxIterations ?? 200, tolerance: options.tolerance ?? 1e-6 });
  const allPairs = (p.size * (p.size - 1)) / 2;
  return {
    version: MODEL_VERSION,
    trainedAt: (options.trainedAt ?? new Date()).toISOString(),
    recordCount: p.size,
    candidatePairCount: pairs.count,
    prior: Math.min(0.5, Math.max(1e-12, em.matches / allPairs)),
    threshold,
    fields: toFields(em.m, u),
    estimation: { seed: options.seed, uSamplePairs: sampled, emIterations: em.iterations, converged: em.converged },
  };
}
