import { Arg, ArgsType, Args, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../core/errors.js';
import { Connection, PageArgs, pageRequest } from '../../core/graphql/connection.js';
import { requireScope, type Context } from '../../core/graphql/context.js';
import { Region } from '../region/region.entity.js';
import { School } from './school.entity.js';

@ObjectType('SchoolConnection', { description: 'A page of the school list (Relay cursor connection).' })
class SchoolConnection extends Connection(School, 'School') {}

@ArgsType()
class SchoolsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only schools in this region subtree.' })
  regionCode?: string | null;
}

@Resolver(() => School)
export class SchoolResolver {
  @Query(() => SchoolConnection, { description: 'Schools in your scope, ordered by school code.' })
  schools(@Args(() => SchoolsArgs) args: SchoolsArgs, @Ctx() ctx: Context) {
    const scope = requireScope(ctx);
    return ctx.app.services.schools.list(scope, { regionCode: args.regionCode }, pageRequest(args));
  }

  @Query(() => School, { description: 'One school by id, when it is in your scope.' })
  async school(@Arg('id', () => ID, { description: 'The school.' }) id: string, @Ctx() ctx: Context): Promise<School> {
    const scope = requireScope(ctx);
    const school = await ctx.loaders.school.load(id);
    // Outside the scope answers like missing (NOT_FOUND, same message): ids cannot be probed.
    if (!school || school.deletedAt || !ctx.app.services.schools.covers(scope, school)) throw notFound('School');
    return school;
  }

  // @shareable: the problems subgraph also answers it, for a problem's members (ProblemMember.school @provides).
  @Directive('@shareable')
  @FieldResolver(() => Region, { description: 'The district the school belongs to.' })
  async region(@Root() school: School, @Ctx() ctx: Context): Promise<Region> {
    const region = await ctx.loaders.region.load(school.regionCode);
    if (!region) throw new Error(`school ${school.id} refers to missing region ${school.regionCode}`);
    return region;
  }
}
