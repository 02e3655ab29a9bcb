import type { DataSource, EntityManager } from 'typeorm';
import { regionPrefix, scopeOf, type Caller } from '../../core/auth/caller.js';
import { can } from '../../core/auth/permissions.js';
import { widened } from '../../core/db/row-scope.js';
import { Forbidden, NotFound } from '../../core/errors.js';
import { appendEvents } from '../../core/events.js';
import { tooLong } from '../../core/text-limits.js';
import { activeStudentSql, changeStudent, deleteStudents, lockStudent, StudentChangeRefused, type StudentChanges } from '../../registry/index.js';
import type { DetectionService } from '../detection/detection.service.js';

/** Why a campaign step was not taken, each code with what it means. */
export const VERIFICATION_ERROR_CODES = {
  INVALID_VALUE: 'A value is missing or not valid; `field` names it.',
  ALREADY_OPEN: 'A campaign for this semester is already open in this region.',
  NOT_OPEN: 'The campaign is closed.',
  NO_SUCH_CLASS: 'Your school has no active pupil in this grade and class.',
  ALREADY_CONFIRMED: 'This class was confirmed already in this campaign.',
  NOT_IN_CLASS: 'A marked record is not an active pupil of this class; `field` says which mark.',
  UNKNOWN_SCHOOL: 'No school has the code a pupil left for.',
  SAME_SCHOOL: 'A pupil who left for your own school has not left.',
  TOO_LONG: 'A text is over its limit; `field` names it.',
  STALE_VERSION: 'The record changed since it was read: read it again.',
  MATERIAL_REQUIRED: 'A correction needs at least one material of your school: the corrected household register or ID card.',
  NOTHING_CHANGED: 'A correction that changes no field.',
} as const;

export interface VerificationError {
  code: keyof typeof VERIFICATION_ERROR_CODES;
  message: string;
  field?: string;
}
export type VerificationOutcome = { ok: true; id: string } | { ok: false; error: VerificationError };

export interface PupilMark {
  studentId: string;
  mark: 'LEFT' | 'CHANGED';
  /** LEFT: the school the pupil went to, when known (10-digit code); it is then to ask for the transfer. */
  leftToSchoolCode?: string | null;
  note?: string | null;
}

export interface CampaignRow {
  id: string;
  regionPrefix: string;
  semester: string;
  title: string;
  dueAt: Date;
  status: 'OPEN' | 'CLOSED';
  openedAt: Date;
  closedAt: Date | null;
  overdue: boolean;
}

export interface SchoolProgress {
  campaignId: string;
  schoolId: string;
  classes: number;
  classesDone: number;
  pupils: number;
  left: number;
  changed: number;
  done: boolean;
  /** When the deadline check escalated it to the district; null while it has not been. */
  escalatedAt: Date | null;
}

export interface CampaignEscalation {
  campaignId: string;
  schoolId: string;
  classes: number;
  classesDone: number;
}

export interface ClassProgress {
  grade: string;
  className: string;
  pupils: number;
  confirmedAt: Date | null;
  left: number;
  changed: number;
}

class Refusal extends Error {
  constructor(readonly error: VerificationError) {
    super(error.message);
  }
}

function refuse(code: VerificationError['code'], field?: string): never {
  throw new Refusal({ code, message: VERIFICATION_ERROR_CODES[code], ...(field ? { field } : {}) });
}

const CAMPAIGN_COLUMNS = `c.id::text, c.region_prefix AS "regionPrefix", c.semester, c.title, c.due_at AS "dueAt", c.status,
  c.opened_at AS "openedAt", c.closed_at AS "closedAt", c.status = 'OPEN' AND c.due_at <= app_now() AS overdue`;

/** The classes of the campaign's schools (active records by 年级 and 班级), and which were confirmed. */
const CLASSES_SQL = `
  SELECT st.school_id, coalesce(st.grade, '') AS grade, coalesce(st.class_name, '') AS class_name, count(*)::int AS pupils
  FROM students st JOIN schools sc ON sc.id = st.school_id
  WHERE sc.region_code LIKE $2 || '%' AND ${activeStudentSql('st')}
  GROUP BY 1, 2, 3`;

/**
 * Semester verification (学期核查): district staff open a campaign for their region with a
 * deadline; each school confirms its roster class by class. A pupil marked LEFT for a known school
 * stays until that school asks for the transfer (the mark tells it to); one who left for no school
 * in the registry is deleted as NOT_STUDYING_HERE (restorable); CHANGED pupils are corrected with
 * materials (`correctRecord`). Progress per school and region, overdue schools after the deadline.
 */
export class VerificationService {
  constructor(
    private readonly db: DataSource,
    private readonly detection: DetectionService,
  ) {}

  private async run(fn: (manager: EntityManager) => Promise<string>): Promise<VerificationOutcome> {
    try {
      return { ok: true, id: await this.db.transaction(fn) };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: error.error };
      throw error;
    }
  }

  open(caller: Caller, input: { semester: string; title?: string | null; dueDate: string; regionCode?: string | null }) {
    return this.run(async (manager) => {
      const scope = scopeOf(caller);
      const prefix = input.regionCode ? regionPrefix(input.regionCode) : scope.kind === 'region' ? scope.prefix : null;
      if (!prefix || !can(caller, 'campaign.manage', { region: prefix })) throw new Forbidden('District staff open a campaign for their own region.');
      const semester = input.semester.trim();
      if (!/^\d{4}-\d{4}-[12]$/.test(semester)) refuse('INVALID_VALUE', 'semester');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueDate) || Number.isNaN(Date.parse(input.dueDate))) refuse('INVALID_VALUE', 'dueDate');
      const long = tooLong('title', input.title, 'verificationNote');
      if (long) throw new Refusal(long);
      const open = (await manager.query(`SELECT 1 FROM verification_campaigns WHERE region_prefix = $1 AND semester = $2 AND status = 'OPEN'`, [prefix, semester])) as unknown[];
      if (open.length > 0) refuse('ALREADY_OPEN', 'semester');
      const title = input.title?.trim() || `${semester} 学期学籍核查`;
      // The deadline is the end of that day, China time.
      const [row] = (await manager.query(
        `INSERT INTO verification_campaigns (region_prefix, semester, title, due_at, opened_by)
         VALUES ($1, $2, $3, (($4::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'), $5) RETURNING id::text`,
        [prefix, semester, title, input.dueDate, caller.userId],
      )) as { id: string }[];
      await appendEvents(manager, [{ type: 'CAMPAIGN_OPENED', actorId: caller.userId, subjectType: 'campaign', subjectId: row!.id, data: { regionPrefix: prefix, semester, title, dueDate: input.dueDate } }]);
      return row!.id;
    });
  }

  close(caller: Caller, campaignId: string) {
    return this.run(async (manager) => {
      const campaign = await this.lock(manager, campaignId);
      if (!can(caller, 'campaign.manage', { region: campaign.regionPrefix })) throw new Forbidden('The region’s district staff close its campaign.');
      if (campaign.status !== 'OPEN') refuse('NOT_OPEN');
      await manager.query(`UPDATE verification_campaigns SET status = 'CLOSED', closed_at = app_now() WHERE id = $1`, [campaign.id]);
      await appendEvents(manager, [{ type: 'CAMPAIGN_CLOSED', actorId: caller.userId, subjectType: 'campaign', subjectId: campaign.id, data: {} }]);
      return campaign.id;
    });
  }

  private async lock(manager: EntityManager, campaignId: string): Promise<CampaignRow> {
    const [campaign] = (await manager.query(`SELECT ${CAMPAIGN_COLUMNS} FROM verification_campaigns c WHERE c.id = $1 FOR UPDATE`, [campaignId])) as CampaignRow[];
    if (!campaign) throw new NotFound('Campaign');
    return campaign;
  }

  /**
   * A school confirms one class: every active pupil of it is there, except those marked. All or
   * nothing, one event for the class and one per pupil who left without a known school (deleted).
   */
  confirmClass(caller: Caller, input: { campaignId: string; grade: string; className: string; marks: PupilMark[] }) {
    return this.run(async (manager) => {
      const campaign = await this.lock(manager, input.campaignId);
      const schoolId = caller.schoolId ?? '';
      if (!can(caller, 'campaign.confirm', { schoolId })) throw new Forbidden('A school’s registrar confirms its classes.');
      if (campaign.status !== 'OPEN') refuse('NOT_OPEN');
      const [grade, className] = [input.grade.trim(), input.className.trim()];
      const pupils = (await manager.query(
        `SELECT st.id::text FROM students st WHERE st.school_id = $1 AND coalesce(st.grade, '') = $2 AND coalesce(st.class_name, '') = $3 AND ${activeStudentSql('st')} FOR UPDATE`,
        [schoolId, grade, className],
      )) as { id: string }[];
      if (pupils.length === 0) refuse('NO_SUCH_CLASS', 'className');
      const done = (await manager.query(`SELECT 1 FROM verification_classes WHERE campaign_id = $1 AND school_id = $2 AND grade = $3 AND class_name = $4`, [campaign.id, schoolId, grade, className])) as unknown[];
      if (done.length > 0) refuse('ALREADY_CONFIRMED');
      const marks = await this.checkMarks(manager, schoolId, new Set(pupils.map((p) => p.id)), input.marks);
      await manager.query(`INSERT INTO verification_classes (campaign_id, school_id, grade, class_name, pupils, confirmed_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
        campaign.id, schoolId, grade, className, pupils.length, caller.userId,
      ]);
      for (const m of marks) {
        await manager.query(
          `INSERT INTO verification_marks (campaign_id, student_id, school_id, mark, left_to_school, note, marked_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [campaign.id, m.studentId, schoolId, m.mark, m.leftToSchoolId, m.note, caller.userId],
        );
      }
      const gone = marks.filter((m) => m.mark === 'LEFT' && !m.leftToSchoolId);
      const context = { campaignId: campaign.id };
      await deleteStudents(manager, gone.map((m) => ({ studentId: m.studentId, reason: 'NOT_STUDYING_HERE' as const })), { actorId: caller.userId, context });
      const summary = { schoolId, grade, className, pupils: pupils.length, left: marks.filter((m) => m.mark === 'LEFT').length, changed: marks.filter((m) => m.mark === 'CHANGED').length, deleted: gone.map((m) => m.studentId) };
      await appendEvents(manager, [{ type: 'CLASS_VERIFIED', actorId: caller.userId, subjectType: 'campaign', subjectId: campaign.id, data: summary }]);
      if (gone.length > 0) await this.detection.detect(manager, { kind: 'students', studentIds: gone.map((m) => m.studentId) });
      return campaign.id;
    });
  }

  /** The marks, each on a pupil of the class, with the school a pupil left for resolved. */
  private async checkMarks(manager: EntityManager, schoolId: string, inClass: Set<string>, marks: PupilMark[]) {
    const checked: { studentId: string; mark: PupilMark['mark']; leftToSchoolId: string | null; note: string | null }[] = [];
    for (const [i, m] of marks.entries()) {
      if (!inClass.has(m.studentId) || checked.some((c) => c.studentId === m.studentId)) refuse('NOT_IN_CLASS', `marks.${i}`);
      const long = tooLong(`marks.${i}.note`, m.note, 'verificationNote');
      if (long) throw new Refusal(long);
      let leftToSchoolId: string | null = null;
      if (m.mark === 'LEFT' && m.leftToSchoolCode?.trim()) {
        const [school] = (await manager.query(`SELECT id::text FROM schools WHERE code = $1 AND deleted_at IS NULL`, [m.leftToSchoolCode.trim()])) as { id: string }[];
        if (!school) refuse('UNKNOWN_SCHOOL', `marks.${i}.leftToSchoolCode`);
        if (school.id === schoolId) refuse('SAME_SCHOOL', `marks.${i}.leftToSchoolCode`);
        leftToSchoolId = school.id;
      }
      checked.push({ studentId: m.studentId, mark: m.mark, leftToSchoolId, note: m.note?.trim() || null });
    }
    return checked;
  }

  /** The active pupils of one class of the caller's school. */
  async rosterOf(caller: Caller, grade: string, className: string): Promise<{ id: string }[]> {
    return (await this.db.query(
      `SELECT st.id::text FROM students st WHERE st.school_id = $1 AND coalesce(st.grade, '') = $2 AND coalesce(st.class_name, '') = $3 AND ${activeStudentSql('st')} ORDER BY st.name, st.id`,
      [caller.schoolId ?? '0', grade.trim(), className.trim()],
    )) as { id: string }[];
  }

  /**
   * Corrects one of the school's records outside a problem, as a campaign found it: the registry's
   * change (its history names the campaign and the materials), then detection, as after a CHANGE.
   */
  correct(caller: Caller, input: { campaignId: string; studentId: string; version: number; changes: StudentChanges; materialIds: string[]; comment?: string | null }) {
    return this.run(async (manager) => {
      const record = await lockStudent(manager, input.studentId);
      if (!record) throw new NotFound('Student record');
      if (!can(caller, 'record.act', { schoolId: record.schoolId })) throw new Forbidden('A school corrects its own records.');
      const [current] = (await manager.query(`SELECT version FROM students WHERE id = $1`, [record.id])) as { version: number }[];
      if (current!.version !== input.version) refuse('STALE_VERSION');
      const long = tooLong('comment', input.comment, 'verificationNote');
      if (long) throw new Refusal(long);
      const materialIds = [...new Set(input.materialIds)];
      const own = (await manager.query(`SELECT id FROM materials WHERE id = ANY($1::bigint[]) AND school_id = $2`, [materialIds, record.schoolId])) as unknown[];
      if (materialIds.length === 0 || own.length !== materialIds.length) refuse('MATERIAL_REQUIRED', 'materialIds');
      try {
        await changeStudent(manager, record, input.changes, { actorId: caller.userId, context: { campaignId: input.campaignId, materialIds, comment: input.comment?.trim() || null } });
      } catch (error) {
        if (error instanceof StudentChangeRefused) throw new Refusal({ code: error.code === 'NOTHING_CHANGED' ? 'NOTHING_CHANGED' : 'INVALID_VALUE', message: error.message, ...(error.field ? { field: error.field } : {}) });
        throw error;
      }
      await this.detection.detect(manager, { kind: 'students', studentIds: [record.id] });
      return input.campaignId;
    });
  }

  /**
   * Past a campaign's deadline, each of its schools that has not confirmed every class is
   * escalated to the region's district staff: once per campaign, one event each, like a problem
   * left open. Run by the hourly deadline check (and `pnpm cli escalate`) with the full scope.
   */
  async escalateOverdue(now: Date = new Date()): Promise<CampaignEscalation[]> {
    return this.db.transaction(async (manager) => {
      const escalated = (await manager.query(
        `WITH due AS (SELECT id, region_prefix FROM verification_campaigns WHERE status = 'OPEN' AND due_at <= $1::timestamptz),
         classes AS (
           SELECT d.id AS campaign_id, k.school_id, count(*)::int AS classes, count(v.school_id)::int AS classes_done
           FROM due d
           CROSS JOIN LATERAL (${CLASSES_SQL.replace('$2', 'd.region_prefix')}) k
           LEFT JOIN verification_classes v ON v.campaign_id = d.id AND v.school_id = k.school_id AND v.grade = k.grade AND v.class_name = k.class_name
           GROUP BY 1, 2),
         inserted AS (
           INSERT INTO verification_escalations (campaign_id, school_id, classes, classes_done, escalated_at)
           SELECT campaign_id, school_id, classes, classes_done, $1::timestamptz FROM classes WHERE classes_done < classes
           ON CONFLICT DO NOTHING
           RETURNING campaign_id, school_id, classes, classes_done)
         SELECT campaign_id::text AS "campaignId", school_id::text AS "schoolId", classes, classes_done AS "classesDone" FROM inserted ORDER BY 1, 2`,
        [now],
      )) as CampaignEscalation[];
      await appendEvents(
        manager,
        escalated.map((e) => ({ type: 'CAMPAIGN_SCHOOL_ESCALATED', actorId: null, subjectType: 'campaign', subjectId: e.campaignId, data: { schoolId: e.schoolId, classes: e.classes, classesDone: e.classesDone, reason: 'DEADLINE' } })),
      );
      return escalated;
    });
  }

  /** The campaigns the caller's scope is in, newest first. */
  async list(status: 'OPEN' | 'CLOSED' | null): Promise<CampaignRow[]> {
    // Row security limits them to the caller's region and schools.
    return (await this.db.query(`SELECT ${CAMPAIGN_COLUMNS} FROM verification_campaigns c WHERE ($1::text IS NULL OR c.status = $1) ORDER BY c.id DESC`, [status])) as CampaignRow[];
  }

  /** Each school of the campaign (one with active pupils in its region, and in the caller's scope): its classes and how many are confirmed. */
  async schoolsOf(campaignIds: readonly string[]): Promise<SchoolProgress[][]> {
    return Promise.all(
      campaignIds.map(async (id) =>
        (await this.db.query(
          `WITH c AS (SELECT id, region_prefix FROM verification_campaigns WHERE id = $1), classes AS (${CLASSES_SQL.replace('$2', '(SELECT region_prefix FROM c)')})
           SELECT $1::text AS "campaignId", k.school_id::text AS "schoolId", count(*)::int AS classes, count(v.school_id)::int AS "classesDone",
                  sum(k.pupils)::int AS pupils, count(*) = count(v.school_id) AS done,
                  (SELECT count(*) FROM verification_marks m WHERE m.campaign_id = $1 AND m.school_id = k.school_id AND m.mark = 'LEFT')::int AS left,
                  (SELECT count(*) FROM verification_marks m WHERE m.campaign_id = $1 AND m.school_id = k.school_id AND m.mark = 'CHANGED')::int AS changed,
                  (SELECT e.escalated_at FROM verification_escalations e WHERE e.campaign_id = $1 AND e.school_id = k.school_id) AS "escalatedAt"
           FROM classes k LEFT JOIN verification_classes v ON v.campaign_id = $1 AND v.school_id = k.school_id AND v.grade = k.grade AND v.class_name = k.class_name
           GROUP BY k.school_id ORDER BY done, k.school_id`,
          [id],
        )) as SchoolProgress[],
      ),
    );
  }

  /** The caller's school's classes in a campaign, confirmed or not. */
  async classesOf(caller: Caller, campaignId: string): Promise<ClassProgress[]> {
    return (await this.db.query(
      `WITH classes AS (SELECT coalesce(st.grade, '') AS grade, coalesce(st.class_name, '') AS class_name, count(*)::int AS pupils
                        FROM students st WHERE st.school_id = $2 AND ${activeStudentSql('st')} GROUP BY 1, 2)
       SELECT k.grade, k.class_name AS "className", coalesce(v.pupils, k.pupils) AS pupils, v.confirmed_at AS "confirmedAt",
              (SELECT count(*) FROM verification_marks m JOIN students s ON s.id = m.student_id
               WHERE m.campaign_id = $1 AND m.school_id = $2 AND m.mark = 'LEFT' AND coalesce(s.grade, '') = k.grade AND coalesce(s.class_name, '') = k.class_name)::int AS left,
              (SELECT count(*) FROM verification_marks m JOIN students s ON s.id = m.student_id
               WHERE m.campaign_id = $1 AND m.school_id = $2 AND m.mark = 'CHANGED' AND coalesce(s.grade, '') = k.grade AND coalesce(s.class_name, '') = k.class_name)::int AS changed
       FROM classes k LEFT JOIN verification_classes v ON v.campaign_id = $1 AND v.school_id = $2 AND v.grade = k.grade AND v.class_name = k.class_name
       ORDER BY k.grade, k.class_name`,
      [campaignId, caller.schoolId ?? '0'],
    )) as ClassProgress[];
  }

  /** The caller's school's pupils marked CHANGED in a campaign, with when each was last corrected in it (correctRecord). */
  async changedPupilsOf(caller: Caller, campaignId: string): Promise<{ studentId: string; note: string | null; markedAt: Date; correctedAt: Date | null }[]> {
    return (await this.db.query(
      `SELECT m.student_id::text AS "studentId", m.note, m.marked_at AS "markedAt",
              (SELECT max(e.occurred_at) FROM events e
               WHERE e.type = 'STUDENT_CHANGED' AND e.subject_id = m.student_id::text AND e.data->>'campaignId' = m.campaign_id::text) AS "correctedAt"
       FROM verification_marks m JOIN students st ON st.id = m.student_id
       WHERE m.campaign_id = $1 AND m.school_id = $2 AND m.mark = 'CHANGED'
       ORDER BY "correctedAt" NULLS FIRST, st.name, m.student_id`,
      [campaignId, caller.schoolId ?? '0'],
    )) as { studentId: string; note: string | null; markedAt: Date; correctedAt: Date | null }[];
  }

  /** Pupils other schools marked as gone to the caller's school, still active there and not yet transferred: ask for them. */
  async expectedArrivals(caller: Caller): Promise<{ campaignId: string; studentId: string; pupilName: string; fromSchoolId: string; note: string | null; markedAt: Date }[]> {
    // The old school's record is beyond the caller's row scope: read for this list only, its name and school.
    return this.db.transaction((manager) =>
      widened(manager, 'all', () =>
        manager.query(
          `SELECT m.campaign_id::text AS "campaignId", m.student_id::text AS "studentId", st.name AS "pupilName", m.school_id::text AS "fromSchoolId",
                  m.note, m.marked_at AS "markedAt"
           FROM verification_marks m JOIN students st ON st.id = m.student_id
           WHERE m.left_to_school = $1 AND ${activeStudentSql('st')}
             AND NOT EXISTS (SELECT 1 FROM transfers t WHERE t.student_id = m.student_id AND t.status IN ('REQUESTED', 'CONFIRMED', 'COMPLETED'))
           ORDER BY m.marked_at`,
          [caller.schoolId ?? '0'],
        ),
      ),
    );
  }
}
