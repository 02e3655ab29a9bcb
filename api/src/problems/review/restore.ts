import type { DataSource } from 'typeorm';
import type { Caller } from '../../core/auth/caller.js';
import { can } from '../../core/auth/permissions.js';
import { appendEvents } from '../../core/events.js';
import type { DetectionService } from '../detection/detection.service.js';
import { Forbidden, refuseUnlocked } from '../../core/errors.js';
import { tooLong } from '../../core/text-limits.js';
import { restoreStudent } from '../../registry/index.js';

export type RestoreOutcome = { ok: true } | { ok: false; error: { code: 'NOT_DELETED' | 'REASON_REQUIRED' | 'TOO_LONG'; message: string; field?: string } };

const STAFF_ONLY = 'Deleted records are restored by the district staff over their school.';

/**
 * Undoes a soft delete (DESIGN.md section 3: nothing is lost). District staff over the record's
 * school do it, with a reason; the record is compared again, so it may rejoin or open a problem.
 */
export class RestoreService {
  constructor(
    private readonly db: DataSource,
    private readonly detection: DetectionService,
  ) {}

  async restore(caller: Caller, studentId: string, reason: string | null | undefined): Promise<RestoreOutcome> {
    return this.db.transaction(async (manager) => {
      const [student] = (await manager.query(
        `SELECT st.id::text, st.status, sc.id::text AS "schoolId", sc.region_code AS "regionCode"
         FROM students st JOIN schools sc ON sc.id = st.school_id WHERE st.id = $1 FOR UPDATE OF st`,
        [studentId],
      )) as { id: string; status: string; schoolId: string; regionCode: string }[];
      // Unseen answers like missing; a record the caller reads but may not write is FORBIDDEN.
      if (!student) return refuseUnlocked(manager, 'students', studentId, 'Student record', STAFF_ONLY);
      if (!can(caller, 'student.restore', { schoolId: student.schoolId, regionCode: student.regionCode })) {
        throw new Forbidden(STAFF_ONLY);
      }
      if (student.status !== 'DELETED') return { ok: false, error: { code: 'NOT_DELETED', message: 'This record is not deleted.' } };
      const longReason = tooLong('reason', reason, 'restoreReason');
      if (longReason) return { ok: false, error: longReason };
      const why = reason?.trim();
      if (!why) return { ok: false, error: { code: 'REASON_REQUIRED', message: 'Say why the record is restored.', field: 'reason' } };
      // The problem it was deleted in shows the restore too.
      const [deletion] = (await manager.query(
        `SELECT data->>'problemId' AS "problemId" FROM events WHERE subject_type = 'student' AND subject_id = $1 AND type = 'STUDENT_DELETED' ORDER BY id DESC LIMIT 1`,
        [student.id],
      )) as { problemId: string | null }[];
      const data = await restoreStudent(manager, student.id, { actorId: caller.userId, reason: why });
      if (deletion?.problemId) {
        await appendEvents(manager, [
          { type: 'RECORD_RESTORED', actorId: caller.userId, subjectType: 'problem', subjectId: deletion.problemId, problemId: deletion.problemId, data: { ...data, studentId: student.id } },
        ]);
      }
      await this.detection.detect(manager, { kind: 'students', studentIds: [student.id] });
      return { ok: true };
    });
  }
}
