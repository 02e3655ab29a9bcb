import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Student imports (one row per file imported) and what the problem detector needs. */
export class ImportAndDetection1764460800000 implements MigrationInterface {
  name = 'ImportAndDetection1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE imports (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        school_id     bigint NOT NULL REFERENCES schools (id),
        file_name     text NOT NULL,
        -- sha256 of the file's bytes: the same template imported twice is the registry's most common
        -- source of duplicates, so a second import of the same content is refused unless forced.
        content_hash  text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        format        text NOT NULL CHECK (format IN ('csv', 'xlsx')),
        encoding      text,
        rows_read     integer NOT NULL,
        rows_imported integer NOT NULL,
        rows_skipped  integer NOT NULL,
        forced        boolean NOT NULL DEFAULT false,
        actor_id      bigint REFERENCES users (id),
        created_at    timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX imports_school_hash_idx ON imports (school_id, content_hash);

      ALTER TABLE students
        ADD COLUMN import_id   bigint REFERENCES imports (id),
        ADD COLUMN source_row  integer,
        -- INVALID_ID reasons (CHECKSUM, FORMAT, BIRTH_DATE_MISMATCH, GENDER_MISMATCH), derived from the
        -- stored values like name_key and id_key, so incremental detection and a rescan agree.
        ADD COLUMN id_problems text[] NOT NULL DEFAULT '{}';
      CREATE INDEX students_active_invalid_id_idx ON students (id)
        WHERE status IN ('ENROLLED', 'SUSPENDED') AND cardinality(id_problems) > 0;

      ALTER TABLE problems
        ADD COLUMN reasons   text[] NOT NULL DEFAULT '{}',
        ADD COLUMN closed_by text CHECK (closed_by IN ('SYSTEM', 'REVIEW', 'ARBITRATION'));

      -- Pairs proven to be different pupils. The fingerprints are of the compared fields at the time
      -- of proof; a pair is flagged again only when one of those fields has changed since.
      CREATE TABLE distinct_pupils (
        student_a     bigint NOT NULL REFERENCES students (id),
        student_b     bigint NOT NULL REFERENCES students (id),
        fingerprint_a text NOT NULL,
        fingerprint_b text NOT NULL,
        problem_id    bigint REFERENCES problems (id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (student_a, student_b),
        CHECK (student_a < student_b)
      );

      CREATE FUNCTION identity_fingerprint(name_key text, gender text, birth_date date, id_key text)
        RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN md5(name_key || '|' || gender || '|' || birth_date::text || '|' || coalesce(id_key, ''));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION identity_fingerprint(text, text, date, text);
      DROP TABLE distinct_pupils;
      ALTER TABLE problems DROP COLUMN reasons, DROP COLUMN closed_by;
      ALTER TABLE students DROP COLUMN import_id, DROP COLUMN source_row, DROP COLUMN id_problems;
      DROP TABLE imports;
    `);
  }
}
