import 'reflect-metadata';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, migrate } from '../../api/src/app.js';
import { asOwner, SYSTEM } from '../../api/src/core/db/row-scope.js';
import { hashPassword } from '../../api/src/core/auth/passwords.js';
import { parseConfig } from '../../api/src/core/config.js';
import { startAllInOne } from '../../api/src/server/start.js';
import { f, report, type Figure } from './support/report.js';

/**
 * `pnpm bench:reports`: district statistics at scale. A province-sized database (2,000 schools in
 * every district of 浙江, 1,000,000 student records, 50,000 problems with their members, a mix of
 * statuses over half a year) is built with set-based SQL, then grouped queries for one city (杭州)
 * are timed through the service and through the gateway with a CITY_ADMIN session. Prints p50/p95, and
 * hands the gateway's p50 to `pnpm bench` beside its target. Not a test.
 */
const server = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1_000_000);
const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? 50_000);
const SCHOOLS = 2_000;
const RUNS = 50;
const database = `pss_bench_reports_${process.pid}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function percentile(values: number[], fraction: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

async function timed(runs: number, work: () => Promise<unknown>) {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

async function main() {
  await admin(`CREATE DATABASE ${database}`);
  const url = new URL(server);
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pss-bench-reports-'));
  const app = await createApp(parseConfig({ DATABASE_URL: url.toString(), DATA_DIR: dataDir, LOG_LEVEL: 'warn', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123' }), { unscoped: SYSTEM });
  try {
    await migrate(app);
    const db = app.db.dataSource;
    let started = performance.now();
    await db.query(`
      INSERT INTO schools (code, name, region_code)
      SELECT '1' || d.code || lpad(n::text, 3, '0'), '学校' || d.code || '-' || n, d.code
      FROM (SELECT code, row_number() OVER (ORDER BY code) AS k FROM regions WHERE code LIKE '33%' AND code NOT LIKE '%00') d,
           generate_series(1, 40) n
      WHERE n <= ceil(${SCHOOLS}::numeric / (SELECT count(*) FROM regions WHERE code LIKE '33%' AND code NOT LIKE '%00'))
      LIMIT ${SCHOOLS}`);
    // Records come in blocks of 20 per school, so a problem's two records can be picked in one school or two.
    await db.query(`
      WITH s AS (SELECT array_agg(id ORDER BY id) AS ids FROM schools)
      INSERT INTO students (school_id, name, gender, birth_date, id_number, name_key, id_key, identity_key)
      SELECT s.ids[1 + ((i / 20) * 7919) % cardinality(s.ids)], '学生' || i, CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END, date '2012-01-01' + (i % 3000)::int,
             lpad(i::text, 18, '0'), '学生' || i, lpad(i::text, 18, '0'), '学生' || i || '|M|' || (date '2012-01-01' + (i % 3000)::int)
      FROM generate_series(1::bigint, ${STUDENTS}) i, s`);
    // Written in SQL for speed, so sealed afterwards as a database from before encryption would be.
    await app.services.students.reseal({ force: true });
    const loadedStudents = performance.now() - started;
    started = performance.now();
    // Each problem: two records, in one school (80%) or in two schools (20%).
    await db.query(`
      WITH picked AS (
        SELECT k, (ARRAY['DUPLICATE_ID','DUPLICATE_IDENTITY','INVALID_ID'])[1 + k % 3] AS type,
               (ARRAY['OPEN','OPEN','PENDING_REVIEW','ESCALATED','RESOLVED','RESOLVED','RESOLVED'])[1 + (k * 31) % 7] AS status,
               now() - make_interval(secs => ((k * 7717) % (180 * 86400))::float8) AS opened
        FROM generate_series(1::bigint, ${PROBLEMS}) k
      )
      INSERT INTO problems (type, scope, status, group_key, opened_at, updated_at, resolved_at)
      SELECT type, 'WITHIN_SCHOOL', status, 'bench:' || k, opened, opened,
             CASE WHEN status = 'RESOLVED' THEN opened + make_interval(secs => ((k * 104729) % (40 * 86400))::float8) END
      FROM picked ORDER BY k`);
    await db.query(`
      INSERT INTO problem_members (problem_id, student_id, school_id, joined_at)
      SELECT p.id, st.id, st.school_id, p.opened_at
      FROM problems p
      CROSS JOIN LATERAL (VALUES (p.id * 20), (CASE WHEN p.id % 5 = 0 THEN p.id * 20 - 17 ELSE p.id * 20 + 1 END)) m(student_id)
      JOIN students st ON st.id = m.student_id`);
    await db.query(`
      UPDATE problems p SET scope = 'CROSS_SCHOOL'
      WHERE (SELECT count(DISTINCT school_id) FROM problem_members pm WHERE pm.problem_id = p.id) > 1`);
    // Maintenance is the tables' owner's (the product's role may not VACUUM or ANALYZE them).
    await asOwner(() => db.query('ANALYZE'));
    const loadedProblems = performance.now() - started;
    const [counts] = (await db.query(
      `SELECT (SELECT count(*) FROM students)::int AS students, (SELECT count(*) FROM problems)::int AS problems,
              (SELECT count(*) FROM schools)::int AS schools,
              (SELECT count(DISTINCT pm.problem_id) FROM problem_members pm JOIN schools s ON s.id = pm.school_id WHERE s.region_code LIKE '3301%')::int AS "cityProblems"`,
    )) as { students: number; problems: number; schools: number; cityProblems: number }[];

    const running = await startAllInOne(app, '127.0.0.1', 0);
    await db.query(`INSERT INTO users (username, password_hash, display_name, role, region_code) VALUES ('bench.city', $1, 'bench', 'CITY_ADMIN', '330100')`, [await hashPassword('bench-password')]);
    const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const token = (await gql(`mutation { login(username: "bench.city", password: "bench-password") { token } }`)).login.token as string;
    const scope = { kind: 'region', prefix: '3301' } as const;
    const MEASURES = 'count open pendingReview escalated resolved unresolved overdue medianDaysToResolve p90DaysToResolve medianOpenAgeDays';
    const cases: [string, string[]][] = [
      ['totals', []],
      ['by TYPE, STATUS', ['TYPE', 'STATUS']],
      ['by SCHOOL', ['SCHOOL']],
      ['by REGION (districts)', ['REGION']],
      ['by OPENED_WEEK', ['OPENED_WEEK']],
    ];
    const rows: string[] = [];
    const figures: Figure[] = [];
    for (const [label, groupBy] of cases) {
      const service = await timed(RUNS, () => app.services.stats.problemStats(scope, groupBy as never, {}));
      const gateway = await timed(RUNS, () => gql(`query($g: [StatsDimension!]!) { problemStats(groupBy: $g) { regionCode schoolId type status openedWeek ${MEASURES} } }`, { g: groupBy }, token));
      const groups = (await app.services.stats.problemStats(scope, groupBy as never, {})).length;
      rows.push(`| ${label} | ${groups} | ${service.p50.toFixed(1)} | ${service.p95.toFixed(1)} | ${gateway.p50.toFixed(1)} | ${gateway.p95.toFixed(1)} |`);
      figures.push({ part: 'reports', figure: `杭州 statistics ${label}, CITY_ADMIN through the gateway: p50 ms (p95)`, value: `${f(gateway.p50, 1)} (${f(gateway.p95, 1)})`, target: '< 50', met: gateway.p50 < 50 });
    }
    await running.close();
    console.log(`\nbench:reports ${new Date().toISOString().slice(0, 10)}: ${counts!.students.toLocaleString('en')} students, ${counts!.problems.toLocaleString('en')} problems, ${counts!.schools} schools; 杭州 (330100) has ${counts!.cityProblems.toLocaleString('en')} problems`);
    console.log(`data built in ${(loadedStudents / 1000).toFixed(1)} s (students) + ${(loadedProblems / 1000).toFixed(1)} s (problems); ${RUNS} runs each after one warm-up\n`);
    console.log('| query for 杭州 (CITY_ADMIN scope) | rows | service p50 ms | service p95 ms | gateway p50 ms | gateway p95 ms |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const row of rows) console.log(row);
    report(figures);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP) console.log(`kept database ${database}`);
    else await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

await main();
