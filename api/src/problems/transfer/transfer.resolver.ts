import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { scopeCoversSchool, scopeOf } from '../../core/auth/caller.js';
import { authorize } from '../../core/auth/permissions.js';
import { codeEnum } from '../../core/graphql/code-enum.js';
import { requireCaller, type Context } from '../../core/graphql/context.js';
import { Problem } from '../problem/problem.entity.js';
import { SchoolRef } from '../problem/references.js';
import { stepsFor, type TransferRow, type TransferStep } from './transfer-rules.js';
import { TRANSFER_ERROR_CODES, type TransferEvent, type TransferOutcome } from './transfer.service.js';

enum TransferStatusEnum {
  REQUESTED = 'REQUESTED',
  CONFIRMED = 'CONFIRMED',
  COMPLETED = 'COMPLETED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(TransferStatusEnum, {
  name: 'TransferStatus',
  description: '学籍转接: where a transfer between schools stands.',
  valuesConfig: {
    REQUESTED: { description: 'Asked for by the new school; waiting for the old school (or, once overdue, its district).' },
    CONFIRMED: { description: 'Confirmed by the old school; waiting for the approval of the districts it leaves and enters.' },
    COMPLETED: { description: 'Done: the old record is TRANSFERRED_OUT and linked to the record that continues it.' },
    REJECTED: { description: 'Refused by the old school or a district, with a reason.' },
    WITHDRAWN: { description: 'Taken back by the new school, with a reason.' },
  },
});

enum TransferStepEnum {
  ANSWER = 'ANSWER',
  DECIDE = 'DECIDE',
  APPROVE = 'APPROVE',
  WITHDRAW = 'WITHDRAW',
}
registerEnumType(TransferStepEnum, {
  name: 'TransferStep',
  description: 'What you may do with a transfer now.',
  valuesConfig: {
    ANSWER: { description: 'Confirm or refuse it, as the old school (answerTransfer).' },
    DECIDE: { description: 'Confirm or refuse it for the old school, whose answer is overdue (answerTransfer).' },
    APPROVE: { description: 'Approve or refuse a move out of or into your district (approveTransfer).' },
    WITHDRAW: { description: 'Take your request back (withdrawTransfer).' },
  },
});

enum TransferDirectionEnum {
  INCOMING = 'INCOMING',
  OUTGOING = 'OUTGOING',
}
registerEnumType(TransferDirectionEnum, {
  name: 'TransferDirection',
  description: 'Which side of a transfer your scope is on.',
  valuesConfig: {
    INCOMING: { description: '转入: pupils coming to a school of your scope.' },
    OUTGOING: { description: '转出: pupils leaving a school of your scope.' },
  },
});

@ObjectType('TransferEvent', { description: 'One step of a transfer, as its history keeps it.' })
class TransferEventType {
  @Field(() => ID, { description: 'The event.' }) id: string;
  @Field(() => String, { description: 'TRANSFER_REQUESTED, TRANSFER_CONFIRMED, TRANSFER_APPROVED, TRANSFER_REJECTED, TRANSFER_WITHDRAWN or TRANSFER_COMPLETED.' })
  type: string;
  @Field(() => Date, { description: 'When.' }) occurredAt: Date;
  @Field(() => String, { nullable: true, description: 'Who (display name); null for the system.' }) actorName: string | null;
  @Field(() => String, { nullable: true, description: 'The reason given with the step (for the request, its note).' }) reason: string | null;
}

@ObjectType('Transfer', { description: '学籍转接: a pupil’s status moving from one school to another.' })
export class TransferType {
  @Field(() => ID, { description: 'The transfer.' }) id: string;
  @Field(() => TransferStatusEnum, { description: 'Where it stands.' }) status: TransferStatusEnum;
  /** The new school's name for the pupil; `pupilName` chooses what each side is shown. */
  requestedName: string;
  @Field(() => SchoolRef, { description: 'The old school (转出学校).' }) fromSchool: SchoolRef;
  @Field(() => SchoolRef, { description: 'The new school (转入学校), which asked for it.' }) toSchool: SchoolRef;
  @Field(() => ID, { nullable: true, description: 'The problem it was requested in; null for a request on its own (转入申请).' }) problemId: string | null;
  @Field(() => String, { nullable: true, description: 'The new school’s note with the request.' }) note: string | null;
  @Field(() => Date, { description: 'When it was requested.' }) requestedAt: Date;
  @Field(() => Date, { description: 'Until when the old school answers; its district decides after.' }) dueAt: Date;
  @Field(() => Boolean, { description: 'The old school’s time to answer has passed.' }) overdue: boolean;
  @Field(() => Date, { nullable: true, description: 'When the old school (or its district) answered.' }) answeredAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The reason given with a refusal, a withdrawal or a confirmation.' }) answerReason: string | null;
  @Field(() => [String], { description: 'District codes whose approval the move needs (the two districts, when they differ).' }) approvalsNeeded: string[];
  @Field(() => [String], { description: 'District codes that have approved.' }) approved: string[];
  @Field(() => Date, { nullable: true, description: 'When the record moved.' }) completedAt: Date | null;
  @Field(() => Int, { description: 'Pass back with the next step; a stale version is refused.' }) version: number;
  /** The old school's record; not a field (the new school may not read it). */
  studentId: string;
  row: TransferRow;
}

const TransferErrorCode = codeEnum('TransferErrorCode', 'Why a transfer step was not taken: what a client translates.', TRANSFER_ERROR_CODES);

@ObjectType('TransferError', { description: 'Why a transfer step was not taken; nothing was changed.' })
class TransferErrorType {
  @Field(() => TransferErrorCode, { description: 'Why, as a stable code.' }) code: keyof typeof TRANSFER_ERROR_CODES;
  @Field(() => String, { description: 'What went wrong, for people.' }) message: string;
  @Field(() => String, { nullable: true, description: 'The input field to correct, when one is at fault.' }) field?: string | null;
}

@ObjectType('TransferPayload', { description: 'The result of a transfer step.' })
class TransferPayload {
  @Field(() => Boolean, { description: 'True when the step was taken.' }) ok: boolean;
  @Field(() => ID, { nullable: true, description: 'The transfer.' }) transferId: string | null;
  @Field(() => TransferErrorType, { nullable: true, description: 'Why the step was not taken; null on success.' }) error: TransferErrorType | null;
}

@InputType('RequestTransferInput', { description: 'Inside a cross-school DUPLICATE_ID problem: the pupil moved to your school; ask the old school to transfer its record.' })
class RequestTransferInput {
  @Field(() => ID, { description: 'The problem.' }) problemId: string;
  @Field(() => Int, { description: 'The problem version you saw.' }) version: number;
  @Field(() => ID, { description: 'The other school’s record (it becomes TRANSFERRED_OUT).' }) fromStudentId: string;
  @Field(() => ID, { description: 'Your school’s record of the pupil, which continues it.' }) toStudentId: string;
  @Field(() => String, { nullable: true, description: 'A note for the old school.' }) note?: string | null;
}

@InputType('RequestTransferInInput', { description: '转入申请: ask a named school for its pupil, identified by ID number and name.' })
class RequestTransferInInput {
  @Field(() => String, { description: 'The old school’s 10-digit code (学校标识码).' }) fromSchoolCode: string;
  @Field(() => String, { description: 'The pupil’s resident ID number.' }) idNumber: string;
  @Field(() => String, { description: 'The pupil’s name; it must match the old school’s record.' }) name: string;
  @Field(() => String, { nullable: true, description: 'A note for the old school.' }) note?: string | null;
}

@InputType('AnswerTransferInput', { description: 'The old school’s answer (or, once overdue, its district’s decision).' })
class AnswerTransferInput {
  @Field(() => ID, { description: 'The transfer.' }) transferId: string;
  @Field(() => Int, { description: 'The transfer version you saw.' }) version: number;
  @Field(() => Boolean, { description: 'True to confirm, false to refuse.' }) accept: boolean;
  @Field(() => String, { nullable: true, description: 'Required to refuse.' }) reason?: string | null;
}

@InputType('ApproveTransferInput', { description: 'A district’s approval of a move out of or into it.' })
class ApproveTransferInput {
  @Field(() => ID, { description: 'The transfer.' }) transferId: string;
  @Field(() => Int, { description: 'The transfer version you saw.' }) version: number;
  @Field(() => Boolean, { description: 'True to approve, false to refuse.' }) approve: boolean;
  @Field(() => String, { nullable: true, description: 'Required to refuse.' }) reason?: string | null;
}

@InputType('WithdrawTransferInput', { description: 'The new school takes its open request back.' })
class WithdrawTransferInput {
  @Field(() => ID, { description: 'The transfer.' }) transferId: string;
  @Field(() => Int, { description: 'The transfer version you saw.' }) version: number;
  @Field(() => String, { description: 'Why; kept in the history.' }) reason: string;
}

@InputType('TransferFilter', { description: 'Narrows the transfer list; all conditions must hold.' })
class TransferFilterInput {
  @Field(() => TransferDirectionEnum, { nullable: true, description: 'Incoming or outgoing; both when left out.' }) direction?: TransferDirectionEnum | null;
  @Field(() => [TransferStatusEnum], { nullable: true, description: 'Only transfers in these statuses.' }) statuses?: TransferStatusEnum[] | null;
  @Field(() => ID, { nullable: true, description: 'Only the transfers requested in this problem.' }) problemId?: string | null;
}

export function transferOf(row: TransferRow): TransferType {
  const { pupilName, ...rest } = row;
  return { ...rest, requestedName: pupilName, status: row.status as TransferStatusEnum, fromSchool: { id: row.fromSchoolId }, toSchool: { id: row.toSchoolId }, row };
}

function payload(outcome: TransferOutcome): TransferPayload {
  return outcome.ok ? { ok: true, transferId: outcome.transferId, error: null } : { ok: false, transferId: null, error: outcome.error };
}

@Resolver(() => TransferType)
export class TransferResolver {
  @Query(() => [TransferType], { description: 'Transfers into or out of the schools of your scope, newest first.' })
  transfers(
    @Ctx() ctx: Context,
    @Arg('filter', () => TransferFilterInput, { nullable: true, description: 'Which transfers; all of your scope when left out.' }) filter?: TransferFilterInput | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most this many (up to 200).' }) first = 50,
  ): Promise<TransferType[]> {
    const caller = requireCaller(ctx);
    return ctx.app.services.transfers.list(caller, filter ?? {}, Math.min(Math.max(first, 1), 200)).then((rows) => rows.map(transferOf));
  }

  /**
   * Each side sees the name its own records give: the old school and its district the old record's,
   * the new school the one it gave (inside a problem, a school is shown the other's record masked).
   */
  @FieldResolver(() => String, { description: 'The pupil’s name as your side knows it: the old record’s for the old school and staff over it, the new school’s otherwise.' })
  pupilName(@Root() transfer: TransferType, @Ctx() ctx: Context): string {
    const ownsOld = ctx.caller !== null && scopeCoversSchool(scopeOf(ctx.caller), { id: transfer.row.fromSchoolId, regionCode: transfer.row.fromRegion });
    return ownsOld && transfer.row.oldName ? transfer.row.oldName : transfer.requestedName;
  }

  @FieldResolver(() => [TransferStepEnum], { description: 'What you may do with it now.' })
  steps(@Root() transfer: TransferType, @Ctx() ctx: Context): TransferStep[] {
    return ctx.caller ? stepsFor(ctx.caller, transfer.row) : [];
  }

  @FieldResolver(() => [TransferEventType], { description: 'Its steps, oldest first.' })
  history(@Root() transfer: TransferType, @Ctx() ctx: Context): Promise<TransferEvent[]> {
    return ctx.loaders.transferHistory.load(transfer.id);
  }

  @Mutation(() => TransferPayload, { description: 'Inside a cross-school DUPLICATE_ID problem: ask the other school to transfer the pupil to yours.' })
  async requestTransfer(@Arg('input', () => RequestTransferInput, { description: 'The problem and the two records.' }) input: RequestTransferInput, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'transfer.request');
    return payload(await ctx.app.services.transfers.requestInProblem(caller, input));
  }

  @Mutation(() => TransferPayload, { description: '转入申请: ask a named school to transfer its pupil to yours.' })
  async requestTransferIn(@Arg('input', () => RequestTransferInInput, { description: 'The old school and the pupil.' }) input: RequestTransferInInput, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'transfer.request');
    return payload(await ctx.app.services.transfers.requestIn(caller, input));
  }

  @Mutation(() => TransferPayload, { description: 'Confirm or refuse a transfer out of your school; district staff decide one whose answer is overdue.' })
  async answerTransfer(@Arg('input', () => AnswerTransferInput, { description: 'The transfer and the answer.' }) input: AnswerTransferInput, @Ctx() ctx: Context) {
    const caller = requireCaller(ctx);
    return payload(await ctx.app.services.transfers.answer(caller, input));
  }

  @Mutation(() => TransferPayload, { description: 'Approve or refuse a confirmed move between two districts, for your district.' })
  async approveTransfer(@Arg('input', () => ApproveTransferInput, { description: 'The transfer and the decision.' }) input: ApproveTransferInput, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'transfer.decide');
    return payload(await ctx.app.services.transfers.approve(caller, input));
  }

  @Mutation(() => TransferPayload, { description: 'Take back an open transfer request of your school.' })
  async withdrawTransfer(@Arg('input', () => WithdrawTransferInput, { description: 'The transfer and why.' }) input: WithdrawTransferInput, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'transfer.request');
    return payload(await ctx.app.services.transfers.withdraw(caller, input));
  }
}

@Resolver(() => Problem)
export class ProblemTransfersResolver {
  @FieldResolver(() => [TransferType], { description: 'Transfers requested in this problem, oldest first.' })
  async transfers(@Root() problem: Problem, @Ctx() ctx: Context): Promise<TransferType[]> {
    return (await ctx.loaders.problemTransfers.load(problem.id)).map(transferOf);
  }
}
