import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../../core/auth/caller.js';
import { scopeOf, scopeSql } from '../../core/auth/caller.js';
import { can } from '../../core/auth/permissions.js';
import { widened } from '../../core/db/row-scope.js';
import { Forbidden, NotFound } from '../../core/errors.js';
import { appendEvents } from '../../core/events.js';
import { tooLong, type TextLimit } from '../../core/text-limits.js';
import { activeRecordsWithId, activeStudentSql, transferStudent } from '../../registry/index.js';
import type { DetectionService } from '../detection/detection.service.js';
import { changeStatus, touchProblems } from '../lifecycle/index.js';
import { approvalsNeeded, approvalsOf, deciderRegion, OPEN_TRANSFER_STATUSES, type TransferRow, type TransferStatus } from './transfer-rules.js';

/** Why a transfer step was not taken, each code with what it means (the API's enum says it too). */
export const TRANSFER_ERROR_CODES = {
  STALE_VERSION: 'The transfer or its problem changed since it was read: read it again.',
  NOT_OPEN: 'The problem is not open: a transfer is requested while the schools settle it.',
  NOT_DUPLICATE_ID: 'Only a duplicate ID number between two schools can be one pupil who moved.',
  NOT_A_MEMBER: 'The records named are not an active record of yours and one of the other school’s in this problem.',
  ALREADY_REQUESTED: 'A transfer of this record is already waiting for an answer.',
  UNKNOWN_SCHOOL: 'No school has this code.',
  SAME_SCHOOL: 'The school named is your own school.',
  NO_SUCH_PUPIL: 'The school named has no active record with this ID number and name.',
  ALREADY_HERE: 'Your school already has an active record with this ID number: request the transfer inside its problem.',
  VALUE_REQUIRED: 'A value this step needs is empty; `field` names it.',
  NOT_WAITING: 'The transfer is not waiting for this step (it was answered, withdrawn or completed).',
  NOT_DUE: 'The old school may answer until the deadline; its district decides only after it passed.',
  NOT_ACTIVE: 'A record of the transfer is no longer active (deleted or moved), so it cannot complete.',
  TOO_LONG: 'A text is over its limit; `field` names it.',
} as const;

export interface TransferError {
  code: keyof typeof TRANSFER_ERROR_CODES;
  message: string;
  field?: string;
}
export type TransferOutcome = { ok: true; transferId: string } | { ok: false; error: TransferError };

export interface TransferFilter {
  /** INCOMING: to a school of the caller's scope (转入); OUTGOING: from one (转出). */
  direction?: 'INCOMING' | 'OUTGOING' | null;
  statuses?: TransferStatus[] | null;
  problemId?: string | null;
}

class Refusal extends Error {
  constructor(readonly error: TransferError) {
    super(error.message);
  }
}

function refuse(code: TransferError['code'], field?: string): never {
  throw new Refusal({ code, message: TRANSFER_ERROR_CODES[code], ...(field ? { field } : {}) });
}

/** The trimmed text, refused when over its limit (or empty when required). */
function text(field: string, value: string | null | undefined, limit: TextLimit, required = false): string | null {
  const long = tooLong(field, value, limit);
  if (long) throw new Refusal(long);
  const trimmed = value?.trim() || null;
  if (required && !trimmed) refuse('VALUE_REQUIRED', field);
  return trimmed;
}

export const TRANSFER_COLUMNS = `t.id::text, t.student_id::text AS "studentId", t.to_student_id::text AS "toStudentId",
  t.from_school_id::text AS "fromSchoolId", t.to_school_id::text AS "toSchoolId", fs.region_code AS "fromRegion", ts.region_code AS "toRegion",
  t.problem_id::text AS "problemId", t.status, t.pupil_name AS "pupilName", t.note, t.requested_at AS "requestedAt", t.due_at AS "dueAt",
  t.due_at <= app_now() AS overdue, t.answered_at AS "answeredAt", t.answer_reason AS "answerReason",
  t.approvals_needed AS "approvalsNeeded", t.approved, t.completed_at AS "completedAt", t.version, old.name AS "oldName"`;
// The old record's name, where row security lets the session read it (transfer.resolver.ts decides who is shown it).
const TRANSFER_FROM = `transfers t JOIN schools fs ON fs.id = t.from_school_id JOIN schools ts ON ts.id = t.to_school_id LEFT JOIN students old ON old.id = t.student_id`;

/**
 * Transfers between schools (学籍转接, DESIGN.md's "transfers"): the new school asks for a pupil —
 * inside a cross-school DUPLICATE_ID problem, naming the other school's record, or on its own
 * (转入申请) naming the old school, the ID number and the name —; the old school confirms or
 * refuses, and once its time has passed its district decides; between districts both districts
 * approve. On completion the registry moves the record (TRANSFERRED_OUT, never deleted) and a
 * problem whose collision that ends resolves as TRANSFERRED. Every step is one event.
 */
export class TransferService {
  constructor(
    private readonly db: DataSource,
    private readonly detection: DetectionService,
    private readonly answerDays: number,
  ) {}

  private async run(fn: (manager: EntityManager) => Promise<string>): Promise<TransferOutcome> {
    try {
      return { ok: true, transferId: await this.db.transaction(fn) };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: error.error };
      throw error;
    }
  }

  /** Inside a cross-school DUPLICATE_ID problem: the caller's school has `toStudentId` and asks for the pupil of `fromStudentId`. */
  requestInProblem(caller: Caller, input: { problemId: string; version: number; fromStudentId: string; toStudentId: string; note?: string | null }) {
    return this.run(async (manager) => {
      const [problem] = (await manager.query(`SELECT id::text, type, scope, status, version FROM problems WHERE id = $1 FOR UPDATE`, [input.problemId])) as {
        id: string;
        type: string;
        scope: string;
        status: string;
        version: number;
      }[];
      if (!problem) throw new NotFound('Problem');
      const members = (await manager.query(
        `SELECT pm.student_id::text AS "studentId", pm.school_id::text AS "schoolId", st.name, fs.region_code AS region
         FROM problem_members pm JOIN students st ON st.id = pm.student_id JOIN schools fs ON fs.id = pm.school_id
         WHERE pm.problem_id = $1 AND pm.left_at IS NULL AND ${activeStudentSql('st')}`,
        [problem.id],
      )) as { studentId: string; schoolId: string; name: string; region: string }[];
      if (!can(caller, 'transfer.request', { schoolIds: members.map((m) => m.schoolId) })) throw new NotFound('Problem');
      if (problem.version !== input.version) refuse('STALE_VERSION');
      if (problem.status !== 'OPEN') refuse('NOT_OPEN');
      if (problem.type !== 'DUPLICATE_ID' || problem.scope !== 'CROSS_SCHOOL') refuse('NOT_DUPLICATE_ID');
      const to = members.find((m) => m.studentId === input.toStudentId && m.schoolId === caller.schoolId);
      const from = members.find((m) => m.studentId === input.fromStudentId && m.schoolId !== caller.schoolId);
      if (!to || !from) refuse('NOT_A_MEMBER', 'fromStudentId');
      const note = text('note', input.note, 'transferNote');
      const id = await this.insert(manager, caller, { studentId: from.studentId, toStudentId: to.studentId, fromSchoolId: from.schoolId, problemId: problem.id, pupilName: to.name, note, approvals: [] });
      await touchProblems(manager, [problem.id]);
      return id;
    });
  }

  /** 转入申请: the caller's school asks the school `fromSchoolCode` for its pupil with this ID number and name. */
  requestIn(caller: Caller, input: { fromSchoolCode: string; idNumber: string; name: string; note?: string | null }) {
    return this.run(async (manager) => {
      const name = text('name', input.name, 'transferNote', true)!;
      const idNumber = text('idNumber', input.idNumber, 'transferNote', true)!;
      const note = text('note', input.note, 'transferNote');
      const [school] = (await manager.query(`SELECT id::text, region_code AS region FROM schools WHERE code = $1`, [input.fromSchoolCode.trim()])) as { id: string; region: string }[];
      if (!school) refuse('UNKNOWN_SCHOOL', 'fromSchoolCode');
      if (school.id === caller.schoolId) refuse('SAME_SCHOOL', 'fromSchoolCode');
      // The other school's records are beyond the caller's row scope: matched here, never shown.
      const matches = await widened(manager, 'all', () => activeRecordsWithId(manager, idNumber, name));
      if (matches.some((m) => m.schoolId === caller.schoolId)) refuse('ALREADY_HERE', 'idNumber');
      const from = matches.find((m) => m.schoolId === school.id && m.sameName);
      if (!from) refuse('NO_SUCH_PUPIL', 'idNumber');
      const [own] = (await manager.query(`SELECT region_code AS region FROM schools WHERE id = $1`, [caller.schoolId])) as { region: string }[];
      return this.insert(manager, caller, {
        studentId: from.studentId,
        toStudentId: null,
        fromSchoolId: school.id,
        problemId: null,
        pupilName: name,
        note,
        approvals: approvalsNeeded(school.region, own!.region),
      });
    });
  }

  private async insert(
    manager: EntityManager,
    caller: Caller,
    t: { studentId: string; toStudentId: string | null; fromSchoolId: string; problemId: string | null; pupilName: string; note: string | null; approvals: string[] },
  ): Promise<string> {
    // A transfer of this record between two other schools is beyond the caller's scope, and still one too many.
    const open = await widened(manager, 'all', () => manager.query(`SELECT 1 FROM transfers WHERE student_id = $1 AND status = ANY($2::text[])`, [t.studentId, OPEN_TRANSFER_STATUSES]));
    if ((open as unknown[]).length > 0) refuse('ALREADY_REQUESTED');
    const [row] = (await manager.query(
      `INSERT INTO transfers (student_id, to_student_id, from_school_id, to_school_id, problem_id, pupil_name, note, requested_by, due_at, approvals_needed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, app_now() + make_interval(days => $9), $10) RETURNING id::text`,
      [t.studentId, t.toStudentId, t.fromSchoolId, caller.schoolId, t.problemId, t.pupilName, t.note, caller.userId, this.answerDays, t.approvals],
    )) as { id: string }[];
    await this.log(manager, caller.userId, row!.id, t.problemId, 'TRANSFER_REQUESTED', { studentId: t.studentId, note: t.note, approvalsNeeded: t.approvals });
    return row!.id;
  }

  private log(manager: EntityManager, actorId: string | null, transferId: string, problemId: string | null, type: string, data: Record<string, unknown>) {
    return appendEvents(manager, [{ type, actorId, subjectType: 'transfer', subjectId: transferId, problemId, data: { transferId, ...data } }]);
  }

  /**
   * The transfer, locked, as the caller may see it (row security hides the others: NOT_FOUND),
   * once `allowed` says the caller may take this step on it at all; then its version is checked.
   */
  private async lock(manager: EntityManager, input: { transferId: string; version: number }, allowed: (t: TransferRow) => void): Promise<TransferRow> {
    const [t] = (await manager.query(`SELECT ${TRANSFER_COLUMNS} FROM ${TRANSFER_FROM} WHERE t.id = $1 FOR UPDATE OF t`, [input.transferId])) as TransferRow[];
    if (!t) throw new NotFound('Transfer');
    allowed(t);
    if (t.problemId) await manager.query(`SELECT 1 FROM problems WHERE id = $1 FOR UPDATE`, [t.problemId]);
    if (t.version !== input.version) refuse('STALE_VERSION');
    return t;
  }

  /** `answeredBy`: the old school's (or its district's) answer is this step. */
  private async setStatus(manager: EntityManager, t: TransferRow, status: TransferStatus, reason: string | null, answeredBy: string | null = null) {
    await manager.query(
      `UPDATE transfers SET status = $2, answer_reason = coalesce($3, answer_reason), answered_by = coalesce($4, answered_by),
              answered_at = CASE WHEN $4::bigint IS NULL THEN answered_at ELSE app_now() END,
              completed_at = CASE WHEN $2::text = 'COMPLETED' THEN app_now() END, version = version + 1
       WHERE id = $1`,
      [t.id, status, reason, answeredBy],
    );
    if (t.problemId) await touchProblems(manager, [t.problemId]);
  }

  /**
   * The old school confirms or refuses (with a reason); once its time has passed, the district
   * that decides it (`deciderRegion`) may answer instead. A confirmation completes the transfer, or
   * waits for the districts' approvals when the schools are in different districts.
   */
  answer(caller: Caller, input: { transferId: string; version: number; accept: boolean; reason?: string | null }) {
    return this.run(async (manager) => {
      const t = await this.lock(manager, input, (row) => {
        if (!can(caller, 'transfer.answer', { schoolId: row.fromSchoolId }) && !can(caller, 'transfer.decide', { region: deciderRegion(row) })) {
          throw new Forbidden('Only the old school answers a transfer; its district decides once the answer is overdue.');
        }
      });
      const bySchool = can(caller, 'transfer.answer', { schoolId: t.fromSchoolId });
      if (t.status !== 'REQUESTED') refuse('NOT_WAITING');
      if (!bySchool && !t.overdue) refuse('NOT_DUE');
      const reason = text('reason', input.reason, 'transferReason', !input.accept);
      const byDistrict = !bySchool;
      if (!input.accept) {
        await this.setStatus(manager, t, 'REJECTED', reason, caller.userId);
        await this.log(manager, caller.userId, t.id, t.problemId, 'TRANSFER_REJECTED', { studentId: t.studentId, reason, byDistrict, before: { status: t.status }, after: { status: 'REJECTED' } });
        return t.id;
      }
      const next = t.approvalsNeeded.length > 0 ? 'CONFIRMED' : 'COMPLETED';
      await this.log(manager, caller.userId, t.id, t.problemId, 'TRANSFER_CONFIRMED', { studentId: t.studentId, reason, byDistrict, before: { status: t.status }, after: { status: next } });
      if (next === 'CONFIRMED') await this.setStatus(manager, t, 'CONFIRMED', reason, caller.userId);
      else await this.complete(manager, t, caller, { reason });
      return t.id;
    });
  }

  /** District staff of a district the move leaves or enters approve it (or refuse it, with a reason). */
  approve(caller: Caller, input: { transferId: string; version: number; approve: boolean; reason?: string | null }) {
    return this.run(async (manager) => {
      const t = await this.lock(manager, input, () => {
        if (!can(caller, 'transfer.decide')) throw new Forbidden('Only district staff approve a transfer between districts.');
      });
      const mine = approvalsOf(caller, t);
      if (t.status !== 'CONFIRMED' || mine.length === 0) refuse('NOT_WAITING');
      const reason = text('reason', input.reason, 'transferReason', !input.approve);
      if (!input.approve) {
        await this.setStatus(manager, t, 'REJECTED', reason);
        await this.log(manager, caller.userId, t.id, t.problemId, 'TRANSFER_REJECTED', { studentId: t.studentId, reason, regions: mine, before: { status: t.status }, after: { status: 'REJECTED' } });
        return t.id;
      }
      const approved = [...t.approved, ...mine];
      await manager.query(`UPDATE transfers SET approved = $2 WHERE id = $1`, [t.id, approved]);
      await this.log(manager, caller.userId, t.id, t.problemId, 'TRANSFER_APPROVED', { studentId: t.studentId, regions: mine, reason });
      if (t.approvalsNeeded.every((code) => approved.includes(code))) await this.complete(manager, { ...t, approved }, caller);
      else await this.setStatus(manager, t, 'CONFIRMED', null);
      return t.id;
    });
  }

  /** The new school takes its request back (while it is open), with a reason. */
  withdraw(caller: Caller, input: { transferId: string; version: number; reason: string }) {
    return this.run(async (manager) => {
      const t = await this.lock(manager, input, (row) => {
        if (!can(caller, 'transfer.request', { schoolId: row.toSchoolId })) throw new Forbidden('Only the school that asked for the transfer withdraws it.');
      });
      if (!OPEN_TRANSFER_STATUSES.includes(t.status)) refuse('NOT_WAITING');
      const reason = text('reason', input.reason, 'transferReason', true);
      await this.setStatus(manager, t, 'WITHDRAWN', reason);
      await this.log(manager, caller.userId, t.id, t.problemId, 'TRANSFER_WITHDRAWN', { studentId: t.studentId, reason, before: { status: t.status }, after: { status: 'WITHDRAWN' } });
      return t.id;
    });
  }

  /**
   * Moves the record (the registry's command), closes the transfer and, inside a problem, resolves
   * it as TRANSFERRED when at most one active record still carries its number; then detection runs
   * on both records. The new school's record may sit outside the answering caller's scope: the
   * move is made with the system's scope, once the caller's right to make it was checked.
   */
  private async complete(manager: EntityManager, t: TransferRow, caller: Caller, answer: { reason: string | null } | null = null): Promise<void> {
    await widened(manager, 'all', async () => {
      const ids = [t.studentId, ...(t.toStudentId ? [t.toStudentId] : [])];
      const active = (await manager.query(`SELECT id FROM students st WHERE id = ANY($1::bigint[]) AND ${activeStudentSql('st')}`, [ids])) as unknown[];
      if (active.length !== ids.length) refuse('NOT_ACTIVE');
      const toStudentId = await transferStudent(manager, { transferId: t.id, studentId: t.studentId, toSchoolId: t.toSchoolId, toStudentId: t.toStudentId }, { actorId: caller.userId, context: { problemId: t.problemId } });
      await this.setStatus(manager, t, 'COMPLETED', answer?.reason ?? null, answer ? caller.userId : null);
      await manager.query(`UPDATE transfers SET to_student_id = $2 WHERE id = $1`, [t.id, toStudentId]);
      await this.log(manager, caller.userId, t.id, t.problemId, 'TRANSFER_COMPLETED', { studentId: t.studentId, toStudentId, before: { status: t.status }, after: { status: 'COMPLETED' } });
      if (t.problemId) await this.resolveProblem(manager, t.problemId, caller.userId, t.id);
      await this.detection.detect(manager, { kind: 'students', studentIds: [t.studentId, toStudentId] });
    });
  }

  private async resolveProblem(manager: EntityManager, problemId: string, actorId: string, transferId: string): Promise<void> {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS carrying FROM problems p
       JOIN problem_members pm ON pm.problem_id = p.id AND pm.left_at IS NULL JOIN students st ON st.id = pm.student_id
       WHERE p.id = $1 AND ${activeStudentSql('st')} AND 'ID:' || st.id_key = p.group_key`,
      [problemId],
    )) as { carrying: number }[];
    // A third school's copy keeps the collision: the problem stays for the schools to settle.
    if (row!.carrying <= 1) await changeStatus(manager, { on: 'TRANSFER', problemIds: [problemId], actorId, data: { transferId } }, false);
    else await touchProblems(manager, [problemId], { acted: true });
  }

  /** The transfers of the caller's scope (either side), newest first. */
  async list(caller: Caller, filter: TransferFilter, first: number): Promise<TransferRow[]> {
    const params: unknown[] = [];
    const scope = scopeOf(caller);
    // Each side's condition adds its parameters: only the ones the query uses may be built.
    const from = () => scopeSql(scope, { schoolId: 't.from_school_id', regionCode: 'fs.region_code' }, params);
    const to = () => scopeSql(scope, { schoolId: 't.to_school_id', regionCode: 'ts.region_code' }, params);
    const where = [filter.direction === 'OUTGOING' ? from() : filter.direction === 'INCOMING' ? to() : `(${from()} OR ${to()})`];
    if (filter.statuses?.length) where.push(`t.status = ANY($${params.push(filter.statuses)}::text[])`);
    if (filter.problemId) where.push(`t.problem_id = $${params.push(filter.problemId)}`);
    return (await this.db.query(`SELECT ${TRANSFER_COLUMNS} FROM ${TRANSFER_FROM} WHERE ${where.join(' AND ')} ORDER BY t.id DESC LIMIT $${params.push(first)}`, params)) as TransferRow[];
  }

  /** For the loader: each problem's transfers, oldest first (row security limits them to the caller's). */
  async ofProblems(problemIds: readonly string[]): Promise<TransferRow[][]> {
    const rows = (await this.db.query(`SELECT ${TRANSFER_COLUMNS} FROM ${TRANSFER_FROM} WHERE t.problem_id = ANY($1::bigint[]) ORDER BY t.id`, [problemIds])) as TransferRow[];
    return problemIds.map((id) => rows.filter((r) => r.problemId === id));
  }

  /** Each transfer's own history (its events), oldest first. */
  async historyOf(transferIds: readonly string[]): Promise<TransferEvent[][]> {
    const rows = (await this.db.query(
      `SELECT e.id::text, e.subject_id AS "transferId", e.type, e.occurred_at AS "occurredAt", u.display_name AS "actorName", coalesce(e.data->>'reason', e.data->>'note') AS reason
       FROM events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.subject_type = 'transfer' AND e.subject_id = ANY($1::text[]) ORDER BY e.id`,
      [transferIds],
    )) as (TransferEvent & { transferId: string })[];
    return transferIds.map((id) => rows.filter((r) => r.transferId === id));
  }
}

export interface TransferEvent {
  id: string;
  type: string;
  occurredAt: Date;
  actorName: string | null;
  reason: string | null;
}
