import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A postgres:// URL that any PostgreSQL client (pg, psql) can use while the server runs. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs PGlite (PostgreSQL compiled to WebAssembly) behind its socket server, so the product talks
 * to the embedded database through the same `pg` driver, SQL and migrations as to a real server.
 * `dataDir` undefined keeps the database in memory (tests).
 *
 * PGlite is a single-session database: the pool using it is limited to one client (see
 * data-source.ts), otherwise two clients' extended-protocol messages could interleave. The socket
 * server still accepts a second connection: when the pool replaces a lost client, the new one
 * connects before the server has finished detaching the old one, and with room for only one it
 * would be turned away ("Connection terminated unexpectedly"). The server's queue keeps the two
 * apart: while the old connection's transaction is open only its messages run, and detaching it
 * rolls that transaction back.
 */
export async function startEmbeddedPostgres(dataDir: string | undefined): Promise<EmbeddedPostgres> {
  if (dataDir) mkdirSync(path.dirname(dataDir), { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 2 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
