import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { forbidden, notFound } from '../../core/errors.js';
import { Connection, pageSize } from '../../core/graphql/connection.js';
import { requireCaller, requireScope, type Context } from '../../core/graphql/context.js';
import { ProblemEvent, ProblemMember } from './problem-member.type.js';
import { Problem, ProblemScope, ProblemStatus, ProblemType } from './problem.entity.js';
import { SchoolRef, StudentRef } from './references.js';

@ObjectType('ProblemConnection')
class ProblemConnection extends Connection(Problem) {}

@InputType('ProblemFilter')
class ProblemFilterInput {
  @Field(() => ProblemType, { nullable: true })
  type?: ProblemType | null;

  @Field(() => ProblemScope, { nullable: true })
  scope?: ProblemScope | null;

  @Field(() => ProblemStatus, { nullable: true })
  status?: ProblemStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only problems with a record of this school.' })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only problems with a record of a school in this region subtree.' })
  regionId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only problems waiting for you: to act, to answer a proposal, or to review.' })
  waitingForMe?: boolean | null;
}

@ArgsType()
class ProblemsArgs {
  @Field(() => ProblemFilterInput, { nullable: true })
  filter?: ProblemFilterInput | null;

  @Field(() => Int, { nullable: true, defaultValue: 50 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@Resolver(() => Problem)
export class ProblemResolver {
  @Query(() => ProblemConnection, { description: 'Problems that involve a school in your scope.' })
  problems(@Args(() => ProblemsArgs) args: ProblemsArgs, @Ctx() ctx: Context) {
    const caller = requireCaller(ctx);
    const { regionId, waitingForMe, ...filter } = args.filter ?? {};
    return ctx.app.services.problems.list(
      requireScope(ctx),
      { ...filter, regionCode: regionId, waitingFor: waitingForMe ? caller : null },
      pageSize(args.first),
      args.after ?? null,
    );
  }

  @Query(() => Problem)
  async problem(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Problem> {
    const { problem, visible } = await ctx.app.services.problems.visibleById(requireScope(ctx), id);
    if (!problem) throw notFound('Problem');
    if (!visible) throw forbidden('This problem does not involve a school in your scope.');
    return problem;
  }

  @FieldResolver(() => [ProblemEvent], { description: 'Every action, transition and detection change, oldest first.' })
  history(@Root() problem: Problem, @Ctx() ctx: Context): Promise<ProblemEvent[]> {
    return ctx.loaders.problemHistory.load(problem.id);
  }

  @FieldResolver(() => [ProblemMember], { description: 'The records in the group now (records that left are in the history).' })
  members(@Root() problem: Problem, @Ctx() ctx: Context): Promise<ProblemMember[]> {
    return ctx.loaders.problemMembers.load(problem.id);
  }
}

@Resolver(() => StudentRef)
export class StudentProblemsResolver {
  @FieldResolver(() => [Problem], { description: 'Problems this record belongs to now.' })
  problems(@Root() student: StudentRef, @Ctx() ctx: Context): Promise<Problem[]> {
    requireCaller(ctx);
    return ctx.loaders.problemsOfStudent.load(student.id);
  }
}

@Resolver(() => SchoolRef)
export class SchoolProblemsResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'Unresolved problems with a record of this school; null outside your scope.' })
  openProblemCount(@Root() school: SchoolRef, @Ctx() ctx: Context): Promise<number | null> {
    requireCaller(ctx);
    return ctx.loaders.openProblemCount.load(school.id);
  }
}
