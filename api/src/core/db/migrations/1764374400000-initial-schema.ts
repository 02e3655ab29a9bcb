import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry (regions, schools, student records, users), problem groups and the append-only
 * event log. Later features add their own migrations; this one is never edited once released.
 */
export class InitialSchema1764374400000 implements MigrationInterface {
  name = 'InitialSchema1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE regions (
        code        text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
        name        text NOT NULL,
        level       text NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'DISTRICT')),
        parent_code text REFERENCES regions (code),
        -- GB/T 2260 codes nest by prefix (2 digits province, 4 city, 6 district): a subtree is
        -- every code starting with the region's prefix, which a btree index answers directly.
        prefix      text NOT NULL UNIQUE
      );
      CREATE INDEX regions_parent_idx ON regions (parent_code);

      CREATE TABLE schools (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        code        text NOT NULL CHECK (code ~ '^[0-9]{10}$'),
        name        text NOT NULL CHECK (length(btrim(name)) > 0),
        region_code text NOT NULL REFERENCES regions (code),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        deleted_at  timestamptz
      );
      -- Soft-deleted rows keep their code, so uniqueness holds among live rows only.
      CREATE UNIQUE INDEX schools_code_live_idx ON schools (code) WHERE deleted_at IS NULL;
      CREATE INDEX schools_region_idx ON schools (region_code text_pattern_ops);

      CREATE TABLE students (
        id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        school_id        bigint NOT NULL REFERENCES schools (id),
        -- Values as imported: an operator must be able to find the row in the school's file.
        name             text NOT NULL,
        gender           text NOT NULL CHECK (gender IN ('M', 'F')),
        birth_date       date NOT NULL,
        id_type          text NOT NULL DEFAULT 'RESIDENT_ID' CHECK (id_type IN (
                           'RESIDENT_ID', 'HK_PASS', 'MO_PASS', 'TW_PASS', 'FOREIGN_PERMANENT', 'PASSPORT', 'OTHER')),
        id_number        text,
        ethnicity        text,
        grade            text,
        class_name       text,
        enrollment_month text CHECK (enrollment_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        household_region text,
        phone            text,
        status           text NOT NULL DEFAULT 'ENROLLED' CHECK (status IN (
                           'ENROLLED', 'SUSPENDED', 'TRANSFERRED_OUT', 'GRADUATED', 'DELETED')),
        delete_reason    text CHECK (delete_reason IN ('REDUNDANT', 'NOT_STUDYING_HERE')),
        -- Normalised comparison keys (DESIGN.md section 3), derived from the raw values above. Byte
        -- order ("C") because they are only ever compared for equality: it makes their indexes
        -- several times cheaper to maintain than a linguistic collation.
        name_key         text COLLATE "C" NOT NULL,
        id_key           text COLLATE "C",
        -- name_key|gender|birth date: one column, so that grouping and its estimates stay simple.
        identity_key     text COLLATE "C" NOT NULL,
        raw              jsonb,
        version          integer NOT NULL DEFAULT 1,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        deleted_at       timestamptz,
        CHECK ((status = 'DELETED') = (deleted_at IS NOT NULL))
      );
      -- Keyset pages of one school's students.
      CREATE INDEX students_school_idx ON students (school_id, id);
      -- Duplicate detection groups active records by these keys; partial indexes keep them small.
      CREATE INDEX students_active_id_key_idx ON students (id_key)
        WHERE status IN ('ENROLLED', 'SUSPENDED') AND id_key IS NOT NULL;
      CREATE INDEX students_active_identity_idx ON students (identity_key)
        WHERE status IN ('ENROLLED', 'SUSPENDED');

      CREATE TABLE users (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        username      text NOT NULL CHECK (username ~ '^[A-Za-z0-9._-]{3,64}$'),
        password_hash text NOT NULL,
        display_name  text NOT NULL,
        role          text NOT NULL CHECK (role IN (
                        'SCHOOL_REGISTRAR', 'DISTRICT_ADMIN', 'CITY_ADMIN', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN')),
        school_id     bigint REFERENCES schools (id),
        region_code   text REFERENCES regions (code),
        created_at    timestamptz NOT NULL DEFAULT now(),
        disabled_at   timestamptz,
        -- A user's scope is exactly one school (registrar), one region (staff) or everything (system).
        CHECK ((role = 'SCHOOL_REGISTRAR') = (school_id IS NOT NULL)),
        CHECK ((role IN ('DISTRICT_ADMIN', 'CITY_ADMIN', 'PROVINCE_ADMIN')) = (region_code IS NOT NULL))
      );
      CREATE UNIQUE INDEX users_username_idx ON users (lower(username));

      CREATE TABLE problems (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type        text NOT NULL CHECK (type IN ('DUPLICATE_ID', 'DUPLICATE_IDENTITY', 'INVALID_ID')),
        scope       text NOT NULL CHECK (scope IN ('WITHIN_SCHOOL', 'CROSS_SCHOOL')),
        status      text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'PENDING_REVIEW', 'RESOLVED', 'ESCALATED')),
        -- The normalised key the members share (ID key, identity key, or the record id for INVALID_ID).
        group_key   text COLLATE "C" NOT NULL,
        version     integer NOT NULL DEFAULT 1,
        opened_at   timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL))
      );
      -- At most one unresolved problem per group: detection upserts into it.
      CREATE UNIQUE INDEX problems_live_group_idx ON problems (type, group_key) WHERE status <> 'RESOLVED';
      CREATE INDEX problems_status_idx ON problems (status, id);

      CREATE TABLE problem_members (
        problem_id bigint NOT NULL REFERENCES problems (id),
        student_id bigint NOT NULL REFERENCES students (id),
        -- Denormalised from the student so that scope filters need no join through students.
        school_id  bigint NOT NULL REFERENCES schools (id),
        joined_at  timestamptz NOT NULL DEFAULT now(),
        left_at    timestamptz,
        PRIMARY KEY (problem_id, student_id)
      );
      CREATE INDEX problem_members_student_idx ON problem_members (student_id);
      CREATE INDEX problem_members_school_idx ON problem_members (school_id, problem_id);

      CREATE TABLE events (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at  timestamptz NOT NULL DEFAULT now(),
        actor_id     bigint REFERENCES users (id),
        type         text NOT NULL,
        subject_type text NOT NULL,
        subject_id   text NOT NULL,
        problem_id   bigint REFERENCES problems (id),
        data         jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX events_subject_idx ON events (subject_type, subject_id, id);
      CREATE INDEX events_problem_idx ON events (problem_id, id) WHERE problem_id IS NOT NULL;

      -- History is evidence: the database itself refuses to change or remove it, whoever asks.
      CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$;
      CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION events_append_only();
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE events, problem_members, problems, users, students, schools, regions;
      DROP FUNCTION events_append_only();
    `);
  }
}
