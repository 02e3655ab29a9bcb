import type { DataSource } from 'typeorm';
import { regionPrefix, scopeSql, type Scope } from '../../core/auth/caller.js';
import type { ProblemScope, ProblemStatus, ProblemType } from '../../problems/index.js';
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
 * at: counted per problem, the problems are found by their scope key (`problems_scope_keys_idx`);
 * counted per school or district, the query starts from the schools of that region
 * (`schools_region_idx`, a prefix index), reaches their problems through
 * `problem_members_school_idx (school_id, problem_id)`, and only then joins the problems.
 * `pnpm bench:reports` measures it at that scale.
 */
export class StatsService {
  constructor(
    private readonly db: DataSource,
    private readonly deadlineDays: number,
  ) {}

  async problemStats(scope: Scope, groupBy: StatsDimension[], filter: StatsFilter): Promise<ProblemStatsRow[]> {
    const dimensions = [...new Set(groupBy)];
    const params: unknown[] = [];
    const byProblem = !dimensions.includes(StatsDimension.SCHOOL) && !dimensions.includes(StatsDimension.REGION);
    const key = byProblem ? scopeKey(scope, filter) : undefined;
    const units = key === undefined ? memberUnits(this.unitColumns(scope, dimensions, filter), memberConditions(scope, filter, params)) : null;
    const problemWhere = [...(key ? [keyCondition(key, params)] : []), ...problemConditions(filter, params)];
    const groups = dimensions.map(groupOf);
    params.push(this.deadlineDays);
    const sql = statsSql({ units, problemWhere, groups, deadline: `$${params.length}` });
    const rows = (await this.db.query(sql, params)) as Omit<ProblemStatsRow, 'region' | 'school'>[];
    // A total over no problems is still one row of zeros; grouped results simply have no rows.
    return rows.map((row) => ({
      ...row,
      region: row.regionCode ? { code: row.regionCode } : null,
      school: row.schoolId ? { id: row.schoolId } : null,
    }));
  }

  /** The unit counted: a problem, or a problem once per school / per region it involves. */
  private unitColumns(scope: Scope, dimensions: readonly StatsDimension[], filter: StatsFilter): string[] {
    const columns = ['pm.problem_id'];
    if (dimensions.includes(StatsDimension.SCHOOL)) columns.push('sc.id AS school_id');
    if (dimensions.includes(StatsDimension.REGION)) {
      const length = Math.min(this.lookedAtLength(scope, filter) + 2, 6);
      columns.push(`rpad(left(sc.region_code, ${length}), 6, '0') AS region_code`);
    }
    return columns;
  }

  /** Significant length of the region code looked at: the filter's, else the caller's (a school's: its district). */
  private lookedAtLength(scope: Scope, filter: StatsFilter): number {
    if (filter.regionCode) return regionPrefix(filter.regionCode).length;
    if (scope.kind === 'region') return scope.prefix.length;
    return scope.kind === 'school' ? 6 : 0;
  }
}

/**
 * Counting problems (not per school or region), the one scope key (migration 1765065600000) that
 * says which are counted — `s:<school>` or `p:<region prefix>`, null for every problem — so they are
 * found on `problems` itself, without walking their members. Undefined when no single key says it
 * (a school filter inside a region scope: one member school must meet both), left to the members.
 */
function scopeKey(scope: Scope, filter: StatsFilter): string | null | undefined {
  const prefixes: string[] = [];
  const schools: string[] = [];
  if (scope.kind === 'region') prefixes.push(scope.prefix);
  if (scope.kind === 'school') schools.push(scope.schoolId);
  if (filter.regionCode) prefixes.push(regionPrefix(filter.regionCode));
  if (filter.schoolId) schools.push(filter.schoolId);
  if (schools.length === 1 && prefixes.length === 0) return `s:${schools[0]}`;
  if (schools.length > 0) return undefined;
  if (prefixes.length === 0) return null;
  // Nested prefixes: the longest says it all; disjoint ones are left to the general query.
  const longest = prefixes.reduce((a, b) => (b.length > a.length ? b : a));
  return prefixes.every((p) => longest.startsWith(p)) ? `p:${longest}` : undefined;
}

function keyCondition(key: string, params: unknown[]): string {
  params.push([key]);
  return `p.scope_keys && $${params.length}::text[]`;
}

/** Distinct units (a problem, or a problem per school or region) from the members in the schools counted. */
function memberUnits(columns: string[], memberWhere: string[]): string {
  return `SELECT DISTINCT ${columns.join(', ')}
          FROM schools sc JOIN problem_members pm ON pm.school_id = sc.id
          WHERE ${memberWhere.join(' AND ')}`;
}

/** Which schools' problems are counted: the caller's scope, narrowed by the region or school filter. */
function memberConditions(scope: Scope, filter: StatsFilter, params: unknown[]): string[] {
  const where = [scopeSql(scope, { schoolId: 'sc.id', regionCode: 'sc.region_code' }, params)];
  if (filter.regionCode) {
    params.push(`${regionPrefix(filter.regionCode)}%`);
    where.push(`sc.region_code LIKE $${params.length}`);
  }
  if (filter.schoolId) {
    params.push(filter.schoolId);
    where.push(`sc.id = $${params.length}`);
  }
  return where;
}

/** Which problems are counted: by type, scope, status and the days they were opened (schools' calendar). */
function problemConditions(filter: StatsFilter, params: unknown[]): string[] {
  const where: string[] = [];
  for (const key of ['type', 'scope', 'status'] as const) {
    if (filter[key]) {
      params.push(filter[key]);
      where.push(`p.${key} = $${params.length}`);
    }
  }
  for (const [field, operator] of [['openedFrom', '>='], ['openedTo', '<']] as const) {
    const day = filter[field];
    if (!day) continue;
    if (!DAY.test(day) || Number.isNaN(Date.parse(day))) throw new StatsRefusal(`${field} must be a day as YYYY-MM-DD.`, field);
    params.push(day);
    const bound = `($${params.length}::date${operator === '<' ? ' + 1' : ''})::timestamp AT TIME ZONE 'Asia/Shanghai'`;
    where.push(`p.opened_at ${operator} ${bound}`);
  }
  return where;
}

/** A dimension's column, what it shows (`sql`) and, when cheaper, what rows are grouped by (`key`). */
interface Group {
  column: string;
  sql: string;
  key?: string;
}

function groupOf(dimension: StatsDimension): Group {
  // Grouped by the bigint and shown as text: grouping and sorting the units by the text took a
  // fifth of a city's statistics by school.
  if (dimension === StatsDimension.SCHOOL) return { column: 'schoolId', sql: 'u.school_id::text', key: 'u.school_id' };
  if (dimension === StatsDimension.REGION) return { column: 'regionCode', sql: 'u.region_code' };
  return DIMENSION_SQL[dimension];
}

/** The statistics query: the units counted (problems by their key, or problem per school or region from the members), then the figures per group. */
function statsSql(q: { units: string | null; problemWhere: string[]; groups: Group[]; deadline: string }): string {
  const select = ALL_COLUMNS.map((column) => {
    const group = q.groups.find((g) => g.column === column);
    return `${group ? group.sql : 'NULL::text'} AS "${column}"`;
  });
  const days = (end: string) => `extract(epoch FROM ${end} - p.opened_at) / 86400`;
  const groupBy = q.groups.map((g) => g.key ?? g.sql).join(', ');
  const orderBy = q.groups.map((g) => g.sql).join(', ');
  return `${q.units ? `WITH u AS (${q.units})` : ''}
       SELECT ${select.join(', ')},
              count(*)::int AS count,
              count(*) FILTER (WHERE p.status = 'OPEN')::int AS open,
              count(*) FILTER (WHERE p.status = 'PENDING_REVIEW')::int AS "pendingReview",
              count(*) FILTER (WHERE p.status = 'ESCALATED')::int AS escalated,
              count(*) FILTER (WHERE p.status = 'RESOLVED')::int AS resolved,
              count(*) FILTER (WHERE p.status <> 'RESOLVED')::int AS unresolved,
              count(*) FILTER (WHERE p.status <> 'RESOLVED' AND p.opened_at < app_now() - make_interval(days => ${q.deadline}::int))::int AS overdue,
              count(*) FILTER (WHERE p.status <> 'RESOLVED' AND p.urgency = 1)::int AS graduating,
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days('p.resolved_at')}) FILTER (WHERE p.status = 'RESOLVED'))::numeric, 1)::float8 AS "medianDaysToResolve",
              round((percentile_cont(0.9) WITHIN GROUP (ORDER BY ${days('p.resolved_at')}) FILTER (WHERE p.status = 'RESOLVED'))::numeric, 1)::float8 AS "p90DaysToResolve",
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days('app_now()')}) FILTER (WHERE p.status <> 'RESOLVED'))::numeric, 1)::float8 AS "medianOpenAgeDays"
       FROM ${q.units ? 'u JOIN problems p ON p.id = u.problem_id' : 'problems p'}
       ${q.problemWhere.length ? `WHERE ${q.problemWhere.join(' AND ')}` : ''}
       ${q.groups.length ? `GROUP BY ${groupBy} ORDER BY ${orderBy}` : ''}`;
}
