import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { regionPrefix, scopeSql, type Scope } from '../../core/auth/caller.js';
import { requireScope, type Context } from '../../core/graphql/context.js';
import { RegionRef } from '../references.js';

@ObjectType('TransferMonthRow', { description: 'Transfers of one month (China time).' })
export class TransferMonthRow {
  @Field(() => String, { description: 'YYYY-MM.' }) month: string;
  @Field(() => Int, { description: 'Requested that month.' }) requested: number;
  @Field(() => Int, { description: 'Completed that month.' }) completed: number;
}

@ObjectType('TransferRegionPairRow', { description: 'Completed transfers from one district to another (the same district twice: a move within it).' })
export class TransferRegionPairRow {
  @Field(() => String, { description: 'The district the pupils left (six-digit code).' }) fromRegionCode: string;
  @Field(() => String, { description: 'The district the pupils came to.' }) toRegionCode: string;
  @Field(() => RegionRef, { description: 'The district the pupils left.' }) fromRegion: RegionRef;
  @Field(() => RegionRef, { description: 'The district the pupils came to.' }) toRegion: RegionRef;
  @Field(() => Int, { description: 'Completed transfers.' }) completed: number;
  @Field(() => Float, { nullable: true, description: 'Median days from request to completion.' }) medianDays: number | null;
}

@ObjectType('TransferStatsSummary', { description: 'Transfers into or out of the schools of a region (or of your school), by how they stand.' })
export class TransferStats {
  @Field(() => Int, { description: 'All requests.' }) requested: number;
  @Field(() => Int, { description: 'Waiting for the old school or the districts.' }) open: number;
  @Field(() => Int, { description: 'Waiting for the old school past its deadline: the district decides.' }) overdue: number;
  @Field(() => Int, { description: 'Completed: the record moved.' }) completed: number;
  @Field(() => Int, { description: 'Refused by the old school or a district.' }) rejected: number;
  @Field(() => Int, { description: 'Withdrawn by the new school.' }) withdrawn: number;
  @Field(() => Float, { nullable: true, description: 'Median days from request to completion; null before the first completion.' }) medianDaysToComplete: number | null;
  @Field(() => [TransferMonthRow], { description: 'By month, oldest first.' }) byMonth: TransferMonthRow[];
  @Field(() => [TransferRegionPairRow], { description: 'Completed transfers by district pair, most first.' }) byRegionPair: TransferRegionPairRow[];
}

const DAYS = `extract(epoch FROM t.completed_at - t.requested_at) / 86400`;
const MEDIAN_DAYS = `round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DAYS}) FILTER (WHERE t.status = 'COMPLETED'))::numeric, 1)::float8`;

/** Statistics of transfers (学籍转接), counted over transfers with either school in the scope and region asked about. */
export class TransferStatsService {
  constructor(private readonly db: DataSource) {}

  async stats(scope: Scope, regionCode: string | null): Promise<TransferStats> {
    const params: unknown[] = [];
    const either = (columns: (side: 'fs' | 'ts') => string) => `(${columns('fs')} OR ${columns('ts')})`;
    const where = [either((s) => scopeSql(scope, { schoolId: `${s}.id`, regionCode: `${s}.region_code` }, params))];
    if (regionCode) where.push(either((s) => `${s}.region_code LIKE $${params.push(`${regionPrefix(regionCode)}%`)}`));
    const from = `FROM transfers t JOIN schools fs ON fs.id = t.from_school_id JOIN schools ts ON ts.id = t.to_school_id WHERE ${where.join(' AND ')}`;
    const [totals] = (await this.db.query(
      `SELECT count(*)::int AS requested, count(*) FILTER (WHERE t.status IN ('REQUESTED', 'CONFIRMED'))::int AS open,
              count(*) FILTER (WHERE t.status = 'REQUESTED' AND t.due_at <= app_now())::int AS overdue,
              count(*) FILTER (WHERE t.status = 'COMPLETED')::int AS completed, count(*) FILTER (WHERE t.status = 'REJECTED')::int AS rejected,
              count(*) FILTER (WHERE t.status = 'WITHDRAWN')::int AS withdrawn, ${MEDIAN_DAYS} AS "medianDaysToComplete"
       ${from}`,
      params,
    )) as Omit<TransferStats, 'byMonth' | 'byRegionPair'>[];
    const byMonth = (await this.db.query(
      `SELECT month, count(*) FILTER (WHERE kind = 'requested')::int AS requested, count(*) FILTER (WHERE kind = 'completed')::int AS completed
       FROM (SELECT 'requested' AS kind, to_char(t.requested_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month ${from}
             UNION ALL SELECT 'completed', to_char(t.completed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') ${from} AND t.status = 'COMPLETED') m
       GROUP BY month ORDER BY month`,
      params,
    )) as TransferMonthRow[];
    const pairs = (await this.db.query(
      `SELECT fs.region_code AS "fromRegionCode", ts.region_code AS "toRegionCode", count(*)::int AS completed, ${MEDIAN_DAYS} AS "medianDays"
       ${from} AND t.status = 'COMPLETED' GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
      params,
    )) as Omit<TransferRegionPairRow, 'fromRegion' | 'toRegion'>[];
    const byRegionPair = pairs.map((p) => ({ ...p, fromRegion: { code: p.fromRegionCode }, toRegion: { code: p.toRegionCode } }));
    return { ...totals!, byMonth, byRegionPair };
  }
}

@Resolver()
export class TransferStatsResolver {
  @Query(() => TransferStats, { description: 'Transfer statistics within your scope: totals, by month, by district pair, median days to complete.' })
  transferStats(
    @Arg('regionCode', () => String, { nullable: true, description: 'Only transfers into or out of this region subtree (GB/T 2260 code).' }) regionCode: string | null,
    @Ctx() ctx: Context,
  ): Promise<TransferStats> {
    return ctx.app.services.transferStats.stats(requireScope(ctx), regionCode ?? null);
  }
}
