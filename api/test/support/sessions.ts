import { setTimeout as sleep } from 'node:timers/promises';

type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

/**
 * The server notices a killed client and rolls its transaction back; waits until no client session
 * of `database` is busy or holds a transaction (10 s at most). `what` names the killed process.
 */
export async function sessionsSettled(query: Query, database: string, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND (state <> 'idle' OR backend_xid IS NOT NULL)`,
      [database],
    );
    if (row!.n === 0) return;
    await sleep(50);
  }
  throw new Error(`the killed ${what} still holds the database after 10 s`);
}
