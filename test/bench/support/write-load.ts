import { setTimeout as sleep } from 'node:timers/promises';
import type { App } from '../../../api/src/app.js';
import { hashPassword } from '../../../api/src/core/auth/passwords.js';
import { residentIdCheckChar } from '../../../api/src/registry/student/id-number.js';
import { openStudentRow } from '../../../api/src/registry/student/sealed-fields.js';
import { createRandom, type Random } from '../../../api/src/seed/random.js';
import { sessionToken } from './app.js';
import { BENCH_PASSWORD } from './dataset.js';

/**
 * The mixed write load of `pnpm bench:write`, also run by `pnpm bench:portal` while it measures
 * the pages. Registrars (one school each) act on their schools' open problems through the
 * gateway: each lists its school's open problems, picks one and acts on its own record — CHANGE (a
 * class or phone fixed, or a wrong ID number corrected: detection runs again), CORROBORATE, or
 * DELETE of a redundant copy — with materials uploaded by POST /materials. One reviewer (a
 * DISTRICT_ADMIN for 杭州) rejects or approves what is submitted, so that problems come back to the
 * schools. Two schools of one problem, and the reviewer, race on the same versions: STALE_VERSION
 * is the expected answer to the loser; any other error counts as a failure.
 */
const PDF = (n: number) => Buffer.from(`%PDF-1.7\n% scan ${n}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

const LIST = `query($school: ID!) { problems(filter: { schoolId: $school, status: OPEN }, first: 30, orderBy: UPDATED_DESC) {
  nodes { id type scope version members { studentId inMyScope corroborated } } } }`;
const ACT = `mutation($input: RecordActionInput!) { actOnRecord(input: $input) { ok problemStatus version error { code message field } } }`;
const REVIEW_LIST = `{ problems(filter: { waitingForMe: true, status: PENDING_REVIEW }, first: 30) { nodes { id version } } }`;
const REVIEW = `mutation($input: ReviewInput!) { reviewProblem(input: $input) { ok problemStatus version error { code message } } }`;
/** A registrar with nothing to do, or a reviewer with an empty queue, looks again after this. */
const IDLE_MS = 200;
/** Actions that share one uploaded material before the next scan comes in. */
const MATERIAL_USES = 4;

export interface Registrar {
  userId: string;
  schoolId: string;
  token: string;
}

export interface LoadUsers {
  registrars: Registrar[];
  reviewerToken: string;
}

/** An accepted write: the problem version it started from and the one it produced. */
export interface Accepted {
  problemId: string;
  base: number;
  after: number;
  kind: string;
}

interface Member {
  studentId: string;
  inMyScope: boolean;
  corroborated: boolean;
}

interface Candidate {
  id: string;
  type: string;
  scope: string;
  version: number;
  mine: Member[];
}

interface Outcome {
  ok: boolean;
  version: number;
  error?: { code: string; message: string };
}

interface GraphQLAnswer {
  ms: number;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** What the load has done so far, for the throughput of a time window (see `WriteLoad.window`). */
export interface LoadMark {
  at: number;
  actions: number;
  requests: number;
  actionLatencies: number;
  stale: number;
  failures: number;
  idle: number;
}

/**
 * The load's users: `count` registrars, one per school of `schools` (reused when there are fewer),
 * and the reviewer for the city, each with an open session.
 */
export async function loadUsers(app: App, schools: string[], count: number): Promise<LoadUsers> {
  const db = app.db.dataSource;
  const hash = await hashPassword(BENCH_PASSWORD);
  const registrars: Registrar[] = [];
  for (let i = 0; i < count; i++) {
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
  return { registrars, reviewerToken: await sessionToken(app, reviewerRow!.id) };
}

/** The load against one product process at `url`; its tallies grow while `run` goes on. */
export class WriteLoad {
  readonly accepted: Accepted[] = [];
  readonly failures: string[] = [];
  readonly actionMs: number[] = [];
  readonly counts = { attempts: 0, stale: 0, reads: 0, materials: 0, reviews: 0, reviewStale: 0, idle: 0 };
  readonly byKind: Record<string, number> = {};

  constructor(
    private readonly app: App,
    private readonly url: string,
    private readonly users: LoadUsers,
  ) {}

  /** Every registrar and the reviewer in a closed loop until `running()` turns false; requests in flight finish. */
  async run(running: () => boolean): Promise<void> {
    await Promise.all([...this.users.registrars.map((registrar, index) => this.registrar(registrar, index, running)), this.reviewer(running)]);
  }

  /** Actions accepted so far (reviews not counted). */
  get actions(): number {
    return this.accepted.filter((a) => a.kind.startsWith('ACTION_')).length;
  }

  /** Requests answered so far: lists, actions, uploads and reviews. */
  get requests(): number {
    const c = this.counts;
    return c.attempts + c.reads + c.materials + c.reviews + c.reviewStale;
  }

  mark(): LoadMark {
    const { stale, reviewStale, idle } = this.counts;
    return { at: performance.now(), actions: this.actions, requests: this.requests, actionLatencies: this.actionMs.length, stale: stale + reviewStale, failures: this.failures.length, idle };
  }

  /** What happened between two marks: seconds, counts, and the actOnRecord latencies of that window. */
  window(from: LoadMark, to: LoadMark) {
    return {
      seconds: (to.at - from.at) / 1000,
      actions: to.actions - from.actions,
      requests: to.requests - from.requests,
      stale: to.stale - from.stale,
      failures: to.failures - from.failures,
      idle: to.idle - from.idle,
      actionMs: this.actionMs.slice(from.actionLatencies, to.actionLatencies),
    };
  }

  private async gql(token: string, query: string, variables: object = {}): Promise<GraphQLAnswer> {
    const started = performance.now();
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { ms: performance.now() - started, body: (await response.json()) as GraphQLAnswer['body'] };
  }

  private async registrar(me: Registrar, index: number, running: () => boolean): Promise<void> {
    const random = createRandom(1000 + index);
    const materials = this.materialSupply(me, index);
    while (running()) {
      const candidates = await this.candidates(me);
      if (!candidates) continue;
      if (candidates.length === 0) {
        this.counts.idle += 1;
        await sleep(IDLE_MS);
        continue;
      }
      const problem = random.pick(candidates);
      const member = random.pick(problem.mine);
      const input = await this.chooseAction(problem, member, random, materials);
      await this.act(me, problem, member, input);
    }
  }

  /** The school's open problems with a record of its own; null when the list failed (counted). */
  private async candidates(me: Registrar): Promise<Candidate[] | null> {
    const list = await this.gql(me.token, LIST, { school: me.schoolId });
    this.counts.reads += 1;
    if (list.body.errors) {
      this.failures.push(`list: ${JSON.stringify(list.body.errors[0])}`);
      return null;
    }
    return (list.body.data.problems.nodes as (Omit<Candidate, 'mine'> & { members: Member[] })[])
      .map((p) => ({ ...p, mine: p.members.filter((m) => m.inMyScope) }))
      .filter((p) => p.mine.length > 0);
  }

  /** Material ids for CHANGE and CORROBORATE: a new upload every few actions, as scans come in. */
  private materialSupply(me: Registrar, index: number): () => Promise<string[]> {
    let material: string | null = null;
    let uses = 0;
    return async () => {
      if (!material || uses >= MATERIAL_USES) {
        const response = await fetch(`${this.url}/materials?kind=HOUSEHOLD_REGISTER`, {
          method: 'POST',
          headers: { authorization: `Bearer ${me.token}`, 'x-file-name': 'scan.pdf' },
          body: new Uint8Array(PDF(index * 1_000_000 + this.counts.materials)),
        });
        if (response.status !== 201) this.failures.push(`material: ${response.status} ${await response.text()}`);
        else material = ((await response.json()) as { materialId: string }).materialId;
        this.counts.materials += 1;
        uses = 0;
      }
      uses += 1;
      return [material!];
    };
  }

  private async chooseAction(problem: Candidate, member: Member, random: Random, materials: () => Promise<string[]>): Promise<Record<string, unknown>> {
    const roll = random.next();
    if (problem.type === 'DUPLICATE_ID' && problem.scope === 'WITHIN_SCHOOL' && problem.mine.length > 1 && roll < 0.3) {
      return { action: 'DELETE', deleteReason: 'REDUNDANT' };
    }
    if (problem.type === 'INVALID_ID' && roll < 0.5) {
      const [row] = (await this.app.db.dataSource.query(`SELECT id_number AS "idNumber" FROM students WHERE id = $1`, [member.studentId])) as { idNumber: string }[];
      const first17 = openStudentRow(row!).idNumber.slice(0, 17);
      return { action: 'CHANGE', changes: { idNumber: first17 + residentIdCheckChar(first17) }, materialIds: await materials() };
    }
    if (roll < 0.55) {
      const changes = random.next() < 0.5 ? { className: `${random.int(1, 12)}班` } : { phone: `139${String(random.int(0, 99_999_999)).padStart(8, '0')}` };
      return { action: 'CHANGE', changes, materialIds: await materials() };
    }
    return { action: 'CORROBORATE', materialIds: await materials(), comment: '户口簿已核对' };
  }

  private async act(me: Registrar, problem: Candidate, member: Member, input: Record<string, unknown>): Promise<void> {
    const action = input.action as string;
    this.counts.attempts += 1;
    const result = await this.gql(me.token, ACT, { input: { problemId: problem.id, version: problem.version, studentId: member.studentId, ...input } });
    this.actionMs.push(result.ms);
    const outcome = result.body.data?.actOnRecord as Outcome | undefined;
    if (result.body.errors || !outcome) this.failures.push(`act: ${JSON.stringify(result.body.errors?.[0] ?? result.body)}`);
    else if (outcome.ok) {
      this.accepted.push({ problemId: problem.id, base: problem.version, after: outcome.version, kind: `ACTION_${action}` });
      this.byKind[action] = (this.byKind[action] ?? 0) + 1;
    } else if (outcome.error?.code === 'STALE_VERSION') this.counts.stale += 1;
    // NOTHING_CHANGED: the random class or phone was the one already there; a user error, not a failure.
    else if (outcome.error?.code !== 'NOTHING_CHANGED') this.failures.push(`act ${action}: ${outcome.error?.code} ${outcome.error?.message}`);
  }

  private async reviewer(running: () => boolean): Promise<void> {
    const random = createRandom(7);
    while (running()) {
      const list = await this.gql(this.users.reviewerToken, REVIEW_LIST);
      this.counts.reads += 1;
      const nodes = (list.body.data?.problems.nodes ?? []) as { id: string; version: number }[];
      if (nodes.length === 0) {
        await sleep(IDLE_MS);
        continue;
      }
      for (const problem of nodes.slice(0, 5)) {
        if (!running()) break;
        await this.review(problem, random.next() < 0.2);
      }
    }
  }

  private async review(problem: { id: string; version: number }, approve: boolean): Promise<void> {
    const input = { problemId: problem.id, version: problem.version, decision: approve ? 'APPROVE' : 'REJECT', ...(approve ? {} : { reason: '材料不全，请补充户口簿' }) };
    const result = await this.gql(this.users.reviewerToken, REVIEW, { input });
    const outcome = result.body.data?.reviewProblem as Outcome | undefined;
    if (result.body.errors || !outcome) this.failures.push(`review: ${JSON.stringify(result.body.errors?.[0] ?? result.body)}`);
    else if (outcome.ok) {
      this.counts.reviews += 1;
      this.accepted.push({ problemId: problem.id, base: problem.version, after: outcome.version, kind: approve ? 'PROBLEM_APPROVED' : 'PROBLEM_REJECTED' });
    } else if (outcome.error?.code === 'STALE_VERSION') this.counts.reviewStale += 1;
    else this.failures.push(`review: ${outcome.error?.code} ${outcome.error?.message}`);
  }
}
