import { Readable } from 'node:stream';
import type { App } from '../app.js';
import { regionPrefix, scopeOf, type Caller, type Role } from '../core/auth/caller.js';
import { atClock, withRowScope } from '../core/db/row-scope.js';
import { commonRegionPrefix } from '../problems/index.js';
import { openStudentRow } from '../registry/index.js';
import type { Random } from './random.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Problems younger than this are left as detection opened them: the schools have not got to them yet. */
const FRESH_DAYS = 10;
/** A scan as a school would upload it: the smallest PDF the material checks accept. */
const SCAN = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface Member {
  studentId: string;
  schoolId: string;
  regionCode: string;
  createdAt: string;
}

interface OpenProblem {
  id: string;
  type: 'DUPLICATE_ID' | 'DUPLICATE_IDENTITY' | 'INVALID_ID';
  scope: 'WITHIN_SCHOOL' | 'CROSS_SCHOOL';
  openedAt: Date;
  /** Oldest record first: for a pupil who moved, the old school's record. */
  members: Member[];
  /** Two of its records carry the same ID number. */
  sameNumber: boolean;
}

type Outcome = { ok: true } | { ok: false; error: unknown };

/** What the story did, for the seed's summary and its test. */
export interface StoryCounts {
  settled: number;
  approved: number;
  negotiated: number;
  escalated: number;
  decided: number;
}

/**
 * Six months of a district's work played through the real services, each step at the time it
 * would have happened (`atClock`): schools delete copies, corroborate, correct numbers, negotiate
 * (accept, reject, escalate), district staff approve and decide. Every status, event, message and
 * material is what those services write; only the clock is set. Recent problems are left open, as
 * are some older ones, which become overdue.
 */
export class DemoStory {
  private readonly counts: StoryCounts = { settled: 0, approved: 0, negotiated: 0, escalated: 0, decided: 0 };
  private cast = new Map<string, Caller>();

  constructor(
    private readonly app: App,
    private readonly random: Random,
    private readonly now: Date,
    /** Right ID numbers of the records planted with a wrong one, by the wrong one. */
    private readonly corrections: ReadonlyMap<string, string>,
  ) {}

  async play(): Promise<StoryCounts> {
    await this.loadCast();
    for (const id of await this.openProblemIds()) {
      // Read again each time: settling one problem closes others over the same records.
      const problem = await this.openProblem(id);
      if (!problem || this.now.getTime() - problem.openedAt.getTime() < FRESH_DAYS * DAY) continue;
      await this.settle(problem, new Timeline(this.random, problem.openedAt, this.now));
    }
    return this.counts;
  }

  private async settle(problem: OpenProblem, at: Timeline): Promise<void> {
    const fate = this.random.next();
    if (problem.type === 'DUPLICATE_ID' && problem.scope === 'WITHIN_SCHOOL') return this.dropCopies(problem, at, fate);
    if (problem.type === 'DUPLICATE_ID') return this.negotiate(problem, at, fate);
    if (problem.type === 'DUPLICATE_IDENTITY') return this.corroborateAll(problem, at, fate);
    return this.correctNumber(problem, at, fate);
  }

  /** A template imported twice: the later copies deleted as redundant, the first corroborated. */
  private async dropCopies(problem: OpenProblem, at: Timeline, fate: number): Promise<void> {
    if (fate >= 0.85) return;
    const [first, ...copies] = problem.members;
    const registrar = this.registrar(first!.schoolId);
    for (const copy of copies) {
      if (!(await this.act(at.next(), registrar, problem.id, { studentId: copy.studentId, action: 'DELETE', deleteReason: 'REDUNDANT' }))) return;
    }
    await this.corroborate(at.next(), registrar, problem, first!.studentId, 'HOUSEHOLD_REGISTER');
    await this.review(problem, at, fate < 0.7);
  }

  /**
   * A pupil who moved: the new school proposes to keep its record. The old school accepts and
   * deletes its own, or disagrees, and the district decides; some proposals are still unanswered.
   */
  private async negotiate(problem: OpenProblem, at: Timeline, fate: number): Promise<void> {
    const [old, moved] = problem.members;
    if (!old || !moved || old.schoolId === moved.schoolId) return;
    const newSchool = this.registrar(moved.schoolId);
    const oldSchool = this.registrar(old.schoolId);
    const proposal = await this.run(at.next(), newSchool, () =>
      this.app.services.negotiation.post(newSchool, { problemId: problem.id, body: '该生已于本学期转入我校就读，请贵校核实后删除原学籍。', proposal: 'KEEP_ONE', keepStudentId: moved.studentId }),
    );
    if (!proposal || fate >= 0.8) return;
    this.counts.negotiated += 1;
    const accept = fate < 0.55;
    const answered = await this.run(at.next(), oldSchool, () =>
      this.app.services.negotiation.answer(oldSchool, { messageId: proposal.id, accept, reason: accept ? null : '该生本学期仍在我校上课，有考勤记录。' }),
    );
    if (!answered) return;
    if (accept) {
      if (!(await this.act(at.next(), oldSchool, problem.id, { studentId: old.studentId, action: 'DELETE', deleteReason: 'NOT_STUDYING_HERE' }))) return;
      await this.review(problem, at, fate < 0.45);
      return;
    }
    if (!(await this.corroborate(at.next(), newSchool, problem, moved.studentId, 'SCHOOL_CERTIFICATE'))) return;
    const escalated = await this.run(at.next(), newSchool, async () =>
      this.app.services.negotiation.escalate(newSchool, { problemId: problem.id, version: await this.version(problem.id), reason: '双方均称学生在本校就读，请区县核查。' }),
    );
    if (!escalated) return;
    this.counts.escalated += 1;
    const reviewer = this.reviewer(problem);
    const decided = await this.run(at.next(), reviewer, async () =>
      this.app.services.reviews.decide(reviewer, {
        problemId: problem.id,
        version: await this.version(problem.id),
        keepStudentIds: [moved.studentId],
        deletions: [{ studentId: old.studentId, reason: 'NOT_STUDYING_HERE' }],
        note: '经核查学生考勤与转学手续，该生在转入学校就读。',
      }),
    );
    if (decided) this.counts.decided += 1;
  }

  /** Different pupils who share name, gender and birth date: each school corroborates its own. */
  private async corroborateAll(problem: OpenProblem, at: Timeline, fate: number): Promise<void> {
    // Records that also share their number are one pupil: the DUPLICATE_ID problem settles them.
    if (fate >= 0.75 || problem.sameNumber) return;
    for (const member of problem.members) {
      if (!(await this.corroborate(at.next(), this.registrar(member.schoolId), problem, member.studentId, 'HOUSEHOLD_REGISTER'))) return;
    }
    await this.review(problem, at, fate < 0.6);
  }

  /** A mistyped number corrected from the household register. */
  private async correctNumber(problem: OpenProblem, at: Timeline, fate: number): Promise<void> {
    const member = problem.members[0];
    if (!member || fate >= 0.75) return;
    const [row] = (await this.app.db.dataSource.query(`SELECT id_number AS "idNumber" FROM students WHERE id = $1`, [member.studentId])) as { idNumber: string }[];
    const right = row ? this.corrections.get(openStudentRow(row).idNumber) : undefined;
    if (!right) return;
    const registrar = this.registrar(member.schoolId);
    const materialId = await this.upload(at.next(), registrar, 'HOUSEHOLD_REGISTER');
    const changed = await this.act(at.next(), registrar, problem.id, { studentId: member.studentId, action: 'CHANGE', changes: { idNumber: right }, materialIds: [materialId] });
    if (changed) await this.review(problem, at, fate < 0.6);
  }

  private async corroborate(at: Date, registrar: Caller, problem: OpenProblem, studentId: string, kind: string): Promise<boolean> {
    const materialId = await this.upload(at, registrar, kind);
    return this.act(new Date(at.getTime() + HOUR), registrar, problem.id, { studentId, action: 'CORROBORATE', materialIds: [materialId] });
  }

  /** District review of a settled problem, when it was settled and the reviewer got to it. */
  private async review(problem: OpenProblem, at: Timeline, approve: boolean): Promise<void> {
    if (!(await this.statusIs(problem.id, 'PENDING_REVIEW'))) return;
    this.counts.settled += 1;
    if (!approve) return;
    const reviewer = this.reviewer(problem);
    const approved = await this.run(at.next(), reviewer, async () =>
      this.app.services.reviews.review(reviewer, { problemId: problem.id, version: await this.version(problem.id), decision: 'APPROVE' }),
    );
    if (approved) this.counts.approved += 1;
  }

  private async act(at: Date, registrar: Caller, problemId: string, input: Omit<Parameters<App['services']['actions']['act']>[1], 'problemId' | 'version'>): Promise<boolean> {
    return (await this.run(at, registrar, async () => this.app.services.actions.act(registrar, { ...input, problemId, version: await this.version(problemId) }))) !== null;
  }

  private async upload(at: Date, registrar: Caller, kind: string): Promise<string> {
    const material = await this.step(at, registrar, () => this.app.services.materials.upload(Readable.from([SCAN]), { caller: registrar, kind, fileName: '扫描件.pdf' }));
    return material.id;
  }

  /** One step as `caller` at `at`; null when the step's time has not come yet. A refusal is a bug in the story. */
  private async run<T extends Outcome>(at: Date, caller: Caller, fn: () => Promise<T>): Promise<Extract<T, { ok: true }> | null> {
    if (at.getTime() >= this.now.getTime()) return null;
    const outcome = await this.step(at, caller, fn);
    if (!outcome.ok) throw new Error(`the demo story was refused: ${JSON.stringify(outcome.error)}`);
    return outcome as Extract<T, { ok: true }>;
  }

  private step<T>(at: Date, caller: Caller, fn: () => Promise<T>): Promise<T> {
    return atClock(at, () => withRowScope(scopeOf(caller), fn));
  }

  private async version(problemId: string): Promise<number> {
    const [row] = (await this.app.db.dataSource.query(`SELECT version FROM problems WHERE id = $1`, [problemId])) as { version: number }[];
    return row!.version;
  }

  private async statusIs(problemId: string, status: string): Promise<boolean> {
    const [row] = (await this.app.db.dataSource.query(`SELECT status FROM problems WHERE id = $1`, [problemId])) as { status: string }[];
    return row?.status === status;
  }

  private registrar(schoolId: string): Caller {
    const caller = this.cast.get(`school:${schoolId}`);
    if (!caller) throw new Error(`the demo has no registrar for school ${schoolId}`);
    return caller;
  }

  /** District staff of the smallest region containing every school of the problem. */
  private reviewer(problem: OpenProblem): Caller {
    const prefix = commonRegionPrefix(problem.members.map((m) => m.regionCode));
    const caller = this.cast.get(`region:${prefix}`);
    if (!caller) throw new Error(`the demo has no reviewer for region ${prefix}`);
    return caller;
  }

  private async loadCast(): Promise<void> {
    const users = (await this.app.db.dataSource.query(
      `SELECT id::text, username, role, school_id::text AS "schoolId", region_code AS "regionCode" FROM users WHERE role IN ('SCHOOL_REGISTRAR', 'DISTRICT_ADMIN')`,
    )) as { id: string; username: string; role: Role; schoolId: string | null; regionCode: string | null }[];
    for (const user of users) {
      const caller: Caller = { userId: user.id, username: user.username, role: user.role };
      if (user.schoolId) this.cast.set(`school:${user.schoolId}`, { ...caller, schoolId: user.schoolId });
      if (user.regionCode) this.cast.set(`region:${regionPrefix(user.regionCode)}`, { ...caller, regionPrefix: regionPrefix(user.regionCode) });
    }
  }

  private async openProblemIds(): Promise<string[]> {
    const rows = (await this.app.db.dataSource.query(`SELECT id::text FROM problems WHERE status = 'OPEN' ORDER BY opened_at, id`)) as { id: string }[];
    return rows.map((row) => row.id);
  }

  private async openProblem(id: string): Promise<OpenProblem | null> {
    const [row] = (await this.app.db.dataSource.query(
      `SELECT p.id::text, p.type, p.scope, p.opened_at AS "openedAt", count(DISTINCT st.id_key) < count(*) AS "sameNumber",
              json_agg(json_build_object('studentId', pm.student_id::text, 'schoolId', pm.school_id::text, 'regionCode', sc.region_code, 'createdAt', st.created_at)
                       ORDER BY st.created_at, st.id) AS members
       FROM problems p
       JOIN problem_members pm ON pm.problem_id = p.id AND pm.left_at IS NULL
       JOIN students st ON st.id = pm.student_id
       JOIN schools sc ON sc.id = pm.school_id
       WHERE p.id = $1 AND p.status = 'OPEN' GROUP BY p.id`,
      [id],
    )) as OpenProblem[];
    return row ?? null;
  }
}

/** The times of one problem's steps: each a few days after the one before, within working hours. */
class Timeline {
  private last: number;

  constructor(
    private readonly random: Random,
    start: Date,
    private readonly now: Date,
  ) {
    this.last = start.getTime();
  }

  next(): Date {
    this.last += this.random.int(1, 5) * DAY + this.random.int(1, 6) * HOUR;
    return new Date(Math.min(this.last, this.now.getTime()));
  }
}
