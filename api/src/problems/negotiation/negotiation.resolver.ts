import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { authorize } from '../../core/auth/permissions.js';
import { codeEnum } from '../../core/graphql/code-enum.js';
import type { Context } from '../../core/graphql/context.js';
import { Problem } from '../problem/problem.entity.js';
import { SchoolRef } from '../problem/references.js';
import { NEGOTIATION_ERROR_CODES, type NegotiationOutcome, type ProblemMessage } from './negotiation.service.js';

enum ProposalKindEnum {
  KEEP_ONE = 'KEEP_ONE',
  DIFFERENT_PUPILS = 'DIFFERENT_PUPILS',
}
registerEnumType(ProposalKindEnum, {
  name: 'ProposalKind',
  description: 'KEEP_ONE: keepStudentId is the real record, the others should be deleted as NOT_STUDYING_HERE; DIFFERENT_PUPILS: each school corroborates its record.',
  valuesConfig: {
    KEEP_ONE: { description: 'One pupil: keep the record keepStudentId; the other schools delete theirs as NOT_STUDYING_HERE.' },
    DIFFERENT_PUPILS: { description: 'Different pupils who happen to match: each school corroborates its own record.' },
  },
});

enum ProposalStatusEnum {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(ProposalStatusEnum, {
  name: 'ProposalStatus',
  description: "Where a proposal stands with the other school.",
  valuesConfig: {
    PENDING: { description: 'Waiting for the other school to answer.' },
    ACCEPTED: { description: 'The other school agreed.' },
    REJECTED: { description: 'The other school disagreed, with a reason; either school may now escalate.' },
  },
});

@ObjectType('ProblemMessage', { description: 'A message between the schools of a problem; some carry a proposal.' })
class ProblemMessageType {
  @Field(() => ID, { description: 'The message.' }) id: string;
  @Field(() => SchoolRef, { description: 'The school that wrote it.' }) school: SchoolRef;
  @Field(() => String, { description: 'The registrar who wrote it.' }) authorName: string;
  @Field(() => String, { description: 'The message text.' }) body: string;
  @Field(() => ProposalKindEnum, { nullable: true, description: 'The proposal the message makes, if any.' }) proposal: ProposalKindEnum | null;
  @Field(() => ID, { nullable: true, description: 'For KEEP_ONE: the record to keep.' }) keepStudentId: string | null;
  @Field(() => ProposalStatusEnum, { nullable: true, description: 'Whether the other school has answered the proposal; null for a plain message.' }) proposalStatus: ProposalStatusEnum | null;
  @Field(() => String, { nullable: true, description: 'The reason given with a rejection.' }) answerReason: string | null;
  @Field(() => Date, { nullable: true, description: 'When the proposal was answered.' }) answeredAt: Date | null;
  @Field(() => Date, { description: 'When the message was posted.' }) createdAt: Date;
}

const NegotiationErrorCode = codeEnum('NegotiationErrorCode', 'Why a message, answer or escalation was not accepted: what a client translates.', NEGOTIATION_ERROR_CODES);

@ObjectType('NegotiationError', { description: 'Why a message, answer or escalation was not accepted; nothing was changed.' })
class NegotiationErrorType {
  @Field(() => NegotiationErrorCode, { description: 'Why, as a stable code.' })
  code: keyof typeof NEGOTIATION_ERROR_CODES;
  @Field(() => String, { description: 'What went wrong, for people.' }) message: string;
  @Field(() => String, { nullable: true, description: 'The input field to correct, when one is at fault.' }) field?: string | null;
}

@ObjectType('NegotiationPayload', { description: 'The result of posting, answering or escalating.' })
class NegotiationPayload {
  @Field(() => Boolean, { description: 'True when it was done.' }) ok: boolean;
  @Field(() => ID, { nullable: true, description: 'The message (or problem, for an escalation).' }) id: string | null;
  @Field(() => NegotiationErrorType, { nullable: true, description: 'Why it was not done; null on success.' }) error: NegotiationErrorType | null;
}

@InputType('PostMessageInput', { description: 'A message to the other school of a cross-school problem, optionally with a proposal.' })
class PostMessageInput {
  @Field(() => ID, { description: 'The problem.' }) problemId: string;
  @Field(() => String, { description: 'The message text.' }) body: string;
  @Field(() => ProposalKindEnum, { nullable: true, description: 'A proposal for settling the problem, if the message makes one.' }) proposal?: ProposalKindEnum | null;
  @Field(() => ID, { nullable: true, description: 'For KEEP_ONE.' }) keepStudentId?: string | null;
}

@InputType('AnswerProposalInput', { description: "An answer to the other school's proposal." })
class AnswerProposalInput {
  @Field(() => ID, { description: 'The message that carries the proposal.' }) messageId: string;
  @Field(() => Boolean, { description: 'True to accept, false to reject.' }) accept: boolean;
  @Field(() => String, { nullable: true, description: 'Required to reject.' }) reason?: string | null;
}

@InputType('EscalateInput', { description: 'Hands a cross-school problem to the district to decide.' })
class EscalateInput {
  @Field(() => ID, { description: 'The problem.' }) problemId: string;
  @Field(() => Int, { description: 'The problem version you saw; a newer one means someone acted in between.' }) version: number;
  @Field(() => String, { description: 'Why the schools could not agree; the district reads it.' }) reason: string;
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
  postMessage(@Arg('input', () => PostMessageInput, { description: 'The problem, the text and any proposal.' }) input: PostMessageInput, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'problem.negotiate');
    return outcome(ctx, () => ctx.app.services.negotiation.post(caller, input));
  }

  @Mutation(() => NegotiationPayload, { description: "Accept or reject (with a reason) the other school's proposal." })
  answerProposal(@Arg('input', () => AnswerProposalInput, { description: 'The proposal and your answer.' }) input: AnswerProposalInput, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'problem.negotiate');
    return outcome(ctx, () => ctx.app.services.negotiation.answer(caller, input));
  }

  @Mutation(() => NegotiationPayload, { description: 'After a rejected proposal, hand the problem to the district to decide.' })
  escalateProblem(@Arg('input', () => EscalateInput, { description: 'The problem and the reason.' }) input: EscalateInput, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'problem.negotiate');
    return outcome(ctx, () => ctx.app.services.negotiation.escalate(caller, input));
  }
}
