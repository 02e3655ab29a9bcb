import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdType, type Gender } from '../src/registry/student/student.entity.js';
import { createRandom } from '../src/seed/random.js';
import { asOwner } from '../src/core/db/row-scope.js';
import { makeSchool, makeUser, PASSWORD } from './support/factories.js';
import { PLAIN_PDF } from './support/images.js';
import { sessionsSettled } from './support/sessions.js';
import { startProductChild, type ProductChild } from './support/product-child.js';
import { validId } from './support/templates.js';
import { createTestApp, serverUrl, type TestApp } from './support/test-app.js';
import { openStudentRow } from './support/sealed.js';

const TRIALS = 20;
const PER_KIND = 8;
const CONCURRENCY = 4;

type Kind = 'CHANGE' | 'DELETE' | 'CORROBORATE';
const KINDS: Kind[] = ['CHANGE', 'DELETE', 'CORROBORATE'];

interface Planned {
  kind: Kind;
  problemId: string;
  studentId: string;
  version: number;
  /** CHANGE: the mistyped number and its correction. */
  typo?: string;
  good?: string;
  answer?: { ok: boolean; version?: number; code?: string } | 'none';
}

/** What the database says about one planned action's problem and record. */
interface State {
  status: string;
  version: number;
  acted: boolean;
  submitted: boolean;
  actions: number;
  submits: number;
  lefts: number;
  opened: number;
  studentEvents: number;
  materials: number;
  studentStatus: string;
  studentVersion: number;
  idNumber: string;
  idProblems: string[];
  memberLeft: boolean;
  corroborated: boolean;
}

const ACT = `mutation($input: RecordActionInput!) { actOnRecord(input: $input) { ok problemStatus version error { code message } } }`;

/**
 * `kill -9` of the product (started as `pnpm start` starts it) while registrars' actions on many
 * problems are in flight, 20 times, each at a random point of the batch. After each kill the
 * product is started again, and for every action: either all of it is there (the record changed or
 * deleted or the member corroborated, its events, the problem's version bump, member and status
 * changes, the cited materials) or none of it; an action the client saw succeed is there with the
 * version it was told; a retry with the old version is refused as stale when the action landed and
 * succeeds when it did not. No problem is left in a state the rules forbid, and a full rescan finds
 * nothing to change.
 */
describe.runIf(serverUrl)('the product killed during a batch of actions', () => {
  let app: TestApp;
  let schoolA: { id: string };
  let schoolB: { id: string };
  let product: ProductChild | undefined;
  const tokens = { a: '', b: '' };
  let materialId = '';
  let day = 0;
  const seed = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);
  const random = createRandom(seed);

  beforeAll(async () => {
    app = await createTestApp();
    schoolA = await makeSchool(app, '330106');
    schoolB = await makeSchool(app, '330102');
    const userA = await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolA.id });
    const userB = await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolB.id });
    product = await start();
    tokens.a = await login(userA.username);
    tokens.b = await login(userB.username);
    const uploaded = await fetch(`${product.url}/materials?kind=HOUSEHOLD_REGISTER`, { method: 'POST', headers: { authorization: `Bearer ${tokens.a}` }, body: new Uint8Array(PLAIN_PDF) });
    materialId = ((await uploaded.json()) as { materialId: string }).materialId;
  }, 180_000);
  afterAll(async () => {
    await product?.kill();
    await app?.dispose();
  });

  // The harness watches the whole database, other sessions included, as its owner.
  const query = <T>(sql: string, params: unknown[] = []) => asOwner(() => app.db.dataSource.query(sql, params)) as Promise<T[]>;
  const start = () => startProductChild({ DATABASE_URL: app.config.DATABASE_URL!, DATA_DIR: app.config.DATA_DIR }, 180_000);

  async function gql(query: string, variables: Record<string, unknown>, token: string) {
    const response = await fetch(`${product!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { message: string }[] };
  }
  async function login(username: string): Promise<string> {
    const result = await gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: PASSWORD }, '');
    if (!result.data?.login?.token) throw new Error(`login failed for ${username}: ${JSON.stringify(result)}`);
    return result.data.login.token as string;
  }

  /** A fresh problem of each kind for every planned action: mistyped IDs, a pupil at both schools, namesakes. */
  async function plan(): Promise<Planned[]> {
    const planned: Planned[] = [];
    for (const kind of KINDS) {
      for (let k = 0; k < PER_KIND; k++) {
        day += 1;
        const birth = new Date(Date.UTC(2008, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
        const gender: Gender = (day % 2 ? 'M' : 'F') as Gender;
        const name = `学生${day}`;
        const record = (school: { id: string }, idNumber: string) => ({ schoolId: school.id, name, gender, birthDate: birth, idType: IdType.RESIDENT_ID, idNumber });
        const good = validId('330106', birth, gender, 1);
        const typo = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
        const rows =
          kind === 'CHANGE' ? [record(schoolA, typo)]
          : kind === 'DELETE' ? [record(schoolA, good), record(schoolB, good)]
          : [record(schoolA, good), record(schoolB, validId('330102', birth, gender, 2))];
        const ids = await app.db.dataSource.transaction(async (m) => {
          const inserted = await app.services.students.insertMany(m, rows);
          await app.services.detection.detect(m, { kind: 'students', studentIds: inserted });
          return inserted;
        });
        const [problem] = await query<{ id: string; version: number }>(
          `SELECT p.id::text, p.version FROM problems p JOIN problem_members pm ON pm.problem_id = p.id WHERE pm.student_id = $1 AND p.type = $2`,
          [ids[0], kind === 'CHANGE' ? 'INVALID_ID' : kind === 'DELETE' ? 'DUPLICATE_ID' : 'DUPLICATE_IDENTITY'],
        );
        // School B deletes its copy of the pupil at both schools; school A fixes or corroborates its own.
        planned.push({ kind, problemId: problem!.id, version: problem!.version, studentId: kind === 'DELETE' ? ids[1]! : ids[0]!, typo, good });
      }
    }
    // Interleaved, so that every kind is in flight at any moment.
    for (let i = planned.length - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      [planned[i], planned[j]] = [planned[j]!, planned[i]!];
    }
    return planned;
  }

  function input(p: Planned) {
    const base = { problemId: p.problemId, version: p.version, studentId: p.studentId, action: p.kind };
    if (p.kind === 'CHANGE') return { ...base, changes: { idNumber: p.good }, materialIds: [materialId], comment: '按户口簿更正' };
    if (p.kind === 'DELETE') return { ...base, deleteReason: 'NOT_STUDYING_HERE' };
    return { ...base, materialIds: [materialId] };
  }
  const tokenFor = (p: Planned) => (p.kind === 'DELETE' ? tokens.b : tokens.a);

  /** Sends the batch with a few requests in flight at once; stops sending once `stopped()` says so. */
  async function send(batch: Planned[], stopped: () => boolean): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < batch.length && !stopped()) {
        const p = batch[next++]!;
        try {
          const result = await gql(ACT, { input: input(p) }, tokenFor(p));
          const payload = result.data?.actOnRecord as { ok: boolean; version: number | null; error: { code: string } | null } | undefined;
          p.answer = payload ? { ok: payload.ok, version: payload.version ?? undefined, code: payload.error?.code } : { ok: false, code: result.errors?.[0]?.message ?? 'no data' };
        } catch {
          p.answer = 'none';
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }

  async function stateOf(p: Planned): Promise<State> {
    const [row] = await query<State>(
      `SELECT p.status, p.version, p.acted_at IS NOT NULL AS acted, p.submitted_at IS NOT NULL AS submitted,
              (SELECT count(*)::int FROM events e WHERE e.problem_id = p.id AND e.type LIKE 'ACTION\\_%') AS actions,
              (SELECT count(*)::int FROM events e WHERE e.problem_id = p.id AND e.type = 'PROBLEM_SUBMITTED_FOR_REVIEW') AS submits,
              (SELECT count(*)::int FROM events e WHERE e.problem_id = p.id AND e.type = 'MEMBER_LEFT') AS lefts,
              (SELECT count(*)::int FROM events e WHERE e.problem_id = p.id AND e.type = 'PROBLEM_OPENED') AS opened,
              (SELECT count(*)::int FROM events e WHERE e.subject_type = 'student' AND e.subject_id = s.id::text) AS "studentEvents",
              (SELECT count(*)::int FROM problem_materials m WHERE m.problem_id = p.id) AS materials,
              s.status AS "studentStatus", s.version AS "studentVersion", s.id_number AS "idNumber", s.id_problems AS "idProblems",
              pm.left_at IS NOT NULL AS "memberLeft", pm.corroborated_at IS NOT NULL AS corroborated
       FROM problems p JOIN problem_members pm ON pm.problem_id = p.id AND pm.student_id = $2 JOIN students s ON s.id = pm.student_id
       WHERE p.id = $1`,
      [p.problemId, p.studentId],
    );
    return openStudentRow(row!);
  }

  /** Every fact of an action that landed whole, and of one that did not land at all. */
  function expected(p: Planned, applied: boolean, versionBump: number): State {
    const untouched: State = {
      status: 'OPEN', version: p.version, acted: false, submitted: false, actions: 0, submits: 0, lefts: 0, opened: 1, studentEvents: 0, materials: 0,
      studentStatus: 'ENROLLED', studentVersion: 1, idNumber: p.kind === 'CHANGE' ? p.typo! : p.good!, idProblems: p.kind === 'CHANGE' ? ['CHECKSUM'] : [],
      memberLeft: false, corroborated: false,
    };
    if (!applied) return untouched;
    const done = { ...untouched, version: p.version + versionBump, acted: true, actions: 1 };
    if (p.kind === 'CHANGE') {
      return { ...done, status: 'PENDING_REVIEW', submitted: true, submits: 1, lefts: 1, studentEvents: 1, materials: 1, studentVersion: 2, idNumber: p.good!, idProblems: [], memberLeft: true };
    }
    if (p.kind === 'DELETE') {
      return { ...done, status: 'PENDING_REVIEW', submitted: true, submits: 1, lefts: 1, studentEvents: 1, studentStatus: 'DELETED', studentVersion: 2, memberLeft: true };
    }
    return { ...done, materials: 1, corroborated: true };
  }

  /** Rules for every problem in the database, whatever happened to it. */
  async function globalViolations(): Promise<string[]> {
    const wrong: string[] = [];
    const bad = await query<{ id: string; why: string }>(
      `SELECT p.id::text, CASE
          WHEN (SELECT count(*) FROM events e WHERE e.problem_id = p.id AND e.type = 'PROBLEM_OPENED') <> 1 THEN 'not exactly one PROBLEM_OPENED event'
          WHEN p.status = 'PENDING_REVIEW' AND (p.submitted_at IS NULL OR p.acted_at IS NULL) THEN 'in review without an action and a submission'
          WHEN p.status = 'PENDING_REVIEW' AND (SELECT count(*) FROM events e WHERE e.problem_id = p.id AND e.type = 'PROBLEM_SUBMITTED_FOR_REVIEW') <> 1 THEN 'in review without exactly one submission event'
          WHEN p.status = 'OPEN' AND p.submitted_at IS NOT NULL THEN 'open yet submitted'
          WHEN (p.acted_at IS NOT NULL) <> EXISTS (SELECT 1 FROM events e WHERE e.problem_id = p.id AND e.type LIKE 'ACTION\\_%') THEN 'acted_at disagrees with the action events'
          WHEN p.status NOT IN ('OPEN', 'PENDING_REVIEW') THEN 'status ' || p.status || ' without a review'
          WHEN EXISTS (SELECT 1 FROM students s WHERE s.status = 'DELETED'
                       AND (SELECT count(*) FROM events e WHERE e.subject_type = 'student' AND e.subject_id = s.id::text AND e.type = 'STUDENT_DELETED') <> 1
                       AND s.id IN (SELECT student_id FROM problem_members WHERE problem_id = p.id)) THEN 'a member deleted without exactly one STUDENT_DELETED event'
        END AS why
       FROM problems p`,
    );
    for (const b of bad) if (b.why) wrong.push(`problem ${b.id}: ${b.why}`);
    const rescan = await app.db.dataSource
      .transaction(async (manager) => {
        const result = await app.services.detection.detect(manager, { kind: 'all' });
        throw Object.assign(new Error('rolled back on purpose'), { result });
      })
      .catch((error: { result?: object }) => error.result);
    if (JSON.stringify(rescan) !== JSON.stringify({ opened: 0, joined: 0, left: 0, closed: 0 })) wrong.push(`a rescan would change the problems: ${JSON.stringify(rescan)}`);
    return wrong;
  }

  /** Transactions of the product that have written and not yet committed: actions half done. */
  async function openTransactions(): Promise<number> {
    const [row] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND backend_xid IS NOT NULL`,
    );
    return row!.n;
  }

  const settled = () => sessionsSettled(query, new URL(app.config.DATABASE_URL!).pathname.slice(1), 'product');

  it(`leaves every action whole or absent after ${TRIALS} kills at random points of a batch`, async () => {
    // An uninterrupted batch: how long one takes, and how far each kind of action moves its
    // problem's version (action, members leaving, submission) when it runs to the end.
    const calibration = await plan();
    const started = Date.now();
    await send(calibration, () => false);
    const batchMs = Date.now() - started;
    const versionBump: Record<Kind, number> = { CHANGE: 0, DELETE: 0, CORROBORATE: 0 };
    for (const p of calibration) {
      expect(p.answer).toMatchObject({ ok: true });
      const state = await stateOf(p);
      versionBump[p.kind] = state.version - p.version;
      expect(state).toEqual(expected(p, true, versionBump[p.kind]));
      expect((p.answer as { version: number }).version).toBe(state.version);
    }

    const figures = { sent: 0, acknowledged: 0, appliedUnanswered: 0, unansweredNotApplied: 0, notSent: 0, killsMidTransaction: 0, transactionsCut: 0 };
    const failures: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const batch = await plan();
      const killAt = (batchMs * (trial + random.next())) / TRIALS;
      let killed = false;
      const sending = send(batch, () => killed);
      await sleep(killAt);
      killed = true;
      const open = await openTransactions();
      const exited = product!.kill();
      figures.transactionsCut += open;
      if (open > 0) figures.killsMidTransaction += 1;
      await sending;
      await exited;
      await settled();
      // The restart: the next product process, on the database the killed one left behind.
      product = await start();

      for (const p of batch) {
        const state = await stateOf(p);
        const applied = state.actions > 0;
        const want = expected(p, applied, versionBump[p.kind]);
        if (!isDeepStrictEqual(state, want)) failures.push(`trial ${trial + 1}, ${p.kind} on problem ${p.problemId}: ${applied ? 'partly applied' : 'partly left'}: ${JSON.stringify(state)}`);
        if (p.answer === undefined) {
          figures.notSent += 1;
          if (applied) failures.push(`trial ${trial + 1}, ${p.kind} on problem ${p.problemId}: applied though never sent`);
        } else if (p.answer === 'none') {
          figures.sent += 1;
          if (applied) figures.appliedUnanswered += 1;
          else figures.unansweredNotApplied += 1;
        } else {
          figures.sent += 1;
          if (!p.answer.ok) failures.push(`trial ${trial + 1}, ${p.kind} on problem ${p.problemId}: refused (${p.answer.code})`);
          else if (!applied || p.answer.version !== state.version) failures.push(`trial ${trial + 1}, ${p.kind} on problem ${p.problemId}: acknowledged with version ${p.answer.version}, the database has ${applied ? `version ${state.version}` : 'nothing'}`);
          else figures.acknowledged += 1;
        }

        // The restarted product agrees with the database, and a client retrying with the version
        // it had gets a stale-version refusal for an action that landed and success for one that did not.
        const seen = await gql(`query($id: ID!) { problem(id: $id) { status version } }`, { id: p.problemId }, tokens.a);
        if (seen.data?.problem?.status !== state.status || seen.data?.problem?.version !== state.version) failures.push(`trial ${trial + 1}, problem ${p.problemId}: the restarted product shows ${JSON.stringify(seen.data?.problem ?? seen.errors)}`);
        const retry = (await gql(ACT, { input: input(p) }, tokenFor(p))).data?.actOnRecord as { ok: boolean; error: { code: string } | null };
        if (applied ? retry.error?.code !== 'STALE_VERSION' : !retry.ok) failures.push(`trial ${trial + 1}, ${p.kind} on problem ${p.problemId}: a retry after the restart answered ${JSON.stringify(retry)}`);
        if (!applied && retry.ok && !isDeepStrictEqual(await stateOf(p), expected(p, true, versionBump[p.kind]))) failures.push(`trial ${trial + 1}, ${p.kind} on problem ${p.problemId}: the retried action did not land whole`);
      }
      for (const problem of await globalViolations()) failures.push(`trial ${trial + 1}: ${problem}`);
    }
    console.info(
      `action kill test (seed ${seed}): ${TRIALS} trials, ${failures.length} failures; a batch of ${KINDS.length * PER_KIND} actions (${CONCURRENCY} in flight) takes ${batchMs} ms uninterrupted; ` +
        `${figures.killsMidTransaction} kills came while actions had written and not committed (${figures.transactionsCut} such transactions); ` +
        `of ${figures.sent} actions sent, ${figures.acknowledged} were acknowledged and found whole; ${figures.appliedUnanswered + figures.unansweredNotApplied} were cut off by a kill ` +
        `(${figures.appliedUnanswered} had committed and were found whole, ${figures.unansweredNotApplied} had not and left nothing); ${figures.notSent} not sent before the kill`,
    );
    expect(failures).toEqual([]);
    // The kills must have cut actions off in flight for the test to mean anything.
    expect(figures.appliedUnanswered + figures.unansweredNotApplied).toBeGreaterThanOrEqual(TRIALS / 2);
    expect(figures.killsMidTransaction).toBeGreaterThanOrEqual(TRIALS / 4);
    expect(figures.acknowledged).toBeGreaterThan(TRIALS);
  }, 1_200_000);
});
