import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { Scope } from '../auth/caller.js';

/**
 * Row-level security, the database's own wall behind the services' scope filters (migration
 * 1764720000000): the product's sessions act as APP_ROLE, which has no BYPASSRLS, and the rows of
 * `students` and `problems` they can reach depend on the scope written into the session:
 *
 * - a caller's scope (school or region), for the work of one request;
 * - `all`, for work the system does for everyone (deadlines, demo data, the operator's CLI);
 * - `none` — nothing — whenever no scope was given, so a forgotten one fails closed;
 * - `owner`, the migration role itself, for schema changes, the statements PostgreSQL allows only
 *   to a table's owner (COPY into a table with row security, ANALYZE), and detection.
 *
 * The scope travels with the async call chain (AsyncLocalStorage) and is written into each pooled
 * connection when it is checked out, that is once per transaction: an explicit one, or the implicit
 * one around a single statement.
 */
export type RowScope = Scope | { kind: 'none' } | { kind: 'owner' };

export const APP_ROLE = 'pss_app';

/**
 * Creates the product's role unless the cluster has it (roles belong to the whole cluster, and
 * several databases — tests — may create it at once). Used by the migration and by a restore into
 * another cluster.
 */
export const CREATE_APP_ROLE = `
  DO $$
  BEGIN
    CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END $$;
`;
export const NO_ROWS: RowScope = { kind: 'none' };
export const SYSTEM: RowScope = { kind: 'all' };
export const OWNER: RowScope = { kind: 'owner' };

/** A frame without a scope (only a clock) leaves the pool's own default in force. */
const current = new AsyncLocalStorage<{ scope?: RowScope; clock?: string }>();

export function withRowScope<T>(scope: RowScope, fn: () => T): T {
  return current.run({ scope, clock: current.getStore()?.clock }, fn);
}

/**
 * Runs `fn` with the database's clock set to `at`: every time it writes (`app_now()`, migration
 * 1764979200000) is `at` instead of the transaction's start. For the demo data only, which plays a
 * district's past months through the real services; the row scope in force stays as it is.
 */
export function atClock<T>(at: Date, fn: () => T): T {
  return current.run({ scope: current.getStore()?.scope, clock: at.toISOString() }, fn);
}

export const asSystem = <T>(fn: () => T): T => withRowScope(SYSTEM, fn);
export const asOwner = <T>(fn: () => T): T => withRowScope(OWNER, fn);

/**
 * Sets the scope of the request already running in a `withRowScope` frame: a GraphQL request learns
 * its caller only when Apollo builds its context, after the frame around it was entered.
 */
export function bindRowScope(scope: RowScope): void {
  const frame = current.getStore();
  if (!frame) throw new Error('bindRowScope outside a withRowScope frame');
  frame.scope = scope;
}

/** role, pss.scope, pss.school_id, pss.region_prefix — what the policies read. */
function scopeSettings(scope: RowScope): [string, string, string, string] {
  switch (scope.kind) {
    case 'owner':
      return ['none', '', '', ''];
    case 'none':
      return [APP_ROLE, '', '', ''];
    case 'all':
      return [APP_ROLE, 'all', '', ''];
    case 'school':
      return [APP_ROLE, 'school', scope.schoolId, ''];
    case 'region':
      return [APP_ROLE, 'region', '', scope.prefix];
  }
}

/** The scope's settings, and pss.clock (empty: the database's own clock). */
function sessionSettings(frame: { scope: RowScope; clock: string | undefined }): string[] {
  return [...scopeSettings(frame.scope), frame.clock ?? ''];
}

const APPLY = `SELECT set_config('role', $1, false), set_config('pss.scope', $2, false),
                      set_config('pss.school_id', $3, false), set_config('pss.region_prefix', $4, false),
                      set_config('pss.clock', $5, false)`;

type PgClient = {
  query(sql: string, params: unknown[]): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): void;
  removeListener(event: 'error', listener: (error: Error) => void): void;
};

/**
 * Makes every connection the pool hands out carry the row scope of the code asking for it. A
 * connection that already carries that scope is handed over as it is, so a request's statements
 * cost one extra round trip only when the scope changes.
 */
export function installRowScope(dataSource: DataSource, unscoped: RowScope): void {
  const driver = dataSource.driver as PostgresDriver;
  const obtain = driver.obtainMasterConnection.bind(driver);
  const carried = new WeakMap<object, string>();
  driver.obtainMasterConnection = async () => {
    const frame = current.getStore();
    const settings = sessionSettings({ scope: frame?.scope ?? unscoped, clock: frame?.clock });
    const key = settings.join('\n');
    const [client, release] = (await obtain()) as [PgClient, (error?: unknown) => void];
    if (carried.get(client) !== key) {
      // A checked-out client has no 'error' listener until TypeORM adds one after this returns; a
      // connection lost meanwhile would otherwise be an uncaught exception. The query rejects too.
      const lost = () => carried.delete(client);
      client.on('error', lost);
      try {
        await client.query(APPLY, settings);
        carried.set(client, key);
      } catch (error) {
        carried.delete(client);
        release(error);
        throw error;
      } finally {
        client.removeListener('error', lost);
      }
    }
    return [client, release];
  };
}

/**
 * Widens the row scope for part of a transaction — `all` to look beyond the caller's scope, `owner`
 * to work on the tables themselves (see DetectionService.detect) — and narrows it back
 * afterwards. Settings are transaction-local: a rollback also ends the widening.
 */
export async function widened<T>(manager: EntityManager, to: 'all' | 'owner', fn: () => Promise<T>): Promise<T> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('widened() needs a transaction');
  const [before] = (await manager.query(`SELECT current_setting('role') AS role, coalesce(current_setting('pss.scope', true), '') AS scope`)) as [
    { role: string; scope: string },
  ];
  await manager.query(to === 'owner' ? `SELECT set_config('role', 'none', true)` : `SELECT set_config('pss.scope', 'all', true)`);
  const result = await fn();
  await manager.query(`SELECT set_config('role', $1, true), set_config('pss.scope', $2, true)`, [before.role, before.scope]);
  return result;
}

/**
 * Whether the caller's own row scope lets it read a row (asked as the caller, never widened, so
 * it tells nothing the caller could not read anyway). Used where a locking read (`FOR UPDATE`,
 * which row security limits to the rows one may write) came back empty: the other school's
 * record of a shared problem is readable but not writable.
 */
export async function rowReadable(manager: EntityManager, table: 'students' | 'problems', id: string): Promise<boolean> {
  return ((await manager.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])) as unknown[]).length > 0;
}
