import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { regionPrefix, type Caller, type Role } from '../../core/auth/caller.js';
import { InvalidTokenError, signSessionToken, verifySessionToken, type TokenKeys } from '../../core/auth/tokens.js';

export type RevokeReason = 'SIGNED_OUT' | 'PASSWORD_CHANGED' | 'USER_DISABLED';

export interface OpenedSession {
  token: string;
  expiresAt: Date;
}

interface SessionRow {
  user_id: string;
  username: string;
  role: Role;
  school_id: string | null;
  region_code: string | null;
  open: boolean;
}

const DURATION_UNITS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** `30m`, `8h`, `1d` (JWT_TTL, already checked by the config schema) in milliseconds. */
function durationMs(ttl: string): number {
  const unit = ttl.slice(-1) as keyof typeof DURATION_UNITS;
  return Number(ttl.slice(0, -1)) * DURATION_UNITS[unit] * 1000;
}

/**
 * Server-side sessions (table user_sessions). A token only names its session; each request checks
 * that the session is open and its user enabled, and takes the caller's role and scope from the
 * user as it is now. The answer is kept for at most `recheckMs` per session, so one request in
 * that time costs a database round trip; revocations made by this process take effect at once,
 * those made elsewhere (another process, an operator's UPDATE) within `recheckMs`. The answer is
 * kept by the token itself, so a token seen within that time is not verified again either (its
 * HMAC check was about 3 % of a list page's CPU under load); never past the token's own expiry.
 */
export class SessionService {
  private readonly checked = new Map<string, { caller: Caller; at: number; expiresAtMs: number }>();

  constructor(
    private readonly db: DataSource,
    private readonly keys: TokenKeys,
    private readonly ttl: string,
    private readonly recheckMs: number,
  ) {}

  async open(manager: EntityManager, userId: string, clientAddress: string | null): Promise<OpenedSession> {
    const sessionId = randomUUID();
    const expiresAt = new Date(Math.floor((Date.now() + durationMs(this.ttl)) / 1000) * 1000);
    await manager.query(`INSERT INTO user_sessions (id, user_id, expires_at, client_address) VALUES ($1, $2, $3, $4)`, [
      sessionId,
      userId,
      expiresAt,
      clientAddress,
    ]);
    return { token: await signSessionToken(this.keys, { sessionId, userId }, expiresAt), expiresAt };
  }

  /** The caller a session token stands for, or InvalidTokenError when the session has ended. */
  async authenticate(token: string): Promise<Caller> {
    const known = this.checked.get(token);
    const now = Date.now();
    if (known && now - known.at < this.recheckMs && now < known.expiresAtMs) return known.caller;
    const { sessionId, userId, expiresAtMs } = await verifySessionToken(this.keys, token);
    const [row] = (await this.db.query(
      `SELECT u.id AS user_id, u.username, u.role, u.school_id, u.region_code,
              (s.revoked_at IS NULL AND s.expires_at > app_now() AND u.disabled_at IS NULL) AS open
         FROM user_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2`,
      [sessionId, userId],
    )) as SessionRow[];
    if (!row?.open) {
      this.checked.delete(token);
      throw new InvalidTokenError('Your session has ended; sign in again.');
    }
    const caller: Caller = {
      userId: String(row.user_id),
      username: row.username,
      role: row.role,
      sessionId,
      ...(row.school_id ? { schoolId: String(row.school_id) } : {}),
      ...(row.region_code ? { regionPrefix: regionPrefix(row.region_code) } : {}),
    };
    this.forgetExpired();
    // Deleted first so that the map stays in order of checking, which forgetExpired relies on.
    this.checked.delete(token);
    this.checked.set(token, { caller, at: Date.now(), expiresAtMs });
    return caller;
  }

  async revoke(manager: EntityManager, sessionId: string, reason: RevokeReason): Promise<void> {
    await manager.query(`UPDATE user_sessions SET revoked_at = app_now(), revoke_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, reason]);
    for (const [token, entry] of this.checked) if (entry.caller.sessionId === sessionId) this.checked.delete(token);
  }

  /** Ends every open session of a user; returns how many there were. */
  async revokeAllOf(manager: EntityManager, userId: string, reason: RevokeReason): Promise<number> {
    const [ended] = (await manager.query(
      `WITH ended AS (UPDATE user_sessions SET revoked_at = app_now(), revoke_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING 1)
       SELECT count(*)::int AS n FROM ended`,
      [userId, reason],
    )) as [{ n: number }];
    for (const [token, entry] of this.checked) if (entry.caller.userId === String(userId)) this.checked.delete(token);
    return ended.n;
  }

  /**
   * Deletes sessions that ended (expired or revoked) more than `retentionDays` ago. A session row
   * holds the address a user signed in from, a network log the law asks to keep at least six
   * months (the read log's retention) and no longer.
   */
  async purgeEnded(retentionDays: number, now: Date = new Date()): Promise<number> {
    const [gone] = (await this.db.query(
      `WITH gone AS (
         DELETE FROM user_sessions
          WHERE least(expires_at, coalesce(revoked_at, expires_at)) < $1::timestamptz - make_interval(days => $2)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [now, retentionDays],
    )) as [{ n: number }];
    return gone.n;
  }

  /** Keeps the cache to the sessions used within the last `recheckMs`. */
  private forgetExpired(): void {
    const before = Date.now() - this.recheckMs;
    for (const [token, entry] of this.checked) {
      if (entry.at >= before) break;
      this.checked.delete(token);
    }
  }
}
