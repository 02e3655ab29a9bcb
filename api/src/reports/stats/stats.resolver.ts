import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { requireScope, type Context } from '../../core/graphql/context.js';
import { ProblemStatsFilter, ProblemStatsRow, StatsDimension } from './stats.types.js';

@Resolver()
export class StatsResolver {
  @Query(() => [ProblemStatsRow], { description: 'Problem counts within your scope, grouped by the dimensions given.' })
  problemStats(
    @Arg('groupBy', () => [StatsDimension], { defaultValue: [StatsDimension.TYPE] }) groupBy: StatsDimension[],
    @Arg('filter', () => ProblemStatsFilter, { nullable: true }) filter: ProblemStatsFilter | null,
    @Ctx() ctx: Context,
  ): Promise<ProblemStatsRow[]> {
    return ctx.app.services.stats.problemStats(requireScope(ctx), groupBy, filter ?? {});
  }
}
