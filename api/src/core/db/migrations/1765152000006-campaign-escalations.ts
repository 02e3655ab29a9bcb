import type { MigrationInterface, QueryRunner } from 'typeorm';

const SCOPE_SCHOOL = `nullif(current_setting('pss.school_id', true), '')::bigint`;
const SCOPE_PREFIX = `nullif(current_setting('pss.region_prefix', true), '')`;

/**
 * Semester verification past its deadline: the hourly deadline check escalates each school that
 * has not confirmed every class to the region's district staff, once per campaign, as it does
 * with problems left open. Seen by that school and the region's staff.
 */
export class CampaignEscalations1765152000006 implements MigrationInterface {
  name = 'CampaignEscalations1765152000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE verification_escalations (
        campaign_id  bigint NOT NULL REFERENCES verification_campaigns (id),
        school_id    bigint NOT NULL REFERENCES schools (id),
        -- Classes confirmed of all, when it was escalated.
        classes      integer NOT NULL,
        classes_done integer NOT NULL,
        escalated_at timestamptz NOT NULL,
        PRIMARY KEY (campaign_id, school_id)
      );
      ALTER TABLE verification_escalations ENABLE ROW LEVEL SECURITY;
      CREATE POLICY in_scope ON verification_escalations USING (
        current_setting('pss.scope', true) = 'all' OR school_id = ${SCOPE_SCHOOL}
        OR school_id IN (SELECT id FROM schools WHERE region_code LIKE ${SCOPE_PREFIX} || '%'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE verification_escalations;`);
  }
}
