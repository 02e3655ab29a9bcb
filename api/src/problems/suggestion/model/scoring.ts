import { exactlyCaughtAt, patternAt } from './compare.js';
import type { CandidatePairs } from './candidates.js';
import { decodePattern, FIELD_INDEX, FIELD_LEVELS, FIELDS, NAME, nameLevelOf, type Field } from './levels.js';
import { levelWeights, patternWeights, priorWeight, probabilityOf, type ModelParameters } from './parameters.js';
import { prepareRecords, type PreparedRecords, type PupilRecord } from './prepared.js';
import { normalizeName } from './registry-rules.js';

/** The share of records with this (normalised) name: how often two different pupils share it. */
export type NameFrequency = (name: string) => number;

export interface Explanation {
  field: Field;
  level: string;
  /** log2(m/u): positive for evidence of one pupil, negative for two. */
  weight: number;
}

export interface ScoredPair {
  a: string;
  b: string;
  /** Total match weight: the prior's log2 odds plus every field's weight. */
  score: number;
  probability: number;
  explanation: Explanation[];
}

/** Name frequencies counted over the records themselves. */
export function nameFrequencies(records: readonly PupilRecord[]): NameFrequency {
  const counts = new Map<string, number>();
  for (const record of records) {
    const name = normalizeName(record.name);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const total = Math.max(1, records.length);
  return (name) => (counts.get(normalizeName(name)) ?? 0) / total;
}

/**
 * Term-frequency adjustment (as in Splink): when two names agree (exactly, or once simplified),
 * the level's u is replaced by that name's frequency, so 王伟 agreeing says less than a rare name
 * agreeing. The frequency is floored at one record, since the name occurs at least in the pair.
 */
function tfWeight(parameters: ModelParameters, level: 'EXACT' | 'TRADITIONAL_SIMPLIFIED', frequency: number): number {
  const floor = 1 / Math.max(1, parameters.recordCount);
  return Math.log2(parameters.fields.NAME[level].m / Math.max(frequency, floor));
}

/** Weights per interned name, computed on first use. */
class WeightCache {
  private weights = new Float64Array(1024).fill(Number.NaN);

  get(code: number, compute: () => number): number {
    if (code >= this.weights.length) {
      const bigger = new Float64Array(Math.max(code + 1, this.weights.length * 2)).fill(Number.NaN);
      bigger.set(this.weights);
      this.weights = bigger;
    }
    let weight = this.weights[code]!;
    if (Number.isNaN(weight)) {
      weight = compute();
      this.weights[code] = weight;
    }
    return weight;
  }
}

/** Scores pairs of prepared records: pattern table plus the name's term-frequency weight. */
export class Scorer {
  private readonly table: Float64Array;
  private readonly weights: number[][];
  private readonly exactNames = new WeightCache();
  private readonly simplifiedNames = new WeightCache();

  constructor(
    private readonly p: PreparedRecords,
    private readonly parameters: ModelParameters,
    private readonly nameFrequency: NameFrequency,
  ) {
    this.table = patternWeights(parameters);
    this.weights = levelWeights(parameters.fields);
  }

  /** How much the name's term frequency moves the weight of its level for record i (0 for other levels). */
  tfCorrection(nameLevel: number, i: number): number {
    const levelWeight = this.weights[FIELD_INDEX.NAME]![nameLevel]!;
    if (nameLevel === NAME.EXACT) {
      return this.exactNames.get(this.p.nameCode[i]!, () => tfWeight(this.parameters, 'EXACT', this.nameFrequency(this.p.name[i]!)) - levelWeight);
    }
    if (nameLevel === NAME.TRADITIONAL_SIMPLIFIED) {
      const frequency = () => this.nameFrequency(this.p.simplified[i]!);
      return this.simplifiedNames.get(this.p.simplifiedCode[i]!, () => tfWeight(this.parameters, 'TRADITIONAL_SIMPLIFIED', frequency()) - levelWeight);
    }
    return 0;
  }

  scoreOf(pattern: number, i: number): number {
    return this.table[pattern]! + this.tfCorrection(nameLevelOf(pattern), i);
  }

  explain(i: number, j: number): ScoredPair {
    const pattern = patternAt(this.p, i, j);
    const explanation = decodePattern(pattern).map((level, field) => {
      const tf = field === FIELD_INDEX.NAME ? this.tfCorrection(level, i) : 0;
      return { field: FIELDS[field]!, level: FIELD_LEVELS[FIELDS[field]!][level]!, weight: this.weights[field]![level]! + tf };
    });
    const score = priorWeight(this.parameters.prior) + explanation.reduce((sum, entry) => sum + entry.weight, 0);
    return { a: this.p.recordIds[i]!, b: this.p.recordIds[j]!, score, probability: probabilityOf(score), explanation };
  }
}

export function scorePair(a: PupilRecord, b: PupilRecord, parameters: ModelParameters, nameFrequency: NameFrequency): ScoredPair {
  return new Scorer(prepareRecords([a, b]), parameters, nameFrequency).explain(0, 1);
}

/** Every candidate pair's comparison pattern (for estimation and scoring). */
export function comparePairs(p: PreparedRecords, pairs: CandidatePairs): Uint16Array {
  const patterns = new Uint16Array(pairs.count);
  for (let k = 0; k < pairs.count; k++) patterns[k] = patternAt(p, pairs.left[k]!, pairs.right[k]!);
  return patterns;
}

/** The candidate pairs at or above the threshold that the exact rules do not already report. */
export function suggestedPairs(p: PreparedRecords, pairs: CandidatePairs, patterns: Uint16Array, scorer: Scorer, threshold: number): ScoredPair[] {
  const out: ScoredPair[] = [];
  for (let k = 0; k < pairs.count; k++) {
    const [i, j] = [pairs.left[k]!, pairs.right[k]!];
    if (scorer.scoreOf(patterns[k]!, i) < threshold || exactlyCaughtAt(p, i, j)) continue;
    out.push(scorer.explain(i, j));
  }
  return out;
}
