import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the resolution workflow records on problems and their members. */
export class Actions1764547200001 implements MigrationInterface {
  name = 'Actions1764547200001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE problems
        -- Set by the first school action. From then on the workflow (review) settles the problem;
        -- the detector no longer closes it by itself when its collision disappears.
        ADD COLUMN acted_at timestamptz,
        ADD COLUMN submitted_at timestamptz,
        ADD COLUMN rejected_reason text;
      ALTER TABLE problem_members
        ADD COLUMN corroborated_at timestamptz,
        ADD COLUMN corroborated_by bigint REFERENCES users (id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE problem_members DROP COLUMN corroborated_at, DROP COLUMN corroborated_by;
      ALTER TABLE problems DROP COLUMN acted_at, DROP COLUMN submitted_at, DROP COLUMN rejected_reason;
    `);
  }
}
