import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeneratedCsv } from '../src/registry/import/generator.js';
import { makeSchool } from './support/factories.js';
import { fixtureDir } from './support/templates.js';
import { createTestApp, serverUrl, TEST_JWT_SECRET, type TestApp } from './support/test-app.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `kill -9` of an importing process at random moments: the import is one transaction, so the
 * database holds either all of the file or none of it — never a part.
 */
describe.runIf(serverUrl)('an import killed midway', () => {
  let app: TestApp;
  const files = fixtureDir();
  let file: string;
  beforeAll(async () => {
    app = await createTestApp();
    await makeSchool(app, '330106');
    file = `${files.dir}/big.csv`;
    await writeGeneratedCsv(file, { students: 40_000, seed: 5 });
  });
  afterAll(async () => {
    files.cleanup();
    await app?.dispose();
  });

  it('leaves no partial import, whenever it is killed', async () => {
    const [school] = (await app.db.dataSource.query(`SELECT code FROM schools`)) as { code: string }[];
    const database = new URL(app.config.DATABASE_URL!).pathname.slice(1);
    const outcomes: number[] = [];
    for (const delayMs of [2000, 3500, 5000, 6500]) {
      const child = spawn(`${root}node_modules/.bin/tsx`, ['--tsconfig', 'api/tsconfig.json', 'api/src/cli.ts', 'students:import', '--school', school!.code, '--force', file], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: app.config.DATABASE_URL, JWT_SECRET: TEST_JWT_SECRET, DATA_DIR: files.dir },
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await sleep(delayMs);
      child.kill('SIGKILL');
      await exited;
      // The server notices the dead client and rolls its transaction back.
      for (let i = 0; i < 100; i++) {
        const busy = (await app.db.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND application_name = 'pss'`,
          [database],
        )) as { n: number }[];
        if (busy[0]!.n === 0) break;
        await sleep(100);
      }
      const [state] = (await app.db.dataSource.query(
        `SELECT (SELECT count(*) FROM students)::int AS students, (SELECT count(*) FROM imports)::int AS imports,
                (SELECT coalesce(sum(rows_imported), 0) FROM imports)::int AS recorded`,
      )) as { students: number; imports: number; recorded: number }[];
      // Either nothing of this run landed, or all of it did (a late kill after the commit).
      expect(state!.students).toBe(state!.recorded);
      expect(state!.students % 40_000).toBe(0);
      outcomes.push(state!.imports);
    }
    console.info(`imports committed after each kill: ${outcomes.join(', ')}`);
    // At least one kill must have hit an import in flight for the test to mean anything.
    expect(outcomes[0]).toBe(0);
  });
});
