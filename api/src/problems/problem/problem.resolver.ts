import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, InputType, Int, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { can } from '../../core/auth/permissions.js';
import { notFound } from '../../core/errors.js';
import { Connection, PageArgs, pageRequest } from '../../core/graphql/connection.js';
import { requireCaller, requireScope, type Context } from '../../core/graphql/context.js';
import { selects } from '../../core/graphql/lookahead.js';
import { commonRegionPrefix } from '../review/review.service.js';
import { ProblemAbilities, ProblemEvent, ProblemMember, RecordActionKind } from './problem-member.type.js';
import { PROBLEM_ORDERS, type ProblemOrder } from './problem.service.js';
import { Problem, ProblemScope, ProblemStatus, ProblemType } from './problem.entity.js';
import { SchoolRef, StudentRef } from './references.js';

const ProblemOrderEnum = Object.fromEntries(Object.keys(PROBLEM_ORDERS).map((key) => [key, key])) as { [K in ProblemOrder]: K };
registerEnumType(ProblemOrderEnum, {
  name: 'ProblemOrder',
  description: 'The order of the problem list.',
  valuesConfig: {
    OPENED_DESC: { description: 'Newest first.' },
    OPENED_ASC: { description: 'Oldest first: closest to its deadline.' },
    UPDATED_DESC: { description: 'Last acted on first.' },
  },
});

@ObjectType('ProblemConnection', { description: 'A page of the problem list (Relay cursor connection).' })
class ProblemConnection extends Connection(Problem, 'Problem') {}

@InputType('ProblemFilter', { description: 'Narrows the problem list; all conditions must hold.' })
class ProblemFilterInput {
  @Field(() => ProblemType, { nullable: true, description: 'Only problems of this type.' })
  type?: ProblemType | null;

  @Field(() => ProblemScope, { nullable: true, description: 'Only within-school or only cross-school problems.' })
  scope?: ProblemScope | null;

  @Field(() => ProblemStatus, { nullable: true, description: 'Only problems in this status.' })
  status?: ProblemStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only problems with a record of this school.' })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only problems with a record of a school in this region subtree.' })
  regionId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only problems waiting for you: to act, to answer a proposal, or to review.' })
  waitingForMe?: boolean | null;
}

@ArgsType()
class ProblemsArgs extends PageArgs {
  @Field(() => ProblemFilterInput, { nullable: true, description: 'Which problems to list; all in your scope when left out.' })
  filter?: ProblemFilterInput | null;

  @Field(() => ProblemOrderEnum, { nullable: true, defaultValue: 'OPENED_DESC', description: 'The order of the list.' })
  orderBy?: ProblemOrder | null;
}

/** Whole days from `now` (China time) to the next `MM-DD`: 0 on the day itself. */
export function daysUntil(monthDay: string, now: Date): number {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const year = Number(today.slice(0, 4));
  const day = (y: number) => Date.parse(`${y}-${monthDay}T00:00:00Z`);
  const start = Date.parse(`${today}T00:00:00Z`);
  const next = day(year) >= start ? day(year) : day(year + 1);
  return Math.round((next - start) / 86_400_000);
}

@Resolver(() => Problem)
export class ProblemResolver {
  @Query(() => ProblemConnection, { description: 'Problems that involve a school in your scope.' })
  async problems(@Args(() => ProblemsArgs) args: ProblemsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const caller = requireCaller(ctx);
    const { regionId, waitingForMe, ...filter } = args.filter ?? {};
    const listed = [
      requireScope(ctx),
      { ...filter, regionCode: regionId, waitingFor: waitingForMe ? caller : null },
      pageRequest(args),
      args.orderBy ?? 'OPENED_DESC',
    ] as const;
    const showsMembers = [['nodes'], ['edges', 'node']].some((path) => ['members', 'formerMembers'].some((field) => selects(info, [...path, field])));
    if (!showsMembers) return ctx.app.services.problems.list(...listed);
    const { page, members } = await ctx.app.services.problems.listWithMembers(...listed);
    for (const [id, sets] of members) ctx.loaders.problemMembers.prime(id, sets);
    return page;
  }

  @Query(() => Problem, { description: 'One problem by id, when it involves a school in your scope.' })
  async problem(@Arg('id', () => ID, { description: 'The problem.' }) id: string, @Ctx() ctx: Context): Promise<Problem> {
    const { problem, visible } = await ctx.app.services.problems.visibleById(requireScope(ctx), id);
    // Outside the scope answers like missing (NOT_FOUND, same message): ids cannot be probed.
    if (!problem || !visible) throw notFound('Problem');
    return problem;
  }

  @FieldResolver(() => Date, { description: 'When an open problem is escalated to the district if the schools have not settled it.' })
  deadlineAt(@Root() problem: Problem, @Ctx() ctx: Context): Date {
    return deadlineOf(problem, ctx.app.config.PROBLEM_DEADLINE_DAYS);
  }

  @FieldResolver(() => Boolean, { description: 'Not resolved and past its deadline.' })
  overdue(@Root() problem: Problem, @Ctx() ctx: Context): boolean {
    return problem.status !== ProblemStatus.RESOLVED && deadlineOf(problem, ctx.app.config.PROBLEM_DEADLINE_DAYS).getTime() < Date.now();
  }

  @FieldResolver(() => ProblemAbilities, { description: 'What you may do on this problem now.' })
  async viewerCan(@Root() problem: Problem, @Ctx() ctx: Context): Promise<ProblemAbilities> {
    const caller = requireCaller(ctx);
    const { schoolIds, regionCodes } = await ctx.loaders.problemParticipants.load(problem.id);
    const ownSchool = can(caller, 'problem.negotiate', { schoolIds });
    const negotiate = ownSchool && problem.scope === ProblemScope.CROSS_SCHOOL && problem.status === ProblemStatus.OPEN;
    const reviewer = ctx.app.services.reviews.canReview(caller, commonRegionPrefix(regionCodes));
    const transfers = negotiate ? await ctx.loaders.problemTransfers.load(problem.id) : [];
    // A refused transfer is a disagreement, as a rejected proposal is (NegotiationService.escalate).
    const disagreed = transfers.some((t) => t.status === 'REJECTED') || (negotiate && (await ctx.loaders.problemMessages.load(problem.id)).some((m) => m.proposalStatus === 'REJECTED'));
    return {
      negotiate,
      escalate: negotiate && disagreed,
      review: reviewer && problem.status === ProblemStatus.PENDING_REVIEW,
      decide: reviewer && problem.status === ProblemStatus.ESCALATED,
      requestTransfer:
        negotiate && can(caller, 'transfer.request', { schoolIds }) && problem.type === ProblemType.DUPLICATE_ID && !transfers.some((t) => t.status === 'REQUESTED' || t.status === 'CONFIRMED'),
      reopen: reviewer && problem.status === ProblemStatus.RESOLVED,
    };
  }

  @FieldResolver(() => Boolean, { description: 'Unresolved, with a pupil of a graduating grade (六年级, 九年级, … by kind of school): listed first.' })
  graduating(@Root() problem: Problem): boolean {
    return problem.urgency === 1 && problem.status !== ProblemStatus.RESOLVED;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'For a graduating problem: days until the next graduation day (GRADUATION_DATE, China time); null otherwise.' })
  daysToGraduation(@Root() problem: Problem, @Ctx() ctx: Context): number | null {
    return this.graduating(problem) ? daysUntil(ctx.app.config.GRADUATION_DATE, new Date()) : null;
  }

  @FieldResolver(() => [ProblemEvent], { description: 'Every action, transition and detection change, oldest first.' })
  history(@Root() problem: Problem, @Ctx() ctx: Context): Promise<ProblemEvent[]> {
    return ctx.loaders.problemHistory.load(problem.id);
  }

  @FieldResolver(() => [ProblemMember], { description: 'The records in the group now (records that left are in formerMembers).' })
  async members(@Root() problem: Problem, @Ctx() ctx: Context): Promise<ProblemMember[]> {
    return (await ctx.loaders.problemMembers.load(problem.id)).current;
  }

  @FieldResolver(() => [ProblemMember], {
    description: 'Records that were in the group and left it (deleted, or changed so they no longer collide), with leftAt; shown by the same rules as members.',
  })
  async formerMembers(@Root() problem: Problem, @Ctx() ctx: Context): Promise<ProblemMember[]> {
    return (await ctx.loaders.problemMembers.load(problem.id)).former;
  }
}

@Resolver(() => ProblemMember)
export class ProblemMemberResolver {
  @FieldResolver(() => [RecordActionKind], { description: 'What you may do to this record now: only its own school, only while the problem is open and the record still in it.' })
  allowedActions(@Root() member: ProblemMember, @Ctx() ctx: Context): RecordActionKind[] {
    const caller = requireCaller(ctx);
    if (!can(caller, 'record.act', { schoolId: member.school.id }) || member.problemStatus !== ProblemStatus.OPEN || member.leftAt !== null) return [];
    return [RecordActionKind.CHANGE, RecordActionKind.CORROBORATE, RecordActionKind.DELETE];
  }
}

function deadlineOf(problem: Problem, days: number): Date {
  return new Date(problem.openedAt.getTime() + days * 86_400_000);
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
