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
    @Arg('groupBy', () => [StatsDimension], { defaultValue: [], description: 'The dimensions to group by, in column order; none for one row of totals.' }) groupBy: StatsDimension[],
    @Arg('filter', () => ProblemStatsFilter, { nullable: true, description: 'Which problems to count; all in your scope when left out.' }) filter: ProblemStatsFilter | null,
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
