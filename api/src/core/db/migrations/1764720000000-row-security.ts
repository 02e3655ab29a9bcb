import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, CREATE_APP_ROLE } from '../row-scope.js';

/** The caller's school, or NULL when the session's scope is not a school. */
const SCOPE_SCHOOL = `nullif(current_setting('pss.school_id', true), '')::bigint`;
/** Schools of the caller's region; none when the session's scope is not a region. */
const SCOPE_REGION_SCHOOLS = `(SELECT id FROM schools WHERE region_code LIKE nullif(current_setting('pss.region_prefix', true), '') || '%')`;
const SCOPE_ALL = `current_setting('pss.scope', true) = 'all'`;
/** Records a scope owns: it reads and writes them. */
const OWN_RECORDS = `(${SCOPE_ALL} OR school_id = ${SCOPE_SCHOOL} OR school_id IN ${SCOPE_REGION_SCHOOLS})`;
/**
 * The other school's record in a problem the scope shares, read (masked) for the comparison and
 * never written by the other side. The scope's problems are collected once per statement (an
 * InitPlan), not joined per row: as a join the planner walked all of problem_members for each row.
 */
const SHARES_A_PROBLEM = `EXISTS (
  SELECT 1 FROM problem_members theirs
  WHERE theirs.student_id = students.id
    AND theirs.problem_id = ANY (ARRAY(SELECT ours.problem_id FROM problem_members ours
                                       WHERE ours.school_id = ${SCOPE_SCHOOL} OR ours.school_id IN ${SCOPE_REGION_SCHOOLS})))`;

/**
 * Row-level security on the records of minors: `students` and `problems` answer a session only the
 * rows its scope covers (see row-scope.ts for how the product sets the scope), mirroring the
 * services' own filters so that a query that forgets its filter still cannot reach another
 * school's pupils. The product's sessions act as `pss_app`, which has no BYPASSRLS; migrations,
 * backups and the table owner are not subject to the policies.
 *
 * Policies are written inline rather than as functions: PostgreSQL then plans them with the query
 * (hashed subplans, index lookups) instead of calling a function per row. One policy per command,
 * its tests OR-ed cheapest first: PostgreSQL does not promise an order between several permissive
 * policies (it put the costliest first).
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
      CREATE POLICY in_scope ON students FOR SELECT USING (${OWN_RECORDS} OR ${SHARES_A_PROBLEM});
      CREATE POLICY own_insert ON students FOR INSERT WITH CHECK (${OWN_RECORDS});
      CREATE POLICY own_update ON students FOR UPDATE USING (${OWN_RECORDS}) WITH CHECK (${OWN_RECORDS});
      CREATE POLICY own_delete ON students FOR DELETE USING (${OWN_RECORDS});

      ALTER TABLE problems ENABLE ROW LEVEL SECURITY;
      CREATE POLICY in_scope ON problems USING (${SCOPE_ALL} OR EXISTS (
        SELECT 1 FROM problem_members m
        WHERE m.problem_id = problems.id AND (m.school_id = ${SCOPE_SCHOOL} OR m.school_id IN ${SCOPE_REGION_SCHOOLS})));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY in_scope ON problems;
      ALTER TABLE problems DISABLE ROW LEVEL SECURITY;
      DROP POLICY own_delete ON students;
      DROP POLICY own_update ON students;
      DROP POLICY own_insert ON students;
      DROP POLICY in_scope ON students;
      ALTER TABLE students DISABLE ROW LEVEL SECURITY;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP_ROLE};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APP_ROLE};
      REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE};
      REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE};
      REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE};
    `);
  }
}
