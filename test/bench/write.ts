import 'reflect-metadata';
import { hashPassword } from '../../api/src/core/auth/passwords.js';
import { residentIdCheckChar } from '../../api/src/registry/student/id-number.js';
import { openStudentRow } from '../../api/src/registry/student/sealed-fields.js';
import { createRandom } from '../../api/src/seed/random.js';
import { benchApp, sessionToken } from './support/app.js';
import { BENCH_DISTRICT, buildRegistry, describeRegistry, ensureDetected } from './support/dataset.js';
import { throwawayDatabase } from './support/database.js';
import { startServed } from './support/processes.js';
import { f, percentile, report, table, today } from './support/report.js';

/**
 * `pnpm bench:write`: mixed write load through the gateway of the single process (`pnpm start`).
 * BENCH_REGISTRARS registrars (default 20, one school each, the schools of 西湖区) act on their
 * schools' open problems for BENCH_WRITE_SECONDS (default 60): each lists its school's open problems,
 * picks one and acts on its own record — CHANGE (a class or phone fixed, or a wrong ID number
 * corrected: detection runs again), CORROBORATE, or DELETE of a redundant copy — with materials
 * uploaded by POST /materials. One reviewer (a DISTRICT_ADMIN for 杭州) rejects or approves what is
 * submitted, so that problems come back to the schools. Two schools of one problem, and the reviewer,
 * race on the same versions: STALE_VERSION is the expected answer to the loser; any other error
 * counts as a failure. Afterwards the invariants are checked in the database.
 */
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1_000_000);
const REGISTRARS = Number(process.env.BENCH_REGISTRARS ?? 20);
const SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 60);
const PDF = (n: number) => Buffer.from(`%PDF-1.7\n% scan ${n}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

const LIST = `query($school: ID!) { problems(filter: { schoolId: $school, status: OPEN }, first: 30, orderBy: UPDATED_DESC) {
  nodes { id type scope version members { studentId inMyScope corroborated } } } }`;
const ACT = `mutation($input: RecordActionInput!) { actOnRecord(input: $input) { ok problemStatus version error { code message field } } }`;
const REVIEW_LIST = `{ problems(filter: { waitingForMe: true, status: PENDING_REVIEW }, first: 30) { nodes { id version } } }`;
const REVIEW = `mutation($input: ReviewInput!) { reviewProblem(input: $input) { ok problemStatus version error { code message } } }`;

interface Accepted {
  problemId: string;
  base: number;
  after: number;
  kind: string;
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
    // Users: one registrar per school (schools reused if there are fewer), one reviewer for the city.
    const hash = await hashPassword('bench-password');
    const registrars: { userId: string; schoolId: string; token: string }[] = [];
    for (let i = 0; i < REGISTRARS; i++) {
      const schoolId = schools[i % schools.length]!;
      const username = `bench.reg${i}`;
      const [row] = (await db.query(
        `INSERT INTO users (username, password_hash, display_name, role, school_id) VALUES ($1, $2, $1, 'SCHOOL_REGISTRAR', $3)
         ON CONFLICT ((lower(username))) DO UPDATE SET school_id = EXCLUDED.school_id RETURNING id::text`,
        [username, hash, schoolId],
      )) as { id: string }[];
      registrars.push({ userId: row!.id, schoolId, token: await sessionToken(app, row!.id) });
    }
    const [reviewerRow] = (await db.query(
      `INSERT INTO users (username, password_hash, display_name, role, region_code) VALUES ('bench.reviewer', $1, 'bench.reviewer', 'DISTRICT_ADMIN', '330100')
       ON CONFLICT ((lower(username))) DO UPDATE SET region_code = EXCLUDED.region_code RETURNING id::text`,
      [hash],
    )) as { id: string }[];
    const reviewerToken = await sessionToken(app, reviewerRow!.id);
    const [{ eventsBefore }] = (await db.query(`SELECT coalesce(max(id), 0)::bigint::text AS "eventsBefore" FROM events`)) as [{ eventsBefore: string }];
    const openBefore = ((await db.query(
      `SELECT count(DISTINCT p.id)::int AS n FROM problems p JOIN problem_members pm ON pm.problem_id = p.id WHERE p.status = 'OPEN' AND pm.school_id = ANY($1::bigint[])`,
      [registrars.map((r) => r.schoolId)],
    )) as { n: number }[])[0]!.n;

    const product = await startServed('all', database.url, { DB_POOL_SIZE: '10' });
    const gql = async (token: string, query: string, variables: object = {}) => {
      const started = performance.now();
      const response = await fetch(`${product.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
      return { ms: performance.now() - started, status: response.status, body };
    };

    const accepted: Accepted[] = [];
    const failures: string[] = [];
    const actionMs: number[] = [];
    const counts = { attempts: 0, stale: 0, reads: 0, materials: 0, reviews: 0, reviewStale: 0, idle: 0 };
    const byKind: Record<string, number> = {};
    const deadline = performance.now() + SECONDS * 1000;

    const registrar = async (me: (typeof registrars)[number], index: number) => {
      const random = createRandom(1000 + index);
      let material: string | null = null;
      let uses = 0;
      while (performance.now() < deadline) {
        const list = await gql(me.token, LIST, { school: me.schoolId });
        counts.reads += 1;
        if (list.body.errors) {
          failures.push(`list: ${JSON.stringify(list.body.errors[0])}`);
          continue;
        }
        const candidates = (list.body.data.problems.nodes as { id: string; type: string; scope: string; version: number; members: { studentId: string; inMyScope: boolean; corroborated: boolean }[] }[])
          .map((p) => ({ ...p, mine: p.members.filter((m) => m.inMyScope) }))
          .filter((p) => p.mine.length > 0);
        if (candidates.length === 0) {
          counts.idle += 1;
          await new Promise((r) => setTimeout(r, 200));
          continue;
        }
        const problem = random.pick(candidates);
        const member = random.pick(problem.mine);
        // A material for CHANGE and CORROBORATE: a new upload every few actions, as scans come in.
        const needsMaterial = async () => {
          if (!material || uses >= 4) {
            const response = await fetch(`${product.url}/materials?kind=HOUSEHOLD_REGISTER`, {
              method: 'POST',
              headers: { authorization: `Bearer ${me.token}`, 'x-file-name': 'scan.pdf' },
              body: new Uint8Array(PDF(index * 1_000_000 + counts.materials)),
            });
            if (response.status !== 201) failures.push(`material: ${response.status} ${await response.text()}`);
            else material = ((await response.json()) as { materialId: string }).materialId;
            counts.materials += 1;
            uses = 0;
          }
          uses += 1;
          return [material!];
        };
        const roll = random.next();
        let input: Record<string, unknown>;
        if (problem.type === 'DUPLICATE_ID' && problem.scope === 'WITHIN_SCHOOL' && problem.mine.length > 1 && roll < 0.3) {
          input = { action: 'DELETE', deleteReason: 'REDUNDANT' };
        } else if (problem.type === 'INVALID_ID' && roll < 0.5) {
          const [row] = (await db.query(`SELECT id_number AS "idNumber" FROM students WHERE id = $1`, [member.studentId])) as { idNumber: string }[];
          const first17 = openStudentRow(row!).idNumber.slice(0, 17);
          input = { action: 'CHANGE', changes: { idNumber: first17 + residentIdCheckChar(first17) }, materialIds: await needsMaterial() };
        } else if (roll < 0.55) {
          input = { action: 'CHANGE', changes: random.next() < 0.5 ? { className: `${random.int(1, 12)}班` } : { phone: `139${String(random.int(0, 99_999_999)).padStart(8, '0')}` }, materialIds: await needsMaterial() };
        } else {
          input = { action: 'CORROBORATE', materialIds: await needsMaterial(), comment: '户口簿已核对' };
        }
        counts.attempts += 1;
        const result = await gql(me.token, ACT, { input: { problemId: problem.id, version: problem.version, studentId: member.studentId, ...input } });
        actionMs.push(result.ms);
        const outcome = result.body.data?.actOnRecord as { ok: boolean; version: number; error?: { code: string; message: string } } | undefined;
        if (result.body.errors || !outcome) failures.push(`act: ${JSON.stringify(result.body.errors?.[0] ?? result.body)}`);
        else if (outcome.ok) {
          accepted.push({ problemId: problem.id, base: problem.version, after: outcome.version, kind: `ACTION_${input.action as string}` });
          byKind[input.action as string] = (byKind[input.action as string] ?? 0) + 1;
        } else if (outcome.error?.code === 'STALE_VERSION') counts.stale += 1;
        // NOTHING_CHANGED: the random class or phone was the one already there; a user error, not a failure.
        else if (outcome.error?.code !== 'NOTHING_CHANGED') failures.push(`act ${input.action as string}: ${outcome.error?.code} ${outcome.error?.message}`);
      }
    };

    const reviewer = async () => {
      const random = createRandom(7);
      while (performance.now() < deadline) {
        const list = await gql(reviewerToken, REVIEW_LIST);
        counts.reads += 1;
        const nodes = (list.body.data?.problems.nodes ?? []) as { id: string; version: number }[];
        if (nodes.length === 0) {
          await new Promise((r) => setTimeout(r, 200));
          continue;
        }
        for (const p of nodes.slice(0, 5)) {
          if (performance.now() >= deadline) break;
          const approve = random.next() < 0.2;
          const input = { problemId: p.id, version: p.version, decision: approve ? 'APPROVE' : 'REJECT', ...(approve ? {} : { reason: '材料不全，请补充户口簿' }) };
          const result = await gql(reviewerToken, REVIEW, { input });
          const outcome = result.body.data?.reviewProblem as { ok: boolean; version: number; error?: { code: string; message: string } } | undefined;
          if (result.body.errors || !outcome) failures.push(`review: ${JSON.stringify(result.body.errors?.[0] ?? result.body)}`);
          else if (outcome.ok) {
            counts.reviews += 1;
            accepted.push({ problemId: p.id, base: p.version, after: outcome.version, kind: approve ? 'PROBLEM_APPROVED' : 'PROBLEM_REJECTED' });
          } else if (outcome.error?.code === 'STALE_VERSION') counts.reviewStale += 1;
          else failures.push(`review: ${outcome.error?.code} ${outcome.error?.message}`);
        }
      }
    };

    const started = performance.now();
    const statementsBefore = await product.statements();
    await Promise.all([...registrars.map((r, i) => registrar(r, i)), reviewer()]);
    const elapsed = (performance.now() - started) / 1000;
    const statements = (await product.statements()) - statementsBefore;
    await product.stop();

    // Invariants, in the database, after the load.
    const one = async (sql: string, params: unknown[] = []) => ((await db.query(sql, params)) as { n: number }[])[0]!.n;
    const memberKey = `CASE p.type WHEN 'DUPLICATE_ID' THEN 'ID:' || s.id_key WHEN 'DUPLICATE_IDENTITY' THEN 'IDENT:' || s.identity_key
                        ELSE CASE WHEN cardinality(s.id_problems) > 0 THEN 'INV:' || s.id END END`;
    const checks: [string, number][] = [
      [
        'every current member of an unresolved problem is an active record carrying its key',
        await one(`SELECT count(*)::int AS n FROM problems p JOIN problem_members pm ON pm.problem_id = p.id AND pm.left_at IS NULL
                   JOIN students s ON s.id = pm.student_id
                   WHERE p.status <> 'RESOLVED' AND NOT (s.status IN ('ENROLLED', 'SUSPENDED') AND ${memberKey} IS NOT DISTINCT FROM p.group_key)`),
      ],
      [
        'a problem no school acted on still collides (2+ members, or 1 invalid ID)',
        await one(`SELECT count(*)::int AS n FROM problems p
                   WHERE p.status IN ('OPEN', 'ESCALATED') AND p.acted_at IS NULL
                     AND (SELECT count(*) FROM problem_members pm WHERE pm.problem_id = p.id AND pm.left_at IS NULL) < CASE p.type WHEN 'INVALID_ID' THEN 1 ELSE 2 END`),
      ],
      [
        'a problem pending review is settled (ID: ≤ 1 active copy; identity: all corroborated; invalid ID: fixed)',
        await one(`SELECT count(*)::int AS n FROM problems p
                   CROSS JOIN LATERAL (
                     SELECT count(*) FILTER (WHERE s.status IN ('ENROLLED', 'SUSPENDED') AND 'ID:' || s.id_key = p.group_key) AS carrying,
                            count(*) FILTER (WHERE s.status IN ('ENROLLED', 'SUSPENDED') AND pm.corroborated_at IS NULL) AS uncorroborated,
                            count(*) FILTER (WHERE s.status IN ('ENROLLED', 'SUSPENDED') AND cardinality(s.id_problems) > 0) AS invalid
                     FROM problem_members pm JOIN students s ON s.id = pm.student_id WHERE pm.problem_id = p.id AND pm.left_at IS NULL) m
                   WHERE p.status = 'PENDING_REVIEW' AND NOT CASE p.type
                     WHEN 'DUPLICATE_ID' THEN m.carrying <= 1 AND (p.scope = 'CROSS_SCHOOL' OR m.uncorroborated = 0)
                     WHEN 'DUPLICATE_IDENTITY' THEN m.uncorroborated = 0
                     ELSE m.invalid = 0 END`),
      ],
      ['at most one unresolved problem per group', await one(`SELECT count(*)::int AS n FROM (SELECT 1 FROM problems WHERE status <> 'RESOLVED' GROUP BY type, group_key HAVING count(*) > 1) d`)],
    ];
    // Every accepted action and review is one event of its kind on its problem, and nothing else is.
    const events = (await db.query(
      `SELECT problem_id::text AS "problemId", type, count(*)::int AS n FROM events
       WHERE id > $1 AND (type LIKE 'ACTION_%' OR type IN ('PROBLEM_APPROVED', 'PROBLEM_REJECTED')) GROUP BY 1, 2`,
      [eventsBefore],
    )) as { problemId: string; type: string; n: number }[];
    const expected = new Map<string, number>();
    for (const a of accepted) expected.set(`${a.problemId}/${a.kind}`, (expected.get(`${a.problemId}/${a.kind}`) ?? 0) + 1);
    let eventMismatches = 0;
    for (const e of events) if (expected.get(`${e.problemId}/${e.type}`) !== e.n) eventMismatches += 1;
    eventMismatches += [...expected.keys()].filter((k) => !events.some((e) => `${e.problemId}/${e.type}` === k)).length;
    checks.push(['every accepted action and review is exactly one event', eventMismatches]);
    // No lost update: per problem, accepted writes ordered by the version they produced each started
    // from the version the previous one produced or later (never two from one version).
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
    checks.push(['no two accepted writes from one version; versions strictly increase', overlaps]);
    // Incremental detection (after every change and delete) and a full rescan agree: a rescan now changes nothing.
    const rescan = await db
      .transaction(async (m) => {
        const result = await app.services.detection.detect(m, { kind: 'all' });
        throw Object.assign(new Error('rollback'), { result });
      })
      .catch((error: { result?: { opened: number; joined: number; left: number; closed: number } }) => {
        if (!error.result) throw error;
        return error.result;
      });
    checks.push(['a full rescan afterwards changes nothing', rescan.opened + rescan.joined + rescan.left + rescan.closed]);

    const actions = accepted.filter((a) => a.kind.startsWith('ACTION_')).length;
    const p50 = percentile(actionMs, 0.5);
    const p99 = percentile(actionMs, 0.99);
    const violations = checks.reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `\nbench:write ${today()}: ${f(dataset.students)} records; ${REGISTRARS} registrars of ${Math.min(REGISTRARS, schools.length)} schools in ${BENCH_DISTRICT} ` +
        `(${f(openBefore)} open problems at the start) + 1 reviewer, ${f(elapsed, 1)} s through the gateway of the single process\n`,
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
          ['all requests per second', f((counts.attempts + counts.reads + counts.materials + counts.reviews + counts.reviewStale) / elapsed, 1)],
          ['SQL statements per second (whole process)', f(statements / elapsed)],
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
  } finally {
    await bench.close();
    await database.drop();
  }
}

await main();
