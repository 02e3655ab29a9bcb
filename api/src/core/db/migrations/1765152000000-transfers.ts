import type { MigrationInterface, QueryRunner } from 'typeorm';

const SCOPE_SCHOOL = `nullif(current_setting('pss.school_id', true), '')::bigint`;
const SCOPE_REGION_SCHOOLS = `(SELECT id FROM schools WHERE region_code LIKE nullif(current_setting('pss.region_prefix', true), '') || '%')`;

/**
 * Transfers between schools (学籍转接): the new school asks, the old school confirms (or its
 * district decides once the answer is overdue), districts approve a move between them, and the old
 * record becomes TRANSFERRED_OUT, linked to the record that continues it. A transfer requested
 * inside a DUPLICATE_ID problem resolves it as TRANSFERRED. Row security lets a session see the
 * transfers of its school or region, on either side.
 */
export class Transfers1765152000000 implements MigrationInterface {
  name = 'Transfers1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE students
        ADD COLUMN transferred_to bigint REFERENCES students (id),
        ADD COLUMN transferred_at timestamptz,
        ADD CONSTRAINT students_transfer_link CHECK ((transferred_to IS NULL) OR status = 'TRANSFERRED_OUT');
      ALTER TABLE problems DROP CONSTRAINT problems_closed_by_check,
        ADD CONSTRAINT problems_closed_by_check CHECK (closed_by IN ('SYSTEM', 'REVIEW', 'ARBITRATION', 'TRANSFERRED'));

      CREATE TABLE transfers (
        id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- The old school's record, and the record that continues it at the new school: the other
        -- member of the problem, or the copy made when the transfer completes.
        student_id       bigint NOT NULL REFERENCES students (id),
        to_student_id    bigint REFERENCES students (id),
        from_school_id   bigint NOT NULL REFERENCES schools (id),
        to_school_id     bigint NOT NULL REFERENCES schools (id),
        problem_id       bigint REFERENCES problems (id),
        -- The pupil's name as both schools know it (the old record's, or as the new school typed it).
        pupil_name       text NOT NULL,
        status           text NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED', 'CONFIRMED', 'COMPLETED', 'REJECTED', 'WITHDRAWN')),
        note             text,
        requested_by     bigint NOT NULL REFERENCES users (id),
        requested_at     timestamptz NOT NULL DEFAULT app_now(),
        due_at           timestamptz NOT NULL,
        answered_by      bigint REFERENCES users (id),
        answered_at      timestamptz,
        answer_reason    text,
        -- District codes whose staff approve a move between two districts, and those that have.
        approvals_needed text[] NOT NULL DEFAULT '{}',
        approved         text[] NOT NULL DEFAULT '{}',
        completed_at     timestamptz,
        version          integer NOT NULL DEFAULT 1,
        CHECK (from_school_id <> to_school_id),
        CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
      );
      -- One open transfer per record: two schools cannot both be taking the same pupil.
      CREATE UNIQUE INDEX transfers_one_open_idx ON transfers (student_id) WHERE status IN ('REQUESTED', 'CONFIRMED');
      CREATE INDEX transfers_from_idx ON transfers (from_school_id, id);
      CREATE INDEX transfers_to_idx ON transfers (to_school_id, id);
      CREATE INDEX transfers_problem_idx ON transfers (problem_id) WHERE problem_id IS NOT NULL;

      ALTER TABLE transfers ENABLE ROW LEVEL SECURITY;
      CREATE POLICY in_scope ON transfers USING (
        current_setting('pss.scope', true) = 'all'
        OR from_school_id = ${SCOPE_SCHOOL} OR to_school_id = ${SCOPE_SCHOOL}
        OR from_school_id IN ${SCOPE_REGION_SCHOOLS} OR to_school_id IN ${SCOPE_REGION_SCHOOLS});
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE transfers;
      ALTER TABLE problems DROP CONSTRAINT problems_closed_by_check,
        ADD CONSTRAINT problems_closed_by_check CHECK (closed_by IN ('SYSTEM', 'REVIEW', 'ARBITRATION'));
      ALTER TABLE students DROP CONSTRAINT students_transfer_link, DROP COLUMN transferred_at, DROP COLUMN transferred_to;
    `);
  }
}
