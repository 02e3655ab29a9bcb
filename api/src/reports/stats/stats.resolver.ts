import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { badInput } from '../../core/errors.js';
import { requireScope, type Context } from '../../core/graphql/context.js';
import { StatsRefusal } from './stats.service.js';
import { ProblemStatsFilter, ProblemStatsRow, StatsDimension } from './stats.types.js';

@Resolver()
export class StatsResolver {
  @Query(() => [ProblemStatsRow], {
    description: 'Problem statistics within your scope, grouped by the dimensions given (none: one row of totals). Select the measures you need.',
  })
  async problemStats(
    @Arg('groupBy', () => [StatsDimension], { defaultValue: [] }) groupBy: StatsDimension[],
    @Arg('filter', () => ProblemStatsFilter, { nullable: true }) filter: ProblemStatsFilter | null,
    @Ctx() ctx: Context,
  ): Promise<ProblemStatsRow[]> {
    try {
      return await ctx.app.services.stats.problemStats(requireScope(ctx), groupBy, filter ?? {});
    } catch (error) {
      if (error instanceof StatsRefusal) throw badInput(error.message, error.field);
      throw error;
    }
  }
}
