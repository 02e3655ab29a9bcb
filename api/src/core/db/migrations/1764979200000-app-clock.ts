import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One clock for every time the database writes: `app_now()` is `now()` unless the session carries
 * `pss.clock` (row-scope.ts, `atClock`). Only the demo data sets it, to play six months of a
 * district's work through the real services with the times they would have had; nothing in the
 * product does, so its times stay the transaction's own.
 */
export class AppClock1764979200000 implements MigrationInterface {
  name = 'AppClock1764979200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_now() RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce(nullif(current_setting('pss.clock', true), '')::timestamptz, now())
      $$
    `);
    await this.setDefaults(q, 'now()', 'app_now()');
  }

  async down(q: QueryRunner): Promise<void> {
    await this.setDefaults(q, 'app_now()', 'now()');
    await q.query(`DROP FUNCTION app_now()`);
  }

  /** Every column of this schema whose default is `from` gets `to` instead. */
  private async setDefaults(q: QueryRunner, from: string, to: string): Promise<void> {
    const columns = (await q.query(
      `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_default = $1 ORDER BY 1, 2`,
      [from],
    )) as { table: string; column: string }[];
    for (const { table, column } of columns) await q.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" SET DEFAULT ${to}`);
  }
}
