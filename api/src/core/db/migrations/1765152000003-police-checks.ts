import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public security office's verification results (公安核查), imported by district staff. A
 * record whose latest result is "no such ID number" or "name does not match" is an INVALID_ID
 * problem (reasons POLICE_NOT_FOUND, POLICE_NAME_MISMATCH) for as long as the values the office
 * checked are still the record's: a change of the ID number (or, for a name mismatch, of the name)
 * with the corrected document settles it. Row security shows a result to whoever sees its record.
 */
export class PoliceChecks1765152000003 implements MigrationInterface {
  name = 'PoliceChecks1765152000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE police_imports (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_id     bigint REFERENCES users (id),
        file_name    text NOT NULL,
        content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        rows_read    integer NOT NULL,
        matched      integer NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT app_now()
      );
      CREATE TABLE police_checks (
        id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        police_import_id bigint NOT NULL REFERENCES police_imports (id),
        student_id       bigint NOT NULL REFERENCES students (id),
        result           text NOT NULL CHECK (result IN ('CONSISTENT', 'NOT_FOUND', 'NAME_MISMATCH')),
        -- The record's comparison keys when the office checked it: the result holds while they do.
        id_key           text COLLATE "C",
        name_key         text COLLATE "C" NOT NULL,
        source_row       integer NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT app_now()
      );
      CREATE INDEX police_checks_student_idx ON police_checks (student_id, id);

      ALTER TABLE police_checks ENABLE ROW LEVEL SECURITY;
      CREATE POLICY in_scope ON police_checks USING (EXISTS (SELECT 1 FROM students s WHERE s.id = police_checks.student_id));

      -- The reason a record's latest police result still gives, or NULL.
      CREATE FUNCTION police_reason(p_student bigint, p_id_key text, p_name_key text) RETURNS text
        LANGUAGE sql STABLE PARALLEL SAFE AS $$
          SELECT CASE
                   WHEN l.result = 'NOT_FOUND' AND l.id_key IS NOT DISTINCT FROM p_id_key THEN 'POLICE_NOT_FOUND'
                   WHEN l.result = 'NAME_MISMATCH' AND l.id_key IS NOT DISTINCT FROM p_id_key AND l.name_key = p_name_key THEN 'POLICE_NAME_MISMATCH'
                 END
          FROM (SELECT result, id_key, name_key FROM police_checks WHERE student_id = p_student ORDER BY id DESC LIMIT 1) l
        $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION police_reason(bigint, text, text); DROP TABLE police_checks; DROP TABLE police_imports;`);
  }
}
