import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Encryption at rest (README, "Encryption at rest"). SQL cannot know the keys, so the values
 * themselves are sealed and re-indexed in Node after the migrations (registry/student/resealing.ts,
 * also `pnpm cli keys:rotate`). This table holds what that step must remember between runs: a check
 * value of the blind-index key the stored indexes were made with (an HMAC of a fixed text, not the
 * key), so a process started with another BLIND_INDEX_KEY refuses to start instead of silently
 * failing to match new records against old ones; and the key id every stored value is sealed with
 * once a pass has finished, so a start with the same DATA_KEY_ID need not read the tables again.
 * No row yet: the indexes are still plain numbers.
 */
export class EncryptionAtRest1764892800001 implements MigrationInterface {
  name = 'EncryptionAtRest1764892800001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE data_key_state (
        singleton         boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        blind_index_check text NOT NULL,
        -- NULL while values sealed with another key (or none) may remain.
        sealed_with       text,
        updated_at        timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE data_key_state`);
  }
}
