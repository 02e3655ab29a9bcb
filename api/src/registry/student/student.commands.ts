import type { EntityManager } from 'typeorm';
import { appendEvents } from '../../core/events.js';
import { parseDateText } from '../import/cells.js';
import { comparisonKeys } from './comparison-keys.js';
import { openStudentRow, sealHistoryValues, storedValue } from './sealed-fields.js';
import { KEY_COLUMNS, selectStudentFields, STUDENT_FIELDS, type StudentChanges, type StudentDetails, type StudentFieldKey } from './student-fields.js';
import { ACTIVE_STATUSES, Gender, IdType, StudentStatus } from './student.entity.js';

/**
 * The registry's commands on a record, called inside the caller's transaction by whoever settles
 * a problem: the only code that changes, deletes or restores a student record, and the one that
 * writes the record's own history (STUDENT_CHANGED, STUDENT_DELETED, STUDENT_RESTORED).
 */

export type StudentRecord = { id: string; schoolId: string; status: StudentStatus } & StudentDetails;

export type DeleteReason = 'REDUNDANT' | 'NOT_STUDYING_HERE';

/** Who acted and why, kept in the record's history. */
export interface Attribution {
  actorId: string | null;
  /** Goes into the event beside what changed (the problem, the materials, …). */
  context?: Record<string, unknown>;
}

/** A change the registry refuses: the user fixes the value and tries again. */
export class StudentChangeRefused extends Error {
  constructor(
    readonly code: 'INVALID_VALUE' | 'NOTHING_CHANGED',
    message: string,
    readonly field?: StudentFieldKey,
  ) {
    super(message);
  }
}

/** `st.status IN ('ENROLLED', 'SUSPENDED')`: only active records collide. */
export function activeStudentSql(alias: string): string {
  return `${alias}.status IN (${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`;
}

/** The record, locked for this transaction, or null when the caller's row scope does not reach it. */
export async function lockStudent(manager: EntityManager, studentId: string): Promise<StudentRecord | null> {
  const [record] = (await manager.query(
    `SELECT st.id::text, st.school_id::text AS "schoolId", st.status, ${selectStudentFields('st')} FROM students st WHERE st.id = $1 FOR UPDATE`,
    [studentId],
  )) as StudentRecord[];
  return record ? openStudentRow(record) : null;
}

/** The values a change leads to, checked as an import checks them. */
function changedValues(record: StudentRecord, changes: StudentChanges): StudentRecord {
  const invalid = (field: StudentFieldKey, message: string): never => {
    throw new StudentChangeRefused('INVALID_VALUE', message, field);
  };
  const next: Record<string, unknown> = { ...record };
  for (const field of STUDENT_FIELDS) {
    const value = changes[field.key];
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value.trim() : value;
    if (field.required && !text) invalid(field.key, `${field.key} cannot be empty`);
    next[field.key] = text === '' ? null : text;
  }
  const result = next as unknown as StudentRecord;
  if (result.birthDate !== record.birthDate) result.birthDate = parseDateText(result.birthDate) ?? invalid('birthDate', 'not a date: write it as 2014-03-05');
  if (!Object.values(Gender).includes(result.gender)) invalid('gender', 'gender must be M or F');
  if (!Object.values(IdType).includes(result.idType)) invalid('idType', 'unknown document type');
  if (!result.idNumber && result.idType !== IdType.OTHER) invalid('idNumber', 'the ID number is required');
  if (result.enrollmentMonth && !/^\d{4}-(0[1-9]|1[0-2])$/.test(result.enrollmentMonth)) invalid('enrollmentMonth', 'write the month as 2020-09');
  return result;
}

/**
 * Corrects a record's fields (its comparison keys follow); returns what changed, before and after,
 * as the history keeps it (ID number, phone and address sealed), for the caller's own events.
 */
export async function changeStudent(manager: EntityManager, record: StudentRecord, changes: StudentChanges, by: Attribution) {
  const next = changedValues(record, changes);
  const changed = STUDENT_FIELDS.filter((f) => next[f.key] !== record[f.key]);
  if (changed.length === 0) {
    throw new StudentChangeRefused('NOTHING_CHANGED', 'Nothing was changed: edit the wrong fields, or corroborate the record if it is right.');
  }
  const keys = comparisonKeys(next);
  const assignments = [...STUDENT_FIELDS.map((f) => f.column), ...KEY_COLUMNS.map((k) => k.column)].map((column, i) => `${column} = $${i + 2}`);
  await manager.query(`UPDATE students SET ${assignments.join(', ')}, version = version + 1, updated_at = app_now() WHERE id = $1`, [
    record.id,
    ...STUDENT_FIELDS.map((f) => storedValue(f.key, next[f.key])),
    ...KEY_COLUMNS.map((k) => keys[k.key]),
  ]);
  const pick = (row: StudentRecord) => sealHistoryValues(Object.fromEntries(changed.map((f) => [f.key, row[f.key]])));
  const difference = { before: pick(record), after: pick(next) };
  await appendEvents(manager, [
    { type: 'STUDENT_CHANGED', actorId: by.actorId, subjectType: 'student', subjectId: record.id, data: { ...by.context, ...difference } },
  ]);
  return difference;
}

/** Soft deletes: the records, their history and materials stay; they stop counting as active. */
export async function deleteStudents(manager: EntityManager, deletions: { studentId: string; reason: DeleteReason; before?: StudentStatus }[], by: Attribution) {
  for (const deletion of deletions) {
    await manager.query(
      `UPDATE students SET status = 'DELETED', deleted_at = app_now(), delete_reason = $2, version = version + 1, updated_at = app_now() WHERE id = $1`,
      [deletion.studentId, deletion.reason],
    );
  }
  await appendEvents(
    manager,
    deletions.map((d) => ({
      type: 'STUDENT_DELETED',
      actorId: by.actorId,
      subjectType: 'student' as const,
      subjectId: d.studentId,
      data: { ...by.context, reason: d.reason, before: { status: d.before ?? StudentStatus.ENROLLED } },
    })),
  );
}

/** Undoes a soft delete; returns what its history says of it, for the problem's history too. */
export async function restoreStudent(manager: EntityManager, studentId: string, by: Attribution & { reason: string }) {
  const [row] = (await manager.query(
    `WITH old AS (SELECT delete_reason FROM students WHERE id = $1), restored AS (
       UPDATE students SET status = 'ENROLLED', deleted_at = NULL, delete_reason = NULL, version = version + 1, updated_at = app_now()
       WHERE id = $1 RETURNING id
     )
     SELECT (SELECT delete_reason FROM old) AS "deleteReason" FROM restored`,
    [studentId],
  )) as { deleteReason: string | null }[];
  const data = { reason: by.reason, before: { status: 'DELETED', deleteReason: row?.deleteReason ?? null }, after: { status: 'ENROLLED' } };
  await appendEvents(manager, [{ type: 'STUDENT_RESTORED', actorId: by.actorId, subjectType: 'student', subjectId: studentId, data }]);
  return data;
}

export interface StudentTransfer {
  transferId: string;
  /** The old school's record: it becomes TRANSFERRED_OUT. */
  studentId: string;
  toSchoolId: string;
  /** The new school's record that continues it; null to create it as a copy of the old one. */
  toStudentId: string | null;
}

/**
 * Moves a pupil's status to another school (学籍转接): the old record becomes TRANSFERRED_OUT and
 * points at the record that continues it — the new school's own record, or a copy of the old one
 * made at the new school (its class belongs to the old school and is left empty). Nothing is
 * deleted; both records keep their histories. Returns the continuing record.
 */
export async function transferStudent(manager: EntityManager, transfer: StudentTransfer, by: Attribution): Promise<string> {
  let toStudentId = transfer.toStudentId;
  if (!toStudentId) {
    const copied = [...STUDENT_FIELDS.map((f) => f.column).filter((c) => c !== 'class_name'), ...KEY_COLUMNS.map((k) => k.column), 'raw'];
    const [row] = (await manager.query(
      `INSERT INTO students (school_id, status, ${copied.join(', ')}, created_at, updated_at)
       SELECT $2, 'ENROLLED', ${copied.join(', ')}, app_now(), app_now() FROM students WHERE id = $1 RETURNING id::text`,
      [transfer.studentId, transfer.toSchoolId],
    )) as { id: string }[];
    toStudentId = row!.id;
  }
  const [old] = (await manager.query(
    `WITH before AS (SELECT status FROM students WHERE id = $1), moved AS (
       UPDATE students SET status = 'TRANSFERRED_OUT', transferred_to = $2, transferred_at = app_now(), version = version + 1, updated_at = app_now()
       WHERE id = $1 RETURNING school_id::text AS "schoolId"
     )
     SELECT "schoolId", (SELECT status FROM before) AS status FROM moved`,
    [transfer.studentId, toStudentId],
  )) as { schoolId: string; status: StudentStatus }[];
  const link = { ...by.context, transferId: transfer.transferId };
  await appendEvents(manager, [
    {
      type: 'STUDENT_TRANSFERRED_OUT',
      actorId: by.actorId,
      subjectType: 'student',
      subjectId: transfer.studentId,
      data: { ...link, toSchoolId: transfer.toSchoolId, toStudentId, before: { status: old!.status }, after: { status: StudentStatus.TRANSFERRED_OUT } },
    },
    {
      type: 'STUDENT_TRANSFERRED_IN',
      actorId: by.actorId,
      subjectType: 'student',
      subjectId: toStudentId,
      data: { ...link, fromSchoolId: old!.schoolId, fromStudentId: transfer.studentId, created: transfer.toStudentId === null },
    },
  ]);
  return toStudentId;
}
