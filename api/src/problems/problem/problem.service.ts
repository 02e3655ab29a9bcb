import type { DataSource } from 'typeorm';
import { regionPrefix, scopeCoversSchool, scopeSql, type Caller, type Scope } from '../../core/auth/caller.js';
import { keysetPage, type SortColumn } from '../../core/db/keyset-page.js';
import type { Page, PageRequest } from '../../core/graphql/connection.js';
import { addressCodeOf, openHistoryData, openStudentRow } from '../../registry/index.js';
import { yourTurnSql } from '../next-step/index.js';
import { discloseEvent, discloseMembers, type MemberValues } from './disclosure.js';
import type { ProblemEvent, ProblemMember } from './problem-member.type.js';
import { Problem, type ProblemScope, type ProblemStatus, type ProblemType } from './problem.entity.js';

export interface ProblemFilter {
  type?: ProblemType | null;
  scope?: ProblemScope | null;
  status?: ProblemStatus | null;
  schoolId?: string | null;
  regionCode?: string | null;
  /** Only problems waiting for this caller: its school's turn to act or answer, or its review. */
  waitingFor?: Caller | null;
}

/** The orders of the problem list; each ends in the id so that every problem has one position. */
// Each leads with graduation urgency, so that problems holding a graduating pupil come first in every order
// (descending orders by `urgency`, the ascending one by `1 - urgency`; each has its index).
export const PROBLEM_ORDERS = {
  OPENED_DESC: { orderBy: [{ sql: 'p.urgency', type: 'integer' }, { sql: 'p.opened_at', type: 'timestamptz' }, { sql: 'p.id', type: 'bigint' }], descending: true },
  OPENED_ASC: { orderBy: [{ sql: '(1 - p.urgency)', type: 'integer' }, { sql: 'p.opened_at', type: 'timestamptz' }, { sql: 'p.id', type: 'bigint' }], descending: false },
  UPDATED_DESC: { orderBy: [{ sql: 'p.urgency', type: 'integer' }, { sql: 'p.updated_at', type: 'timestamptz' }, { sql: 'p.id', type: 'bigint' }], descending: true },
} as const satisfies Record<string, { orderBy: readonly SortColumn[]; descending: boolean }>;

export type ProblemOrder = keyof typeof PROBLEM_ORDERS;

const PROBLEM_FIELDS = `p.id, p.type, p.scope, p.status, p.group_key AS "groupKey", p.reasons, p.version,
  p.opened_at AS "openedAt", p.updated_at AS "updatedAt", p.resolved_at AS "resolvedAt", p.closed_by AS "closedBy", p.urgency`;

/** The members of problems (current and former) with what the disclosure model needs of each record. */
const MEMBER_COLUMNS = `pm.problem_id::text AS "problemId", pm.student_id::text AS "studentId", pm.school_id::text AS "schoolId",
  sc.code AS "schoolCode", sc.name AS "schoolName", sc.region_code AS "regionCode", rg.name AS "regionName",
  rp.code AS "parentCode", rp.name AS "parentName", st.name, st.gender, st.birth_date::text AS "birthDate",
  st.id_type AS "idType", st.id_number AS "idNumber", pm.joined_at AS "joinedAt", pm.left_at AS "leftAt",
  pm.corroborated_at IS NOT NULL AS corroborated, mp.status AS "problemStatus",
  st.grade, st.class_name AS "className", st.enrollment_month AS "enrollmentMonth",
  st.created_at AS "importedAt", st.updated_at AS "lastChangedAt", im.file_name AS "importFile"`;
const MEMBER_FROM = `FROM problem_members pm
  JOIN problems mp ON mp.id = pm.problem_id
  JOIN students st ON st.id = pm.student_id
  JOIN schools sc ON sc.id = pm.school_id
  JOIN regions rg ON rg.code = sc.region_code
  LEFT JOIN regions rp ON rp.code = rg.parent_code
  LEFT JOIN imports im ON im.id = st.import_id`;
const MEMBER_ORDER = 'pm.left_at NULLS FIRST, pm.student_id';
/** A problem's member rows as one JSON value, beside the problem in a list (`listWithMembers`). */
const MEMBER_ROWS_OF_P = `(SELECT coalesce(json_agg(m), '[]'::json) FROM (SELECT ${MEMBER_COLUMNS} ${MEMBER_FROM}
  WHERE pm.problem_id = p.id ORDER BY ${MEMBER_ORDER}) m) AS "memberRows"`;
const MEMBER_TIMES = ['joinedAt', 'leftAt', 'importedAt', 'lastChangedAt'] as const;

/** A member row read back from JSON: its times are text there. */
function memberFromJson(row: Record<string, unknown>): MemberValues {
  for (const key of MEMBER_TIMES) if (typeof row[key] === 'string') row[key] = new Date(row[key]);
  return row as unknown as MemberValues;
}

export interface MemberSets {
  current: ProblemMember[];
  former: ProblemMember[];
}

export interface ProblemParticipants {
  schoolIds: string[];
  regionCodes: string[];
}

/** One problem in the operators' JSON (DESIGN.md section 6): values exactly as imported. */
export interface ProblemExport {
  id: string;
  type: ProblemType;
  scope: ProblemScope;
  status: ProblemStatus;
  members: { schoolCode: string; name: string; gender: 'M' | 'F'; birthDate: string; idType: string; idNumber: string | null }[];
}

export class ProblemService {
  constructor(
    private readonly db: DataSource,
    /** Which of the codes are GB/T 2260 regions (the registry's RegionService). */
    private readonly knownRegionCodes: (codes: readonly string[]) => Promise<Set<string>>,
  ) {}

  /** A problem is visible to a caller when any of its records belongs to a school in the caller's scope. */
  private visibleSql(scope: Scope, params: unknown[]): string {
    if (scope.kind === 'all') return 'TRUE';
    return `EXISTS (SELECT 1 FROM problem_members vm JOIN schools vs ON vs.id = vm.school_id
                    WHERE vm.problem_id = p.id AND ${scopeSql(scope, { schoolId: 'vm.school_id', regionCode: 'vs.region_code' }, params)})`;
  }

  /** The conditions and order of the problem list; `keysetPage` makes a page of them. */
  private listQuery(scope: Scope, filter: ProblemFilter, order: ProblemOrder) {
    const params: unknown[] = [];
    const where = [this.visibleSql(scope, params)];
    for (const key of ['type', 'scope', 'status'] as const) {
      if (filter[key]) {
        params.push(filter[key]);
        where.push(`p.${key} = $${params.length}`);
      }
    }
    if (filter.schoolId) {
      params.push(filter.schoolId);
      where.push(`EXISTS (SELECT 1 FROM problem_members fm WHERE fm.problem_id = p.id AND fm.school_id = $${params.length})`);
    }
    if (filter.waitingFor) where.push(yourTurnSql(filter.waitingFor, params));
    if (filter.regionCode) {
      params.push(`${regionPrefix(filter.regionCode)}%`);
      where.push(`EXISTS (SELECT 1 FROM problem_members fm JOIN schools fs ON fs.id = fm.school_id
                          WHERE fm.problem_id = p.id AND fs.region_code LIKE $${params.length})`);
    }
    return { from: 'FROM problems p', where, params, ...PROBLEM_ORDERS[order] };
  }

  async list(scope: Scope, filter: ProblemFilter, page: PageRequest, order: ProblemOrder = 'OPENED_DESC'): Promise<Page<Problem>> {
    return keysetPage(this.db, { ...this.listQuery(scope, filter, order), select: PROBLEM_FIELDS, hydrate: (row) => Object.assign(new Problem(), row), page });
  }

  /**
   * A page of the list with each problem's members (`memberSetsOf`) read in the same statement: for
   * a page that shows them, one statement instead of two.
   */
  async listWithMembers(scope: Scope, filter: ProblemFilter, page: PageRequest, order: ProblemOrder = 'OPENED_DESC') {
    const rows = new Map<string, MemberValues[]>();
    const problems = await keysetPage(this.db, {
      ...this.listQuery(scope, filter, order),
      select: `${PROBLEM_FIELDS}, ${MEMBER_ROWS_OF_P}`,
      hydrate: ({ memberRows, ...row }: { memberRows?: Record<string, unknown>[] }) => {
        const problem = Object.assign(new Problem(), row);
        rows.set(problem.id, (memberRows ?? []).map(memberFromJson));
        return problem;
      },
      page,
    });
    const ids = [...rows.keys()];
    const sets = await this.disclosedSets(scope, ids, [...rows.values()].flat());
    return { page: problems, members: new Map(ids.map((id, i) => [id, sets[i]!])) };
  }

  async visibleById(scope: Scope, id: string): Promise<{ problem: Problem | null; visible: boolean }> {
    const params: unknown[] = [id];
    const rows = (await this.db.query(
      `SELECT ${PROBLEM_FIELDS}, ${this.visibleSql(scope, params)} AS visible FROM problems p WHERE p.id = $1`,
      params,
    )) as (Problem & { visible: boolean })[];
    const row = rows[0];
    if (!row) return { problem: null, visible: false };
    const { visible, ...problem } = row;
    return { problem: Object.assign(new Problem(), problem), visible };
  }

  /** Every unresolved problem (or every problem with `includeResolved`) with its current members. */
  async exportAll(includeResolved = false): Promise<ProblemExport[]> {
    const problems = (await this.db.query(
      `SELECT p.id::text, p.type, p.scope, p.status,
              coalesce(json_agg(json_build_object('schoolCode', sc.code, 'name', st.name, 'gender', st.gender,
                                                  'birthDate', st.birth_date::text, 'idType', st.id_type, 'idNumber', st.id_number)
                                ORDER BY st.id) FILTER (WHERE st.id IS NOT NULL), '[]') AS members
       FROM problems p
       LEFT JOIN problem_members pm ON pm.problem_id = p.id AND pm.left_at IS NULL
       LEFT JOIN students st ON st.id = pm.student_id
       LEFT JOIN schools sc ON sc.id = st.school_id
       ${includeResolved ? '' : `WHERE p.status <> 'RESOLVED'`}
       GROUP BY p.id ORDER BY p.id`,
    )) as ProblemExport[];
    for (const problem of problems) problem.members.forEach(openStudentRow);
    return problems;
  }

  /** Current members of each problem, in problem order, as the disclosure model shows them to `scope`. */
  async membersOf(scope: Scope, problemIds: readonly string[]): Promise<ProblemMember[][]> {
    return (await this.memberSetsOf(scope, problemIds)).map((set) => set.current);
  }

  /**
   * The members of each problem now, and those that left it (deleted, or changed so they no longer
   * collide), as the disclosure model shows them to `scope`: a former member of another school is
   * compared with the caller's current record, like the current ones.
   */
  async memberSetsOf(scope: Scope, problemIds: readonly string[]): Promise<MemberSets[]> {
    const rows = (await this.db.query(
      `SELECT ${MEMBER_COLUMNS} ${MEMBER_FROM} WHERE pm.problem_id = ANY($1::bigint[]) ORDER BY pm.problem_id, ${MEMBER_ORDER}`,
      [problemIds],
    )) as MemberValues[];
    return this.disclosedSets(scope, problemIds, rows);
  }

  /** Member rows (in member order within each problem) grouped by problem and disclosed to `scope`. */
  private async disclosedSets(scope: Scope, problemIds: readonly string[], rows: MemberValues[]): Promise<MemberSets[]> {
    await this.checkAddressCodes(rows.map(openStudentRow));
    const byProblem = new Map<string, MemberValues[]>(problemIds.map((id) => [id, []]));
    for (const member of rows) byProblem.get(member.problemId)?.push(member);
    return problemIds.map((id) => {
      const members = byProblem.get(id) ?? [];
      const current = members.filter((m) => m.leftAt === null);
      return { current: discloseMembers(scope, current), former: discloseMembers(scope, members.filter((m) => m.leftAt !== null), current) };
    });
  }

  /**
   * Whether each member's ID number starts with a known region code. Asked of the opened numbers:
   * the stored comparison key is a blind index now, and has no first six digits to look up.
   */
  private async checkAddressCodes(members: MemberValues[]): Promise<void> {
    const codes = members.map((m) => addressCodeOf(m.idType, m.idNumber));
    const wanted = [...new Set(codes.filter((c): c is string => c !== null))];
    const known = wanted.length === 0 ? new Set<string>() : await this.knownRegionCodes(wanted);
    members.forEach((m, i) => (m.addressCodeKnown = codes[i] !== null && known.has(codes[i]!)));
  }

  /** Every school that has had a record in each problem (records that left count too: they took part). */
  async participantsOf(problemIds: readonly string[]): Promise<ProblemParticipants[]> {
    const rows = (await this.db.query(
      `SELECT pm.problem_id::text AS "problemId", array_agg(DISTINCT pm.school_id::text) AS "schoolIds",
              array_agg(DISTINCT sc.region_code) AS "regionCodes"
       FROM problem_members pm JOIN schools sc ON sc.id = pm.school_id
       WHERE pm.problem_id = ANY($1::bigint[]) GROUP BY pm.problem_id`,
      [problemIds],
    )) as (ProblemParticipants & { problemId: string })[];
    const byProblem = new Map(rows.map(({ problemId, ...participants }) => [problemId, participants]));
    return problemIds.map((id) => byProblem.get(id) ?? { schoolIds: [], regionCodes: [] });
  }

  /** The events of each problem, oldest first (the problem's history), as the disclosure model shows them to `scope`. */
  async historyOf(scope: Scope, problemIds: readonly string[]): Promise<ProblemEvent[][]> {
    const rows = (await this.db.query(
      `SELECT e.id::text, e.problem_id::text AS "problemId", e.type, e.occurred_at AS "occurredAt", u.display_name AS "actorName", e.data,
              sc.id::text AS "schoolId", sc.region_code AS "regionCode"
       FROM events e
       LEFT JOIN users u ON u.id = e.actor_id
       LEFT JOIN students st ON st.id = CASE WHEN e.data->>'studentId' ~ '^[0-9]{1,18}$' THEN (e.data->>'studentId')::bigint END
       LEFT JOIN schools sc ON sc.id = st.school_id
       WHERE e.problem_id = ANY($1::bigint[]) ORDER BY e.id`,
      [problemIds],
    )) as (ProblemEvent & { problemId: string; schoolId: string | null; regionCode: string | null })[];
    const byProblem = new Map<string, ProblemEvent[]>(problemIds.map((id) => [id, []]));
    for (const { problemId, schoolId, regionCode, ...event } of rows) {
      byProblem.get(problemId)?.push(discloseEvent(scope, { ...event, data: openHistoryData(event.data) }, schoolId === null ? null : { schoolId, regionCode: regionCode ?? '' }));
    }
    return problemIds.map((id) => byProblem.get(id) ?? []);
  }

  /** Problems each student belongs to (current membership), in student order. */
  async problemsOfStudents(studentIds: readonly string[]): Promise<Problem[][]> {
    const rows = (await this.db.query(
      `SELECT pm.student_id AS "studentId", ${PROBLEM_FIELDS}
       FROM problem_members pm JOIN problems p ON p.id = pm.problem_id
       WHERE pm.student_id = ANY($1::bigint[]) AND pm.left_at IS NULL
       ORDER BY p.id`,
      [studentIds],
    )) as (Problem & { studentId: string })[];
    const byStudent = new Map<string, Problem[]>(studentIds.map((id) => [id, []]));
    for (const { studentId, ...problem } of rows) byStudent.get(String(studentId))?.push(Object.assign(new Problem(), problem));
    return studentIds.map((id) => byStudent.get(id) ?? []);
  }

  /** Unresolved problems per school, null for schools outside `scope` (totals leak too). */
  async openCountOfSchools(scope: Scope, schoolIds: readonly string[]): Promise<(number | null)[]> {
    const rows = (await this.db.query(
      `SELECT sc.id, sc.region_code AS "regionCode",
              (SELECT count(DISTINCT pm.problem_id)::int FROM problem_members pm JOIN problems p ON p.id = pm.problem_id
               WHERE pm.school_id = sc.id AND pm.left_at IS NULL AND p.status <> 'RESOLVED') AS count
       FROM schools sc WHERE sc.id = ANY($1::bigint[])`,
      [schoolIds],
    )) as { id: string; regionCode: string; count: number }[];
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    return schoolIds.map((id) => {
      const row = byId.get(id);
      return row && scopeCoversSchool(scope, { id, regionCode: row.regionCode }) ? row.count : null;
    });
  }
}
