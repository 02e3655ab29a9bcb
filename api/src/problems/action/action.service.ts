import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../../core/auth/caller.js';
import { can } from '../../core/auth/permissions.js';
import { Forbidden, NotFound, refuseUnlocked } from '../../core/errors.js';
import { appendEvents } from '../../core/events.js';
import { tooLong } from '../../core/text-limits.js';
import {
  activeStudentSql,
  changeStudent,
  deleteStudents,
  lockStudent,
  openHistoryData,
  restoreStudent,
  StudentChangeRefused,
  type DeleteReason,
  type StudentChanges,
  type StudentRecord,
} from '../../registry/index.js';
import type { DetectionService } from '../detection/detection.service.js';
import { changeStatus, problemState, touchProblems } from '../lifecycle/index.js';

export type RecordAction = 'CHANGE' | 'CORROBORATE' | 'DELETE';
export type { DeleteReason, StudentChanges };

export interface ActionInput {
  problemId: string;
  /** The problem's version the user saw; a different current version means someone acted in between. */
  version: number;
  studentId: string;
  action: RecordAction;
  changes?: StudentChanges | null;
  deleteReason?: DeleteReason | null;
  materialIds?: string[] | null;
  comment?: string | null;
}

/** Why an action on a record was not taken, each code with what it means (the API's enum says it too). */
export const ACTION_ERROR_CODES = {
  STALE_VERSION: 'The problem changed since it was read (someone else acted first): read it again.',
  NOT_OPEN: 'The problem is not open for schools to act on (waiting for review, escalated or resolved).',
  NOT_A_MEMBER: 'The record is not one of the problem’s members.',
  MATERIAL_REQUIRED: 'A change or corroboration needs at least one supporting material.',
  NO_MATERIALS_FOR_DELETE: 'A deletion takes no materials, only a reason.',
  UNKNOWN_MATERIAL: 'A material does not exist or was not uploaded by the school.',
  NOTHING_CHANGED: 'A change that changes no field (to say the record is right, corroborate it).',
  INVALID_VALUE: 'A new value is not valid (or a bulk action names no record, or too many); `field` names it and `message` says why.',
  REASON_REQUIRED: 'A deletion needs its reason.',
  TOO_LONG: 'The comment or reason is over its limit.',
  NOTHING_TO_WITHDRAW: 'Your school has no action on this record in this problem to withdraw (or withdrew it already).',
  CHANGED_SINCE: 'The record was changed, deleted, restored or moved after this action: only the latest action on a record is withdrawn.',
  ALREADY_REVIEWED: 'The problem was reviewed, decided or resolved: an action is withdrawn only before that (ask the district to reopen it).',
} as const;

export interface ActionError {
  code: keyof typeof ACTION_ERROR_CODES;
  message: string;
  field?: string;
}

export interface WithdrawInput {
  problemId: string;
  version: number;
  studentId: string;
  reason: string;
}

/** One record of a bulk action: the problem as the user saw it, and the school's record in it. */
export interface BulkItem {
  problemId: string;
  version: number;
  studentId: string;
}

export interface BulkActionInput extends Omit<ActionInput, 'problemId' | 'version' | 'studentId' | 'changes'> {
  items: BulkItem[];
}

export type BulkOutcome = { ok: true; done: number } | { ok: false; failedIndex: number; error: ActionError };

/** At most this many records in one bulk action: a class, not the registry. */
export const BULK_LIMIT = 200;

export type ActionOutcome = { ok: true; problemStatus: string; version: number } | { ok: false; error: ActionError };

/** Access failures are not the user's to fix by editing the form: they are thrown (Forbidden, NotFound). */
const OWN_RECORDS_ONLY = 'Only the school a record belongs to may change, corroborate or delete it.';

/** Rolls the action's transaction back and reaches the caller as data. */
class Refusal extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
  }
}

function fail(code: ActionError['code'], message: string, field?: string): never {
  throw new Refusal({ code, message, ...(field ? { field } : {}) });
}

interface LockedProblem {
  id: string;
  type: string;
  scope: string;
  status: string;
  version: number;
}

/**
 * The three actions a school takes on its own record in a problem (DESIGN.md section 3):
 * wrong → CHANGE, right → CORROBORATE, redundant or not studying here → DELETE. Each runs in one
 * transaction with the problem row locked and its version checked, records events, re-runs
 * detection for a changed or deleted record, and submits the problem for district review when
 * the rules say it is settled. The record itself is changed by the registry's commands.
 */
export class ActionService {
  constructor(
    private readonly db: DataSource,
    private readonly detection: DetectionService,
  ) {}

  act(caller: Caller, input: ActionInput): Promise<ActionOutcome> {
    return this.transact((manager) => this.actIn(manager, caller, input));
  }

  /**
   * The same action on many records, all or nothing, in one transaction: each is exactly the single
   * action (its checks, its events, detection), so the history cannot tell them apart. Two records
   * of one problem are named with the version the user saw; the second is taken at the version the
   * first left, not refused as stale.
   */
  async actOnMany(caller: Caller, input: BulkActionInput): Promise<BulkOutcome> {
    if (input.items.length === 0 || input.items.length > BULK_LIMIT) {
      return { ok: false, failedIndex: -1, error: { code: 'INVALID_VALUE', message: `name 1 to ${BULK_LIMIT} records`, field: 'items' } };
    }
    // A change is different for every record: it is made one record at a time.
    if (input.action === 'CHANGE') return { ok: false, failedIndex: -1, error: { code: 'INVALID_VALUE', message: 'bulk actions corroborate or delete', field: 'action' } };
    let index = -1;
    try {
      await this.db.transaction(async (manager) => {
        const after = new Map<string, { seen: number; now: number }>();
        for (const item of input.items) {
          index += 1;
          const moved = after.get(item.problemId);
          const version = moved && moved.seen === item.version ? moved.now : item.version;
          const outcome = await this.actIn(manager, caller, { ...input, ...item, version });
          if (outcome.ok) after.set(item.problemId, { seen: item.version, now: outcome.version });
        }
      });
      return { ok: true, done: input.items.length };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, failedIndex: index, error: error.error };
      if (error instanceof StudentChangeRefused) return { ok: false, failedIndex: index, error: { code: error.code, message: error.message } };
      throw error;
    }
  }

  /**
   * A school's later copies from one of its imports (a template imported twice): its records that
   * share an ID number with an earlier active record of the same school, in an open problem, with
   * the problem's version — what "delete the later copies" deletes, shown before it does.
   */
  async importCopies(caller: Caller, importId: string): Promise<(BulkItem & { row: number | null; name: string; keptStudentId: string })[]> {
    const [owner] = (await this.db.query(`SELECT school_id::text AS "schoolId" FROM imports WHERE id = $1`, [importId])) as { schoolId: string }[];
    // Another school's import answers like a missing one.
    if (!owner || !can(caller, 'record.act', { schoolId: owner.schoolId })) throw new NotFound('Import');
    return (await this.db.query(
      `SELECT pm.problem_id::text AS "problemId", p.version, st.id::text AS "studentId", st.source_row AS row, st.name,
              (SELECT min(k.student_id)::text FROM problem_members k JOIN students ks ON ks.id = k.student_id
               WHERE k.problem_id = p.id AND k.left_at IS NULL AND k.student_id < st.id AND ${activeStudentSql('ks')}) AS "keptStudentId"
       FROM students st
       JOIN problem_members pm ON pm.student_id = st.id AND pm.left_at IS NULL
       JOIN problems p ON p.id = pm.problem_id AND p.status = 'OPEN' AND p.scope = 'WITHIN_SCHOOL' AND p.type = 'DUPLICATE_ID'
       WHERE st.import_id = $1 AND ${activeStudentSql('st')}
         AND EXISTS (SELECT 1 FROM problem_members k JOIN students ks ON ks.id = k.student_id
                     WHERE k.problem_id = p.id AND k.left_at IS NULL AND k.student_id < st.id AND ${activeStudentSql('ks')})
       ORDER BY st.source_row, st.id`,
      [importId],
    )) as (BulkItem & { row: number | null; name: string; keptStudentId: string })[];
  }

  /** Runs one action's transaction; a refusal rolls it back and reaches the caller as data. */
  private async transact(run: (manager: EntityManager) => Promise<ActionOutcome>): Promise<ActionOutcome> {
    try {
      return await this.db.transaction(run);
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: error.error };
      if (error instanceof StudentChangeRefused) return { ok: false, error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
      throw error;
    }
  }

  private async actIn(manager: EntityManager, caller: Caller, input: ActionInput): Promise<ActionOutcome> {
    const { problem, student } = await this.lockTargets(manager, caller, input);
    const longComment = tooLong('comment', input.comment, 'actionComment');
    if (longComment) throw new Refusal(longComment);
    const materialIds = await this.citeMaterials(manager, caller, problem.id, input);
    const by = { actorId: caller.userId, context: { problemId: problem.id } };
    const problemEvent = { actorId: caller.userId, problemId: problem.id, subjectType: 'problem' as const, subjectId: problem.id };
    const comment = input.comment ?? null;
    if (input.action === 'CHANGE') {
      const { before, after } = await changeStudent(manager, student, input.changes ?? {}, { ...by, context: { ...by.context, materialIds } });
      await appendEvents(manager, [{ ...problemEvent, type: 'ACTION_CHANGE', data: { studentId: student.id, before, after, materialIds, comment } }]);
    } else if (input.action === 'CORROBORATE') {
      await manager.query(`UPDATE problem_members SET corroborated_at = app_now(), corroborated_by = $3 WHERE problem_id = $1 AND student_id = $2`, [
        problem.id,
        student.id,
        caller.userId,
      ]);
      await appendEvents(manager, [{ ...problemEvent, type: 'ACTION_CORROBORATE', data: { studentId: student.id, materialIds, comment } }]);
    } else {
      const reason = input.deleteReason;
      if (reason !== 'REDUNDANT' && reason !== 'NOT_STUDYING_HERE') {
        fail('REASON_REQUIRED', 'Say why: REDUNDANT (imported twice) or NOT_STUDYING_HERE (the pupil is at another school).', 'deleteReason');
      }
      await deleteStudents(manager, [{ studentId: student.id, reason, before: student.status }], by);
      await appendEvents(manager, [{ ...problemEvent, type: 'ACTION_DELETE', data: { studentId: student.id, reason, before: { status: student.status }, comment } }]);
    }
    await touchProblems(manager, [problem.id], { acted: true });
    if (input.action !== 'CORROBORATE') await this.detection.detect(manager, { kind: 'students', studentIds: [student.id] });
    await this.submitIfSettled(manager, problem.id, caller.userId);
    return { ok: true, ...(await problemState(manager, problem.id)) };
  }

  /**
   * Undoes the school's latest action on its record in a problem, with a reason, while the district
   * has not reviewed it (the problem is OPEN, or PENDING_REVIEW and goes back to OPEN): a change is
   * changed back, a corroboration dropped, a deletion restored. It is one more event; nothing of
   * the action is erased.
   */
  async withdraw(caller: Caller, input: WithdrawInput): Promise<ActionOutcome> {
    return this.transact((manager) => this.withdrawIn(manager, caller, input));
  }

  private async withdrawIn(manager: EntityManager, caller: Caller, input: WithdrawInput): Promise<ActionOutcome> {
    const { problem, student } = await this.lockTargets(manager, caller, input, true);
    const long = tooLong('reason', input.reason, 'actionComment');
    if (long) throw new Refusal(long);
    const reason = input.reason.trim();
    if (!reason) fail('REASON_REQUIRED', 'Say why the action is withdrawn.', 'reason');
    const [last] = (await manager.query(
      `SELECT id::text, type, data FROM events
       WHERE problem_id = $1 AND type IN ('ACTION_CHANGE', 'ACTION_CORROBORATE', 'ACTION_DELETE', 'ACTION_WITHDRAWN') AND data->>'studentId' = $2
       ORDER BY id DESC LIMIT 1`,
      [problem.id, student.id],
    )) as { id: string; type: string; data: Record<string, unknown> }[];
    if (!last || last.type === 'ACTION_WITHDRAWN') fail('NOTHING_TO_WITHDRAW', 'There is no action of your school on this record here to withdraw.');
    const later = (await manager.query(`SELECT 1 FROM events WHERE subject_type = 'student' AND subject_id = $1 AND id > $2 LIMIT 1`, [student.id, last.id])) as unknown[];
    if (later.length > 0) fail('CHANGED_SINCE', 'The record changed after this action; withdraw the later action first.');
    const by = { actorId: caller.userId, context: { problemId: problem.id, withdrawn: last.id } };
    const action = last.type.replace('ACTION_', '');
    let undone: Record<string, unknown> = {};
    if (action === 'CHANGE') undone = await changeStudent(manager, student, (openHistoryData(last.data).before ?? {}) as StudentChanges, by);
    else if (action === 'DELETE') undone = await restoreStudent(manager, student.id, { ...by, reason });
    else await manager.query(`UPDATE problem_members SET corroborated_at = NULL, corroborated_by = NULL WHERE problem_id = $1 AND student_id = $2`, [problem.id, student.id]);
    await appendEvents(manager, [
      { actorId: caller.userId, problemId: problem.id, subjectType: 'problem', subjectId: problem.id, type: 'ACTION_WITHDRAWN', data: { studentId: student.id, action, actionEventId: last.id, reason, ...undone } },
    ]);
    if (problem.status === 'PENDING_REVIEW') await changeStatus(manager, { on: 'WITHDRAW', problemIds: [problem.id], actorId: caller.userId, data: { reason } });
    else await touchProblems(manager, [problem.id], { acted: true });
    if (action !== 'CORROBORATE') await this.detection.detect(manager, { kind: 'students', studentIds: [student.id] });
    return { ok: true, ...(await problemState(manager, problem.id)) };
  }

  /** The problem and the record, locked, once the caller may act on them as the user saw them. */
  private async lockTargets(
    manager: EntityManager,
    caller: Caller,
    input: Pick<ActionInput, 'problemId' | 'studentId' | 'version'>,
    withdrawing = false,
  ): Promise<{ problem: LockedProblem; student: StudentRecord }> {
    const statuses = withdrawing ? ['OPEN', 'PENDING_REVIEW'] : ['OPEN'];
    const [problem] = (await manager.query(`SELECT id::text, type, scope, status, version FROM problems WHERE id = $1 FOR UPDATE`, [input.problemId])) as LockedProblem[];
    // What row security hides answers like what does not exist: ids cannot be probed.
    if (!problem) throw new NotFound('Problem');
    const student = await lockStudent(manager, input.studentId);
    // The other school's record of a shared problem is readable, not lockable: FORBIDDEN (it is known).
    if (!student) return refuseUnlocked(manager, 'students', input.studentId, 'Student record', OWN_RECORDS_ONLY);
    // A school acts only on its own records, whatever the portal shows.
    if (!can(caller, 'record.act', { schoolId: student.schoolId })) throw new Forbidden(OWN_RECORDS_ONLY);
    if (problem.version !== input.version) fail('STALE_VERSION', 'Someone else acted on this problem since you opened it; reload it and try again.');
    if (!statuses.includes(problem.status)) {
      if (withdrawing) fail('ALREADY_REVIEWED', `The problem is ${problem.status}; ask the district to reopen it.`);
      fail('NOT_OPEN', `The problem is ${problem.status}; schools act on open problems only.`);
    }
    // An action may itself have taken the record out of the group (a deletion, a change): withdrawing it is about a former member.
    const current = withdrawing ? '' : ' AND left_at IS NULL';
    const member = (await manager.query(`SELECT 1 FROM problem_members WHERE problem_id = $1 AND student_id = $2${current}`, [problem.id, student.id])) as unknown[];
    if (member.length === 0) fail('NOT_A_MEMBER', 'This record is not part of the problem.');
    return { problem, student };
  }

  /** Checks the materials the action cites (the school's own uploads) and links them to the problem. */
  private async citeMaterials(manager: EntityManager, caller: Caller, problemId: string, input: ActionInput): Promise<string[]> {
    const materialIds = [...new Set(input.materialIds ?? [])];
    if (input.action === 'DELETE' && materialIds.length > 0) fail('NO_MATERIALS_FOR_DELETE', 'A deletion takes no materials: it only needs a reason.', 'materialIds');
    if (input.action !== 'DELETE' && materialIds.length === 0) {
      fail('MATERIAL_REQUIRED', 'Attach at least one material: the household register or ID card, and for a corroboration a school certificate.', 'materialIds');
    }
    if (materialIds.length === 0) return materialIds;
    const own = (await manager.query(`SELECT id::text FROM materials WHERE id = ANY($1::bigint[]) AND school_id = $2`, [materialIds, caller.schoolId])) as { id: string }[];
    if (own.length !== materialIds.length) fail('UNKNOWN_MATERIAL', 'A material is missing or was not uploaded by your school.', 'materialIds');
    await manager.query(`INSERT INTO problem_materials (problem_id, material_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING`, [problemId, materialIds]);
    return materialIds;
  }

  /**
   * Submits an open, acted-on problem for district review once it is settled:
   * DUPLICATE_ID when at most one active record still carries the number (and, within one school,
   * the record that stays is corroborated); DUPLICATE_IDENTITY when every remaining record is
   * corroborated; INVALID_ID when the record's number passes its checks and no police result
   * against it still holds (or the record is gone).
   */
  private async submitIfSettled(manager: EntityManager, problemId: string, actorId: string): Promise<void> {
    const active = activeStudentSql('st');
    const [state] = (await manager.query(
      `SELECT p.type, p.scope,
              count(*) FILTER (WHERE ${active} AND pm.corroborated_at IS NULL)::int AS uncorroborated,
              count(*) FILTER (WHERE ${active} AND 'ID:' || st.id_key = p.group_key)::int AS carrying,
              count(*) FILTER (WHERE ${active} AND (cardinality(st.id_problems) > 0 OR police_reason(st.id, st.id_key, st.name_key) IS NOT NULL))::int AS invalid
       FROM problems p
       JOIN problem_members pm ON pm.problem_id = p.id AND pm.left_at IS NULL
       JOIN students st ON st.id = pm.student_id
       WHERE p.id = $1 GROUP BY p.id`,
      [problemId],
    )) as { type: string; scope: string; uncorroborated: number; carrying: number; invalid: number }[];
    let settled: boolean;
    if (!state) settled = true; // every record left the group (changed or deleted)
    else if (state.type === 'DUPLICATE_ID') settled = state.carrying <= 1 && (state.scope === 'CROSS_SCHOOL' || state.uncorroborated === 0);
    else if (state.type === 'DUPLICATE_IDENTITY') settled = state.uncorroborated === 0;
    else settled = state.invalid === 0;
    // Not strict: detection may have closed the problem already when its records stopped colliding.
    if (settled) await changeStatus(manager, { on: 'SUBMIT', problemIds: [problemId], actorId }, false);
  }
}
