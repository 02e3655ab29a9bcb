import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reports staff build and keep: a GraphQL document with its variables, private or shared with a region. */
export class SavedReports1764633600001 implements MigrationInterface {
  name = 'SavedReports1764633600001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saved_reports (
        id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        owner_id            bigint NOT NULL REFERENCES users (id),
        name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description         text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        document            text NOT NULL CHECK (length(document) BETWEEN 1 AND 20000),
        variables           jsonb NOT NULL DEFAULT '{}',
        -- Everyone whose scope lies inside this region may open and run the report; NULL: the owner only.
        shared_region_code  text REFERENCES regions (code),
        -- The code's significant prefix ('3301' for 330100), matched against the reader's scope.
        shared_prefix       text,
        version             integer NOT NULL DEFAULT 1,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        deleted_at          timestamptz,
        CHECK ((shared_region_code IS NULL) = (shared_prefix IS NULL))
      );
      CREATE INDEX saved_reports_owner_idx ON saved_reports (owner_id) WHERE deleted_at IS NULL;
      CREATE INDEX saved_reports_shared_idx ON saved_reports (shared_prefix) WHERE deleted_at IS NULL AND shared_prefix IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE saved_reports`);
  }
}
