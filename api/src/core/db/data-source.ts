import path from 'node:path';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { CountingLogger } from './query-counter.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';
import { installRowScope, type RowScope } from './row-scope.js';

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent the embedded database is used. */
  url?: string;
  /** Folder of the embedded database; `undefined` with no url keeps it in memory. */
  embeddedDir?: string;
  poolSize: number;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  /** The row scope of database work that runs outside any given one (see row-scope.ts). */
  unscoped: RowScope;
}

export interface Database {
  dataSource: DataSource;
  mode: 'server' | 'embedded';
  close(): Promise<void>;
}

/**
 * The embedded database is one PostgreSQL session behind a socket that takes one connection at a
 * time (see embedded.ts): every pooled client is a new connection into the SAME session, so
 * whatever a client left in the session — named prepared statements (rate-limiter-flexible names
 * its statements), SET or set_config(…, false), temporary tables, advisory locks, LISTEN — would
 * meet the next one, which knows nothing of it ("prepared statement … already exists"). So the pool
 * keeps its one client for the process's life instead of recycling it when idle, and a client that
 * does replace it (after a lost connection) starts from a clean session.
 */
const EMBEDDED_POOL = {
  max: 1,
  idleTimeoutMillis: 0,
  maxLifetimeSeconds: 0,
  onConnect: (client: { query(sql: string): Promise<unknown> }) => client.query('DISCARD ALL'),
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  const url = options.url ?? (embedded = await startEmbeddedPostgres(options.embeddedDir)).url;
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new CountingLogger(),
    logging: ['query'],
    extra: {
      ...(embedded ? EMBEDDED_POOL : { max: options.poolSize }),
      connectionTimeoutMillis: 30_000,
      statement_timeout: 60_000,
      idle_in_transaction_session_timeout: 120_000,
      application_name: 'pss',
      // No JIT: compiling a plan takes hundreds of milliseconds, more than these queries run, and
      // row security's subplans raise cost estimates past the thresholds where PostgreSQL starts
      // compiling (a district's statistics went from 45 ms to 380 ms). PGlite has no JIT.
      ...(embedded ? {} : { options: '-c jit=off' }),
    },
  });
  try {
    await dataSource.initialize();
    installRowScope(dataSource, options.unscoped);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    mode: embedded ? 'embedded' : 'server',
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

export function embeddedDirFor(dataDir: string): string {
  return path.resolve(dataDir, 'pgdata');
}
