import { candidatePairsOf, type BlockingOptions, type CandidatePairs } from './candidates.js';
import { estimateParameters, type EstimationOptions } from './estimate.js';
import type { ModelParameters } from './parameters.js';
import { prepareRecords, type PreparedRecords, type PupilRecord } from './prepared.js';
import { comparePairs, nameFrequencies, Scorer, suggestedPairs, type NameFrequency, type ScoredPair } from './scoring.js';

export interface SuggestionOptions {
  /** Stored parameters; estimated from these records when absent. */
  parameters?: ModelParameters;
  estimation?: EstimationOptions;
  blocking?: BlockingOptions;
  /** Defaults to the names' frequencies among these records. */
  nameFrequency?: NameFrequency;
}

export interface SuggestionRun {
  parameters: ModelParameters;
  prepared: PreparedRecords;
  pairs: CandidatePairs;
  /** Each candidate pair's comparison pattern, aligned with pairs. */
  patterns: Uint16Array;
  /** Pairs at or above the threshold that the exact rules do not catch, best first. */
  suggestions: ScoredPair[];
}

/** The whole run in memory: prepare, block, estimate (unless given parameters), score. */
export function findSuggestions(records: readonly PupilRecord[], options: SuggestionOptions = {}): SuggestionRun {
  const prepared = prepareRecords(records);
  const pairs = candidatePairsOf(prepared, options.blocking);
  const patterns = comparePairs(prepared, pairs);
  const parameters = options.parameters ?? estimateParameters(prepared, pairs, patterns, options.estimation ?? { seed: 1 });
  const scorer = new Scorer(prepared, parameters, options.nameFrequency ?? nameFrequencies(records));
  const suggestions = suggestedPairs(prepared, pairs, patterns, scorer, parameters.threshold).sort((x, y) => y.score - x.score);
  return { parameters, prepared, pairs, patterns, suggestions };
}
