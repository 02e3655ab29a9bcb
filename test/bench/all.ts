import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { benchApp } from './support/app.js';
import { buildRegistry } from './support/dataset.js';
import { admin } from './support/database.js';
import { ROOT } from './support/processes.js';
import { f, table, today, type Figure } from './support/report.js';

/**
 * `pnpm bench`: every benchmark, one after another, then one table of their headline figures with
 * the date. Each part runs in its own process (so that the import's peak memory is its own) and
 * prints its own table as it goes; rescan, read, scale, write and import (its everyday case) share one data set of
 * BENCH_STUDENTS records (default 1,000,000), built once. BENCH_PARTS picks parts
 * (default "reports,rescan,read,scale,write,import"; reports builds its own province-shaped data set,
 * and import's everyday case imports into the shared one last, after the parts that need it as built); every part's size variables pass through
 * (BENCH_SIZES, BENCH_STUDENTS, BENCH_DURATION, BENCH_CONNECTIONS, BENCH_WRITE_SECONDS, …).
 */
const PARTS = (process.env.BENCH_PARTS ?? 'reports,rescan,read,scale,write,import').split(',').map((p) => p.trim());
const SHARED = ['rescan', 'read', 'scale', 'write', 'import'];
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1_000_000);

async function runPart(part: string, env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, `test/bench/${part}.ts`)], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, 'api/tsconfig.json'), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) console.error(`\nbench:${part} failed (exit ${code})`);
  return performance.now() - started;
}

async function main() {
  const started = performance.now();
  const work = mkdtempSync(path.join(tmpdir(), 'pss-bench-all-'));
  const results = path.join(work, 'figures.jsonl');
  // One DATA_DIR for every part: it holds the keys the shared data set is sealed with.
  const env = { BENCH_RESULT_FILE: results, BENCH_DATA_DIR: path.join(work, 'data') };
  const durations: [string, number][] = [];
  let shared: string | null = null;
  let buildMs = 0;
  try {
    if (PARTS.includes('reports')) durations.push(['reports', await runPart('reports', env)]);
    const sharedParts = PARTS.filter((p) => SHARED.includes(p));
    if (sharedParts.length > 0) {
      shared = `pss_bench_all_${process.pid}`;
      await admin(`DROP DATABASE IF EXISTS ${shared} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${shared}`);
      const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
      url.pathname = `/${shared}`;
      process.env.BENCH_DATA_DIR = env.BENCH_DATA_DIR;
      const bench = await benchApp(url.toString());
      const dataset = await buildRegistry(bench.app, url.toString(), STUDENTS);
      await bench.close();
      buildMs = dataset.buildMs;
      console.log(`\nshared data set: ${f(dataset.students)} records in ${f(dataset.schools)} schools of ${dataset.districts} districts, built in ${f(buildMs / 1000, 1)} s`);
      for (const part of sharedParts) durations.push([part, await runPart(part, { ...env, BENCH_DATABASE: shared })]);
    }
  } finally {
    if (shared) await admin(`DROP DATABASE IF EXISTS ${shared} WITH (FORCE)`);
  }

  const figures = (() => {
    try {
      return readFileSync(results, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Figure);
    } catch {
      return [];
    }
  })();
  rmSync(work, { recursive: true, force: true });
  const wall = (performance.now() - started) / 1000;
  console.log(`\n## pnpm bench — ${today()}, ${cpus().length} cores, Node.js ${process.versions.node}, wall time ${f(wall / 60, 1)} min\n`);
  console.log(
    table(
      ['part', 'figure', 'value', 'target', 'met'],
      figures.map((x) => [x.part, x.figure, x.value, x.target ?? '', x.met === undefined ? '' : x.met ? 'yes' : '**no**']),
      ['l', 'l', 'r', 'l', 'l'],
    ),
  );
  console.log(`\nparts: ${durations.map(([p, ms]) => `${p} ${f(ms / 1000)} s`).join(', ')}${buildMs ? `; shared data set ${f(buildMs / 1000)} s` : ''}`);
}

await main();
