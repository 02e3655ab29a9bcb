import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The problem list is read newest first, oldest first, or by last activity, paged by keyset on
 * (timestamp, id): these indexes let each page start at its cursor instead of sorting the table.
 */
export class ProblemOrder1764633600000 implements MigrationInterface {
  name = 'ProblemOrder1764633600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX problems_opened_idx ON problems (opened_at, id);
      CREATE INDEX problems_updated_idx ON problems (updated_at, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX problems_updated_idx; DROP INDEX problems_opened_idx;`);
  }
}
