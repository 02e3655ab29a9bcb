import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in sessions kept on the server, so that a session can end before its token expires: on
 * sign-out, on a password change, when the user is disabled. A token names its session (`jti`);
 * every request checks that the session is still open and its user still enabled.
 */
export class Sessions1764806400000 implements MigrationInterface {
  name = 'Sessions1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_sessions (
        id             uuid PRIMARY KEY,
        user_id        bigint NOT NULL REFERENCES users (id),
        created_at     timestamptz NOT NULL DEFAULT now(),
        expires_at     timestamptz NOT NULL,
        client_address text,
        revoked_at     timestamptz,
        revoke_reason  text CHECK (revoke_reason IN ('SIGNED_OUT', 'PASSWORD_CHANGED', 'USER_DISABLED')),
        CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
      );
      CREATE INDEX user_sessions_open_idx ON user_sessions (user_id) WHERE revoked_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_sessions`);
  }
}
