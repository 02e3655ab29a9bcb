import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeneratedCsv } from '../src/seed/import-file.js';
import { createRandom } from '../src/seed/random.js';
import { asOwner } from '../src/core/db/row-scope.js';
import { CLI_ARGS, killGroup, ROOT, TSX } from './support/cli-process.js';
import { makeSchool } from './support/factories.js';
import { sessionsSettled } from './support/sessions.js';
import { fixtureDir } from './support/templates.js';
import { createTestApp, serverUrl, TEST_SECRETS, type TestApp } from './support/test-app.js';

const TRIALS = 20;
const ROWS = 10_000;

/**
 * `kill -9` of an importing CLI process at random moments, 20 times. The delays are spread over
 * the whole run of an import (measured first: start-up, reading, COPY, detection, commit), each at
 * a random point within its twentieth. After every kill: the file landed whole or not at all, no
 * record twice, every import's bookkeeping and events complete, and the problems exactly what a
 * full rescan finds. Each trial imports a different file, so a kill after the commit is visible as
 * one more complete import, not as duplicates of the last.
 */
describe.runIf(serverUrl)('an import killed at random points', () => {
  let app: TestApp;
  const files = fixtureDir();
  let school: { id: string; code: string };
  let database: string;
  const seed = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);
  const random = createRandom(seed);

  beforeAll(async () => {
    app = await createTestApp();
    school = await makeSchool(app, '330106');
    database = new URL(app.config.DATABASE_URL!).pathname.slice(1);
  });
  afterAll(async () => {
    files.cleanup();
    await app?.dispose();
  });

  // The harness watches the whole database, other sessions included, as its owner.
  const query = <T>(sql: string, params: unknown[] = []) => asOwner(() => app.db.dataSource.query(sql, params)) as Promise<T[]>;

  /** A generated template of ROWS pupils, different for every trial (planted problems included). */
  async function templateFile(n: number): Promise<{ path: string; hash: string }> {
    const path = `${files.dir}/trial-${n}.csv`;
    await writeGeneratedCsv(path, { students: ROWS, seed: 1_000 + n });
    return { path, hash: createHash('sha256').update(readFileSync(path)).digest('hex') };
  }

  function startImport(file: string) {
    const child = spawn(TSX, [...CLI_ARGS, 'students:import', '--school', school.code, file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: app.config.DATABASE_URL, ...TEST_SECRETS, DATA_DIR: files.dir },
      stdio: 'ignore',
      // A process group of its own, so that the kill reaches the node process tsx starts.
      detached: true,
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, exited };
  }

  /**
   * True while a session of the product holds a transaction that has written (the import's). Only
   * client sessions count: autovacuum analysing the last import writes too.
   */
  async function importWriting(): Promise<boolean> {
    const [row] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND application_name = 'pss' AND backend_xid IS NOT NULL`,
      [database],
    );
    return row!.n > 0;
  }

  const settled = () => sessionsSettled(query, database, 'import');

  /** Every rule the database must satisfy after any kill; returns what is wrong (nothing, we hope). */
  async function violations(hashes: string[]): Promise<string[]> {
    const wrong: string[] = [];
    const imports = await query<{ id: string; hash: string; recorded: number; read: number; skipped: number; rows: number; distinctRows: number; events: number }>(
      `SELECT i.id::text, i.content_hash AS hash, i.rows_imported AS recorded, i.rows_read AS read, i.rows_skipped AS skipped,
              coalesce(s.n, 0)::int AS rows, coalesce(s.d, 0)::int AS "distinctRows", coalesce(e.n, 0)::int AS events
       FROM imports i
       LEFT JOIN (SELECT import_id, count(*) AS n, count(DISTINCT source_row) AS d FROM students GROUP BY import_id) s ON s.import_id = i.id
       LEFT JOIN (SELECT subject_id, count(*) AS n FROM events WHERE type = 'STUDENTS_IMPORTED' GROUP BY subject_id) e ON e.subject_id = i.id::text`,
    );
    for (const hash of hashes) {
      const landed = imports.filter((i) => i.hash === hash);
      if (landed.length > 1 || (landed[0] && landed[0].rows !== ROWS)) {
        wrong.push(`file ${hash.slice(0, 8)}: ${landed.length} imports holding ${landed.map((i) => i.rows).join(' + ')} of its ${ROWS} rows`);
      }
    }
    for (const i of imports) {
      if (!hashes.includes(i.hash)) wrong.push(`import ${i.id} of a file no trial imported`);
      if (i.rows !== i.recorded || i.distinctRows !== i.rows || i.read !== i.recorded + i.skipped) wrong.push(`import ${i.id}: records ${i.recorded} rows, holds ${i.rows} (${i.distinctRows} distinct)`);
      if (i.events !== 1) wrong.push(`import ${i.id}: ${i.events} STUDENTS_IMPORTED events`);
    }
    const [orphans] = await query<{ students: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM students WHERE import_id IS NULL) AS students,
              (SELECT count(*)::int FROM events e WHERE e.type = 'STUDENTS_IMPORTED' AND NOT EXISTS (SELECT 1 FROM imports i WHERE i.id::text = e.subject_id)) AS events`,
    );
    if (orphans!.students > 0 || orphans!.events > 0) wrong.push(`${orphans!.students} records and ${orphans!.events} import events without an import`);
    const problems = await query<{ id: string; type: string; status: string; opened: number; active: number }>(
      `SELECT p.id::text, p.type, p.status,
              (SELECT count(*)::int FROM events e WHERE e.problem_id = p.id AND e.type = 'PROBLEM_OPENED') AS opened,
              (SELECT count(*)::int FROM problem_members pm JOIN students s ON s.id = pm.student_id
                WHERE pm.problem_id = p.id AND pm.left_at IS NULL AND s.status IN ('ENROLLED', 'SUSPENDED')) AS active
       FROM problems p`,
    );
    for (const p of problems) {
      if (p.opened !== 1) wrong.push(`problem ${p.id}: ${p.opened} PROBLEM_OPENED events`);
      // Nobody acts in this test: every problem is open, with the members its type needs.
      if (p.status !== 'OPEN') wrong.push(`problem ${p.id}: ${p.status}`);
      if (p.type === 'INVALID_ID' ? p.active !== 1 : p.active < 2) wrong.push(`problem ${p.id} (${p.type}): ${p.active} active members`);
    }
    // The incremental detection of the imports that landed left exactly what a rescan finds.
    const rescan = await app.db.dataSource
      .transaction(async (manager) => {
        const result = await app.services.detection.detect(manager, { kind: 'all' });
        throw Object.assign(new Error('rolled back on purpose'), { result });
      })
      .catch((error: { result?: object }) => error.result);
    if (JSON.stringify(rescan) !== JSON.stringify({ opened: 0, joined: 0, left: 0, closed: 0 })) wrong.push(`a rescan would change the problems: ${JSON.stringify(rescan)}`);
    return wrong;
  }

  it(`leaves no partial import, duplicate or inconsistent problem after ${TRIALS} kills at random points`, async () => {
    const hashes: string[] = [];
    // How long an import's transaction runs, measured: from its first write to its commit (the
    // process then still closes its connections and exits). Twice: the first run also fills tsx's
    // compile cache, which makes it slower than the rest.
    const timing = { startup: 0, writing: 0 };
    for (const n of [0, 1]) {
      const calibration = await templateFile(n);
      hashes.push(calibration.hash);
      const started = Date.now();
      const run = startImport(calibration.path);
      let writingAt: number | null = null;
      let committedAt: number | null = null;
      let code: number | null | undefined;
      void run.exited.then((c) => (code = c));
      while (code === undefined) {
        const writing = await importWriting();
        if (writingAt === null && writing) writingAt = Date.now() - started;
        if (writingAt !== null && committedAt === null && !writing) committedAt = Date.now() - started;
        await sleep(10);
      }
      expect(code).toBe(0);
      expect(writingAt).not.toBeNull();
      timing.startup = writingAt!;
      timing.writing = (committedAt ?? Date.now() - started) - writingAt!;
    }

    const outcomes = { beforeTransaction: 0, inTransaction: 0, afterCommit: 0 };
    const failures: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const file = await templateFile(trial + 2);
      hashes.push(file.hash);
      const before = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM imports`))[0]!.n;
      // A point spread over the import's life, each trial at a random place in its own share: a few
      // during start-up, most while the transaction writes (reading, COPY, detection), a few after.
      const point = -0.15 + (1.3 * (trial + random.next())) / TRIALS;
      const { child, exited } = startImport(file.path);
      let gone = false;
      void exited.then(() => (gone = true));
      let where: string;
      if (point < 0) {
        await sleep(random.next() * timing.startup * 0.9);
        where = 'during start-up';
      } else {
        while (!gone && !(await importWriting())) await sleep(10);
        await sleep(point * timing.writing);
        where = `${Math.round(point * timing.writing)} ms into its transaction`;
      }
      const writing = await importWriting();
      killGroup(child);
      await exited;
      await settled();
      const after = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM imports`))[0]!.n;
      if (after > before) outcomes.afterCommit += 1;
      else if (writing) outcomes.inTransaction += 1;
      else outcomes.beforeTransaction += 1;
      for (const problem of await violations(hashes)) failures.push(`trial ${trial + 1} (killed ${where}): ${problem}`);
    }
    const students = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM students`))[0]!.n;
    console.info(
      `import kill test (seed ${seed}): ${TRIALS} trials, ${failures.length} failures; an import of ${ROWS} rows starts writing ${timing.startup} ms after the CLI starts and commits ${timing.writing} ms later; ` +
        `killed ${outcomes.beforeTransaction} times before its transaction, ${outcomes.inTransaction} times inside it, ${outcomes.afterCommit} times after its commit; ${students} records in the end`,
    );
    expect(failures).toEqual([]);
    // The kills must have hit imports in flight for the test to mean anything.
    expect(outcomes.inTransaction).toBeGreaterThanOrEqual(TRIALS / 3);
  }, 900_000);
});
