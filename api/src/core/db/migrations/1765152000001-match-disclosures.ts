import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cross-school matches a user learned of without landing an import: a check before enrolling
 * (checkPupil) or an import's dry run. They count towards the same daily cap as landed imports
 * (IMPORT_DAILY_MATCH_CAP), or guessed ID numbers checked one by one would find where any child is
 * at school while leaving no trace.
 */
export class MatchDisclosures1765152000001 implements MigrationInterface {
  name = 'MatchDisclosures1765152000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE match_disclosures (
        id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_id   bigint NOT NULL REFERENCES users (id),
        source     text NOT NULL CHECK (source IN ('PUPIL_CHECK', 'IMPORT_DRY_RUN')),
        matches    integer NOT NULL CHECK (matches > 0),
        created_at timestamptz NOT NULL DEFAULT app_now()
      );
      CREATE INDEX match_disclosures_actor_idx ON match_disclosures (actor_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE match_disclosures`);
  }
}
