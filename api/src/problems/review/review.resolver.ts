import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import { authorize } from '../../core/auth/permissions.js';
import type { Context } from '../../core/graphql/context.js';
import { DeleteReasonKind } from '../action/action.resolver.js';
import { ProblemStatus } from '../problem/problem.entity.js';

enum ReviewDecisionKind {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}
registerEnumType(ReviewDecisionKind, { name: 'ReviewDecision' });


@InputType('ReviewInput')
class ReviewInputType {
  @Field(() => ID) problemId: string;
  @Field(() => Int) version: number;
  @Field(() => ReviewDecisionKind) decision: ReviewDecisionKind;
  @Field(() => String, { nullable: true, description: 'Required to reject: what the schools must do.' }) reason?: string | null;
}

@ObjectType('ReviewError')
class ReviewErrorType {
  @Field(() => String, { description: 'STALE_VERSION, NOT_PENDING_REVIEW or REASON_REQUIRED.' }) code: string;
  @Field(() => String) message: string;
  @Field(() => String, { nullable: true }) field?: string | null;
}

@ObjectType('ReviewPayload')
class ReviewPayload {
  @Field(() => Boolean) ok: boolean;
  @Field(() => ReviewErrorType, { nullable: true }) error: ReviewErrorType | null;
  @Field(() => ProblemStatus, { nullable: true }) problemStatus: ProblemStatus | null;
  @Field(() => Int, { nullable: true }) version: number | null;
}

@ObjectType('RestorePayload')
class RestorePayload {
  @Field(() => Boolean) ok: boolean;
  @Field(() => ReviewErrorType, { nullable: true, description: 'NOT_DELETED or REASON_REQUIRED.' }) error: ReviewErrorType | null;
}

@InputType('DeletionInput')
class DeletionInput {
  @Field(() => ID) studentId: string;
  @Field(() => DeleteReasonKind) reason: DeleteReasonKind;
}

@InputType('DecisionInput', { description: 'Arbitration: every current record of the problem, to keep or to delete.' })
class DecisionInputType {
  @Field(() => ID) problemId: string;
  @Field(() => Int) version: number;
  @Field(() => [ID]) keepStudentIds: string[];
  @Field(() => [DeletionInput]) deletions: DeletionInput[];
  @Field(() => String, { nullable: true }) note?: string | null;
}

/** Errors-as-data to the payload (access failures are thrown by the service, with their code). */
async function reviewPayload(
  run: () => Promise<{ ok: true; problemStatus: string; version: number } | { ok: false; error: { code: string; message: string; field?: string } }>,
): Promise<ReviewPayload> {
  const outcome = await run();
  return outcome.ok
    ? { ok: true, error: null, problemStatus: outcome.problemStatus as ProblemStatus, version: outcome.version }
    : { ok: false, error: outcome.error, problemStatus: null, version: null };
}

@Resolver()
export class ReviewResolver {
  @Mutation(() => ReviewPayload, { description: 'Decide an escalated problem: the system deletes and keeps records as decided and resolves it.' })
  async decideProblem(@Arg('input', () => DecisionInputType) input: DecisionInputType, @Ctx() ctx: Context): Promise<ReviewPayload> {
    const caller = authorize(ctx.caller, 'problem.review');
    return reviewPayload(() => ctx.app.services.reviews.decide(caller, input));
  }

  @Mutation(() => RestorePayload, { description: 'Restore a deleted record (district staff over its school), with a reason.' })
  async restoreStudent(
    @Arg('studentId', () => ID) studentId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<RestorePayload> {
    const caller = authorize(ctx.caller, 'student.restore');
    const outcome = await ctx.app.services.restores.restore(caller, studentId, reason);
    return outcome.ok ? { ok: true, error: null } : { ok: false, error: outcome.error };
  }

  @Mutation(() => ReviewPayload, { description: 'Approve a settled problem (RESOLVED) or send it back to the schools with a reason (OPEN).' })
  async reviewProblem(@Arg('input', () => ReviewInputType) input: ReviewInputType, @Ctx() ctx: Context): Promise<ReviewPayload> {
    const caller = authorize(ctx.caller, 'problem.review');
    return reviewPayload(() => ctx.app.services.reviews.review(caller, input));
  }
}
