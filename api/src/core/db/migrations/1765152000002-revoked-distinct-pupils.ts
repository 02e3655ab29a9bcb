import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * District staff may reopen a resolved problem; a "different pupils" decision it carried is then
 * revoked, not deleted: the pair is compared again, and the row says who revoked it and when.
 */
export class RevokedDistinctPupils1765152000002 implements MigrationInterface {
  name = 'RevokedDistinctPupils1765152000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE distinct_pupils
        ADD COLUMN revoked_at timestamptz,
        ADD COLUMN revoked_by bigint REFERENCES users (id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE distinct_pupils DROP COLUMN revoked_by, DROP COLUMN revoked_at`);
  }
}
