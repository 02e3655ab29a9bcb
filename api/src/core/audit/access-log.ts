import type { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller.js';

export type AccessSubject = 'student' | 'problem' | 'material' | 'id_number';

/** One kind of record read under one operation, with the ids read. */
export interface ReadEntry {
  subject: AccessSubject;
  operation: string;
  ids: string[];
}

/** A minimum the law sets for keeping network logs; the retention setting cannot go below it. */
export const MIN_RETENTION_DAYS = 183;

/**
 * The read log: one row per request and kind of record, with the ids read. Written before the
 * data is returned, in the same request, so a read that reached the user is never missing here.
 */
export class AccessLog {
  constructor(
    private readonly db: DataSource,
    private readonly retentionDays: number,
  ) {}

  async record(caller: Caller, subjectType: AccessSubject, ids: readonly string[], operation: string, requestId: string | null): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(`INSERT INTO access_log (user_id, subject_type, subject_ids, operation, request_id) VALUES ($1, $2, $3::bigint[], $4, $5)`, [
      caller.userId,
      subjectType,
      [...new Set(ids)],
      operation,
      requestId,
    ]);
  }

  /** Several reads of one request in one statement (the read log's share of a page is one round trip). */
  async recordMany(caller: Caller, entries: readonly ReadEntry[], requestId: string | null): Promise<void> {
    const rows = entries.filter((entry) => entry.ids.length > 0);
    if (rows.length === 0) return;
    const params: unknown[] = [caller.userId, requestId];
    const values = rows.map((entry) => {
      params.push(entry.subject, [...new Set(entry.ids)], entry.operation);
      const n = params.length;
      return `($1, $${n - 2}, $${n - 1}::bigint[], $${n}, $2)`;
    });
    await this.db.query(`INSERT INTO access_log (user_id, subject_type, subject_ids, operation, request_id) VALUES ${values.join(', ')}`, params);
  }

  /** Deletes entries older than the retention (ACCESS_LOG_RETENTION_DAYS, at least 183 days). */
  async purge(now: Date = new Date()): Promise<number> {
    const days = Math.max(this.retentionDays, MIN_RETENTION_DAYS);
    const rows = (await this.db.query(`WITH gone AS (DELETE FROM access_log WHERE at < $1::timestamptz - make_interval(days => $2) RETURNING 1) SELECT count(*)::int AS n FROM gone`, [
      now,
      days,
    ])) as { n: number }[];
    return rows[0]!.n;
  }

  /** Who read a record, newest first (for operators and the data-protection officer). */
  async readersOf(subjectType: AccessSubject, id: string, limit = 200) {
    return (await this.db.query(
      `SELECT a.at, u.username, u.role, a.operation, a.request_id AS "requestId"
       FROM access_log a JOIN users u ON u.id = a.user_id
       WHERE a.subject_type = $1 AND a.subject_ids @> ARRAY[$2::bigint] ORDER BY a.at DESC, a.id DESC LIMIT $3`,
      [subjectType, id, limit],
    )) as { at: Date; username: string; role: string; operation: string; requestId: string | null }[];
  }
}
