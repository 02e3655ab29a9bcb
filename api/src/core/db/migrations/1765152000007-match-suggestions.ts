import type { MigrationInterface, QueryRunner } from 'typeorm';

const SCOPE_PREFIX = `nullif(current_setting('pss.region_prefix', true), '')`;

/**
 * Possible duplicates the exact rules miss (README, "Possible duplicates"): the matching model's
 * parameters, versioned; each active record's blocking keys, as 64-bit keyed hashes (an ID
 * number's keys hold most of its digits, so they are blind like `id_key`), to find a new record's
 * candidates without reading the registry; and the suggested pairs, which district staff confirm
 * or dismiss (remembered until a compared field changes). A confirmed pair is one pupil recorded
 * twice: detection keeps a DUPLICATE_IDENTITY problem of the two (group key MATCH:<id>) while both
 * are active and the exact rules do not already group them.
 */
export class MatchSuggestions1765152000007 implements MigrationInterface {
  name = 'MatchSuggestions1765152000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE match_models (
        id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- The model's own version (its levels); parameters of another version are not used.
        model_version   integer NOT NULL,
        parameters      jsonb NOT NULL,
        record_count    integer NOT NULL,
        candidate_pairs bigint NOT NULL,
        trained_at      timestamptz NOT NULL DEFAULT app_now()
      );

      CREATE TABLE match_keys (
        key        bigint NOT NULL,
        student_id bigint NOT NULL
      );
      CREATE INDEX match_keys_key_idx ON match_keys (key);
      CREATE INDEX match_keys_student_idx ON match_keys (student_id);

      CREATE TABLE match_suggestions (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        student_a     bigint NOT NULL REFERENCES students (id),
        student_b     bigint NOT NULL REFERENCES students (id),
        -- The two records' county codes when suggested: the staff over both see the pair.
        region_a      text NOT NULL,
        region_b      text NOT NULL,
        score         double precision NOT NULL,
        probability   double precision NOT NULL,
        explanation   jsonb NOT NULL,
        model_id      integer REFERENCES match_models (id),
        -- What was compared (identity_fingerprint of each record): a dismissal holds until it changes.
        fingerprint_a text NOT NULL,
        fingerprint_b text NOT NULL,
        status        text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CONFIRMED', 'DISMISSED', 'EXPIRED')),
        suggested_at  timestamptz NOT NULL DEFAULT app_now(),
        decided_by    bigint REFERENCES users (id),
        decided_at    timestamptz,
        reason        text,
        UNIQUE (student_a, student_b),
        CHECK (student_a < student_b)
      );
      CREATE INDEX match_suggestions_open_idx ON match_suggestions (score DESC, id) WHERE status = 'OPEN';
      CREATE INDEX match_suggestions_b_idx ON match_suggestions (student_b);
      CREATE INDEX match_suggestions_confirmed_idx ON match_suggestions (id) WHERE status = 'CONFIRMED';

      ALTER TABLE match_suggestions ENABLE ROW LEVEL SECURITY;
      CREATE POLICY in_scope ON match_suggestions USING (
        current_setting('pss.scope', true) = 'all'
        OR (region_a LIKE ${SCOPE_PREFIX} || '%' AND region_b LIKE ${SCOPE_PREFIX} || '%'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE match_suggestions; DROP TABLE match_keys; DROP TABLE match_models;`);
  }
}
