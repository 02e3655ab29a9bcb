import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { authorize } from '../../core/auth/permissions.js';
import { codeEnum } from '../../core/graphql/code-enum.js';
import type { Context } from '../../core/graphql/context.js';
import { StudentChangesInput } from '../../registry/index.js';
import { RecordActionKind } from '../problem/problem-member.type.js';
import { ProblemStatus } from '../problem/problem.entity.js';
import { ACTION_ERROR_CODES, BULK_LIMIT, type ActionOutcome, type BulkOutcome } from './action.service.js';


export enum DeleteReasonKind {
  REDUNDANT = 'REDUNDANT',
  NOT_STUDYING_HERE = 'NOT_STUDYING_HERE',
}
registerEnumType(DeleteReasonKind, {
  name: 'DeleteReason',
  description: 'Why a record is deleted.',
  valuesConfig: {
    REDUNDANT: { description: 'Imported twice: the school has another record of the same pupil.' },
    NOT_STUDYING_HERE: { description: 'The pupil studies at another school, which keeps the record.' },
  },
});

@InputType('RecordActionInput', { description: "One action on one of your school's records in a problem." })
class RecordActionInput {
  @Field(() => ID, { description: 'The problem the record belongs to.' }) problemId: string;
  @Field(() => Int, { description: 'The problem version you saw; a newer one means someone acted in between.' }) version: number;
  @Field(() => ID, { description: 'The record to act on; it must belong to your school.' }) studentId: string;
  @Field(() => RecordActionKind, { description: 'Change, corroborate or delete.' }) action: RecordActionKind;
  @Field(() => StudentChangesInput, { nullable: true, description: 'For CHANGE.' }) changes?: StudentChangesInput | null;
  @Field(() => DeleteReasonKind, { nullable: true, description: 'For DELETE.' }) deleteReason?: DeleteReasonKind | null;
  @Field(() => [ID], { nullable: true, description: 'From POST /materials; at least one for CHANGE and CORROBORATE, none for DELETE.' })
  materialIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'A note kept in the problem history.' }) comment?: string | null;
}

@InputType('WithdrawActionInput', { description: "Withdraw your school's latest action on one of its records in a problem, before the district reviews it." })
class WithdrawActionInput {
  @Field(() => ID, { description: 'The problem.' }) problemId: string;
  @Field(() => Int, { description: 'The problem version you saw.' }) version: number;
  @Field(() => ID, { description: 'Your school’s record whose latest action is withdrawn.' }) studentId: string;
  @Field(() => String, { description: 'Why; kept in the problem history.' }) reason: string;
}

const ActionErrorCode = codeEnum('ActionErrorCode', 'Why an action was not taken: what a client translates.', ACTION_ERROR_CODES);

@ObjectType('ActionError', { description: 'Why an action was not taken; nothing was changed.' })
class ActionErrorType {
  @Field(() => ActionErrorCode, { description: 'Why, as a stable code.' })
  code: keyof typeof ACTION_ERROR_CODES;
  @Field(() => String, { description: 'What went wrong, for people.' }) message: string;
  @Field(() => String, { nullable: true, description: 'The input field to correct, when one is at fault.' }) field?: string | null;
}

@ObjectType('RecordActionPayload', { description: 'The result of an action: the new problem status and version, or an error.' })
class RecordActionPayload {
  @Field(() => Boolean, { description: 'True when the action was taken.' }) ok: boolean;
  @Field(() => ActionErrorType, { nullable: true, description: 'Why the action was not taken; null on success.' }) error: ActionErrorType | null;
  @Field(() => ProblemStatus, { nullable: true, description: 'The problem status after the action.' }) problemStatus: ProblemStatus | null;
  @Field(() => Int, { nullable: true, description: 'The new problem version, for the next action.' }) version: number | null;
}

enum BulkActionKind {
  CORROBORATE = 'CORROBORATE',
  DELETE = 'DELETE',
}
registerEnumType(BulkActionKind, {
  name: 'BulkActionKind',
  description: 'The actions taken on many records at once (a change differs per record).',
  valuesConfig: {
    CORROBORATE: { description: 'Keep each record as it is, all with the same materials.' },
    DELETE: { description: 'Delete each record, all with the same reason.' },
  },
});

@InputType('BulkItemInput', { description: 'One record of a bulk action, in its problem as you saw it.' })
class BulkItemInput {
  @Field(() => ID, { description: 'The problem.' }) problemId: string;
  @Field(() => Int, { description: 'The problem version you saw.' }) version: number;
  @Field(() => ID, { description: 'Your school’s record in it.' }) studentId: string;
}

@InputType('BulkActionInput', { description: `The same action on up to ${BULK_LIMIT} of your school's records, all or nothing.` })
class BulkActionInput {
  @Field(() => [BulkItemInput], { description: 'The records, each in its problem.' }) items: BulkItemInput[];
  @Field(() => BulkActionKind, { description: 'Corroborate or delete.' }) action: BulkActionKind;
  @Field(() => DeleteReasonKind, { nullable: true, description: 'For DELETE: one reason for all.' }) deleteReason?: DeleteReasonKind | null;
  @Field(() => [ID], { nullable: true, description: 'For CORROBORATE: the materials cited for every record (from POST /materials).' }) materialIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'A note kept in each problem’s history.' }) comment?: string | null;
}

@ObjectType('BulkActionPayload', { description: 'All records acted on, or none: which one was refused and why.' })
class BulkActionPayload {
  @Field(() => Boolean, { description: 'True when every record was acted on.' }) ok: boolean;
  @Field(() => Int, { description: 'Records acted on (0 when refused).' }) done: number;
  @Field(() => Int, { nullable: true, description: 'The index in `items` of the record refused; -1 when the request as a whole was.' }) failedIndex: number | null;
  @Field(() => ActionErrorType, { nullable: true, description: 'Why; null on success.' }) error: ActionErrorType | null;
}

@ObjectType('ImportCopyRow', { description: 'A later copy from an import (a template imported twice): a record of it that repeats an earlier record’s ID number.' })
class ImportCopyType {
  @Field(() => ID, { description: 'The copy, to delete as REDUNDANT.' }) studentId: string;
  @Field(() => ID, { description: 'The within-school DUPLICATE_ID problem it is in.' }) problemId: string;
  @Field(() => Int, { description: 'The problem version, for the bulk action.' }) version: number;
  @Field(() => Int, { nullable: true, description: 'Its row in the imported file.' }) row: number | null;
  @Field(() => String, { description: 'Its name as imported.' }) name: string;
  @Field(() => ID, { description: 'The earlier record that stays (to corroborate afterwards).' }) keptStudentId: string;
}

function bulkPayloadOf(outcome: BulkOutcome): BulkActionPayload {
  return outcome.ok ? { ok: true, done: outcome.done, failedIndex: null, error: null } : { ok: false, done: 0, failedIndex: outcome.failedIndex, error: outcome.error };
}

function payloadOf(outcome: ActionOutcome): RecordActionPayload {
  return outcome.ok
    ? { ok: true, error: null, problemStatus: outcome.problemStatus as ProblemStatus, version: outcome.version }
    : { ok: false, error: outcome.error, problemStatus: null, version: null };
}

@Resolver()
export class ActionResolver {
  @Mutation(() => RecordActionPayload, { description: "Change, corroborate or delete one of your school's records in a problem." })
  async actOnRecord(@Arg('input', () => RecordActionInput, { description: 'The record, the action and its details.' }) input: RecordActionInput, @Ctx() ctx: Context): Promise<RecordActionPayload> {
    const caller = authorize(ctx.caller, 'record.act');
    return payloadOf(await ctx.app.services.actions.act(caller, input));
  }

  @Mutation(() => RecordActionPayload, { description: "Withdraw your school's latest action on one of its records (a change is changed back, a corroboration dropped, a deletion restored), while the problem is OPEN or PENDING_REVIEW." })
  async withdrawAction(@Arg('input', () => WithdrawActionInput, { description: 'The problem, the record and why.' }) input: WithdrawActionInput, @Ctx() ctx: Context): Promise<RecordActionPayload> {
    const caller = authorize(ctx.caller, 'record.act');
    return payloadOf(await ctx.app.services.actions.withdraw(caller, input));
  }

  @Mutation(() => BulkActionPayload, { description: "Corroborate or delete many of your school's records at once, all or nothing; each is recorded exactly as a single action." })
  async bulkActOnRecords(@Arg('input', () => BulkActionInput, { description: 'The records and the action.' }) input: BulkActionInput, @Ctx() ctx: Context): Promise<BulkActionPayload> {
    const caller = authorize(ctx.caller, 'record.act');
    return bulkPayloadOf(await ctx.app.services.actions.actOnMany(caller, input));
  }

  @Query(() => [ImportCopyType], { description: 'The later copies from one of your school’s imports (a template imported twice), in file order: what to delete as REDUNDANT with bulkActOnRecords.' })
  importCopies(@Arg('importId', () => ID, { description: 'The import (importJob result.importId).' }) importId: string, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'record.act');
    return ctx.app.services.actions.importCopies(caller, importId);
  }
}
