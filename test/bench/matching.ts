import { performance } from 'node:perf_hooks';
import {
  candidatePairsOf,
  comparePairs,
  estimateParameters,
  exactlyCaughtAt,
  nameFrequencies,
  prepareRecords,
  Scorer,
  suggestedPairs,
  type ScoredPair,
} from '../../api/src/problems/suggestion/model/index.js';
import { benchApp } from './support/app.js';
import { throwawayDatabase } from './support/database.js';
import { loadRegistry, suggestedIndexPairs } from './support/matching-db.js';
import { generateRegistry, LOOK_ALIKE_KINDS, MIXES, NEAR_DUPLICATE_KINDS, type SyntheticRegistry } from './support/matching-data.js';

/**
 * The suggestion model's in-memory pipeline on a synthetic registry: blocking → EM → scoring, with
 * precision and recall against the planted pairs; then the product's own full run (`pnpm cli
 * suggest`: records read from PostgreSQL and opened, the model estimated, every record's keys
 * stored, the pairs stored) on the same registry loaded into a throwaway database, timed and
 * scored the same way. `pnpm bench:matching`; BENCH_RECORDS (default 1000000), BENCH_SEED (1),
 * BENCH_MIX (default | harsh), BENCH_DB=0 to skip the database, BENCH_VERBOSE=1 for the
 * comparison patterns of misses and false positives.
 */
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const SEED = Number(process.env.BENCH_SEED ?? 1);
const MIX_NAME = process.env.BENCH_MIX ?? 'default';
const VERBOSE = process.env.BENCH_VERBOSE === '1';

const mix = MIXES[MIX_NAME];
if (!mix) throw new Error(`BENCH_MIX must be one of ${Object.keys(MIXES).join(', ')}`);

const timings: [string, number][] = [];
function timed<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  timings.push([label, performance.now() - start]);
  return result;
}

const registry = timed('generate (not part of the pipeline)', () => generateRegistry({ records: RECORDS, seed: SEED, mix }));
const { records } = registry;
const pipelineStart = performance.now();
const prepared = timed('prepare', () => prepareRecords(records));
const pairs = timed('blocking', () => candidatePairsOf(prepared));
const patterns = timed('compare', () => comparePairs(prepared, pairs));
const parameters = timed('estimate (u sample + EM)', () => estimateParameters(prepared, pairs, patterns, { seed: SEED }));
const scorer = new Scorer(prepared, parameters, timed('name frequencies', () => nameFrequencies(records)));
const suggestions = timed('score + suggest', () => suggestedPairs(prepared, pairs, patterns, scorer, parameters.threshold));
const pipelineMs = performance.now() - pipelineStart;

const f = (value: number, digits = 3) => value.toFixed(digits);
const pairKey = (a: number, b: number) => Math.min(a, b) * records.length + Math.max(a, b);
const indexOf = (id: string) => Number(id.slice(1));

interface Truth {
  duplicate: boolean;
  kind: string;
}

function truthOf(planted: SyntheticRegistry): Map<number, Truth> {
  const truth = new Map<number, Truth>();
  for (const pair of planted.duplicates) truth.set(pairKey(pair.a, pair.b), { duplicate: true, kind: pair.kind });
  for (const pair of planted.lookAlikes) truth.set(pairKey(pair.a, pair.b), { duplicate: false, kind: pair.kind });
  return truth;
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function evaluate(found: readonly ScoredPair[], truth: Map<number, Truth>) {
  const hits = found.map((pair) => truth.get(pairKey(indexOf(pair.a), indexOf(pair.b))));
  const truePositives = hits.filter((hit) => hit?.duplicate).length;
  const precision = found.length === 0 ? 1 : truePositives / found.length;
  const recall = truePositives / registry.duplicates.length;
  return {
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall || 1),
    foundByKind: countBy(hits.filter((hit) => hit?.duplicate).map((hit) => hit!.kind)),
    falseByKind: countBy(hits.filter((hit) => !hit?.duplicate).map((hit) => hit?.kind ?? 'NOT_PLANTED')),
  };
}

const truth = truthOf(registry);
const result = evaluate(suggestions, truth);

console.log(`records ${records.length}  seed ${SEED}  mix ${MIX_NAME}`);
console.log(`planted near-duplicates ${registry.duplicates.length}, look-alikes ${registry.lookAlikes.length}`);
console.log(`candidate pairs ${pairs.count} (${f(pairs.count / records.length, 2)} per record), oversized blocks ${pairs.oversizedBlocks}`);
for (const [label, ms] of timings) console.log(`  ${label.padEnd(36)} ${f(ms / 1000, 2)} s`);
console.log(`pipeline ${f(pipelineMs / 1000, 2)} s, ${f(pipelineMs / 1000 / (records.length / 100_000), 2)} s per 100,000 records`);
console.log(`EM: ${parameters.estimation?.emIterations} iterations, converged ${parameters.estimation?.converged}, prior ${parameters.prior.toExponential(2)}`);
console.log(`threshold ${parameters.threshold}: suggestions ${suggestions.length}`);
console.log(`precision ${f(result.precision)}  recall ${f(result.recall)}  F1 ${f(result.f1)}`);

const plantedByKind = countBy(registry.duplicates.map((pair) => pair.kind));
const candidateKeys = new Set<number>();
for (let k = 0; k < pairs.count; k++) if (truth.has(pairKey(pairs.left[k]!, pairs.right[k]!))) candidateKeys.add(pairKey(pairs.left[k]!, pairs.right[k]!));
const blockedByKind = countBy(registry.duplicates.filter((pair) => candidateKeys.has(pairKey(pair.a, pair.b))).map((pair) => pair.kind));
console.log('\nnear-duplicate kind      planted  blocked  found  recall');
for (const kind of NEAR_DUPLICATE_KINDS) {
  const planted = plantedByKind.get(kind) ?? 0;
  const found = result.foundByKind.get(kind) ?? 0;
  console.log(`${kind.padEnd(24)} ${String(planted).padStart(7)} ${String(blockedByKind.get(kind) ?? 0).padStart(8)} ${String(found).padStart(6)}  ${f(planted ? found / planted : 1)}`);
}
const lookByKind = countBy(registry.lookAlikes.map((pair) => pair.kind));
console.log('\nlook-alike kind           planted  false positives');
for (const kind of [...LOOK_ALIKE_KINDS, 'NOT_PLANTED']) {
  console.log(`${kind.padEnd(24)} ${String(lookByKind.get(kind) ?? '-').padStart(8)} ${String(result.falseByKind.get(kind) ?? 0).padStart(16)}`);
}

function sweep(): void {
  console.log('\nthreshold  precision  recall  F1');
  for (const threshold of [-2, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3, 4, 6]) {
    const found: ScoredPair[] = [];
    for (let k = 0; k < pairs.count; k++) {
      const [i, j] = [pairs.left[k]!, pairs.right[k]!];
      if (scorer.scoreOf(patterns[k]!, i) >= threshold && !exactlyCaughtAt(prepared, i, j)) found.push({ a: `P${i}`, b: `P${j}`, score: 0, probability: 0, explanation: [] });
    }
    const at = evaluate(found, truth);
    console.log(`${String(threshold).padStart(9)}  ${f(at.precision).padStart(9)}  ${f(at.recall).padStart(6)}  ${f(at.f1)}`);
  }
}

function patternsOf(selected: [number, number][]): void {
  const counts = countBy(selected.map(([i, j]) => JSON.stringify(scorer.explain(i, j).explanation.map((e) => `${e.level}`))));
  for (const [pattern, count] of [...counts].sort((x, y) => y[1] - x[1]).slice(0, 12)) console.log(`  ${String(count).padStart(6)}  ${pattern}`);
}

if (VERBOSE) {
  sweep();
  const suggested = new Set(suggestions.map((pair) => pairKey(indexOf(pair.a), indexOf(pair.b))));
  console.log('\nmissed near-duplicates by comparison (ID, name, date, gender, school, grade):');
  patternsOf(registry.duplicates.filter((pair) => !suggested.has(pairKey(pair.a, pair.b))).map((pair) => [pair.a, pair.b]));
  console.log('false positives by comparison:');
  patternsOf(suggestions.filter((pair) => !truth.get(pairKey(indexOf(pair.a), indexOf(pair.b)))?.duplicate).map((pair) => [indexOf(pair.a), indexOf(pair.b)]));
  console.log('\nweights (m, u, log2 m/u):');
  for (const [field, levels] of Object.entries(parameters.fields) as [string, Record<string, { m: number; u: number }>][]) {
    console.log(`  ${field.padEnd(11)} ${Object.entries(levels).map(([level, { m, u }]) => `${level} ${m.toPrecision(2)}/${u.toPrecision(2)} ${f(Math.log2(m / u), 1)}`).join('  ')}`);
  }
}

/** The product's full run on the same registry, in PostgreSQL, scored against the same truth. */
async function databaseStage(): Promise<void> {
  const database = await throwawayDatabase('pss_bench_matching');
  const bench = await benchApp(database.url);
  try {
    const loadStart = performance.now();
    const ids = await loadRegistry(bench.app, database.url, records);
    const loadMs = performance.now() - loadStart;
    const run = await bench.app.services.suggestions.runAll();
    const found = (await suggestedIndexPairs(bench.app, ids)).map(([a, b]): ScoredPair => ({ a: `P${a}`, b: `P${b}`, score: 0, probability: 0, explanation: [] }));
    const scored = evaluate(found, truth);
    console.log(`\nproduct full run in PostgreSQL (pnpm cli suggest), registry loaded in ${f(loadMs / 1000, 1)} s`);
    console.log(`  records ${run.records}, candidate pairs ${run.candidatePairs}, suggestions stored ${found.length}`);
    console.log(`  full run ${f(run.ms / 1000, 1)} s, ${f(run.ms / 1000 / (run.records / 100_000), 2)} s per 100,000 records (target: under 120 s at 1,000,000)`);
    console.log(`  steps: ${Object.entries(run.phases ?? {}).map(([phase, ms]) => `${phase} ${f(ms / 1000, 1)} s`).join(', ')}`);
    console.log(`  precision ${f(scored.precision)}  recall ${f(scored.recall)}  F1 ${f(scored.f1)}`);
  } finally {
    await bench.close();
    await database.drop();
  }
}

if (process.env.BENCH_DB !== '0') await databaseStage();
