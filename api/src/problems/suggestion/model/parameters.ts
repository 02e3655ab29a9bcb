import { z } from 'zod';
import { decodePattern, FIELD_LEVELS, FIELDS, PATTERN_COUNT, type Field, type LevelOf } from './levels.js';

/**
 * Bump when a level, a blocking rule or the meaning of a parameter changes: stored models then no
 * longer apply. 2: SCHOOL and GRADE fields.
 */
export const MODEL_VERSION = 2;

/** m: how often true duplicates compare at this level; u: how often two different pupils do. */
export interface LevelParameters {
  m: number;
  u: number;
}

export type FieldParameters = { [F in Field]: Record<LevelOf[F], LevelParameters> };

export interface EstimationSummary {
  seed: number;
  uSamplePairs: number;
  emIterations: number;
  converged: boolean;
}

/** Everything a scoring run needs; JSON-serialisable, saved per training run. */
export interface ModelParameters {
  version: number;
  /** ISO timestamp of the training run; null for the built-in defaults. */
  trainedAt: string | null;
  recordCount: number;
  candidatePairCount: number;
  /** Probability that two records drawn at random are the same pupil. */
  prior: number;
  /** Total match weight (log2 odds, prior included) from which a pair becomes a suggestion. */
  threshold: number;
  fields: FieldParameters;
  /** How the parameters were estimated; null for the defaults. */
  estimation: EstimationSummary | null;
}

/**
 * Used where EM cannot run (a tiny registry) and as EM's starting point; close to what EM finds on
 * the synthetic registry. u values of the rarer levels are what a registry of a few thousand
 * pupils would show, and the name's exact-match u is replaced by its frequency when scoring.
 */
const DEFAULT_FIELDS: FieldParameters = {
  ID_NUMBER: {
    EXACT: { m: 0.02, u: 1e-6 },
    CHECK_CHAR_ONLY: { m: 0.05, u: 1e-6 },
    LEGACY_FORM: { m: 0.02, u: 1e-6 },
    ONE_SUBSTITUTION: { m: 0.4, u: 1e-6 },
    TRANSPOSITION: { m: 0.15, u: 1e-6 },
    BOTH_VALID_DIFFERENT: { m: 0.001, u: 0.97 },
    OTHER: { m: 0.1, u: 0.01 },
    MISSING: { m: 0.259, u: 0.02 },
  },
  NAME: {
    EXACT: { m: 0.55, u: 0.0005 },
    TRADITIONAL_SIMPLIFIED: { m: 0.08, u: 1e-5 },
    SAME_PINYIN: { m: 0.12, u: 0.0005 },
    ONE_CHAR_DIFFERS: { m: 0.1, u: 0.003 },
    OTHER: { m: 0.15, u: 0.9965 },
  },
  BIRTH_DATE: {
    EXACT: { m: 0.6, u: 0.00023 },
    DAY_MONTH_SWAPPED: { m: 0.08, u: 0.00002 },
    ONE_DAY_APART: { m: 0.1, u: 0.00045 },
    SAME_YEAR_MONTH: { m: 0.12, u: 0.0066 },
    OTHER: { m: 0.1, u: 0.99270 },
  },
  GENDER: {
    SAME: { m: 0.95, u: 0.5 },
    DIFFERENT: { m: 0.05, u: 0.5 },
  },
  SCHOOL: {
    SAME_SCHOOL: { m: 0.45, u: 0.002 },
    SAME_DISTRICT: { m: 0.2, u: 0.03 },
    SAME_CITY: { m: 0.15, u: 0.12 },
    OTHER: { m: 0.15, u: 0.798 },
    MISSING: { m: 0.05, u: 0.05 },
  },
  GRADE: {
    SAME: { m: 0.85, u: 0.8 },
    ADJACENT: { m: 0.1, u: 0.12 },
    OTHER: { m: 0.01, u: 0.04 },
    MISSING: { m: 0.04, u: 0.04 },
  },
};

/**
 * Suggest a pair once it is more likely one pupil than two (log2 odds 0, probability 0.5). Tuned
 * on the synthetic registry (seed 1, default mix, 1,000,000 records), where it gives the best F1:
 * precision 0.984, recall 0.964 (threshold 2: 0.994, 0.945).
 */
export const DEFAULT_THRESHOLD = 0;

/** The built-in parameters, with a prior that assumes one pupil in a hundred has a duplicate. */
export function defaultParameters(recordCount: number): ModelParameters {
  return {
    version: MODEL_VERSION,
    trainedAt: null,
    recordCount,
    candidatePairCount: 0,
    prior: 0.02 / Math.max(1, recordCount - 1),
    threshold: DEFAULT_THRESHOLD,
    fields: structuredClone(DEFAULT_FIELDS),
    estimation: null,
  };
}

const probability = z.number().gt(0).lte(1);
const levelSchema = z.object({ m: probability, u: probability });
const fieldsSchema = z.object(
  Object.fromEntries(FIELDS.map((field) => [field, z.object(Object.fromEntries(FIELD_LEVELS[field].map((level) => [level, levelSchema])))])),
);
const parametersSchema = z.object({
  version: z.literal(MODEL_VERSION),
  trainedAt: z.string().nullable(),
  recordCount: z.number().int().nonnegative(),
  candidatePairCount: z.number().int().nonnegative(),
  prior: z.number().gt(0).lt(1),
  threshold: z.number(),
  fields: fieldsSchema,
  estimation: z.object({ seed: z.number(), uSamplePairs: z.number(), emIterations: z.number(), converged: z.boolean() }).nullable(),
});

/** Reads stored parameters back (e.g. from JSON); throws on another version or a missing level. */
export function parseParameters(value: unknown): ModelParameters {
  return parametersSchema.parse(value) as ModelParameters;
}

/**
 * Levels that weigh 0 whatever EM finds (Splink's null level). Whether a school records grades,
 * or sends its school at all, says nothing about whether two records are one pupil; and where
 * every record has them, the never-seen level's smoothed m/u would turn into strong evidence.
 */
const NEUTRAL_LEVELS: Partial<Record<Field, string>> = { SCHOOL: 'MISSING', GRADE: 'MISSING' };

/** log2(m/u) of each level, per field in FIELDS order. */
export function levelWeights(fields: FieldParameters): number[][] {
  return FIELDS.map((field) => {
    const levels = fields[field] as Record<string, LevelParameters>;
    return FIELD_LEVELS[field].map((level) => (NEUTRAL_LEVELS[field] === level ? 0 : Math.log2(levels[level]!.m / levels[level]!.u)));
  });
}

export function priorWeight(prior: number): number {
  return Math.log2(prior / (1 - prior));
}

/** The total match weight of every pattern, before the name's term-frequency adjustment. */
export function patternWeights(parameters: ModelParameters): Float64Array {
  const weights = levelWeights(parameters.fields);
  const base = priorWeight(parameters.prior);
  const table = new Float64Array(PATTERN_COUNT);
  for (let pattern = 0; pattern < PATTERN_COUNT; pattern++) {
    const levels = decodePattern(pattern);
    table[pattern] = base + levels.reduce((sum, level, field) => sum + weights[field]![level]!, 0);
  }
  return table;
}

export function probabilityOf(score: number): number {
  return 1 / (1 + 2 ** -score);
}
