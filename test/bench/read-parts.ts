import 'reflect-metadata';
import { benchApp, sessionToken } from './support/app.js';
import { BENCH_DISTRICT, benchUser, buildRegistry, describeRegistry, ensureDetected } from './support/dataset.js';
import { throwawayDatabase } from './support/database.js';
import { CONNECTIONS, DURATION, load } from './support/load.js';
import { startServed, type ServedProcess } from './support/processes.js';
import { FULL_PAGE, MEMBER_FIELDS, ONE_SUBGRAPH_PAGE, PROBLEM_FIELDS } from './support/queries.js';
import { f, percentile, table, today } from './support/report.js';

/**
 * `pnpm bench:read-parts`: where the list page's Node.js CPU goes. The product (`pnpm start`'s
 * single process) answers the page of `bench:read` built up in parts — its total alone, the page
 * without members, with members, with the members' school ids, and the full page (the school's
 * name and code, its district and city too) — BENCH_ROUNDS interleaved rounds (default 3) at
 * BENCH_CONNECTIONS for BENCH_DURATION s each; medians. Each part's CPU less the previous part's
 * is what that part of the page costs. A diagnostic, not part of `pnpm bench`:
 * splitting the page this way is how the members' object-literal getter (README, Performance) was
 * found. BENCH_STUDENTS records (default 300,000), or the data set of BENCH_DATABASE.
 */
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 300_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PAGE = 50;

const PARTS: [string, string][] = [
  ['total only', `query PartTotal($first: Int!) { problems(first: $first) { totalCount } }`],
  ['page without members', `query PartPage($first: Int!) { problems(first: $first) { totalCount nodes { ${PROBLEM_FIELDS} } } }`],
  ['+ members', `query PartMembers($first: Int!) { problems(first: $first) { totalCount nodes { ${PROBLEM_FIELDS} members { ${MEMBER_FIELDS} } } } }`],
  ['+ school ids', ONE_SUBGRAPH_PAGE],
  ['+ school name and code, district, city (full page)', FULL_PAGE],
];

async function measure(product: ServedProcess, query: string, session: string) {
  const before = await product.stats();
  const result = await load(product.url, [{ path: '/graphql', body: JSON.stringify({ query, variables: { first: PAGE } }), headers: { authorization: `Bearer ${session}` } }], {
    connections: CONNECTIONS,
    duration: DURATION,
  });
  const after = await product.stats();
  if (result.failures > 0) throw new Error(`${result.failures} failed requests for ${query}`);
  return { rps: result.rps, p50: result.p50, cpuMs: (after.cpuMicros - before.cpuMicros) / 1000 / result.sent, statements: (after.statements - before.statements) / result.sent };
}

async function main() {
  const database = await throwawayDatabase('pss_bench_read_parts');
  const bench = await benchApp(database.url);
  const { app } = bench;
  let product: ServedProcess | undefined;
  try {
    const dataset = database.owned ? await buildRegistry(app, database.url, STUDENTS) : await describeRegistry(app);
    await ensureDetected(app);
    await benchUser(app, 'bench.district', 'DISTRICT_ADMIN', { regionCode: BENCH_DISTRICT });
    const [user] = (await app.db.dataSource.query(`SELECT id::text FROM users WHERE username = 'bench.district'`)) as { id: string }[];
    const session = await sessionToken(app, user!.id);
    product = await startServed('all', database.url);
    const runs = PARTS.map(() => [] as Awaited<ReturnType<typeof measure>>[]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, [, query]] of PARTS.entries()) runs[i]!.push(await measure(product, query, session));
    }
    const median = (i: number, key: 'rps' | 'p50' | 'cpuMs' | 'statements') => percentile(runs[i]!.map((r) => r[key]), 0.5);
    console.log(`\nbench:read-parts ${today()}: ${f(dataset.students)} records; the list page of a district (${BENCH_DISTRICT}) in parts; ${ROUNDS} interleaved rounds × ${CONNECTIONS} connections × ${DURATION} s, medians\n`);
    console.log(
      table(
        ['part', 'requests/s', 'p50 ms', 'Node CPU ms / page', 'CPU added by the part, ms', 'SQL statements / page'],
        PARTS.map(([label], i) => [
          label,
          f(median(i, 'rps'), 1),
          f(median(i, 'p50'), 1),
          f(median(i, 'cpuMs'), 1),
          i === 0 ? '–' : f(median(i, 'cpuMs') - median(i - 1, 'cpuMs'), 1),
          f(median(i, 'statements'), 1),
        ]),
      ),
    );
  } finally {
    await product?.stop();
    await bench.close();
    await database.drop();
  }
}

await main();
