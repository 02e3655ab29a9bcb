import type { MigrationInterface, QueryRunner } from 'typeorm';

const SCOPE_SCHOOL = `nullif(current_setting('pss.school_id', true), '')::bigint`;
const SCOPE_PREFIX = `nullif(current_setting('pss.region_prefix', true), '')`;

/**
 * Semester verification (学期核查): district staff open a campaign for their region with a
 * deadline; each school confirms its roster class by class, marking the pupils who left (with
 * where to, when known) or whose details changed. A campaign is seen by the region it covers and
 * by the schools in it; a school's confirmations and marks by that school and the region's staff.
 */
export class VerificationCampaigns1765152000004 implements MigrationInterface {
  name = 'VerificationCampaigns1765152000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE verification_campaigns (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- The significant prefix of the region it covers (2, 4 or 6 digits).
        region_prefix text NOT NULL CHECK (region_prefix ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6})$'),
        semester    text NOT NULL,
        title       text NOT NULL,
        due_at      timestamptz NOT NULL,
        status      text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
        opened_by   bigint NOT NULL REFERENCES users (id),
        opened_at   timestamptz NOT NULL DEFAULT app_now(),
        closed_at   timestamptz,
        CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX verification_campaigns_open_idx ON verification_campaigns (region_prefix, semester) WHERE status = 'OPEN';

      CREATE TABLE verification_classes (
        campaign_id  bigint NOT NULL REFERENCES verification_campaigns (id),
        school_id    bigint NOT NULL REFERENCES schools (id),
        -- 年级 and 班级 as the records have them ('' when empty).
        grade        text NOT NULL,
        class_name   text NOT NULL,
        pupils       integer NOT NULL,
        confirmed_by bigint NOT NULL REFERENCES users (id),
        confirmed_at timestamptz NOT NULL DEFAULT app_now(),
        PRIMARY KEY (campaign_id, school_id, grade, class_name)
      );

      CREATE TABLE verification_marks (
        campaign_id     bigint NOT NULL REFERENCES verification_campaigns (id),
        student_id      bigint NOT NULL REFERENCES students (id),
        school_id       bigint NOT NULL REFERENCES schools (id),
        mark            text NOT NULL CHECK (mark IN ('LEFT', 'CHANGED')),
        left_to_school  bigint REFERENCES schools (id),
        note            text,
        marked_by       bigint NOT NULL REFERENCES users (id),
        marked_at       timestamptz NOT NULL DEFAULT app_now(),
        PRIMARY KEY (campaign_id, student_id),
        CHECK (left_to_school IS NULL OR mark = 'LEFT')
      );
      CREATE INDEX verification_marks_to_idx ON verification_marks (left_to_school) WHERE left_to_school IS NOT NULL;

      ALTER TABLE verification_campaigns ENABLE ROW LEVEL SECURITY;
      CREATE POLICY in_scope ON verification_campaigns USING (
        current_setting('pss.scope', true) = 'all'
        OR region_prefix LIKE ${SCOPE_PREFIX} || '%' OR ${SCOPE_PREFIX} LIKE region_prefix || '%'
        OR EXISTS (SELECT 1 FROM schools s WHERE s.id = ${SCOPE_SCHOOL} AND s.region_code LIKE verification_campaigns.region_prefix || '%'));
      ALTER TABLE verification_classes ENABLE ROW LEVEL SECURITY;
      CREATE POLICY in_scope ON verification_classes USING (
        current_setting('pss.scope', true) = 'all' OR school_id = ${SCOPE_SCHOOL}
        OR school_id IN (SELECT id FROM schools WHERE region_code LIKE ${SCOPE_PREFIX} || '%'));
      ALTER TABLE verification_marks ENABLE ROW LEVEL SECURITY;
      -- The school a pupil left for sees the mark that names it: it is to ask for the transfer.
      CREATE POLICY in_scope ON verification_marks USING (
        current_setting('pss.scope', true) = 'all' OR school_id = ${SCOPE_SCHOOL} OR left_to_school = ${SCOPE_SCHOOL}
        OR school_id IN (SELECT id FROM schools WHERE region_code LIKE ${SCOPE_PREFIX} || '%'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE verification_marks; DROP TABLE verification_classes; DROP TABLE verification_campaigns;`);
  }
}
