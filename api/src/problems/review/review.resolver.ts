import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import { authorize } from '../../core/auth/permissions.js';
import { codeEnum } from '../../core/graphql/code-enum.js';
import type { Context } from '../../core/graphql/context.js';
import { DeleteReasonKind } from '../action/action.resolver.js';
import { ProblemStatus } from '../problem/problem.entity.js';
import { BULK_REVIEW_LIMIT, REVIEW_ERROR_CODES } from './review.service.js';

enum ReviewDecisionKind {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}
registerEnumType(ReviewDecisionKind, {
  name: 'ReviewDecision',
  description: "The district's answer to a problem the schools have settled.",
  valuesConfig: {
    APPROVE: { description: 'Accept what the schools did: the problem is resolved.' },
    REJECT: { description: 'Send it back to the schools (OPEN) with a reason.' },
  },
});


@InputType('ReviewInput', { description: 'A review of a problem pending review.' })
class ReviewInputType {
  @Field(() => ID, { description: 'The problem.' }) problemId: string;
  @Field(() => Int, { description: 'The problem version you saw; a newer one means someone acted in between.' }) version: number;
  @Field(() => ReviewDecisionKind, { description: 'Approve or reject.' }) decision: ReviewDecisionKind;
  @Field(() => String, { nullable: true, description: 'Required to reject: what the schools must do.' }) reason?: string | null;
}

const ReviewErrorCode = codeEnum('ReviewErrorCode', 'Why a review, decision or restore was not taken: what a client translates.', REVIEW_ERROR_CODES);

@ObjectType('ReviewError', { description: 'Why a review, decision or restore was not taken; nothing was changed.' })
class ReviewErrorType {
  @Field(() => ReviewErrorCode, { description: 'Why, as a stable code.' })
  code: keyof typeof REVIEW_ERROR_CODES;
  @Field(() => String, { description: 'What went wrong, for people.' }) message: string;
  @Field(() => String, { nullable: true, description: 'The input field to correct, when one is at fault.' }) field?: string | null;
}

@ObjectType('ReviewPayload', { description: 'The result of a review or decision: the new problem status and version, or an error.' })
class ReviewPayload {
  @Field(() => Boolean, { description: 'True when the review or decision was taken.' }) ok: boolean;
  @Field(() => ReviewErrorType, { nullable: true, description: 'Why it was not taken; null on success.' }) error: ReviewErrorType | null;
  @Field(() => ProblemStatus, { nullable: true, description: 'The problem status afterwards.' }) problemStatus: ProblemStatus | null;
  @Field(() => Int, { nullable: true, description: 'The new problem version.' }) version: number | null;
}

@InputType('BulkReviewItemInput', { description: 'One problem of a bulk review, as you saw it.' })
class BulkReviewItemInput {
  @Field(() => ID, { description: 'The problem.' }) problemId: string;
  @Field(() => Int, { description: 'The problem version you saw.' }) version: number;
}

@InputType('BulkReviewInput', { description: `The same decision on up to ${BULK_REVIEW_LIMIT} problems waiting for review, all or nothing.` })
class BulkReviewInputType {
  @Field(() => [BulkReviewItemInput], { description: 'The problems.' }) items: BulkReviewItemInput[];
  @Field(() => ReviewDecisionKind, { description: 'Approve or reject them all.' }) decision: ReviewDecisionKind;
  @Field(() => String, { nullable: true, description: 'Required to reject; kept with each.' }) reason?: string | null;
}

@ObjectType('BulkReviewPayload', { description: 'All problems reviewed, or none: which one was refused and why.' })
class BulkReviewPayload {
  @Field(() => Boolean, { description: 'True when every problem was reviewed.' }) ok: boolean;
  @Field(() => Int, { description: 'Problems reviewed (0 when refused).' }) done: number;
  @Field(() => Int, { nullable: true, description: 'The index in `items` of the problem refused; -1 when the request as a whole was.' }) failedIndex: number | null;
  @Field(() => ReviewErrorType, { nullable: true, description: 'Why; null on success.' }) error: ReviewErrorType | null;
}

@InputType('ReopenInput', { description: 'A resolved problem to reopen.' })
class ReopenInputType {
  @Field(() => ID, { description: 'The problem.' }) problemId: string;
  @Field(() => Int, { description: 'The problem version you saw.' }) version: number;
  @Field(() => String, { description: 'Why it is reopened; the schools read it.' }) reason: string;
}

@ObjectType('RestorePayload', { description: 'The result of restoring a deleted record.' })
class RestorePayload {
  @Field(() => Boolean, { description: 'True when the record was restored.' }) ok: boolean;
  @Field(() => ReviewErrorType, { nullable: true, description: 'NOT_DELETED, REASON_REQUIRED or TOO_LONG.' }) error: ReviewErrorType | null;
}

@InputType('DeletionInput', { description: 'A record to delete in a decision, and why.' })
class DeletionInput {
  @Field(() => ID, { description: 'The record to delete.' }) studentId: string;
  @Field(() => DeleteReasonKind, { description: 'Why it is deleted.' }) reason: DeleteReasonKind;
}

@InputType('DecisionInput', { description: 'Arbitration: every current record of the problem, to keep or to delete.' })
class DecisionInputType {
  @Field(() => ID, { description: 'The escalated problem.' }) problemId: string;
  @Field(() => Int, { description: 'The problem version you saw; a newer one means someone acted in between.' }) version: number;
  @Field(() => [ID], { description: 'Records to keep.' }) keepStudentIds: string[];
  @Field(() => [DeletionInput], { description: 'Records to delete, each with its reason.' }) deletions: DeletionInput[];
  @Field(() => String, { nullable: true, description: 'The reasoning, kept in the problem history.' }) note?: string | null;
}

/** Errors-as-data to the payload (access failures are thrown by the service, with their code). */
async function reviewPayload(
  run: () => Promise<{ ok: true; problemStatus: string; version: number } | { ok: false; error: { code: keyof typeof REVIEW_ERROR_CODES; message: string; field?: string } }>,
): Promise<ReviewPayload> {
  const outcome = await run();
  return outcome.ok
    ? { ok: true, error: null, problemStatus: outcome.problemStatus as ProblemStatus, version: outcome.version }
    : { ok: false, error: outcome.error, problemStatus: null, version: null };
}

@Resolver()
export class ReviewResolver {
  @Mutation(() => ReviewPayload, { description: 'Decide an escalated problem: the system deletes and keeps records as decided and resolves it.' })
  async decideProblem(@Arg('input', () => DecisionInputType, { description: 'The problem and what happens to each of its records.' }) input: DecisionInputType, @Ctx() ctx: Context): Promise<ReviewPayload> {
    const caller = authorize(ctx.caller, 'problem.review');
    return reviewPayload(() => ctx.app.services.reviews.decide(caller, input));
  }

  @Mutation(() => RestorePayload, { description: 'Restore a deleted record (district staff over its school), with a reason.' })
  async restoreStudent(
    @Arg('studentId', () => ID, { description: 'The deleted record.' }) studentId: string,
    @Arg('reason', () => String, { description: 'Why it is restored; kept in its history.' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<RestorePayload> {
    const caller = authorize(ctx.caller, 'student.restore');
    const outcome = await ctx.app.services.restores.restore(caller, studentId, reason);
    return outcome.ok ? { ok: true, error: null } : { ok: false, error: outcome.error };
  }

  @Mutation(() => ReviewPayload, { description: 'Approve a settled problem (RESOLVED) or send it back to the schools with a reason (OPEN).' })
  async reviewProblem(@Arg('input', () => ReviewInputType, { description: 'The problem and your decision.' }) input: ReviewInputType, @Ctx() ctx: Context): Promise<ReviewPayload> {
    const caller = authorize(ctx.caller, 'problem.review');
    return reviewPayload(() => ctx.app.services.reviews.review(caller, input));
  }

  @Mutation(() => ReviewPayload, { description: 'Reopen a resolved problem for the schools to act again, with a reason; a "different pupils" decision it carried is revoked and its records compared again.' })
  async reopenProblem(@Arg('input', () => ReopenInputType, { description: 'The problem and why.' }) input: ReopenInputType, @Ctx() ctx: Context): Promise<ReviewPayload> {
    const caller = authorize(ctx.caller, 'problem.review');
    return reviewPayload(() => ctx.app.services.reviews.reopen(caller, input));
  }

  @Mutation(() => BulkReviewPayload, { description: 'Approve (or reject, with one reason) several problems of the review queue at once, all or nothing; each is recorded exactly as a single review.' })
  async bulkReviewProblems(@Arg('input', () => BulkReviewInputType, { description: 'The problems and the decision.' }) input: BulkReviewInputType, @Ctx() ctx: Context): Promise<BulkReviewPayload> {
    const caller = authorize(ctx.caller, 'problem.review');
    const outcome = await ctx.app.services.reviews.reviewMany(caller, input);
    return outcome.ok ? { ok: true, done: outcome.done, failedIndex: null, error: null } : { ok: false, done: 0, failedIndex: outcome.failedIndex, error: outcome.error };
  }
}
