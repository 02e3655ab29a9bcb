import 'reflect-metadata';
import { once } from 'node:events';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createApp, migrate, type App } from '../../api/src/app.js';
import { SYSTEM } from '../../api/src/core/db/row-scope.js';
import { parseConfig } from '../../api/src/core/config.js';
import { writeGeneratedCsv } from '../../api/src/seed/import-file.js';
import { benchApp } from './support/app.js';
import { admin, server, throwawayDatabase, urlFor } from './support/database.js';
import { BENCH_DISTRICT, buildRegistry, describeRegistry, ensureDetected } from './support/dataset.js';
import { f, percentile, report, type Figure } from './support/report.js';
import { writeTemplateWorkbook } from './support/workbook.js';

/**
 * `pnpm bench:import`:
 *
 * 1. the whole import (parse → validate → stage → insert → detect) against a plain COPY of the same
 *    file into a bare table, on one PostgreSQL server in one run, at BENCH_SIZES rows (default
 *    100,000 and 1,000,000) into an empty registry: rows/s, peak memory and the ratio;
 * 2. the everyday case: a school's template of BENCH_TEMPLATE_ROWS pupils (default 2,000), an .xlsx
 *    written by ExcelJS, imported end to end (detection included) into a new school of a registry
 *    that already holds BENCH_STUDENTS records (default 1,000,000) and their problems — the data set
 *    `pnpm bench` shares, else one built here. BENCH_IMPORT_RUNS imports (default 5), each its own file
 *    and school; p50.
 *
 * Not a test: figures, no pass/fail.
 */
const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').filter(Boolean).map(Number);
const TEMPLATE_ROWS = Number(process.env.BENCH_TEMPLATE_ROWS ?? 2_000);
const REGISTRY = Number(process.env.BENCH_STUDENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 5);
const work = mkdtempSync(path.join(tmpdir(), 'pss-bench-'));

async function plainCopy(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE bare (c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, c7 text, c8 text, c9 text, c10 text, c11 text)`);
  const started = performance.now();
  await pipeline(createReadStream(file), client.query(copyFrom(`COPY bare FROM STDIN WITH (FORMAT csv, HEADER true)`)));
  const ms = performance.now() - started;
  await client.query(`DROP TABLE bare`);
  await client.end();
  return ms;
}

interface Figures {
  rows: number;
  mb: number;
  copyMs: number;
  importMs: number;
  rowsPerSecond: number;
  peakRssMb: number;
  problems: number;
}

async function measure(rows: number): Promise<Figures> {
  const file = path.join(work, `students-${rows}.csv`);
  await writeGeneratedCsv(file, { students: rows, seed: rows });
  const database = `pss_bench_${rows}`;
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${database}`);
  const url = urlFor(database);
  const copyMs = await plainCopy(url, file);

  const app = await createApp(parseConfig({ DATABASE_URL: url, DATA_DIR: work, LOG_LEVEL: 'warn', IMPORT_MAX_MB: '2048' }), { unscoped: SYSTEM });
  await migrate(app);
  const [school] = (await app.db.dataSource.query(`INSERT INTO schools (code, name, region_code) VALUES ('1330106999', '基准测试学校', '330106') RETURNING id::text`)) as { id: string }[];
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const result = await app.services.imports.importStudents({ schoolId: school!.id, filePath: file });
  const importMs = performance.now() - started;
  clearInterval(sampler);
  if (!result.ok) throw new Error(`import failed: ${result.message}`);
  await app.close();
  await admin(`DROP DATABASE ${database} WITH (FORCE)`);
  return {
    rows,
    mb: statSync(file).size / 1048576,
    copyMs,
    importMs,
    rowsPerSecond: rows / (importMs / 1000),
    peakRssMb: (peak - baseline) / 1048576,
    problems: result.problems!.opened,
  };
}

/** The everyday import, BENCH_RUNS times: wall time of each, and what it found. */
async function everyday(): Promise<{ registry: number; times: number[]; problems: number[]; phases: string[] }> {
  const database = await throwawayDatabase('pss_bench_import_into');
  const bench = await benchApp(database.url);
  const { app } = bench;
  try {
    const registry = database.owned ? (await buildRegistry(app, database.url, REGISTRY)).students : (await describeRegistry(app)).students;
    await ensureDetected(app);
    const times: number[] = [];
    const problems: number[] = [];
    const phases: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const file = path.join(work, `template-${run}.xlsx`);
      await writeTemplateWorkbook(file, TEMPLATE_ROWS, registry + run);
      const school = await newSchool(app, run);
      const started = performance.now();
      const reached = new Map<string, number>();
      const result = await app.services.imports.importStudents({
        schoolId: school,
        filePath: file,
        fileName: `学生信息-${run}.xlsx`,
        onProgress: ({ phase }) => void (reached.has(phase) || reached.set(phase, performance.now() - started)),
      });
      times.push(performance.now() - started);
      phases.push([...reached].map(([phase, ms]) => `${phase.toLowerCase()} from ${f(ms)} ms`).join(', '));
      if (!result.ok) throw new Error(`import failed: ${result.message}`);
      problems.push(result.problems!.opened + result.problems!.joined);
    }
    return { registry: registry + RUNS * TEMPLATE_ROWS, times, problems, phases };
  } finally {
    await bench.close();
    await database.drop();
  }
}

async function newSchool(app: App, run: number): Promise<string> {
  const [school] = (await app.db.dataSource.query(
    `INSERT INTO schools (code, name, region_code) VALUES ($1, $2, $3) RETURNING id::text`,
    [`9${BENCH_DISTRICT}${String((process.pid * 10 + run) % 1000).padStart(3, '0')}`, `日常导入学校${run}`, BENCH_DISTRICT],
  )) as { id: string }[];
  return school!.id;
}

console.log(`\nimport benchmark (${new Date().toISOString().slice(0, 10)}, PostgreSQL at ${new URL(server).host})\n`);
const figures: Figure[] = [];
console.log('| rows | file MB | plain COPY s | whole import s | ratio | rows/s | peak RSS growth MB | problems found |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
const results: Figures[] = [];
for (const rows of sizes) {
  const r = await measure(rows);
  results.push(r);
  console.log(`| ${f(r.rows)} | ${f(r.mb, 1)} | ${f(r.copyMs / 1000, 2)} | ${f(r.importMs / 1000, 2)} | ${f(r.importMs / r.copyMs, 2)} | ${f(r.rowsPerSecond)} | ${f(r.peakRssMb)} | ${f(r.problems)} |`);
}
if (results.length > 1) {
  const [a, b] = [results[0]!, results.at(-1)!];
  console.log(`\nlinearity: ${f(b.rows / a.rows, 1)}× the rows took ${f(b.importMs / a.importMs, 2)}× the time`);
}
const largest = results.reduce((a, b) => (b.rows > a.rows ? b : a), results[0]!);
if (largest) figures.push(
  ...results.map((r) => ({ part: 'import', figure: `${f(r.rows)} rows: whole import s (rows/s, peak RSS growth MB)`, value: `${f(r.importMs / 1000, 2)} (${f(r.rowsPerSecond)}, ${f(r.peakRssMb)})` })),
  { part: 'import', figure: `${f(largest.rows)} rows: whole import ÷ plain COPY`, value: f(largest.importMs / largest.copyMs, 2), target: '≤ 3', met: largest.importMs / largest.copyMs <= 3 },
  ...(results.length > 1
    ? [{ part: 'import', figure: `linearity: ${f(largest.rows / results[0]!.rows, 1)}× the rows took`, value: `${f(largest.importMs / results[0]!.importMs, 2)}× the time` }]
    : []),
);
if (RUNS > 0) {
  const daily = await everyday();
  const p50 = percentile(daily.times, 0.5);
  console.log(
    `\neveryday import: a ${f(TEMPLATE_ROWS)}-row .xlsx template into a new school of a registry of ${f(daily.registry)} records, ${RUNS} runs: ` +
      `p50 ${f(p50 / 1000, 2)} s (each: ${daily.times.map((t) => f(t / 1000, 2)).join(', ')} s; problems opened or joined: ${daily.problems.join(', ')})`,
  );
  console.log(`phases of the last run: ${daily.phases.at(-1)}, done at ${f(daily.times.at(-1)!)} ms`);
  figures.push({ part: 'import', figure: `${f(TEMPLATE_ROWS)}-row template into ${f(daily.registry)} records, end to end: p50 s`, value: f(p50 / 1000, 2), target: '< 1', met: p50 < 1000 });
}
rmSync(work, { recursive: true, force: true });
report(figures);
if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
