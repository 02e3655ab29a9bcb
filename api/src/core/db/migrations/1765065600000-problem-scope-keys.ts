import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sets the keys of the problems `problemIds` (a subquery) from the schools of their members, current and
 * left: what `in_scope` matches a session against. stats.service.ts `scopeKey` builds the same keys.
 */
const KEYS_OF = (problemIds: string) => `
  UPDATE problems p SET scope_keys = ARRAY['*'] || coalesce((
    SELECT array_agg(DISTINCT k ORDER BY k)
    FROM problem_members m JOIN schools s ON s.id = m.school_id,
         LATERAL (VALUES ('s:' || s.id), ('p:' || left(s.region_code, 2)), ('p:' || left(s.region_code, 4)), ('p:' || s.region_code)) keys(k)
    WHERE m.problem_id = p.id), '{}')
  WHERE p.id IN (${problemIds})`;

/**
 * The problems policy of migration 1764720000000 looked a problem's schools up in problem_members
 * for every row it considered: district statistics took 26 ms as the tables' owner and 119 ms under
 * the policy (`pnpm bench:reports`, 50,000 problems). Each problem now carries the keys a session's
 * scope can match — `s:<school id>` and `p:<region prefix>` for the 2-, 4- and 6-digit prefixes of
 * each member school's region (the only lengths a scope's prefix has, caller.ts `regionPrefix`) —
 * and `*` on every problem (for the scope `all`), so the policy is one array overlap on the row
 * against the session's keys, computed once per statement (an InitPlan) and usable by the index:
 * written with the settings inline per row, the check cost 1.8 µs a row, 90 ms for 50,000
 * problems, and kept the planner from the index. Members who left still count, as before.
 * District statistics counted per problem use the same keys, through a GIN index.
 *
 * The keys are kept by statement-level triggers (one UPDATE per statement, not per member row, so a
 * scan that opens thousands of problems pays once) on problem_members and on a school's region,
 * running as the tables' owner so that they may fix every affected row whatever the session's scope.
 */
export class ProblemScopeKeys1765065600000 implements MigrationInterface {
  name = 'ProblemScopeKeys1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE problems ADD COLUMN scope_keys text[] NOT NULL DEFAULT '{*}';

      CREATE FUNCTION problem_scope_keys_of_members() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${KEYS_OF('SELECT problem_id FROM changed_new')};
        ELSIF TG_OP = 'DELETE' THEN
          ${KEYS_OF('SELECT problem_id FROM changed_old')};
        ELSE
          -- Only a member moved to another problem or school changes keys, not a corroboration or a leaving.
          ${KEYS_OF(`SELECT problem_id FROM ((SELECT problem_id, school_id FROM changed_new EXCEPT SELECT problem_id, school_id FROM changed_old)
                     UNION ALL (SELECT problem_id, school_id FROM changed_old EXCEPT SELECT problem_id, school_id FROM changed_new)) moved`)};
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER problem_members_scope_keys_insert AFTER INSERT ON problem_members
        REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION problem_scope_keys_of_members();
      CREATE TRIGGER problem_members_scope_keys_update AFTER UPDATE ON problem_members
        REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION problem_scope_keys_of_members();
      CREATE TRIGGER problem_members_scope_keys_delete AFTER DELETE ON problem_members
        REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION problem_scope_keys_of_members();

      CREATE FUNCTION problem_scope_keys_of_schools() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        ${KEYS_OF(`SELECT m.problem_id FROM problem_members m JOIN moved_new n ON n.id = m.school_id
                   JOIN moved_old o ON o.id = n.id WHERE o.region_code IS DISTINCT FROM n.region_code`)};
        RETURN NULL;
      END $$;
      CREATE TRIGGER schools_scope_keys AFTER UPDATE ON schools
        REFERENCING OLD TABLE AS moved_old NEW TABLE AS moved_new FOR EACH STATEMENT EXECUTE FUNCTION problem_scope_keys_of_schools();

      ${KEYS_OF('SELECT id FROM problems')};
      -- District statistics find a region's problems by their key (stats.service.ts).
      CREATE INDEX problems_scope_keys_idx ON problems USING gin (scope_keys);

      DROP POLICY in_scope ON problems;
      CREATE POLICY in_scope ON problems USING (scope_keys && (SELECT CASE current_setting('pss.scope', true)
        WHEN 'all' THEN ARRAY['*']
        ELSE ARRAY['s:' || nullif(current_setting('pss.school_id', true), ''), 'p:' || nullif(current_setting('pss.region_prefix', true), '')] END));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY in_scope ON problems;
      CREATE POLICY in_scope ON problems USING (current_setting('pss.scope', true) = 'all' OR EXISTS (
        SELECT 1 FROM problem_members m
        WHERE m.problem_id = problems.id AND (m.school_id = nullif(current_setting('pss.school_id', true), '')::bigint
          OR m.school_id IN (SELECT id FROM schools WHERE region_code LIKE nullif(current_setting('pss.region_prefix', true), '') || '%'))));
      DROP TRIGGER schools_scope_keys ON schools;
      DROP FUNCTION problem_scope_keys_of_schools();
      DROP TRIGGER problem_members_scope_keys_delete ON problem_members;
      DROP TRIGGER problem_members_scope_keys_update ON problem_members;
      DROP TRIGGER problem_members_scope_keys_insert ON problem_members;
      DROP FUNCTION problem_scope_keys_of_members();
      DROP INDEX problems_scope_keys_idx;
      ALTER TABLE problems DROP COLUMN scope_keys;
    `);
  }
}
