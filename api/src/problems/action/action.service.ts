import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../../core/auth/caller.js';
import { appendEvents } from '../../core/events.js';
import { parseDateText } from '../../registry/import/cells.js';
import { comparisonKeys } from '../../registry/student/comparison-keys.js';
import { Gender, IdType } from '../../registry/student/student.entity.js';
import type { DetectionService } from '../detection/detection.service.js';
import { rowExists } from '../../core/db/row-scope.js';
import { changeStatus, problemState, touchProblems } from '../lifecycle/index.js';

export type RecordAction = 'CHANGE' | 'CORROBORATE' | 'DELETE';
export type DeleteReason = 'REDUNDANT' | 'NOT_STUDYING_HERE';

export interface StudentChanges {
  name?: string | null;
  gender?: Gender | null;
  birthDate?: string | null;
  idType?: IdType | null;
  idNumber?: string | null;
  ethnicity?: string | null;
  grade?: string | null;
  className?: string | null;
  enrollmentMonth?: string | null;
  householdRegion?: string | null;
  phone?: string | null;
}

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

export interface ActionError {
  code:
    | 'STALE_VERSION'
    | 'NOT_OPEN'
    | 'NOT_A_MEMBER'
    | 'MATERIAL_REQUIRED'
    | 'NO_MATERIALS_FOR_DELETE'
    | 'UNKNOWN_MATERIAL'
    | 'NOTHING_CHANGED'
    | 'INVALID_VALUE'
    | 'REASON_REQUIRED';
  message: string;
  field?: string;
}

export type ActionOutcome = { ok: true; problemStatus: string; version: number } | { ok: false; error: ActionError };

/** Access failures are not the user's to fix by editing the form: they are thrown, with a code. */
export class ActionForbidden extends Error {}
const OWN_RECORDS_ONLY = 'Only the school a record belongs to may change, corroborate or delete it.';

/** Rolls the action's transaction back and reaches the caller as data. */
class Refusal extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
  }
}
export class ActionTargetMissing extends Error {}

interface StudentRow {
  id: string;
  schoolId: string;
  name: string;
  gender: Gender;
  birthDate: string;
  idType: IdType;
  idNumber: string | null;
  ethnicity: string | null;
  grade: string | null;
  className: string | null;
  enrollmentMonth: string | null;
  householdRegion: string | null;
  phone: string | null;
  status: string;
}

const EDITABLE: (keyof StudentChanges)[] = [
  'name', 'gender', 'birthDate', 'idType', 'idNumber', 'ethnicity', 'grade', 'className', 'enrollmentMonth', 'householdRegion', 'phone',
];

/**
 * The three actions a school takes on its own record in a problem (DESIGN.md section 3):
 * wrong → CHANGE, right → CORROBORATE, redundant or not studying here → DELETE. Each runs in one
 * transaction with the problem row locked and its version checked, records events, re-runs
 * detection for a changed or deleted record, and submits the problem for district review when
 * the rules say it is settled.
 */
export class ActionService {
  constructor(
    private readonly db: DataSource,
    private readonly detection: DetectionService,
  ) {}

  async act(caller: Caller, input: ActionInput): Promise<ActionOutcome> {
    try {
      return await this.db.transaction((manager) => this.actIn(manager, caller, input));
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: error.error };
      throw error;
    }
  }

  private async actIn(manager: EntityManager, caller: Caller, input: ActionInput): Promise<ActionOutcome> {
    const fail = (code: ActionError['code'], message: string, field?: string): never => {
      throw new Refusal({ code, message, ...(field ? { field } : {}) });
    };
    const [problem] = (await manager.query(
      `SELECT id::text, type, scope, status, version FROM problems WHERE id = $1 FOR UPDATE`,
      [input.problemId],
    )) as { id: string; type: string; scope: string; status: string; version: number }[];
    if (!problem) throw (await rowExists(manager, 'problems', input.problemId)) ? new ActionForbidden(OWN_RECORDS_ONLY) : new ActionTargetMissing('Problem');
    const [student] = (await manager.query(
      `SELECT st.id::text, st.school_id::text AS "schoolId", st.name, st.gender, st.birth_date::text AS "birthDate", st.id_type AS "idType",
              st.id_number AS "idNumber", st.ethnicity, st.grade, st.class_name AS "className", st.enrollment_month AS "enrollmentMonth",
              st.household_region AS "householdRegion", st.phone, st.status
       FROM students st WHERE st.id = $1 FOR UPDATE`,
      [input.studentId],
    )) as StudentRow[];
    if (!student) throw (await rowExists(manager, 'students', input.studentId)) ? new ActionForbidden(OWN_RECORDS_ONLY) : new ActionTargetMissing('Student record');
    // A school acts only on its own records, whatever the portal shows.
    if (caller.role !== 'SCHOOL_REGISTRAR' || caller.schoolId !== student.schoolId) {
      throw new ActionForbidden(OWN_RECORDS_ONLY);
    }
    if (problem.version !== input.version) {
      fail('STALE_VERSION', 'Someone else acted on this problem since you opened it; reload it and try again.');
    }
    if (problem.status !== 'OPEN') fail('NOT_OPEN', `The problem is ${problem.status}; schools act on open problems only.`);
    const member = (await manager.query(
      `SELECT 1 FROM problem_members WHERE problem_id = $1 AND student_id = $2 AND left_at IS NULL`,
      [problem.id, student.id],
    )) as unknown[];
    if (member.length === 0) fail('NOT_A_MEMBER', 'This record is not part of the problem.');

    const materialIds = [...new Set(input.materialIds ?? [])];
    if (input.action === 'DELETE' && materialIds.length > 0) {
      fail('NO_MATERIALS_FOR_DELETE', 'A deletion takes no materials: it only needs a reason.', 'materialIds');
    }
    if (input.action !== 'DELETE' && materialIds.length === 0) {
      fail('MATERIAL_REQUIRED', 'Attach at least one material: the household register or ID card, and for a corroboration a school certificate.', 'materialIds');
    }
    if (materialIds.length > 0) {
      const own = (await manager.query(`SELECT id::text FROM materials WHERE id = ANY($1::bigint[]) AND school_id = $2`, [materialIds, caller.schoolId])) as { id: string }[];
      if (own.length !== materialIds.length) fail('UNKNOWN_MATERIAL', 'A material is missing or was not uploaded by your school.', 'materialIds');
      await manager.query(
        `INSERT INTO problem_materials (problem_id, material_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING`,
        [problem.id, materialIds],
      );
    }

    const base = { actorId: caller.userId, problemId: problem.id };
    if (input.action === 'CHANGE') {
      const outcome = await this.change(manager, student, input.changes ?? {});
      await appendEvents(manager, [
        { ...base, type: 'ACTION_CHANGE', subjectType: 'problem', subjectId: problem.id, data: { studentId: student.id, before: outcome.before, after: outcome.after, materialIds, comment: input.comment ?? null } },
        // The record's own history; the problem's history has the action above.
        { actorId: caller.userId, type: 'STUDENT_CHANGED', subjectType: 'student', subjectId: student.id, data: { problemId: problem.id, before: outcome.before, after: outcome.after, materialIds } },
      ]);
    } else if (input.action === 'CORROBORATE') {
      await manager.query(
        `UPDATE problem_members SET corroborated_at = now(), corroborated_by = $3 WHERE problem_id = $1 AND student_id = $2`,
        [problem.id, student.id, caller.userId],
      );
      await appendEvents(manager, [
        { ...base, type: 'ACTION_CORROBORATE', subjectType: 'problem', subjectId: problem.id, data: { studentId: student.id, materialIds, comment: input.comment ?? null } },
      ]);
    } else {
      if (input.deleteReason !== 'REDUNDANT' && input.deleteReason !== 'NOT_STUDYING_HERE') {
        fail('REASON_REQUIRED', 'Say why: REDUNDANT (imported twice) or NOT_STUDYING_HERE (the pupil is at another school).', 'deleteReason');
      }
      await manager.query(
        `UPDATE students SET status = 'DELETED', deleted_at = now(), delete_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`,
        [student.id, input.deleteReason],
      );
      await appendEvents(manager, [
        { ...base, type: 'ACTION_DELETE', subjectType: 'problem', subjectId: problem.id, data: { studentId: student.id, reason: input.deleteReason, before: { status: student.status }, comment: input.comment ?? null } },
        { actorId: caller.userId, type: 'STUDENT_DELETED', subjectType: 'student', subjectId: student.id, data: { problemId: problem.id, reason: input.deleteReason, before: { status: student.status } } },
      ]);
    }

    await touchProblems(manager, [problem.id], { acted: true });
    if (input.action !== 'CORROBORATE') await this.detection.detect(manager, { kind: 'students', studentIds: [student.id] });
    await this.submitIfSettled(manager, problem.id, caller.userId);
    return { ok: true, ...(await problemState(manager, problem.id)) };
  }

  private async change(manager: EntityManager, student: StudentRow, changes: StudentChanges) {
    const invalid = (field: string, message: string): never => {
      throw new Refusal({ code: 'INVALID_VALUE', message, field });
    };
    const next: StudentRow = { ...student };
    for (const key of EDITABLE) {
      const value = changes[key];
      if (value === undefined) continue;
      const text = typeof value === 'string' ? value.trim() : value;
      if (key === 'name' || key === 'gender' || key === 'birthDate' || key === 'idType') {
        if (!text) invalid(key, `${key} cannot be empty`);
      }
      (next as unknown as Record<string, unknown>)[key] = text === '' ? null : text;
    }
    if (next.birthDate !== student.birthDate) {
      const parsed = parseDateText(next.birthDate);
      next.birthDate = parsed ?? invalid('birthDate', 'not a date: write it as 2014-03-05');
    }
    if (!Object.values(Gender).includes(next.gender)) invalid('gender', 'gender must be M or F');
    if (!Object.values(IdType).includes(next.idType)) invalid('idType', 'unknown document type');
    if (!next.idNumber && next.idType !== IdType.OTHER) invalid('idNumber', 'the ID number is required');
    if (next.enrollmentMonth && !/^\d{4}-(0[1-9]|1[0-2])$/.test(next.enrollmentMonth)) invalid('enrollmentMonth', 'write the month as 2020-09');
    const changed = EDITABLE.filter((key) => next[key as keyof StudentRow] !== student[key as keyof StudentRow]);
    if (changed.length === 0) {
      throw new Refusal({ code: 'NOTHING_CHANGED', message: 'Nothing was changed: edit the wrong fields, or corroborate the record if it is right.' });
    }

    const keys = comparisonKeys(next);
    await manager.query(
      `UPDATE students SET name = $2, gender = $3, birth_date = $4, id_type = $5, id_number = $6, ethnicity = $7, grade = $8,
              class_name = $9, enrollment_month = $10, household_region = $11, phone = $12, name_key = $13, id_key = $14,
              identity_key = $15, id_problems = $16, version = version + 1, updated_at = now()
       WHERE id = $1`,
      [
        student.id, next.name, next.gender, next.birthDate, next.idType, next.idNumber, next.ethnicity, next.grade, next.className,
        next.enrollmentMonth, next.householdRegion, next.phone, keys.nameKey, keys.idKey, keys.identityKey, keys.idProblems,
      ],
    );
    const pick = (row: StudentRow) => Object.fromEntries(changed.map((key) => [key, row[key as keyof StudentRow]]));
    return { before: pick(student), after: pick(next) };
  }

  /**
   * Submits an open, acted-on problem for district review once it is settled:
   * DUPLICATE_ID when at most one active record still carries the number (and, within one school,
   * the record that stays is corroborated); DUPLICATE_IDENTITY when every remaining record is
   * corroborated; INVALID_ID when the record's number passes its checks (or the record is gone).
   */
  private async submitIfSettled(manager: EntityManager, problemId: string, actorId: string): Promise<void> {
    const [state] = (await manager.query(
      `SELECT p.type, p.scope, p.status, p.group_key AS "groupKey",
              count(*) FILTER (WHERE st.status IN ('ENROLLED', 'SUSPENDED'))::int AS active,
              count(*) FILTER (WHERE st.status IN ('ENROLLED', 'SUSPENDED') AND pm.corroborated_at IS NULL)::int AS uncorroborated,
              count(*) FILTER (WHERE st.status IN ('ENROLLED', 'SUSPENDED') AND 'ID:' || st.id_key = p.group_key)::int AS carrying,
              count(*) FILTER (WHERE st.status IN ('ENROLLED', 'SUSPENDED') AND cardinality(st.id_problems) > 0)::int AS invalid
       FROM problems p
       JOIN problem_members pm ON pm.problem_id = p.id AND pm.left_at IS NULL
       JOIN students st ON st.id = pm.student_id
       WHERE p.id = $1 GROUP BY p.id`,
      [problemId],
    )) as { type: string; scope: string; status: string; active: number; uncorroborated: number; carrying: number; invalid: number }[];
    let settled: boolean;
    if (!state) settled = true; // every record left the group (changed or deleted)
    else if (state.type === 'DUPLICATE_ID') settled = state.carrying <= 1 && (state.scope === 'CROSS_SCHOOL' || state.uncorroborated === 0);
    else if (state.type === 'DUPLICATE_IDENTITY') settled = state.uncorroborated === 0;
    else settled = state.invalid === 0;
    // Not strict: detection may have closed the problem already when its records stopped colliding.
    if (settled) await changeStatus(manager, { on: 'SUBMIT', problemIds: [problemId], actorId }, false);
  }
}
