import 'reflect-metadata';
import type { App } from '../../api/src/app.js';
import { benchApp } from './support/app.js';
import { BENCH_DISTRICT, buildRegistry, describeRegistry, ensureDetected } from './support/dataset.js';
import { throwawayDatabase } from './support/database.js';
import { startServed } from './support/processes.js';
import { f, percentile, report, table, today } from './support/report.js';
import { loadUsers, WriteLoad, type Accepted } from './support/write-load.js';

/**
 * `pnpm bench:write`: mixed write load (support/write-load.ts) through the gateway of the single
 * process (`pnpm start`). BENCH_REGISTRARS registrars (default 20, one school each, the schools of
 * 西湖区) act on their schools' open problems for BENCH_WRITE_SECONDS (default 60), one reviewer
 * sends submitted problems back or approves them. Afterwards the invariants are checked in the
 * database.
 */
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1_000_000);
const REGISTRARS = Number(process.env.BENCH_REGISTRARS ?? 20);
const SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 60);

/** A problem's key as its member would carry it, by the problem's type. */
const MEMBER_KEY = `CASE p.type WHEN 'DUPLICATE_ID' THEN 'ID:' || s.id_key WHEN 'DUPLICATE_IDENTITY' THEN 'IDENT:' || s.identity_key
                    ELSE CASE WHEN cardinality(s.id_problems) > 0 THEN 'INV:' || s.id END END`;

/** Invariants of the stored problems after the load: each statement counts the violations. */
const STORED_INVARIANTS: [string, string][] = [
  [
    'every current member of an unresolved problem is an active record carrying its key',
    `SELECT count(*)::int AS n FROM problems p JOIN problem_members pm ON pm.problem_id = p.id AND pm.left_at IS NULL
     JOIN students s ON s.id = pm.student_id
     WHERE p.status <> 'RESOLVED' AND NOT (s.status IN ('ENROLLED', 'SUSPENDED') AND ${MEMBER_KEY} IS NOT DISTINCT FROM p.group_key)`,
  ],
  [
    'a problem no school acted on still collides (2+ members, or 1 invalid ID)',
    `SELECT count(*)::int AS n FROM problems p
     WHERE p.status IN ('OPEN', 'ESCALATED') AND p.acted_at IS NULL
       AND (SELECT count(*) FROM problem_members pm WHERE pm.problem_id = p.id AND pm.left_at IS NULL) < CASE p.type WHEN 'INVALID_ID' THEN 1 ELSE 2 END`,
  ],
  [
    'a problem pending review is settled (ID: ≤ 1 active copy; identity: all corroborated; invalid ID: fixed)',
    `SELECT count(*)::int AS n FROM problems p
     CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE s.status IN ('ENROLLED', 'SUSPENDED') AND 'ID:' || s.id_key = p.group_key) AS carrying,
              count(*) FILTER (WHERE s.status IN ('ENROLLED', 'SUSPENDED') AND pm.corroborated_at IS NULL) AS uncorroborated,
              count(*) FILTER (WHERE s.status IN ('ENROLLED', 'SUSPENDED') AND cardinality(s.id_problems) > 0) AS invalid
       FROM problem_members pm JOIN students s ON s.id = pm.student_id WHERE pm.problem_id = p.id AND pm.left_at IS NULL) m
     WHERE p.status = 'PENDING_REVIEW' AND NOT CASE p.type
       WHEN 'DUPLICATE_ID' THEN m.carrying <= 1 AND (p.scope = 'CROSS_SCHOOL' OR m.uncorroborated = 0)
       WHEN 'DUPLICATE_IDENTITY' THEN m.uncorroborated = 0
       ELSE m.invalid = 0 END`,
  ],
  ['at most one unresolved problem per group', `SELECT count(*)::int AS n FROM (SELECT 1 FROM problems WHERE status <> 'RESOLVED' GROUP BY type, group_key HAVING count(*) > 1) d`],
];

const EVENTS_SINCE = `SELECT problem_id::text AS "problemId", type, count(*)::int AS n FROM events
  WHERE id > $1 AND (type LIKE 'ACTION_%' OR type IN ('PROBLEM_APPROVED', 'PROBLEM_REJECTED')) GROUP BY 1, 2`;

type Db = App['db']['dataSource'];

/** Every accepted action and review is one event of its kind on its problem, and nothing else is: the mismatches. */
async function eventMismatches(db: Db, accepted: Accepted[], eventsBefore: string): Promise<number> {
  const events = (await db.query(EVENTS_SINCE, [eventsBefore])) as { problemId: string; type: string; n: number }[];
  const expected = new Map<string, number>();
  for (const a of accepted) expected.set(`${a.problemId}/${a.kind}`, (expected.get(`${a.problemId}/${a.kind}`) ?? 0) + 1);
  let mismatches = 0;
  for (const e of events) if (expected.get(`${e.problemId}/${e.type}`) !== e.n) mismatches += 1;
  return mismatches + [...expected.keys()].filter((k) => !events.some((e) => `${e.problemId}/${e.type}` === k)).length;
}

/**
 * No lost update: per problem, accepted writes ordered by the version they produced each started
 * from the version the previous one produced or later (never two from one version). The overlaps.
 */
function versionOverlaps(accepted: Accepted[]): number {
  let overlaps = 0;
  const byProblem = new Map<string, Accepted[]>();
  for (const a of accepted) byProblem.set(a.problemId, [...(byProblem.get(a.problemId) ?? []), a]);
  for (const list of byProblem.values()) {
    list.sort((a, b) => a.after - b.after);
    for (let i = 0; i < list.length; i++) {
      if (list[i]!.after <= list[i]!.base) overlaps += 1;
      if (i > 0 && list[i]!.base < list[i - 1]!.after) overlaps += 1;
    }
  }
  return overlaps;
}

/** Incremental detection (after every change and delete) and a full rescan agree: what a rescan now would change, rolled back. */
async function rescanChanges(app: App): Promise<number> {
  const rescan = await app.db.dataSource
    .transaction(async (m) => {
      const result = await app.services.detection.detect(m, { kind: 'all' });
      throw Object.assign(new Error('rollback'), { result });
    })
    .catch((error: { result?: { opened: number; joined: number; left: number; closed: number } }) => {
      if (!error.result) throw error;
      return error.result;
    });
  return rescan.opened + rescan.joined + rescan.left + rescan.closed;
}

/** Invariants, in the database, after the load: each with its number of violations. */
async function invariants(app: App, accepted: Accepted[], eventsBefore: string): Promise<[string, number][]> {
  const db = app.db.dataSource;
  const checks: [string, number][] = [];
  for (const [name, sql] of STORED_INVARIANTS) checks.push([name, ((await db.query(sql)) as { n: number }[])[0]!.n]);
  checks.push(['every accepted action and review is exactly one event', await eventMismatches(db, accepted, eventsBefore)]);
  checks.push(['no two accepted writes from one version; versions strictly increase', versionOverlaps(accepted)]);
  checks.push(['a full rescan afterwards changes nothing', await rescanChanges(app)]);
  return checks;
}

interface Run {
  students: number;
  schools: number;
  openBefore: number;
  elapsed: number;
  statements: number;
}

function printResults(run: Run, load: WriteLoad, checks: [string, number][]): void {
  const { elapsed } = run;
  const { actionMs, counts, byKind, failures, actions } = load;
  const p50 = percentile(actionMs, 0.5);
  const p99 = percentile(actionMs, 0.99);
  const violations = checks.reduce((sum, [, n]) => sum + n, 0);
  console.log(
    `\nbench:write ${today()}: ${f(run.students)} records; ${REGISTRARS} registrars of ${Math.min(REGISTRARS, run.schools)} schools in ${BENCH_DISTRICT} ` +
      `(${f(run.openBefore)} open problems at the start) + 1 reviewer, ${f(elapsed, 1)} s through the gateway of the single process\n`,
  );
  console.log(
    table(
      ['figure', 'value'],
      [
        ['actions accepted (per second)', `${f(actions)} (${f(actions / elapsed, 1)}/s): ${Object.entries(byKind).map(([k, n]) => `${k} ${f(n)}`).join(', ')}`],
        ['actOnRecord latency p50 / p99 ms', `${f(p50, 1)} / ${f(p99, 1)}`],
        ['attempts: accepted / STALE_VERSION (expected) / other errors', `${f(counts.attempts)}: ${f(actions)} / ${f(counts.stale)} / ${f(failures.length)}`],
        ['reviews accepted / STALE_VERSION', `${f(counts.reviews)} / ${f(counts.reviewStale)}`],
        ['materials uploaded (POST /materials), list reads', `${f(counts.materials)}, ${f(counts.reads)}`],
        ['all requests per second', f(load.requests / elapsed, 1)],
        ['SQL statements per second (whole process)', f(run.statements / elapsed)],
        ...checks.map(([name, n]) => [`invariant: ${name}`, n === 0 ? 'holds' : `**${f(n)} violations**`]),
      ],
      ['l', 'l'],
    ),
  );
  if (failures.length > 0) console.log(`\nfirst failures:\n${[...new Set(failures)].slice(0, 10).join('\n')}`);
  report([
    { part: 'write', figure: `${REGISTRARS} registrars for ${SECONDS} s: actions accepted/s (p50 / p99 ms)`, value: `${f(actions / elapsed, 1)} (${f(p50, 1)} / ${f(p99, 1)})` },
    { part: 'write', figure: 'errors other than STALE_VERSION (STALE_VERSION answers)', value: `${f(failures.length)} (${f(counts.stale + counts.reviewStale)})`, target: '0', met: failures.length === 0 },
    { part: 'write', figure: `invariants checked afterwards (${checks.length})`, value: violations === 0 ? 'all hold' : `${f(violations)} violations`, target: 'all hold', met: violations === 0 },
  ]);
}

async function main() {
  const database = await throwawayDatabase('pss_bench_write');
  const bench = await benchApp(database.url);
  const { app } = bench;
  const db = app.db.dataSource;
  try {
    const dataset = database.owned ? await buildRegistry(app, database.url, STUDENTS) : await describeRegistry(app);
    await ensureDetected(app);
    const schools = dataset.districtSchools;
    if (schools.length === 0) throw new Error(`no schools in ${BENCH_DISTRICT}`);
    const users = await loadUsers(app, schools, REGISTRARS);
    const [{ eventsBefore }] = (await db.query(`SELECT coalesce(max(id), 0)::bigint::text AS "eventsBefore" FROM events`)) as [{ eventsBefore: string }];
    const openBefore = ((await db.query(
      `SELECT count(DISTINCT p.id)::int AS n FROM problems p JOIN problem_members pm ON pm.problem_id = p.id WHERE p.status = 'OPEN' AND pm.school_id = ANY($1::bigint[])`,
      [users.registrars.map((r) => r.schoolId)],
    )) as { n: number }[])[0]!.n;

    // The bench's DATA_DIR: the product reads the data keys the registry was sealed with there.
    const product = await startServed('all', database.url, { DB_POOL_SIZE: '10', DATA_DIR: bench.dataDir });
    const load = new WriteLoad(app, product.url, users);
    const deadline = performance.now() + SECONDS * 1000;

    const started = performance.now();
    const statementsBefore = await product.statements();
    await load.run(() => performance.now() < deadline);
    const elapsed = (performance.now() - started) / 1000;
    const statements = (await product.statements()) - statementsBefore;
    await product.stop();

    const checks = await invariants(app, load.accepted, eventsBefore);
    printResults({ students: dataset.students, schools: schools.length, openBefore, elapsed, statements }, load, checks);
  } finally {
    await bench.close();
    await database.drop();
  }
}

await main();
