import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchApp, sessionToken } from './support/app.js';
import { BENCH_DISTRICT, benchUser, buildRegistry, describeRegistry, ensureDetected } from './support/dataset.js';
import { throwawayDatabase } from './support/database.js';
import { CONNECTIONS, DURATION, load, type LoadResult } from './support/load.js';
import { startProduct, startServed, type ProductProcess } from './support/processes.js';
import { FULL_PAGE } from './support/queries.js';
import { f, report, table, today } from './support/report.js';

/**
 * `pnpm bench:scale`: the problem list page (as in bench:read) through a gateway process in front
 * of N processes of each subgraph (N = 1, 2; `pnpm start --subgraph NAME` and `pnpm start --gateway
 * --subgraph-url NAME=URL,URL`, the gateway calling the replicas in turn), against the single
 * process, and two single processes side by side (half the connections each). BENCH_SCALE_REPLICAS
 * (default "1,2"), BENCH_CONNECTIONS, BENCH_DURATION as in bench:read.
 * Also the CPU each kind of process used per request (from /proc), to show where the cores go.
 */
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1_000_000);
const REPLICAS = (process.env.BENCH_SCALE_REPLICAS ?? '1,2').split(',').map(Number);
const SUBGRAPH_NAMES = ['registry', 'problems', 'reports'];
const TICK_MS = 10; // /proc reports CPU time in clock ticks of 10 ms (USER_HZ 100)

/** CPU milliseconds (user + system) a process has used so far. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return Number.NaN;
  }
}

interface Row {
  label: string;
  processes: number;
  result: LoadResult;
  cpu: { kind: string; msPerRequest: number }[];
}

async function measure(label: string, processes: { kind: string; process: ProductProcess }[], url: string, token: string): Promise<Row> {
  const before = processes.map((p) => cpuMs(p.process.pid));
  const result = await load(url, [{ path: '/graphql', body: JSON.stringify({ query: FULL_PAGE, variables: { first: 50 } }), headers: { authorization: `Bearer ${token}` } }]);
  const used = processes.map((p, i) => ({ kind: p.kind, ms: cpuMs(p.process.pid) - before[i]! }));
  const requests = result.sent;
  const kinds = [...new Set(used.map((u) => u.kind))];
  return {
    label,
    processes: processes.length,
    result,
    cpu: kinds.map((kind) => ({ kind, msPerRequest: used.filter((u) => u.kind === kind).reduce((sum, u) => sum + u.ms, 0) / requests })),
  };
}

async function measureReplicas(replicas: ProductProcess[], token: string): Promise<Row> {
  const before = replicas.map((p) => cpuMs(p.pid));
  const request = { path: '/graphql', body: JSON.stringify({ query: FULL_PAGE, variables: { first: 50 } }), headers: { authorization: `Bearer ${token}` } };
  const each = Math.max(1, Math.round(CONNECTIONS / replicas.length));
  const results = await Promise.all(replicas.map((p) => load(p.url, [request], { connections: each })));
  const used = replicas.reduce((sum, p, i) => sum + cpuMs(p.pid) - before[i]!, 0);
  const sent = results.reduce((sum, r) => sum + r.sent, 0);
  const result: LoadResult = {
    rps: results.reduce((sum, r) => sum + r.rps, 0),
    p50: Math.max(...results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    mean: results.reduce((sum, r) => sum + r.mean * r.requests, 0) / results.reduce((sum, r) => sum + r.requests, 0),
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    sent,
    failures: results.reduce((sum, r) => sum + r.failures, 0),
  };
  return { label: `${replicas.length} single processes side by side`, processes: replicas.length, result, cpu: [{ kind: 'single', msPerRequest: used / sent }] };
}

async function main() {
  const database = await throwawayDatabase('pss_bench_scale');
  const bench = await benchApp(database.url);
  const { app } = bench;
  const rows: Row[] = [];
  const started: ProductProcess[] = [];
  try {
    const dataset = database.owned ? await buildRegistry(app, database.url, STUDENTS) : await describeRegistry(app);
    await ensureDetected(app);
    await benchUser(app, 'bench.district', 'DISTRICT_ADMIN', { regionCode: BENCH_DISTRICT });
    const [user] = (await app.db.dataSource.query(`SELECT id::text FROM users WHERE username = 'bench.district'`)) as { id: string }[];
    const token = await sessionToken(app, user!.id);

    const single = await startServed('all', database.url);
    started.push(single);
    rows.push(await measure('single process (gateway + subgraphs in-process)', [{ kind: 'single', process: single }], single.url, token));
    // Two whole replicas, half the connections each, as a load balancer in front of them would spread them.
    const second = await startServed('all', database.url);
    started.push(second);
    rows.push(await measureReplicas([single, second], token));
    await second.stop();
    await single.stop();

    for (const n of REPLICAS) {
      const subgraphs = await Promise.all(
        SUBGRAPH_NAMES.flatMap((name) => Array.from({ length: n }, async () => ({ kind: name, process: await startProduct(['--subgraph', name], database.url) }))),
      );
      started.push(...subgraphs.map((s) => s.process));
      const urls = SUBGRAPH_NAMES.map((name) => `${name}=${subgraphs.filter((s) => s.kind === name).map((s) => `${s.process.url}/graphql`).join(',')}`);
      const gateway = await startProduct(['--gateway', ...urls.flatMap((u) => ['--subgraph-url', u])], database.url);
      started.push(gateway);
      rows.push(await measure(`gateway + ${n} × (registry, problems, reports)`, [{ kind: 'gateway', process: gateway }, ...subgraphs], gateway.url, token));
      for (const p of [gateway, ...subgraphs.map((s) => s.process)]) await p.stop();
    }

    const base = rows[0]!.result.rps;
    console.log(
      `\nbench:scale ${today()}: ${f(dataset.students)} records; the problem list page of bench:read; ${cpus().length} cores shared by load generator, ` +
        `Node processes and PostgreSQL; ${CONNECTIONS} connections × ${DURATION} s each\n`,
    );
    console.log(
      table(
        ['deployment', 'Node processes', 'requests/s', '× single', 'p50 ms', 'p99 ms', 'failures', 'CPU ms per request by process kind'],
        rows.map((r) => [
          r.label,
          String(r.processes),
          f(r.result.rps, 1),
          f(r.result.rps / base, 2),
          f(r.result.p50, 1),
          f(r.result.p99, 1),
          f(r.result.failures),
          r.cpu.filter((c) => c.msPerRequest > 0.05).map((c) => `${c.kind} ${f(c.msPerRequest, 1)}`).join(', '),
        ]),
      ),
    );
    report(
      rows.map((r) => ({
        part: 'scale',
        figure: `${r.label}: requests/s (× single), p99 ms`,
        value: `${f(r.result.rps, 1)} (${f(r.result.rps / base, 2)}), ${f(r.result.p99, 1)}`,
        ...(r.label.includes('side by side') ? { target: '≥ 1.6 ×', met: r.result.rps / base >= 1.6 } : {}),
      })),
    );
  } finally {
    for (const p of started) await p.stop();
    await bench.close();
    await database.drop();
  }
}

await main();
