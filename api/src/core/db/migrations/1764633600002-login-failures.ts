import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins per username, kept by rate-limiter-flexible (its table layout). In the database
 * rather than in memory so that every API process counts the same attempts.
 */
export class LoginFailures1764633600002 implements MigrationInterface {
  name = 'LoginFailures1764633600002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_failures (
        key    varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failures`);
  }
}
