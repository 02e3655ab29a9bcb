import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { scopeOf } from '../../core/auth/caller.js';
import { authorize } from '../../core/auth/permissions.js';
import { badInput } from '../../core/errors.js';
import { requireScope, type Context } from '../../core/graphql/context.js';
import { StatsRefusal } from './stats.service.js';
import { ProblemStatsFilter, ProblemStatsRow, StatsDimension } from './stats.types.js';
import { UNUSUAL_IMPORT_DAYS, UNUSUAL_IMPORT_LIMIT, UnusualImportRow } from './unusual-imports.js';

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

  @Query(() => [UnusualImportRow], {
    description: `Imports of the last ${UNUSUAL_IMPORT_DAYS} days in your region whose rows matched pupils of other schools at least as often as the hold rule allows, or that were held; newest first, at most ${UNUSUAL_IMPORT_LIMIT}. For district, city and province staff.`,
  })
  unusualImports(@Ctx() ctx: Context): Promise<UnusualImportRow[]> {
    const caller = authorize(ctx.caller, 'import.monitor');
    return ctx.app.services.unusualImports.list(scopeOf(caller));
  }
}
