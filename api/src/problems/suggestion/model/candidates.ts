import { BLOCKING_RULES, ruleKeyAt } from './blocking.js';
import { prepareRecords, type PreparedRecords, type PupilRecord } from './prepared.js';

export interface BlockingOptions {
  /**
   * Blocks larger than this are not paired all with all (that grows with the square of the
   * block): their records are sorted by birth date and each is paired with the next `window`.
   * Only name-based blocks of very common names get that large, and there a near birth date is
   * what makes a pair worth comparing.
   */
  maxBlockSize?: number;
  window?: number;
}

export const DEFAULT_MAX_BLOCK_SIZE = 200;
export const DEFAULT_WINDOW = 25;

/** Candidate pairs as record indices, left < right, each pair once. */
export interface CandidatePairs {
  readonly count: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** The rule (index into BLOCKING_RULES) that produced each pair: the first one the two records share. */
  readonly rule: Uint8Array;
  /** How many blocks were over maxBlockSize (paired by sorted window instead). */
  readonly oversizedBlocks: number;
}

class PairBuffer {
  left = new Int32Array(1 << 16);
  right = new Int32Array(1 << 16);
  rule = new Uint8Array(1 << 16);
  count = 0;

  push(a: number, b: number, rule: number): void {
    if (this.count === this.left.length) this.grow();
    this.left[this.count] = Math.min(a, b);
    this.right[this.count] = Math.max(a, b);
    this.rule[this.count] = rule;
    this.count++;
  }

  private grow(): void {
    const size = this.left.length * 2;
    const [left, right, rule] = [new Int32Array(size), new Int32Array(size), new Uint8Array(size)];
    left.set(this.left);
    right.set(this.right);
    rule.set(this.rule);
    [this.left, this.right, this.rule] = [left, right, rule];
  }
}

/** One rule's blocks: the block of each record (-1 for none) and the members of each block, grouped. */
interface RuleBlocks {
  blockOf: Int32Array;
  starts: Int32Array;
  members: Int32Array;
  /** For records of oversized blocks, their position in birth-date order; -1 otherwise. */
  rank: Int32Array | null;
}

function groupByKey(p: PreparedRecords, rule: number): RuleBlocks {
  const blockOf = new Int32Array(p.size).fill(-1);
  const ids = new Map<string, number>();
  for (let i = 0; i < p.size; i++) {
    const key = ruleKeyAt(p, rule, i);
    if (key === null) continue;
    let block = ids.get(key);
    if (block === undefined) {
      block = ids.size;
      ids.set(key, block);
    }
    blockOf[i] = block;
  }
  const starts = new Int32Array(ids.size + 1);
  for (let i = 0; i < p.size; i++) if (blockOf[i]! >= 0) starts[blockOf[i]! + 1]!++;
  for (let b = 0; b < ids.size; b++) starts[b + 1]! += starts[b]!;
  const fill = starts.slice(0, ids.size);
  const members = new Int32Array(starts[ids.size]!);
  for (let i = 0; i < p.size; i++) if (blockOf[i]! >= 0) members[fill[blockOf[i]!]!++] = i;
  return { blockOf, starts, members, rank: null };
}

/** Whether an earlier rule already produced this pair (so each pair is yielded once). */
function producedEarlier(done: readonly RuleBlocks[], window: number, a: number, b: number): boolean {
  for (const rule of done) {
    const block = rule.blockOf[a]!;
    if (block < 0 || block !== rule.blockOf[b]) continue;
    if (rule.rank === null || rule.rank[a]! < 0 || Math.abs(rule.rank[a]! - rule.rank[b]!) <= window) return true;
  }
  return false;
}

function pairOversized(p: PreparedRecords, blocks: RuleBlocks, members: Int32Array, emit: (a: number, b: number) => void, window: number): void {
  const sorted = Array.from(members).sort((x, y) => p.birth[x]! - p.birth[y]! || x - y);
  blocks.rank ??= new Int32Array(p.size).fill(-1);
  sorted.forEach((member, position) => (blocks.rank![member] = position));
  for (let x = 0; x < sorted.length; x++) {
    for (let y = x + 1; y <= x + window && y < sorted.length; y++) emit(sorted[x]!, sorted[y]!);
  }
}

/**
 * Pairs of records sharing at least one blocking key, grouped per rule, never all pairs: the
 * cost is the sum of the squares of the (capped) block sizes. Deterministic.
 */
export function candidatePairsOf(p: PreparedRecords, options: BlockingOptions = {}): CandidatePairs {
  const maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
  const window = options.window ?? DEFAULT_WINDOW;
  const buffer = new PairBuffer();
  const done: RuleBlocks[] = [];
  let oversizedBlocks = 0;
  for (let rule = 0; rule < BLOCKING_RULES.length; rule++) {
    const blocks = groupByKey(p, rule);
    const emit = (a: number, b: number) => {
      if (!producedEarlier(done, window, a, b)) buffer.push(a, b, rule);
    };
    for (let block = 0; block + 1 < blocks.starts.length; block++) {
      const members = blocks.members.subarray(blocks.starts[block]!, blocks.starts[block + 1]!);
      if (members.length > maxBlockSize) {
        oversizedBlocks++;
        pairOversized(p, blocks, members, emit, window);
        continue;
      }
      for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) emit(members[x]!, members[y]!);
    }
    done.push(blocks);
  }
  const { count, left, right, rule } = buffer;
  return { count, left: left.subarray(0, count), right: right.subarray(0, count), rule: rule.subarray(0, count), oversizedBlocks };
}

export function candidatePairs(records: readonly PupilRecord[], options: BlockingOptions = {}): CandidatePairs {
  return candidatePairsOf(prepareRecords(records), options);
}

/** The pairs one by one, as [left, right] record indices. */
export function* eachPair(pairs: CandidatePairs): Generator<[number, number]> {
  for (let k = 0; k < pairs.count; k++) yield [pairs.left[k]!, pairs.right[k]!];
}
