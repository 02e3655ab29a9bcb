import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, CREATE_APP_ROLE } from '../row-scope.js';

/** The caller's school, or NULL when the session's scope is not a school. */
const SCOPE_SCHOOL = `nullif(current_setting('pss.school_id', true), '')::bigint`;
/** Schools of the caller's region; none when the session's scope is not a region. */
const SCOPE_REGION_SCHOOLS = `(SELECT id FROM schools WHERE region_code LIKE nullif(current_setting('pss.region_prefix', true), '') || '%')`;
const SCOPE_ALL = `current_setting('pss.scope', true) = 'all'`;

/**
 * Row-level security on the records of minors: `students` and `problems` answer a session only the
 * rows its scope covers (see row-scope.ts for how the product sets the scope), mirroring the
 * services' own filters so that a query that forgets its filter still cannot reach another
 * school's pupils. The product's sessions act as `pss_app`, which has no BYPASSRLS; migrations,
 * backups and the table owner are not subject to the policies.
 *
 * Policies are written inline rather than as functions: PostgreSQL then plans them with the query
 * (hashed subplans, index lookups) instead of calling a function per row. Permissive policies are
 * OR-ed in name order, so the cheapest test comes first.
 */
export class RowSecurity1764720000000 implements MigrationInterface {
  name = 'RowSecurity1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ${CREATE_APP_ROLE}
      DO $$
      BEGIN
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
        END IF;
      END $$;

      GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE};
      -- The product never rewrites its migration history, nor any history: triggers refuse these
      -- too, and the privileges make the refusal the database's before any trigger runs.
      REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM ${APP_ROLE};
      REVOKE UPDATE, DELETE ON events FROM ${APP_ROLE};
      REVOKE UPDATE ON access_log FROM ${APP_ROLE};

      ALTER TABLE students ENABLE ROW LEVEL SECURITY;
      CREATE POLICY a_everything ON students USING (${SCOPE_ALL});
      CREATE POLICY b_own_school ON students USING (school_id = ${SCOPE_SCHOOL});
      CREATE POLICY c_own_region ON students USING (school_id IN ${SCOPE_REGION_SCHOOLS});
      -- The other school's records in a shared problem are read (masked) for the comparison; they
      -- are never written by the other side.
      CREATE POLICY d_shares_a_problem ON students FOR SELECT USING (EXISTS (
        SELECT 1 FROM problem_members theirs JOIN problem_members ours ON ours.problem_id = theirs.problem_id
        WHERE theirs.student_id = students.id
          AND (ours.school_id = ${SCOPE_SCHOOL} OR ours.school_id IN ${SCOPE_REGION_SCHOOLS})));

      ALTER TABLE problems ENABLE ROW LEVEL SECURITY;
      CREATE POLICY a_everything ON problems USING (${SCOPE_ALL});
      CREATE POLICY b_has_a_record_in_scope ON problems USING (EXISTS (
        SELECT 1 FROM problem_members m
        WHERE m.problem_id = problems.id AND (m.school_id = ${SCOPE_SCHOOL} OR m.school_id IN ${SCOPE_REGION_SCHOOLS})));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY b_has_a_record_in_scope ON problems;
      DROP POLICY a_everything ON problems;
      ALTER TABLE problems DISABLE ROW LEVEL SECURITY;
      DROP POLICY d_shares_a_problem ON students;
      DROP POLICY c_own_region ON students;
      DROP POLICY b_own_school ON students;
      DROP POLICY a_everything ON students;
      ALTER TABLE students DISABLE ROW LEVEL SECURITY;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP_ROLE};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APP_ROLE};
      REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE};
      REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE};
      REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE};
    `);
  }
}
