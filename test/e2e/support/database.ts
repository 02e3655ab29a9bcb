import pg from 'pg';

/** A PostgreSQL database of its own on the server in `serverUrl`, dropped by `drop()`. */
export interface ThrowawayDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function onServer<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a uniquely named, empty database next to the one `serverUrl` points at (CI: the
 * machine's PostgreSQL), so an end-to-end run never sees another run's data or leaves its own.
 */
export async function createThrowawayDatabase(serverUrl: string, prefix = 'pss_e2e'): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  // The name is ours (letters, digits, underscores), so it is safe to put in the statement.
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // FORCE: the product may still hold pooled connections if it was killed rather than stopped.
    drop: () => onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
