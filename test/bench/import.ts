import 'reflect-metadata';
import { once } from 'node:events';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createApp, migrate } from '../../api/src/app.js';
import { SYSTEM } from '../../api/src/core/db/row-scope.js';
import { parseConfig } from '../../api/src/core/config.js';
import { writeGeneratedCsv } from '../../api/src/seed/import-file.js';
import { admin, server, urlFor } from './support/database.js';
import { f, report } from './support/report.js';

/**
 * `pnpm bench:import`: the whole import (parse → validate → stage → insert → detect) against a plain
 * COPY of the same file into a bare table, on one PostgreSQL server in one run, at two sizes.
 * Prints rows/s, peak memory and the ratio. Not a test: figures, no pass/fail.
 */
const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
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

console.log(`\nimport benchmark (${new Date().toISOString().slice(0, 10)}, PostgreSQL at ${new URL(server).host})\n`);
console.log('| rows | file MB | plain COPY s | whole import s | ratio | rows/s | peak RSS growth MB | problems found |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
const results: Figures[] = [];
for (const rows of sizes) {
  const r = await measure(rows);
  results.push(r);
  console.log(`| ${f(r.rows)} | ${f(r.mb, 1)} | ${f(r.copyMs / 1000, 2)} | ${f(r.importMs / 1000, 2)} | ${f(r.importMs / r.copyMs, 2)} | ${f(r.rowsPerSecond)} | ${f(r.peakRssMb)} | ${f(r.problems)} |`);
}
rmSync(work, { recursive: true, force: true });
if (results.length > 1) {
  const [a, b] = [results[0]!, results.at(-1)!];
  console.log(`\nlinearity: ${f(b.rows / a.rows, 1)}× the rows took ${f(b.importMs / a.importMs, 2)}× the time`);
}
const largest = results.reduce((a, b) => (b.rows > a.rows ? b : a));
report([
  ...results.map((r) => ({ part: 'import', figure: `${f(r.rows)} rows: whole import s (rows/s, peak RSS growth MB)`, value: `${f(r.importMs / 1000, 2)} (${f(r.rowsPerSecond)}, ${f(r.peakRssMb)})` })),
  { part: 'import', figure: `${f(largest.rows)} rows: whole import ÷ plain COPY`, value: f(largest.importMs / largest.copyMs, 2), target: '≤ 3', met: largest.importMs / largest.copyMs <= 3 },
  ...(results.length > 1
    ? [{ part: 'import', figure: `linearity: ${f(largest.rows / results[0]!.rows, 1)}× the rows took`, value: `${f(largest.importMs / results[0]!.importMs, 2)}× the time` }]
    : []),
]);
await once(process.stdout, 'drain').catch(() => {});
