import pg from 'pg';

/** The PostgreSQL server the benchmarks run on: DATABASE_URL, else the machine's server. */
export const server = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs one statement on the server's maintenance database (CREATE / DROP DATABASE). */
export async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The server's URL with another database. */
export function urlFor(database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

export interface ThrowawayDatabase {
  name: string;
  url: string;
  /** True when this run created it (and so drops it). */
  owned: boolean;
  drop(): Promise<void>;
}

/**
 * A new database for one benchmark run, dropped by `drop()` unless BENCH_KEEP is set. With
 * `BENCH_DATABASE` set (`pnpm bench` shares one data set between its parts), that database is used
 * as it is and never dropped here: whoever created it drops it.
 */
export async function throwawayDatabase(prefix: string): Promise<ThrowawayDatabase> {
  const shared = process.env.BENCH_DATABASE;
  if (shared) return { name: shared, url: urlFor(shared), owned: false, drop: async () => {} };
  const name = `${prefix}_${process.pid}`;
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  return {
    name,
    url: urlFor(name),
    owned: true,
    async drop() {
      if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
      else await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
