import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who read which minors' records (PIPL art. 28/31 and the children's personal information rules ask
 * for a record of reads, not only writes). Append-only: a trigger refuses every UPDATE, and a DELETE
 * of anything younger than six months, the least the law asks logs to be kept.
 */
export class AccessLog1764633600003 implements MigrationInterface {
  name = 'AccessLog1764633600003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE access_log (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id      bigint NOT NULL REFERENCES users (id),
        subject_type text NOT NULL CHECK (subject_type IN ('student', 'problem', 'material', 'id_number')),
        subject_ids  bigint[] NOT NULL,
        operation    text NOT NULL,
        request_id   text,
        at           timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX access_log_at_idx ON access_log (at);
      CREATE INDEX access_log_subject_idx ON access_log USING gin (subject_ids);
      CREATE INDEX access_log_user_idx ON access_log (user_id, at);

      CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          RAISE EXCEPTION 'access_log is append-only';
        END IF;
        IF OLD.at > now() - interval '183 days' THEN
          RAISE EXCEPTION 'access_log entries are kept at least 183 days';
        END IF;
        RETURN OLD;
      END $$;
      CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
        FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE access_log; DROP FUNCTION access_log_append_only();`);
  }
}
