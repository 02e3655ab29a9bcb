import type { DataSource } from 'typeorm';
import { regionPrefix, scopeSql, type Scope } from '../../core/auth/caller.js';
import type { ProblemStatsRow } from './stats.types.js';
import { StatsDimension } from './stats.types.js';

const COLUMN: Record<StatsDimension, 'type' | 'scope' | 'status'> = {
  [StatsDimension.TYPE]: 'type',
  [StatsDimension.SCOPE]: 'scope',
  [StatsDimension.STATUS]: 'status',
};

export class StatsService {
  constructor(private readonly db: DataSource) {}

  /** Counts of the problems the caller may see, grouped by the chosen dimensions. */
  async problemStats(scope: Scope, groupBy: StatsDimension[], filter: { regionCode?: string | null }): Promise<ProblemStatsRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (scope.kind !== 'all') {
      where.push(`EXISTS (SELECT 1 FROM problem_members vm JOIN schools vs ON vs.id = vm.school_id
                         WHERE vm.problem_id = p.id AND ${scopeSql(scope, { schoolId: 'vm.school_id', regionCode: 'vs.region_code' }, params)})`);
    }
    if (filter.regionCode) {
      params.push(`${regionPrefix(filter.regionCode)}%`);
      where.push(`EXISTS (SELECT 1 FROM problem_members fm JOIN schools fs ON fs.id = fm.school_id
                         WHERE fm.problem_id = p.id AND fs.region_code LIKE $${params.length})`);
    }
    const columns = [...new Set(groupBy)].map((d) => COLUMN[d]);
    const select = (['type', 'scope', 'status'] as const).map((c) => (columns.includes(c) ? `p.${c}` : `NULL::text AS ${c}`));
    const rows = (await this.db.query(
      `SELECT ${select.join(', ')}, count(*)::int AS count,
              count(*) FILTER (WHERE p.status <> 'RESOLVED')::int AS open,
              count(*) FILTER (WHERE p.status = 'RESOLVED')::int AS resolved
       FROM problems p
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ${columns.length ? `GROUP BY ${columns.map((c) => `p.${c}`).join(', ')} ORDER BY ${columns.map((c) => `p.${c}`).join(', ')}` : ''}`,
      params,
    )) as ProblemStatsRow[];
    return rows;
  }
}
