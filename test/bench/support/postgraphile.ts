import { createServer } from 'node:http';
import pg from 'pg';

/**
 * PostGraphile 5 (its Amber preset, reflecting the product's database) as the read benchmark's
 * yardstick, started by processes.ts `startPostGraphile` with an IPC channel. Every request runs as
 * the product's role `pss_app` with a district's row scope in the same `pss.*` settings the product
 * writes (api/src/core/db/row-scope.ts), so both stacks pay for the same row-level security.
 *
 * PostGraphile 5.1.5 declares Node ≥ 22; on this machine's Node 20 the one thing missing is
 * `Promise.withResolvers` (grafast, grafserv, @dataplan/pg), supplied below before they load.
 */
declare global {
  interface PromiseConstructor {
    withResolvers<T>(): { promise: Promise<T>; resolve: (value: T | PromiseLike<T>) => void; reject: (reason?: unknown) => void };
  }
}
Promise.withResolvers ??= <T>() => {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
process.env.GRAPHILE_ENV ??= 'production';

// Statements sent, counted as the product counts its own (every query a pooled client runs).
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const { postgraphile } = await import('postgraphile');
const { grafserv } = await import('postgraphile/grafserv/node');
const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
const { makePgService } = await import('postgraphile/adaptors/pg');

const prefix = process.env.BENCH_REGION_PREFIX!;
const pgSettings = { role: 'pss_app', 'pss.scope': 'region', 'pss.school_id': '', 'pss.region_prefix': prefix, 'pss.clock': '' };
const instance = postgraphile({
  extends: [PostGraphileAmberPreset],
  // Reflect every column as filterable (the members' leftAt is not indexed on its own), as the product's own query may filter on it.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL!, schemas: ['public'] })],
  grafast: { explain: false, context: () => ({ pgSettings }) },
  grafserv: { graphqlPath: '/graphql', watch: false, graphiql: false },
});
const server = createServer();
instance.createServ(grafserv).addTo(server).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();

process.on('message', (message) => {
  if (message === 'stats') process.send!({ type: 'stats', statements, cpuMicros: cpuMicros() });
});
const cpuMicros = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};
const stop = () => {
  server.close(() => void Promise.resolve(instance.release()).then(() => process.exit(0)));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.once('SIGTERM', stop);
process.once('disconnect', stop);
process.send!({ type: 'ready', url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
