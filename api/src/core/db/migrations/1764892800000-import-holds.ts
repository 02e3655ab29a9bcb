import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports that match many pupils of other schools are held for the district (README: "Imports that
 * match other schools"): a file of guessed ID numbers would otherwise tell a registrar where any
 * child is at school. `imports.cross_school_matches` keeps what each landed import matched, for the
 * per-user daily cap and the district dashboard; `import_holds` keeps the files waiting for a decision.
 */
export class ImportHolds1764892800000 implements MigrationInterface {
  name = 'ImportHolds1764892800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE imports ADD COLUMN cross_school_matches integer NOT NULL DEFAULT 0 CHECK (cross_school_matches >= 0);
      -- The daily cap sums one user's imports since midnight; the dashboard reads recent imports.
      CREATE INDEX imports_actor_created_idx ON imports (actor_id, created_at) WHERE actor_id IS NOT NULL;
      CREATE INDEX imports_created_idx ON imports (created_at);

      CREATE TABLE import_holds (
        id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        school_id            bigint NOT NULL REFERENCES schools (id),
        actor_id             bigint NOT NULL REFERENCES users (id),
        file_name            text NOT NULL,
        content_hash         text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        skip_invalid         boolean NOT NULL,
        forced               boolean NOT NULL,
        rows_read            integer NOT NULL,
        cross_school_matches integer NOT NULL,
        reason               text NOT NULL CHECK (reason IN ('THRESHOLD', 'DAILY_CAP')),
        status               text NOT NULL DEFAULT 'HELD' CHECK (status IN ('HELD', 'APPROVED', 'REJECTED')),
        created_at           timestamptz NOT NULL DEFAULT now(),
        decided_by           bigint REFERENCES users (id),
        decided_at           timestamptz,
        decision_reason      text,
        -- Set once an approved import has run: the import it landed (null when it was refused), and
        -- its result as the registrar would have seen it.
        import_id            bigint REFERENCES imports (id),
        result               jsonb,
        CHECK ((status = 'HELD') = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_by IS NULL))
      );
      CREATE INDEX import_holds_school_idx ON import_holds (school_id, id);
      CREATE INDEX import_holds_created_idx ON import_holds (created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE import_holds;
      DROP INDEX imports_created_idx;
      DROP INDEX imports_actor_created_idx;
      ALTER TABLE imports DROP COLUMN cross_school_matches;
    `);
  }
}
