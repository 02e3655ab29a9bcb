import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOwner } from '../src/core/db/row-scope.js';
import { appendEvents } from '../src/core/events.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('events table', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await app.db.dataSource.transaction((m) =>
      appendEvents(m, [{ type: 'TEST', actorId: null, subjectType: 'school', subjectId: '1', data: { n: 1 } }]),
    );
  });
  afterAll(() => app?.dispose());

  it('accepts appends', async () => {
    const rows = (await app.db.dataSource.query(`SELECT type, data FROM events`)) as { type: string; data: unknown }[];
    expect(rows).toEqual([{ type: 'TEST', data: { n: 1 } }]);
  });

  it.each([
    ['UPDATE', `UPDATE events SET type = 'FORGED'`],
    ['DELETE', `DELETE FROM events`],
    ['TRUNCATE', `TRUNCATE events`],
  ])('refuses %s, even from the table owner', async (op, sql) => {
    await expect(asOwner(() => app.db.dataSource.query(sql))).rejects.toThrow(`events are append-only: ${op} is not allowed`);
    const rows = (await app.db.dataSource.query(`SELECT type FROM events`)) as unknown[];
    expect(rows).toEqual([{ type: 'TEST' }]);
  });

  it.each([`UPDATE events SET type = 'FORGED'`, `DELETE FROM events`, `TRUNCATE events`])('the product’s own role may not even try: %s', async (sql) => {
    await expect(app.db.dataSource.query(sql)).rejects.toThrow('permission denied for table events');
  });
});
