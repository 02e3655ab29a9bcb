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

/** The product's composition root on `url`, migrated, with a throwaway DATA_DIR. */
export async function benchApp(url: string, env: Record<string, string> = {}): Promise<BenchApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pss-bench-'));
  const app = await createApp(parseConfig({ DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', JWT_SECRET: BENCH_JWT_SECRET, ...env }), { unscoped: SYSTEM });
  await migrate(app);
  return {
    app,
    dataDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A session token for a bench user, opened as a sign-in would (the product checks the session on every request). */
export async function sessionToken(app: App, userId: string): Promise<string> {
  return (await app.db.dataSource.transaction((manager) => app.services.sessions.open(manager, userId, null))).token;
}
