import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp, migrate, type App } from '../../src/app.js';
import { parseConfig } from '../../src/core/config.js';
import { SYSTEM } from '../../src/core/db/row-scope.js';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/** The data keys of every test process and child (a backup restored elsewhere needs the same keys). */
export const TEST_DATA_KEYS = {
  DATA_KEYS: 'test1:BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=',
  DATA_KEY_ID: 'test1',
  BLIND_INDEX_KEY: 'CQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk=',
};

/** The secrets a test app or child process starts with. */
export const TEST_SECRETS = { JWT_SECRET: TEST_JWT_SECRET, ...TEST_DATA_KEYS };

/** The server tests run against when DATABASE_URL is set (CI: the machine's PostgreSQL); else the embedded one. */
export const serverUrl = process.env.DATABASE_URL || undefined;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestApp extends App {
  /** Closes the app and drops its database. */
  dispose(): Promise<void>;
}

/**
 * A migrated, empty database of its own (a new database on the server, or an in-memory embedded
 * one) and the app on top of it. `mode` forces one database kind regardless of DATABASE_URL.
 */
export async function createTestApp(options: { mode?: 'server' | 'embedded'; env?: NodeJS.ProcessEnv } = {}): Promise<TestApp> {
  const mode = options.mode ?? (serverUrl ? 'server' : 'embedded');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pss-test-'));
  let database: string | undefined;
  if (mode === 'server') {
    if (!serverUrl) throw new Error('server mode needs DATABASE_URL');
    database = `pss_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await admin((c) => c.query(`CREATE DATABASE ${database}`));
  }
  const config = parseConfig({
    DATABASE_URL: database ? withDatabase(serverUrl!, database) : undefined,
    DATA_DIR: dataDir,
    ...TEST_SECRETS,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  });
  // Tests set up and check data directly, as an operator would; requests carry their callers' scopes.
  const app = await createApp(config, { inMemory: true, unscoped: SYSTEM });
  await migrate(app);
  return Object.assign(app, {
    async dispose() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (database) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  });
}
