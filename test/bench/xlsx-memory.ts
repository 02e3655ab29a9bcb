/**
 * Peak memory of the .xlsx reader on a large workbook (a measurement, not a test):
 *
 *   pnpm bench:xlsx-memory [--rows 2500000]
 *
 * Writes a template of generated pupils with exceljs's streaming writer (shared strings, which it
 * puts after the sheet, and date cells), then reads it in a fresh process through openSheet — the
 * zip check and the reader, as an import does — and prints the file size, rows, time and peak RSS.
 * Linux only (the peak is read from /proc).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSheet } from '../../api/src/registry/import/readers.js';
import { writeTemplateWorkbook } from './support/workbook.js';

async function read(file: string): Promise<void> {
  const started = performance.now();
  let rows = 0;
  for await (const _ of (await openSheet(file)).rows) rows += 1;
  // VmHWM is this process image's peak RSS (Linux). Not getrusage's maxRSS: Linux carries that over
  // from the parent across fork and exec, so it would report the writer's peak instead.
  const peakKiB = Number(/^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
  console.log(JSON.stringify({ rows, seconds: Math.round((performance.now() - started) / 100) / 10, peakRssMiB: Math.round(peakKiB / 1024) }));
}

const args = process.argv.slice(2);
if (args[0] === 'read') await read(args[1]!);
else {
  const rowsAt = args.indexOf('--rows');
  const rows = rowsAt >= 0 ? Number(args[rowsAt + 1]) : 2_500_000;
  const dir = mkdtempSync(path.join(tmpdir(), 'pss-xlsx-memory-'));
  const file = path.join(dir, 'big.xlsx');
  try {
    await writeTemplateWorkbook(file, rows);
    console.log(`${file}: ${(statSync(file).size / 1048576).toFixed(1)} MB, ${rows.toLocaleString('en')} pupils`);
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'read', file], { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = child.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
