import { appendFileSync } from 'node:fs';

/** A number as the tables print it: thousands separated, a fixed number of decimals. */
export const f = (n: number, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–';

export const today = () => new Date().toISOString().slice(0, 10);

export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

export function table(header: string[], rows: string[][], align: ('l' | 'r')[] = header.map((_, i) => (i === 0 ? 'l' : 'r'))): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** One line of the combined `pnpm bench` table. */
export interface Figure {
  part: string;
  figure: string;
  value: string;
  /** The target from the issue, when there is one ("≤ 3"). */
  target?: string;
  /** Whether the target is met; undefined without a target. */
  met?: boolean;
}

/**
 * Hands a part's headline figures to `pnpm bench` (test/bench/all.ts), which collects them into one
 * table: one JSON line each in BENCH_RESULT_FILE. A part run alone has no such file and only prints.
 */
export function report(figures: Figure[]): void {
  const file = process.env.BENCH_RESULT_FILE;
  if (!file) return;
  for (const figure of figures) appendFileSync(file, `${JSON.stringify(figure)}\n`);
}

/** Milliseconds since `started`, in seconds with two decimals. */
export const seconds = (ms: number) => f(ms / 1000, 2);
