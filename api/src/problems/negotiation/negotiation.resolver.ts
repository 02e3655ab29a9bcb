import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { authorize } from '../../core/auth/permissions.js';
import type { Context } from '../../core/graphql/context.js';
import { Problem } from '../problem/problem.entity.js';
import { SchoolRef } from '../problem/references.js';
import { type NegotiationOutcome, type ProblemMessage } from './negotiation.service.js';

enum ProposalKindEnum {
  KEEP_ONE = 'KEEP_ONE',
  DIFFERENT_PUPILS = 'DIFFERENT_PUPILS',
}
registerEnumType(ProposalKindEnum, {
  name: 'ProposalKind',
  description: 'KEEP_ONE: keepStudentId is the real record, the others should be deleted as NOT_STUDYING_HERE; DIFFERENT_PUPILS: each school corroborates its record.',
});

enum ProposalStatusEnum {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(ProposalStatusEnum, { name: 'ProposalStatus' });

@ObjectType('ProblemMessage', { description: 'A message between the schools of a problem; some carry a proposal.' })
class ProblemMessageType {
  @Field(() => ID) id: string;
  @Field(() => SchoolRef) school: SchoolRef;
  @Field(() => String) authorName: string;
  @Field(() => String) body: string;
  @Field(() => ProposalKindEnum, { nullable: true }) proposal: ProposalKindEnum | null;
  @Field(() => ID, { nullable: true }) keepStudentId: string | null;
  @Field(() => ProposalStatusEnum, { nullable: true }) proposalStatus: ProposalStatusEnum | null;
  @Field(() => String, { nullable: true }) answerReason: string | null;
  @Field(() => Date, { nullable: true }) answeredAt: Date | null;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('NegotiationError')
class NegotiationErrorType {
  @Field(() => String) code: string;
  @Field(() => String) message: string;
  @Field(() => String, { nullable: true }) field?: string | null;
}

@ObjectType('NegotiationPayload')
class NegotiationPayload {
  @Field(() => Boolean) ok: boolean;
  @Field(() => ID, { nullable: true, description: 'The message (or problem, for an escalation).' }) id: string | null;
  @Field(() => NegotiationErrorType, { nullable: true }) error: NegotiationErrorType | null;
}

@InputType('PostMessageInput')
class PostMessageInput {
  @Field(() => ID) problemId: string;
  @Field(() => String) body: string;
  @Field(() => ProposalKindEnum, { nullable: true }) proposal?: ProposalKindEnum | null;
  @Field(() => ID, { nullable: true, description: 'For KEEP_ONE.' }) keepStudentId?: string | null;
}

@InputType('AnswerProposalInput')
class AnswerProposalInput {
  @Field(() => ID) messageId: string;
  @Field(() => Boolean) accept: boolean;
  @Field(() => String, { nullable: true, description: 'Required to reject.' }) reason?: string | null;
}

@InputType('EscalateInput')
class EscalateInput {
  @Field(() => ID) problemId: string;
  @Field(() => Int) version: number;
  @Field(() => String) reason: string;
}

async function outcome(ctx: Context, run: () => Promise<NegotiationOutcome>): Promise<NegotiationPayload> {
  try {
    const result = await run();
    return result.ok ? { ok: true, id: result.id, error: null } : { ok: false, id: null, error: result.error };
  } finally {
    ctx.loaders.problemMessages.clearAll();
  }
}

@Resolver(() => Problem)
export class NegotiationResolver {
  @FieldResolver(() => [ProblemMessageType], { description: 'The negotiation thread, oldest first.' })
  async messages(@Root() problem: Problem, @Ctx() ctx: Context): Promise<ProblemMessageType[]> {
    const messages: ProblemMessage[] = await ctx.loaders.problemMessages.load(problem.id);
    return messages.map(({ schoolId, ...m }) => ({ ...m, school: { id: schoolId } }) as ProblemMessageType);
  }

  @Mutation(() => NegotiationPayload, { description: 'Write to the other school of a cross-school problem, optionally with a proposal.' })
  postMessage(@Arg('input', () => PostMessageInput) input: PostMessageInput, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'problem.negotiate');
    return outcome(ctx, () => ctx.app.services.negotiation.post(caller, input));
  }

  @Mutation(() => NegotiationPayload, { description: "Accept or reject (with a reason) the other school's proposal." })
  answerProposal(@Arg('input', () => AnswerProposalInput) input: AnswerProposalInput, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'problem.negotiate');
    return outcome(ctx, () => ctx.app.services.negotiation.answer(caller, input));
  }

  @Mutation(() => NegotiationPayload, { description: 'After a rejected proposal, hand the problem to the district to decide.' })
  escalateProblem(@Arg('input', () => EscalateInput) input: EscalateInput, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'problem.negotiate');
    return outcome(ctx, () => ctx.app.services.negotiation.escalate(caller, input));
  }
}
