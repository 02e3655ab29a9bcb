import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, migrate, type App } from '../../../api/src/app.js';
import { SYSTEM } from '../../../api/src/core/db/row-scope.js';
import { parseConfig } from '../../../api/src/core/config.js';

/** One secret for the bench process and the product processes it starts, so tokens pass between them. */
export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';

export interface BenchApp {
  app: App;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The product's composition root on `url`, migrated. Its DATA_DIR holds the keys the records are
 * sealed with, so every process that reads the data set must share it: BENCH_DATA_DIR when given
 * (`pnpm bench` shares one between its parts, and a data set kept with BENCH_KEEP needs its own
 * again), else a throwaway one. Either way it is put in BENCH_DATA_DIR for the product processes
 * this run starts (processes.ts).
 */
export async function benchApp(url: string, env: Record<string, string> = {}): Promise<BenchApp> {
  const given = process.env.BENCH_DATA_DIR;
  const dataDir = given ?? mkdtempSync(path.join(tmpdir(), 'pss-bench-'));
  process.env.BENCH_DATA_DIR = dataDir;
  const app = await createApp(parseConfig({ DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', JWT_SECRET: BENCH_JWT_SECRET, ...env }), { unscoped: SYSTEM });
  await migrate(app);
  return {
    app,
    dataDir,
    async close() {
      await app.close();
      if (given) return;
      if (process.env.BENCH_KEEP) console.log(`kept DATA_DIR ${dataDir} (BENCH_DATA_DIR for the kept database)`);
      else rmSync(dataDir, { recursive: true, force: true });
      delete process.env.BENCH_DATA_DIR;
    },
  };
}

/** A session token for a bench user, opened as a sign-in would (the product checks the session on every request). */
export async function sessionToken(app: App, userId: string): Promise<string> {
  return (await app.db.dataSource.transaction((manager) => app.services.sessions.open(manager, userId, null))).token;
}
