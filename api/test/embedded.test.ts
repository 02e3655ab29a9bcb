import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, migrate, MIGRATIONS } from '../src/app.js';
import { parseConfig } from '../src/core/config.js';
import { makeSchool } from './support/factories.js';
import { createTestApp, serverUrl, TEST_JWT_SECRET } from './support/test-app.js';

const columnsSql = `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
                    WHERE table_schema = 'public' ORDER BY table_name, column_name`;

describe('embedded database (no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pss-embedded-'));
  const config = parseConfig({ DATA_DIR: dataDir, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent' });
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
