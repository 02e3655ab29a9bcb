import '../../../api/src/production-mode.js';
import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createApp, type App } from '../../../api/src/app.js';
import { parseConfig } from '../../../api/src/core/config.js';
import { statementCounter } from '../../../api/src/core/db/query-counter.js';
import { createSubgraphServer } from '../../../api/src/core/graphql/subgraph-server.js';
import { createLoaders } from '../../../api/src/loaders.js';
import { subgraphHttpApp } from '../../../api/src/server/http.js';
import { startAllInOne, startSubgraph } from '../../../api/src/server/start.js';
import { subgraphByName } from '../../../api/src/subgraphs.js';

/**
 * A product process for the benchmarks, started by processes.ts `startServed` with an IPC channel:
 * the same start functions as `pnpm start` (api/src/server/start.ts), plus an answer to
 * "stats" with the product's SQL statement counter and its CPU time, so that a load run can report
 * SQL statements and CPU per request. The database is migrated and filled by the benchmark beforehand.
 */
const mode = process.argv[2] ?? 'all';
const app = await createApp(parseConfig());
// BENCH_PRELOAD: a module whose default export gets the app before it serves, to measure a candidate
// change of a service (e.g. a rewritten query) against the product as it is, without editing api/.
if (process.env.BENCH_PRELOAD) ((await import(path.resolve(process.env.BENCH_PRELOAD))) as { default: (app: App) => void }).default(app);
let server: Server;
let url: string;
if (mode === 'all') {
  ({ server, url } = await startAllInOne(app, '127.0.0.1', 0));
} else if (mode.startsWith('subgraph:')) {
  ({ server, url } = await startSubgraph(app, mode.slice('subgraph:'.length), '127.0.0.1', 0));
} else if (mode === 'subgraphs') {
  // Registry and problems on one port, so that one load generator can call both as the gateway does.
  const apps = new Map<string, ReturnType<typeof subgraphHttpApp>>();
  for (const name of ['registry', 'problems']) apps.set(name, subgraphHttpApp(app, await createSubgraphServer(app, subgraphByName(name), createLoaders)));
  server = createServer((req, res) => {
    const [, name] = /^\/(\w+)\//.exec(req.url ?? '') ?? [];
    const target = name ? apps.get(name) : undefined;
    if (!target) return void res.writeHead(404).end();
    req.url = req.url!.slice(name!.length + 1);
    target(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
} else {
  throw new Error(`unknown mode ${mode}`);
}

process.on('message', (message) => {
  if (message !== 'stats') return;
  const cpu = process.cpuUsage();
  process.send!({ type: 'stats', statements: statementCounter.total, cpuMicros: cpu.user + cpu.system });
});
const stop = () => {
  server.close(() => void app.close().then(() => process.exit(0)));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.once('disconnect', stop);
process.send!({ type: 'ready', url: url.replace('localhost', '127.0.0.1') });
