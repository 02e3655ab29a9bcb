import 'reflect-metadata';
import pg from 'pg';
import type { App } from '../../api/src/app.js';
import { regionPrefix } from '../../api/src/core/auth/caller.js';
import { signSubgraphToken } from '../../api/src/core/auth/tokens.js';
import { benchApp, sessionToken } from './support/app.js';
import { BENCH_DISTRICT, benchUser, buildRegistry, describeRegistry, ensureDetected } from './support/dataset.js';
import { throwawayDatabase } from './support/database.js';
import { CONNECTIONS, DURATION, load, type LoadRequest, type LoadResult } from './support/load.js';
import { startPostGraphile, startServed, type ServedProcess } from './support/processes.js';
import { FULL_PAGE, ONE_SUBGRAPH_PAGE, POSTGRAPHILE_PAGE } from './support/queries.js';
import { f, percentile, report, table, today, type Figure } from './support/report.js';

/**
 * `pnpm bench:read`: the problem list page under load, on loopback, side by side with PostGraphile.
 * A district's staff member (DISTRICT_ADMIN of 西湖区) reads the first page: 50 problems with their
 * members, each member's school and the school's district and city.
 *
 * 1. The product as `pnpm start` runs it (gateway and subgraphs in one process) and PostGraphile 5
 *    (support/postgraphile.ts) on the same database, as the same role `pss_app` with the same row
 *    scope, serving the same problems and members: BENCH_ROUNDS (default 3) interleaved rounds, each
 *    with 1 and with BENCH_CONNECTIONS (default 10) connections for BENCH_DURATION s (default 10)
 *    after a 2 s warm-up; medians of the rounds. Also SQL statements per page (each process's own
 *    count, sequential requests) and Node CPU per page (the process's CPU time ÷ requests answered).
 * 2. The same page as one hand-written SQL statement through `pg`: the floor.
 * 3. Gateway overhead: a page the problems subgraph answers alone, through the gateway and straight
 *    to a problems subgraph process (`pnpm start --subgraph problems`) with the gateway's signed caller.
 *
 * The data set is BENCH_STUDENTS records (default 1,000,000) after a first scan.
 */
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1_000_000);
const PAGE = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

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
  return { rps: latencies.length / elapsed, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), mean, requests: latencies.length, sent: latencies.length, failures: 0 };
}


interface Stack {
  name: string;
  process: ServedProcess;
  request: LoadRequest;
}

interface Run {
  result: LoadResult;
  /** Node CPU ms per request: the process's CPU time over the run (warm-up included) ÷ requests answered. */
  cpuMs: number;
}

async function measure(stack: Stack, connections: number, duration = DURATION): Promise<Run> {
  const before = await stack.process.stats();
  const result = await load(stack.process.url, [stack.request], { connections, duration });
  const after = await stack.process.stats();
  return { result, cpuMs: (after.cpuMicros - before.cpuMicros) / 1000 / result.sent };
}

/** SQL statements one page costs, from the process's own count over sequential requests. */
async function statementsPerPage(stack: Stack, n = 20): Promise<number> {
  const before = (await stack.process.stats()).statements;
  for (let i = 0; i < n; i++) await post(stack);
  return ((await stack.process.stats()).statements - before) / n;
}

async function post(stack: Stack): Promise<any> {
  const response = await fetch(`${stack.process.url}${stack.request.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...stack.request.headers },
    body: stack.request.body,
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(`${stack.name}: ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/** Both stacks answer the same problems with the same members, or the comparison means nothing. */
async function sameAnswer(product: Stack, postgraphile: Stack): Promise<{ problems: number; members: number; total: number }> {
  const ours = (await post(product)).data.problems as { totalCount: number; nodes: { id: string; members: { studentId: string }[] }[] };
  const theirs = (await post(postgraphile)).data.allProblems as {
    totalCount: number;
    nodes: { rowId: number | string; problemMembersByProblemId: { nodes: { studentId: number | string }[] } }[];
  };
  const shape = (nodes: { id: string; members: string[] }[]) => JSON.stringify(nodes.map((n) => [n.id, [...n.members].sort()]));
  const a = shape(ours.nodes.map((n) => ({ id: n.id, members: n.members.map((m) => m.studentId) })));
  const b = shape(theirs.nodes.map((n) => ({ id: String(n.rowId), members: n.problemMembersByProblemId.nodes.map((m) => String(m.studentId)) })));
  if (a !== b || ours.totalCount !== theirs.totalCount) throw new Error(`the stacks answer different pages:\nproduct ${a.slice(0, 300)}\npostgraphile ${b.slice(0, 300)}`);
  return { problems: ours.nodes.length, members: ours.nodes.reduce((sum, n) => sum + n.members.length, 0), total: ours.totalCount };
}

const median = (values: number[]) => percentile(values, 0.5);

/** ROUNDS interleaved rounds of each stack at 1 and CONNECTIONS connections; per stack and width, the medians. */
async function rounds(stacks: Stack[]) {
  const widths = [...new Set([1, CONNECTIONS])];
  const runs = new Map<string, Run[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const connections of widths) {
      for (const stack of stacks) {
        const key = `${stack.name}@${connections}`;
        runs.set(key, [...(runs.get(key) ?? []), await measure(stack, connections)]);
      }
    }
  }
  const at = (stack: Stack, connections: number) => {
    const of = runs.get(`${stack.name}@${connections}`)!;
    return {
      p50: median(of.map((r) => r.result.p50)),
      p99: median(of.map((r) => r.result.p99)),
      rps: median(of.map((r) => r.result.rps)),
      cpuMs: median(of.map((r) => r.cpuMs)),
      failures: of.reduce((sum, r) => sum + r.result.failures, 0),
    };
  };
  return { widths, at };
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
    const body = (query: string) => JSON.stringify({ query, variables: { first: PAGE } });

    const all = await startServed('all', database.url);
    running.push(all);
    const postgraphileProcess = await startPostGraphile(database.url, regionPrefix(BENCH_DISTRICT));
    running.push(postgraphileProcess);
    const product: Stack = { name: 'product', process: all, request: { path: '/graphql', body: body(FULL_PAGE), headers: { authorization: `Bearer ${session}` } } };
    const postgraphile: Stack = { name: 'PostGraphile', process: postgraphileProcess, request: { path: '/graphql', body: body(POSTGRAPHILE_PAGE), headers: {} } };
    const page = await sameAnswer(product, postgraphile);
    const statements = { product: await statementsPerPage(product), postgraphile: await statementsPerPage(postgraphile) };
    const side = await rounds([product, postgraphile]);

    // Gateway overhead: a page one subgraph answers, through the gateway and straight to that subgraph's own process.
    const own = await measure({ ...product, request: { ...product.request, body: body(ONE_SUBGRAPH_PAGE) } }, CONNECTIONS);
    for (const p of running.splice(0)) await p.stop();
    const subgraph = await startServed('subgraph:problems', database.url);
    running.push(subgraph);
    const callerHeader = { 'x-pss-caller': await signSubgraphToken(app.keys, { caller, clientAddress: null }) };
    const direct = await measure({ name: 'subgraph', process: subgraph, request: { path: '/graphql', body: body(ONE_SUBGRAPH_PAGE), headers: callerHeader } }, CONNECTIONS);
    await subgraph.stop();

    const sqlParams = [`${BENCH_DISTRICT}%`, PAGE, app.config.PROBLEM_DEADLINE_DAYS];
    const sql = { one: await sqlLoad(database.url, HAND_WRITTEN_SQL, sqlParams, 1, DURATION), many: await sqlLoad(database.url, HAND_WRITTEN_SQL, sqlParams, CONNECTIONS, DURATION) };

    printAndReport({ dataset: dataset.students, problems, page, statements, side, product, postgraphile, own, direct, sql });
  } finally {
    for (const r of running) await r.stop();
    await bench.close();
    await database.drop();
  }
}

function printAndReport(m: {
  dataset: number;
  problems: number;
  page: { problems: number; members: number; total: number };
  statements: { product: number; postgraphile: number };
  side: Awaited<ReturnType<typeof rounds>>;
  product: Stack;
  postgraphile: Stack;
  own: Run;
  direct: Run;
  sql: { one: LoadResult; many: LoadResult };
}) {
  const ms = (n: number) => f(n, 1);
  const { widths, at } = m.side;
  console.log(
    `\nbench:read ${today()}: ${f(m.dataset)} records, ${f(m.problems)} unresolved problems, ${f(m.page.total)} visible to the district (${BENCH_DISTRICT}); ` +
      `first page: ${m.page.problems} problems, ${m.page.members} members; ${ROUNDS} interleaved rounds × ${widths.join(' and ')} connections × ${DURATION} s ` +
      `after a 2 s warm-up, medians; loopback\n`,
  );
  const rows = [m.product, m.postgraphile].flatMap((stack) =>
    widths.map((w) => {
      const r = at(stack, w);
      const label = stack === m.product ? 'this product (pnpm start: gateway + subgraphs in one process)' : 'PostGraphile 5.1.5, same role pss_app and row scope';
      const perPage = stack === m.product ? m.statements.product : m.statements.postgraphile;
      return [label, String(w), ms(r.p50), ms(r.p99), f(r.rps, 1), ms(r.cpuMs), f(perPage, 1), f(r.failures)];
    }),
  );
  rows.push(['one hand-written SQL statement through pg', '1', ms(m.sql.one.p50), ms(m.sql.one.p99), f(m.sql.one.rps, 1), '–', '1', '0']);
  rows.push(['one hand-written SQL statement through pg', String(CONNECTIONS), ms(m.sql.many.p50), ms(m.sql.many.p99), f(m.sql.many.rps, 1), '–', '1', '0']);
  console.log(table(['stack', 'connections', 'p50 ms', 'p99 ms', 'requests/s', 'Node CPU ms / page', 'SQL statements / page', 'failures'], rows));

  const figures: Figure[] = [];
  for (const w of widths) {
    const ours = at(m.product, w);
    const theirs = at(m.postgraphile, w);
    const latency = ours.p50 / theirs.p50;
    const throughput = theirs.rps / ours.rps;
    console.log(`${w} connection${w > 1 ? 's' : ''}: p50 ${ms(ours.p50)} vs ${ms(theirs.p50)} ms (÷ ${f(latency, 2)}), requests/s ${f(ours.rps, 1)} vs ${f(theirs.rps, 1)} (PostGraphile ÷ product ${f(throughput, 2)})`);
    figures.push(
      { part: 'read', figure: `list page, ${w} conn.: p50 ms, product / PostGraphile (ratio)`, value: `${ms(ours.p50)} / ${ms(theirs.p50)} (${f(latency, 2)})`, target: '≤ 1.0', met: latency <= 1 },
      { part: 'read', figure: `list page, ${w} conn.: requests/s, product / PostGraphile (PostGraphile ÷ product)`, value: `${f(ours.rps, 1)} / ${f(theirs.rps, 1)} (${f(throughput, 2)})`, target: '≤ 1.0', met: throughput <= 1 },
    );
  }
  const cpu = at(m.product, CONNECTIONS).cpuMs;
  const overhead = m.own.result.p50 / m.direct.result.p50;
  const stack = at(m.product, CONNECTIONS).p50 / m.sql.many.p50;
  console.log(`gateway overhead, a page one subgraph answers (gateway ÷ subgraph process, p50, ${CONNECTIONS} connections): ${f(overhead, 2)}`);
  console.log(`stack overhead (product ÷ one hand-written SQL statement, p50, ${CONNECTIONS} connections): ${f(stack, 1)}`);
  figures.push(
    { part: 'read', figure: 'list page: SQL statements per page (PostGraphile)', value: `${f(m.statements.product, 1)} (${f(m.statements.postgraphile, 1)})`, target: '≤ 3', met: m.statements.product <= 3 },
    { part: 'read', figure: `list page: Node CPU ms per page (${CONNECTIONS} conn.; PostGraphile)`, value: `${ms(cpu)} (${ms(at(m.postgraphile, CONNECTIONS).cpuMs)})`, target: '≤ 5', met: cpu <= 5 },
    { part: 'read', figure: 'gateway overhead, one-subgraph page (gateway ÷ subgraph process, p50)', value: f(overhead, 2), target: '≤ 1.3', met: overhead <= 1.3 },
    { part: 'read', figure: 'stack overhead (product ÷ one hand-written SQL statement, p50)', value: f(stack, 1) },
  );
  report(figures);
}

await main();
