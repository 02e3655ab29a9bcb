/**
 * Record linkage for possible duplicate pupils the exact rules miss (Fellegi–Sunter, as in Splink):
 * blocking, comparison levels per field (the ID number, name, birth date and gender, and where the
 * pupil studies: school and grade), m/u estimated from the registry, term-frequency adjustment
 * for names. Pure: no database, no I/O.
 */
export { BLOCKING_RULES, blockingKeys, blockingKeysAt, type BlockingRule } from './blocking.js';
export {
  candidatePairs,
  candidatePairsOf,
  DEFAULT_MAX_BLOCK_SIZE,
  DEFAULT_WINDOW,
  eachPair,
  type BlockingOptions,
  type CandidatePairs,
} from './candidates.js';
export { toSimplified, tonelessPinyin } from './chinese.js';
export { compareRecords, exactlyCaught, exactlyCaughtAt, patternAt } from './compare.js';
export { parseGrade } from './context.js';
export { estimateParameters, estimateU, patternHistogram, runEm, type EmResult, type EstimationOptions } from './estimate.js';
export {
  BIRTH_DATE_LEVELS,
  decodePattern,
  FIELD_LEVELS,
  FIELDS,
  GENDER_LEVELS,
  GRADE_LEVELS,
  ID_NUMBER_LEVELS,
  NAME_LEVELS,
  PATTERN_COUNT,
  SCHOOL_LEVELS,
  vectorOf,
  type BirthDateLevel,
  type ComparisonVector,
  type Field,
  type GenderLevel,
  type GradeLevel,
  type IdNumberLevel,
  type NameLevel,
  type SchoolLevel,
} from './levels.js';
export {
  DEFAULT_THRESHOLD,
  defaultParameters,
  MODEL_VERSION,
  parseParameters,
  probabilityOf,
  type EstimationSummary,
  type FieldParameters,
  type LevelParameters,
  type ModelParameters,
} from './parameters.js';
export { prepareRecords, type PreparedRecords, type PupilRecord } from './prepared.js';
export {
  comparePairs,
  nameFrequencies,
  scorePair,
  Scorer,
  suggestedPairs,
  type Explanation,
  type NameFrequency,
  type ScoredPair,
} from './scoring.js';
export { findSuggestions, type SuggestionOptions, type SuggestionRun } from './suggest.js';
