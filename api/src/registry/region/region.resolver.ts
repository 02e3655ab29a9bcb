import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requireCaller, type Context } from '../../core/graphql/context.js';
import { Region } from './region.entity.js';

/** Regions are public reference data (GB/T 2260); any signed-in user may browse them. */
@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: 'Provinces, or the children of `parentCode`.' })
  regions(@Arg('parentCode', () => ID, { nullable: true, description: 'Code of the region whose children to list; leave out for the provinces.' }) parentCode: string | null, @Ctx() ctx: Context): Promise<Region[]> {
    requireCaller(ctx);
    return ctx.app.services.regions.children(parentCode);
  }

  @Query(() => Region, { nullable: true, description: 'One region by its six-digit code, or null if there is none.' })
  region(@Arg('code', () => ID, { description: 'Six-digit GB/T 2260 code.' }) code: string, @Ctx() ctx: Context): Promise<Region | null> {
    requireCaller(ctx);
    return ctx.loaders.region.load(code);
  }

  // @shareable: the problems subgraph also answers it, for a problem's members (ProblemMember.school @provides).
  @Directive('@shareable')
  @FieldResolver(() => Region, { nullable: true, description: 'The region one level up: the city of a district, the province of a city; null for a province.' })
  parent(@Root() region: Region, @Ctx() ctx: Context): Promise<Region | null> | null {
    return region.parentCode ? ctx.loaders.region.load(region.parentCode) : null;
  }
}
