import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, migrate, MIGRATIONS } from '../src/app.js';
import { parseConfig } from '../src/core/config.js';
import { makeSchool } from './support/factories.js';
import { createTestApp, serverUrl, TEST_SECRETS } from './support/test-app.js';

const columnsSql = `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
                    WHERE table_schema = 'public' ORDER BY table_name, column_name`;

describe('embedded database (no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pss-embedded-'));
  const config = parseConfig({ DATA_DIR: dataDir, ...TEST_SECRETS, LOG_LEVEL: 'silent' });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps its data in DATA_DIR across restarts and refuses a second process', async () => {
    const first = await createApp(config);
    try {
      expect(first.db.mode).toBe('embedded');
      expect(await migrate(first)).toHaveLength(MIGRATIONS.length);
      await makeSchool(first, '330106', '重启测试学校');
      await expect(createApp(config)).rejects.toThrow(/in use by process \d+/);
    } finally {
      await first.close();
    }
    const second = await createApp(config);
    try {
      expect(await migrate(second)).toEqual([]);
      const rows = (await second.db.dataSource.query(`SELECT name FROM schools`)) as { name: string }[];
      expect(rows).toEqual([{ name: '重启测试学校' }]);
    } finally {
      await second.close();
    }
  });

  it.runIf(serverUrl)('has exactly the schema the migrations give a PostgreSQL server', async () => {
    const embedded = await createTestApp({ mode: 'embedded' });
    const server = await createTestApp({ mode: 'server' });
    try {
      expect(embedded.db.mode).toBe('embedded');
      expect(server.db.mode).toBe('server');
      const [a, b] = await Promise.all([embedded.db.dataSource.query(columnsSql), server.db.dataSource.query(columnsSql)]);
      expect(a.length).toBeGreaterThan(50);
      expect(a).toEqual(b);
      const regions = `SELECT level, count(*)::int AS n FROM regions GROUP BY level ORDER BY level`;
      expect(await embedded.db.dataSource.query(regions)).toEqual(await server.db.dataSource.query(regions));
    } finally {
      await embedded.dispose();
      await server.dispose();
    }
  });
});

/**
 * The embedded database is one session shared by every connection the pool opens into it. These
 * tests leave each kind of session state behind, lose the connection, and check that the next
 * client starts clean — and that the pool does not recycle its client when idle.
 */
describe('embedded database: one session, no state carried between pooled clients', () => {
  type PoolClient = { query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>; release(destroy?: boolean): void };
  type Pool = { connect(): Promise<PoolClient> };

  it('keeps its one client past the pool default 10 s idle timeout', async () => {
    const app = await createTestApp({ mode: 'embedded' });
    try {
      const pool = (app.db.dataSource.driver as unknown as { master: Pool }).master;
      const first = await pool.connect();
      first.release();
      await new Promise((resolve) => setTimeout(resolve, 10_500));
      const again = await pool.connect();
      again.release();
      expect(again).toBe(first);
    } finally {
      await app.dispose();
    }
  });

  it('a client that replaces a lost one finds no prepared statement, setting, temp table, lock or listener of the old one', async () => {
    const app = await createTestApp({ mode: 'embedded' });
    try {
      const pool = (app.db.dataSource.driver as unknown as { master: Pool }).master;
      const old = await pool.connect();
      await old.query(`PREPARE leftover AS SELECT 1`);
      await old.query(`SET work_mem = '7MB'`);
      await old.query(`SELECT set_config('pss.scope', 'all', false)`);
      await old.query(`CREATE TEMP TABLE leftover_rows (n int)`);
      await old.query(`SELECT pg_advisory_lock(4242)`);
      await old.query(`LISTEN leftover_channel`);
      // Destroying the client closes its connection, as a lost connection would.
      old.release(true);

      const next = await pool.connect();
      try {
        const state = (
          await next.query(`SELECT (SELECT count(*)::int FROM pg_prepared_statements) AS prepared,
                                   current_setting('work_mem') AS work_mem,
                                   coalesce(current_setting('pss.scope', true), '') AS scope,
                                   to_regclass('pg_temp.leftover_rows') IS NULL AS no_temp,
                                   (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory') AS locks,
                                   (SELECT count(*)::int FROM pg_listening_channels()) AS listening`)
        ).rows[0];
        expect(state).toEqual({ prepared: 0, work_mem: '4MB', scope: '', no_temp: true, locks: 0, listening: 0 });
      } finally {
        next.release();
      }
      // rate-limiter-flexible prepares named statements: a sign-in after the swap still answers.
      expect(await app.services.users.login('nobody', 'wrong-password')).toEqual({ ok: false, code: 'INVALID_CREDENTIALS' });
      expect(await app.services.users.login('nobody', 'wrong-password')).toEqual({ ok: false, code: 'INVALID_CREDENTIALS' });
    } finally {
      await app.dispose();
    }
  });
});
