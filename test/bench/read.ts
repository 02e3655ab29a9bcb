import 'reflect-metadata';
import pg from 'pg';
import type { App } from '../../api/src/app.js';
import { regionPrefix } from '../../api/src/core/auth/caller.js';
import { signSubgraphToken } from '../../api/src/core/auth/tokens.js';
import { createSubgraphServer, type SubgraphServer } from '../../api/src/core/graphql/subgraph-server.js';
import { createGateway } from '../../api/src/gateway/gateway.js';
import { createLoaders } from '../../api/src/loaders.js';
import { SUBGRAPHS } from '../../api/src/subgraphs.js';
import { benchApp, sessionToken } from './support/app.js';
import { BENCH_DISTRICT, benchUser, buildRegistry, describeRegistry, ensureDetected } from './support/dataset.js';
import { throwawayDatabase } from './support/database.js';
import { CONNECTIONS, DURATION, load, type LoadResult } from './support/load.js';
import { startServed, type ServedProcess } from './support/processes.js';
import { FULL_PAGE, ONE_SUBGRAPH_PAGE } from './support/queries.js';
import { f, percentile, report, table, today, type Figure } from './support/report.js';

/**
 * `pnpm bench:read`: the problem list page under load, on loopback. A district's staff member
 * (DISTRICT_ADMIN of 西湖区) reads the first page: 50 problems with their members, each member's
 * school and the school's region and city — the registry subgraph answers the schools, so the
 * gateway makes two calls. BENCH_CONNECTIONS clients (default 10) for BENCH_DURATION seconds
 * (default 10) each, one after another:
 *
 * 1. through the gateway of the single process (`pnpm start`): p50/p99, requests/s, SQL statements;
 * 2. a page that the problems subgraph answers alone, through the same gateway, and
 * 3. the same page sent straight to a problems subgraph process (`pnpm start --subgraph problems`),
 *    with the gateway's signed caller header: the gateway's overhead;
 * 4. the two calls the gateway makes for (1), captured from the gateway itself, sent straight to the
 *    subgraphs (both in one process), in turn on each connection;
 * 5. the same data read by one hand-written SQL statement through `pg` (a pool of 10 as the product
 *    uses, as many concurrent clients): the cost of the whole stack.
 *
 * The data set is BENCH_STUDENTS records (default 1,000,000) after a first scan.
 */
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1_000_000);
const PAGE = 50;

/** The same data in one statement: the page, its members, schools, regions and cities, and the total. */
const HAND_WRITTEN_SQL = `
  WITH visible AS (
    SELECT p.id, p.type, p.scope, p.status, p.opened_at, p.updated_at, p.resolved_at FROM problems p
    WHERE EXISTS (SELECT 1 FROM problem_members vm JOIN schools vs ON vs.id = vm.school_id
                  WHERE vm.problem_id = p.id AND vs.region_code LIKE $1)
  ), page AS (
    SELECT * FROM visible ORDER BY opened_at DESC, id DESC LIMIT $2
  )
  SELECT json_build_object(
    'totalCount', (SELECT count(*) FROM visible),
    'nodes', (SELECT json_agg(json_build_object(
        'id', pg.id, 'type', pg.type, 'scope', pg.scope, 'status', pg.status, 'openedAt', pg.opened_at, 'updatedAt', pg.updated_at,
        'deadlineAt', pg.opened_at + make_interval(days => $3), 'overdue', pg.status <> 'RESOLVED' AND pg.opened_at + make_interval(days => $3) < now(),
        'members', (SELECT json_agg(json_build_object(
            'studentId', st.id, 'name', st.name, 'gender', st.gender, 'birthDate', st.birth_date,
            'idNumberMasked', left(st.id_key, 6) || repeat('*', greatest(length(st.id_key) - 10, 0)) || right(st.id_key, 4),
            'corroborated', pm.corroborated_at IS NOT NULL,
            'school', json_build_object('id', sc.id, 'name', sc.name, 'code', sc.code,
              'region', json_build_object('code', rg.code, 'name', rg.name, 'parent', json_build_object('name', pr.name))))
            ORDER BY pm.student_id)
          FROM problem_members pm JOIN students st ON st.id = pm.student_id JOIN schools sc ON sc.id = pm.school_id
          JOIN regions rg ON rg.code = sc.region_code LEFT JOIN regions pr ON pr.code = rg.parent_code
          WHERE pm.problem_id = pg.id AND pm.left_at IS NULL))
        ORDER BY pg.opened_at DESC, pg.id DESC)
      FROM page pg)
  )::text AS body`;

/** The calls the gateway makes for `query`, captured by answering its subgraph calls in-process. */
async function capturedSubgraphCalls(app: App, query: string, variables: object, caller: Awaited<ReturnType<typeof callerOf>>) {
  const calls: { subgraph: string; body: string }[] = [];
  const local = new Map<string, SubgraphServer>();
  for (const def of SUBGRAPHS) {
    const server = await createSubgraphServer(app, def, createLoaders);
    local.set(def.name, {
      ...server,
      execute: (operation, as) => {
        calls.push({ subgraph: def.name, body: JSON.stringify({ query: operation.query, variables: operation.variables, operationName: operation.operationName }) });
        return server.execute(operation, as);
      },
    });
  }
  const gateway = await createGateway(app, { local });
  const response = await gateway.executeOperation({ query, variables }, { contextValue: { caller, requestId: 'bench', clientAddress: null } });
  await gateway.stop();
  if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(`capture failed: ${JSON.stringify(response.body)}`);
  return calls;
}

async function callerOf(app: App, username: string) {
  const [row] = (await app.db.dataSource.query(`SELECT id::text, role, school_id::text AS "schoolId", region_code AS "regionCode" FROM users WHERE username = $1`, [username])) as {
    id: string; role: string; schoolId: string | null; regionCode: string | null;
  }[];
  return {
    userId: row!.id,
    username,
    role: row!.role as 'DISTRICT_ADMIN',
    ...(row!.regionCode ? { regionPrefix: regionPrefix(row!.regionCode) } : {}),
  };
}

/** SQL statements one request costs, from the product process's own counter (sequential requests). */
async function statementsPerRequest(process: ServedProcess, url: string, body: string, headers: Record<string, string>, n = 20) {
  const before = await process.statements();
  for (let i = 0; i < n; i++) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await response.text();
    if (!response.ok || text.includes('"errors"')) throw new Error(`request failed: ${response.status} ${text.slice(0, 500)}`);
  }
  return ((await process.statements()) - before) / n;
}

/** Closed-loop load on PostgreSQL alone: `clients` loops over a pool of 10, like the product's. */
async function sqlLoad(url: string, sql: string, params: unknown[], clients: number, seconds: number): Promise<LoadResult> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const run = async (ms: number) => {
    const latencies: number[] = [];
    const until = performance.now() + ms;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < until) {
          const started = performance.now();
          await pool.query(sql, params);
          latencies.push(performance.now() - started);
        }
      }),
    );
    return latencies;
  };
  await run(2000);
  const started = performance.now();
  const latencies = await run(seconds * 1000);
  const elapsed = (performance.now() - started) / 1000;
  await pool.end();
  const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
  return { rps: latencies.length / elapsed, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), mean, requests: latencies.length, failures: 0 };
}

async function main() {
  const database = await throwawayDatabase('pss_bench_read');
  const bench = await benchApp(database.url);
  const { app } = bench;
  const running: ServedProcess[] = [];
  try {
    const dataset = database.owned ? await buildRegistry(app, database.url, STUDENTS) : await describeRegistry(app);
    const problems = await ensureDetected(app);
    await benchUser(app, 'bench.district', 'DISTRICT_ADMIN', { regionCode: BENCH_DISTRICT });
    const caller = await callerOf(app, 'bench.district');
    const session = await sessionToken(app, caller.userId);
    const variables = { first: PAGE };
    const body = (query: string) => JSON.stringify({ query, variables });
    const [visible] = (await app.db.dataSource.query(
      `SELECT count(*)::int AS n FROM problems p WHERE EXISTS (SELECT 1 FROM problem_members vm JOIN schools vs ON vs.id = vm.school_id WHERE vm.problem_id = p.id AND vs.region_code LIKE $1)`,
      [`${BENCH_DISTRICT}%`],
    )) as { n: number }[];
    const calls = await capturedSubgraphCalls(app, FULL_PAGE, variables, caller);

    // 1, 2: the single process (gateway + subgraphs in-process).
    const product = await startServed('all', database.url);
    running.push(product);
    const gatewayHeaders = { authorization: `Bearer ${session}` };
    const fullStatements = await statementsPerRequest(product, `${product.url}/graphql`, body(FULL_PAGE), gatewayHeaders);
    const full = await load(product.url, [{ path: '/graphql', body: body(FULL_PAGE), headers: gatewayHeaders }]);
    const ownStatements = await statementsPerRequest(product, `${product.url}/graphql`, body(ONE_SUBGRAPH_PAGE), gatewayHeaders);
    const own = await load(product.url, [{ path: '/graphql', body: body(ONE_SUBGRAPH_PAGE), headers: gatewayHeaders }]);
    await product.stop();

    // 3: straight to a problems subgraph process, with the caller header the gateway would sign (valid 60 s: signed per run).
    const subgraph = await startServed('subgraph:problems', database.url);
    running.push(subgraph);
    const direct = await load(subgraph.url, [{ path: '/graphql', body: body(ONE_SUBGRAPH_PAGE), headers: { 'x-pss-caller': await signSubgraphToken(app.keys, { caller, clientAddress: null }) } }]);
    await subgraph.stop();

    // 4: the gateway's two calls, straight to registry and problems (one process, as in 1).
    const both = await startServed('subgraphs', database.url);
    running.push(both);
    const callerHeader = { 'x-pss-caller': await signSubgraphToken(app.keys, { caller, clientAddress: null }) };
    const pairs = await load(both.url, calls.map((c) => ({ path: `/${c.subgraph}/graphql`, body: c.body, headers: callerHeader })));
    await both.stop();

    // 5: one hand-written statement.
    const sql = await sqlLoad(database.url, HAND_WRITTEN_SQL, [`${BENCH_DISTRICT}%`, PAGE, app.config.PROBLEM_DEADLINE_DAYS], CONNECTIONS, DURATION);

    const perCall = calls.length;
    const pairRps = pairs.rps / perCall;
    const pairMean = pairs.mean * perCall;
    const overhead = own.p50 / direct.p50;
    const overheadFull = full.mean / pairMean;
    const stack = full.p50 / sql.p50;
    const ms = (n: number) => f(n, 1);
    console.log(
      `\nbench:read ${today()}: ${f(dataset.students)} records, ${f(problems)} unresolved problems, ${f(visible!.n)} visible to the district (${BENCH_DISTRICT}); ` +
        `first page of ${PAGE}; ${CONNECTIONS} connections × ${DURATION} s after a 2 s warm-up, loopback, one process each\n`,
    );
    console.log(
      table(
        ['path', 'p50 ms', 'p99 ms', 'mean ms', 'requests/s', 'SQL statements / request', 'failures'],
        [
          ['1. gateway (single process), full page', ms(full.p50), ms(full.p99), ms(full.mean), f(full.rps, 1), f(fullStatements, 1), f(full.failures)],
          ['2. gateway (single process), page the problems subgraph answers alone', ms(own.p50), ms(own.p99), ms(own.mean), f(own.rps, 1), f(ownStatements, 1), f(own.failures)],
          ['3. same page straight to the problems subgraph process', ms(direct.p50), ms(direct.p99), ms(direct.mean), f(direct.rps, 1), f(ownStatements, 1), f(direct.failures)],
          [`4. the gateway's ${perCall} calls for (1), straight to the subgraphs, per page`, '–', '–', ms(pairMean), f(pairRps, 1), f(fullStatements, 1), f(pairs.failures)],
          ['5. one hand-written SQL statement through pg', ms(sql.p50), ms(sql.p99), ms(sql.mean), f(sql.rps, 1), '1', '0'],
        ],
      ),
    );
    console.log(`\ngateway overhead (2 ÷ 3, p50): ${f(overhead, 2)} (target ≤ 1.3); for the full page (1 ÷ 4, mean): ${f(overheadFull, 2)}`);
    console.log(`stack overhead (1 ÷ 5, p50): ${f(stack, 1)}; requests/s ${f(full.rps, 1)} through the gateway vs ${f(sql.rps, 1)} pages/s from SQL`);
    const figures: Figure[] = [
      { part: 'read', figure: `problem list page (${PAGE}) via gateway: p50 / p99 ms`, value: `${ms(full.p50)} / ${ms(full.p99)}` },
      { part: 'read', figure: 'problem list page via gateway: requests/s (SQL statements/request)', value: `${f(full.rps, 1)} (${f(fullStatements, 1)})` },
      { part: 'read', figure: 'gateway overhead, one-subgraph page (gateway ÷ subgraph, p50)', value: f(overhead, 2), target: '≤ 1.3', met: overhead <= 1.3 },
      { part: 'read', figure: "gateway overhead, full page (gateway ÷ its 2 subgraph calls, mean)", value: f(overheadFull, 2) },
      { part: 'read', figure: 'stack overhead (gateway ÷ one hand-written SQL, p50)', value: f(stack, 1) },
    ];
    report(figures);
  } finally {
    for (const r of running) await r.stop();
    await bench.close();
    await database.drop();
  }
}

await main();
