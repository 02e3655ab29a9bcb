import type { DataSource } from 'typeorm';
import { regionPrefix, scopeSql, type Scope } from '../../core/auth/caller.js';
import type { ProblemScope, ProblemStatus, ProblemType } from '../../problems/problem/problem.entity.js';
import { StatsDimension, type ProblemStatsRow } from './stats.types.js';

export interface StatsFilter {
  regionCode?: string | null;
  schoolId?: string | null;
  type?: ProblemType | null;
  scope?: ProblemScope | null;
  status?: ProblemStatus | null;
  openedFrom?: string | null;
  openedTo?: string | null;
}

export class StatsRefusal extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Weeks and months are those of the schools' calendar, not of the server's clock.
const LOCAL = `(p.opened_at AT TIME ZONE 'Asia/Shanghai')`;
const DIMENSION_SQL: Record<Exclude<StatsDimension, 'REGION' | 'SCHOOL'>, { column: string; sql: string }> = {
  [StatsDimension.TYPE]: { column: 'type', sql: 'p.type' },
  [StatsDimension.SCOPE]: { column: 'scope', sql: 'p.scope' },
  [StatsDimension.STATUS]: { column: 'status', sql: 'p.status' },
  [StatsDimension.OPENED_WEEK]: { column: 'openedWeek', sql: `to_char(date_trunc('week', ${LOCAL}), 'YYYY-MM-DD')` },
  [StatsDimension.OPENED_MONTH]: { column: 'openedMonth', sql: `to_char(${LOCAL}, 'YYYY-MM')` },
};
const ALL_COLUMNS = ['regionCode', 'schoolId', 'type', 'scope', 'status', 'openedWeek', 'openedMonth'] as const;

/**
 * District statistics (DESIGN.md story 2), computed from the live tables on every request.
 *
 * Why no summary table or materialised view: a statistic must agree with the problem list the
 * user drills down into, at once and within the caller's scope, and the tables are small next to
 * the students (50,000 problems for 1,000,000 records). The work is bounded by the region looked
 * at: the query starts from the schools of that region (`schools_region_idx`, a prefix index),
 * reaches their problems through `problem_members_school_idx (school_id, problem_id)`, and only
 * then joins the problems. `pnpm bench:reports` measures it at that scale.
 */
export class StatsService {
  constructor(
    private readonly db: DataSource,
    private readonly deadlineDays: number,
  ) {}

  async problemStats(scope: Scope, groupBy: StatsDimension[], filter: StatsFilter): Promise<ProblemStatsRow[]> {
    const dimensions = [...new Set(groupBy)];
    const params: unknown[] = [];
    const memberWhere = [scopeSql(scope, { schoolId: 'sc.id', regionCode: 'sc.region_code' }, params)];
    if (filter.regionCode) {
      params.push(`${regionPrefix(filter.regionCode)}%`);
      memberWhere.push(`sc.region_code LIKE $${params.length}`);
    }
    if (filter.schoolId) {
      params.push(filter.schoolId);
      memberWhere.push(`sc.id = $${params.length}`);
    }
    // The unit counted: a problem, or a problem once per school / per region it involves.
    const unitColumns = ['pm.problem_id'];
    if (dimensions.includes(StatsDimension.SCHOOL)) unitColumns.push('sc.id AS school_id');
    if (dimensions.includes(StatsDimension.REGION)) {
      const length = Math.min(this.lookedAtLength(scope, filter) + 2, 6);
      unitColumns.push(`rpad(left(sc.region_code, ${length}), 6, '0') AS region_code`);
    }

    const problemWhere: string[] = [];
    for (const key of ['type', 'scope', 'status'] as const) {
      if (filter[key]) {
        params.push(filter[key]);
        problemWhere.push(`p.${key} = $${params.length}`);
      }
    }
    for (const [field, operator] of [['openedFrom', '>='], ['openedTo', '<']] as const) {
      const day = filter[field];
      if (!day) continue;
      if (!DAY.test(day) || Number.isNaN(Date.parse(day))) throw new StatsRefusal(`${field} must be a day as YYYY-MM-DD.`, field);
      params.push(day);
      const bound = `($${params.length}::date${operator === '<' ? ' + 1' : ''})::timestamp AT TIME ZONE 'Asia/Shanghai'`;
      problemWhere.push(`p.opened_at ${operator} ${bound}`);
    }

    const groups: { column: string; sql: string }[] = dimensions.map((d) =>
      d === StatsDimension.SCHOOL ? { column: 'schoolId', sql: 'u.school_id::text' } : d === StatsDimension.REGION ? { column: 'regionCode', sql: 'u.region_code' } : DIMENSION_SQL[d],
    );
    params.push(this.deadlineDays);
    const deadline = `$${params.length}`;
    const select = ALL_COLUMNS.map((column) => {
      const group = groups.find((g) => g.column === column);
      return `${group ? group.sql : 'NULL::text'} AS "${column}"`;
    });
    const days = (end: string) => `extract(epoch FROM ${end} - p.opened_at) / 86400`;
    const rows = (await this.db.query(
      `WITH u AS (
         SELECT DISTINCT ${unitColumns.join(', ')}
         FROM schools sc JOIN problem_members pm ON pm.school_id = sc.id
         WHERE ${memberWhere.join(' AND ')}
       )
       SELECT ${select.join(', ')},
              count(*)::int AS count,
              count(*) FILTER (WHERE p.status = 'OPEN')::int AS open,
              count(*) FILTER (WHERE p.status = 'PENDING_REVIEW')::int AS "pendingReview",
              count(*) FILTER (WHERE p.status = 'ESCALATED')::int AS escalated,
              count(*) FILTER (WHERE p.status = 'RESOLVED')::int AS resolved,
              count(*) FILTER (WHERE p.status <> 'RESOLVED')::int AS unresolved,
              count(*) FILTER (WHERE p.status <> 'RESOLVED' AND p.opened_at < now() - make_interval(days => ${deadline}::int))::int AS overdue,
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days('p.resolved_at')}) FILTER (WHERE p.status = 'RESOLVED'))::numeric, 1)::float8 AS "medianDaysToResolve",
              round((percentile_cont(0.9) WITHIN GROUP (ORDER BY ${days('p.resolved_at')}) FILTER (WHERE p.status = 'RESOLVED'))::numeric, 1)::float8 AS "p90DaysToResolve",
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days('now()')}) FILTER (WHERE p.status <> 'RESOLVED'))::numeric, 1)::float8 AS "medianOpenAgeDays"
       FROM u JOIN problems p ON p.id = u.problem_id
       ${problemWhere.length ? `WHERE ${problemWhere.join(' AND ')}` : ''}
       ${groups.length ? `GROUP BY ${groups.map((g) => g.sql).join(', ')} ORDER BY ${groups.map((g) => g.sql).join(', ')}` : ''}`,
      params,
    )) as Omit<ProblemStatsRow, 'region' | 'school'>[];
    // A total over no problems is still one row of zeros; grouped results simply have no rows.
    return rows.map((row) => ({
      ...row,
      region: row.regionCode ? { code: row.regionCode } : null,
      school: row.schoolId ? { id: row.schoolId } : null,
    }));
  }

  /** Significant length of the region code looked at: the filter's, else the caller's (a school's: its district). */
  private lookedAtLength(scope: Scope, filter: StatsFilter): number {
    if (filter.regionCode) return regionPrefix(filter.regionCode).length;
    if (scope.kind === 'region') return scope.prefix.length;
    return scope.kind === 'school' ? 6 : 0;
  }
}
