import type { EntityManager } from 'typeorm';
import { residentIdKey } from './id-number.js';
import { normalizeName } from './normalize.js';
import { blindResidentKey } from './sealed-fields.js';
import { ACTIVE_STATUSES, IdType } from './student.entity.js';

export interface ActiveRecordMatch {
  studentId: string;
  schoolId: string;
  /** Whether the name matches too (normalised), not only the ID number. */
  sameName: boolean;
}

/**
 * The active records anywhere in the registry carrying a resident ID number, compared by its
 * blind index as detection compares them. Reads beyond the caller's row scope only when the
 * caller's transaction was widened for it; the callers decide what of the answer to show.
 */
export async function activeRecordsWithId(manager: EntityManager, idNumber: string, name: string): Promise<ActiveRecordMatch[]> {
  const idKey = blindResidentKey(residentIdKey(IdType.RESIDENT_ID, idNumber));
  if (!idKey) return [];
  return (await manager.query(
    `SELECT id::text AS "studentId", school_id::text AS "schoolId", name_key = $2 AS "sameName"
     FROM students WHERE id_key = $1 AND status = ANY($3::text[]) ORDER BY id`,
    [idKey, normalizeName(name), ACTIVE_STATUSES],
  )) as ActiveRecordMatch[];
}
