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
      // The embedded database serves one session at a time (see embedded.ts).
      max: embedded ? 1 : options.poolSize,
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
