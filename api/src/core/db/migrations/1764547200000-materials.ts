import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Proof materials (scans and photos) and their link to the actions that cite them. */
export class Materials1764547200000 implements MigrationInterface {
  name = 'Materials1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE materials (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- The file itself is stored once per content, under this hash (see BlobStorage).
        sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'application/pdf')),
        size         integer NOT NULL CHECK (size > 0),
        kind         text NOT NULL CHECK (kind IN ('HOUSEHOLD_REGISTER', 'ID_CARD', 'SCHOOL_CERTIFICATE', 'POLICE_VERIFICATION', 'OTHER')),
        file_name    text NOT NULL,
        school_id    bigint REFERENCES schools (id),
        uploaded_by  bigint NOT NULL REFERENCES users (id),
        created_at   timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX materials_school_idx ON materials (school_id);

      -- Which problems a material was cited for: those problems' schools and reviewers may read it.
      CREATE TABLE problem_materials (
        problem_id  bigint NOT NULL REFERENCES problems (id),
        material_id bigint NOT NULL REFERENCES materials (id),
        PRIMARY KEY (problem_id, material_id)
      );
      CREATE INDEX problem_materials_material_idx ON problem_materials (material_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE problem_materials, materials`);
  }
}
