import { Arg, Args, ArgsType, Ctx, Field, Float, ID, InputType, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { authorize } from '../../core/auth/permissions.js';
import { codeEnum } from '../../core/graphql/code-enum.js';
import { Connection, PageArgs, pageRequest } from '../../core/graphql/connection.js';
import type { Context } from '../../core/graphql/context.js';
import { StudentRef } from '../problem/references.js';
import { SUGGESTION_ERROR_CODES, type SuggestionOutcome, type SuggestionRow } from './suggestion.service.js';

enum SuggestionStatus {
  OPEN = 'OPEN',
  CONFIRMED = 'CONFIRMED',
  DISMISSED = 'DISMISSED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(SuggestionStatus, {
  name: 'PossibleDuplicateStatus',
  description: 'Where a suggested pair stands.',
  valuesConfig: {
    OPEN: { description: 'Waiting for staff to confirm or dismiss it.' },
    CONFIRMED: { description: 'One pupil: a DUPLICATE_IDENTITY problem holds the two records while both are active.' },
    DISMISSED: { description: 'Two pupils: not suggested again until a compared field (name, gender, birth date, ID number) of either changes.' },
    EXPIRED: { description: 'No longer suggested: a record changed, left, or the exact rules now report the pair.' },
  },
});

enum MatchField {
  ID_NUMBER = 'ID_NUMBER',
  NAME = 'NAME',
  BIRTH_DATE = 'BIRTH_DATE',
  GENDER = 'GENDER',
  SCHOOL = 'SCHOOL',
  GRADE = 'GRADE',
}
registerEnumType(MatchField, {
  name: 'MatchField',
  description: 'A field the matching model compares.',
  valuesConfig: {
    ID_NUMBER: { description: '身份证件号.' },
    NAME: { description: '姓名.' },
    BIRTH_DATE: { description: '出生日期.' },
    GENDER: { description: '性别.' },
    SCHOOL: { description: 'Where the pupil studies: the same school, county or city.' },
    GRADE: { description: '年级.' },
  },
});

@ObjectType('FieldComparisonResult', { description: 'How one field of the two records compares, and how much that says (README, "Possible duplicates").' })
class MatchEvidence {
  @Field(() => MatchField, { description: 'The field.' }) field: MatchField;
  @Field(() => String, {
    description:
      'The comparison level, a stable code: for ID_NUMBER EXACT, CHECK_CHAR_ONLY, LEGACY_FORM, ONE_SUBSTITUTION, TRANSPOSITION, BOTH_VALID_DIFFERENT, OTHER, MISSING; for NAME EXACT, TRADITIONAL_SIMPLIFIED, SAME_PINYIN, ONE_CHAR_DIFFERS, OTHER; for BIRTH_DATE EXACT, DAY_MONTH_SWAPPED, ONE_DAY_APART, SAME_YEAR_MONTH, OTHER; for GENDER SAME, DIFFERENT.',
  })
  level: string;
  @Field(() => Float, { description: 'Its match weight, log2(m/u): above 0 speaks for one pupil, below 0 for two.' }) weight: number;
}

@ObjectType('PossibleDuplicate', { description: 'A pair of active records the matching model finds alike though the exact rules do not group them: perhaps one pupil recorded twice.' })
class PossibleDuplicateType {
  @Field(() => ID, { description: 'The suggestion.' }) id: string;
  @Field(() => [StudentRef], { description: 'The two records, lower id first.' }) records: StudentRef[];
  @Field(() => Float, { description: 'Total match weight: the prior plus every field’s weight (log2 odds of one pupil).' }) score: number;
  @Field(() => Float, { description: 'The probability of one pupil the score stands for, 0–1.' }) probability: number;
  @Field(() => [MatchEvidence], { description: 'Why: each compared field, its level and weight.' }) explanation: MatchEvidence[];
  @Field(() => SuggestionStatus, { description: 'Open, confirmed, dismissed or expired.' }) status: SuggestionStatus;
  @Field(() => Date, { description: 'When it was (last) suggested.' }) suggestedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When staff confirmed or dismissed it.' }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The note of a confirmation or the reason of a dismissal.' }) reason: string | null;
}

@ObjectType('PossibleDuplicateConnection', { description: 'A page of possible duplicates (Relay cursor connection).' })
class PossibleDuplicateConnection extends Connection(PossibleDuplicateType, 'PossibleDuplicate') {}

@InputType('PossibleDuplicateFilter', { description: 'Which suggested pairs to list.' })
class PossibleDuplicateFilter {
  @Field(() => SuggestionStatus, { nullable: true, description: 'Only pairs in this status; OPEN when left out.' }) status?: SuggestionStatus | null;
  @Field(() => String, { nullable: true, description: 'Only pairs whose two records are both in this region (GB/T 2260 code).' }) regionCode?: string | null;
  @Field(() => Float, { nullable: true, description: 'Only pairs scoring at least this.' }) minScore?: number | null;
}

@ArgsType()
class PossibleDuplicatesArgs extends PageArgs {
  @Field(() => PossibleDuplicateFilter, { nullable: true, description: 'Which pairs; open ones of your whole scope when left out.' }) filter?: PossibleDuplicateFilter | null;
}

const SuggestionErrorCode = codeEnum('PossibleDuplicateErrorCode', 'Why a decision on a suggested pair was not taken: what a client translates.', SUGGESTION_ERROR_CODES);

@ObjectType('PossibleDuplicateError', { description: 'Why a decision was not taken; nothing was changed.' })
class SuggestionErrorType {
  @Field(() => SuggestionErrorCode, { description: 'Why, as a stable code.' }) code: keyof typeof SUGGESTION_ERROR_CODES;
  @Field(() => String, { description: 'What went wrong, for people.' }) message: string;
  @Field(() => String, { nullable: true, description: 'The input field to correct, when one is at fault.' }) field?: string | null;
}

@ObjectType('PossibleDuplicatePayload', { description: 'The result of a decision on a suggested pair.' })
class PossibleDuplicatePayload {
  @Field(() => Boolean, { description: 'True when it was taken.' }) ok: boolean;
  @Field(() => ID, { nullable: true, description: 'Confirmed: the unresolved problem that now holds the two records.' }) problemId: string | null;
  @Field(() => SuggestionErrorType, { nullable: true, description: 'Why it was not taken; null on success.' }) error: SuggestionErrorType | null;
}

@InputType('ConfirmPossibleDuplicateInput', { description: 'A suggested pair confirmed as one pupil.' })
class ConfirmInput {
  @Field(() => ID, { description: 'The suggestion.' }) id: string;
  @Field(() => String, { nullable: true, description: 'A note for the schools (at most 500 characters).' }) note?: string | null;
}

@InputType('DismissPossibleDuplicateInput', { description: 'A suggested pair dismissed as two pupils.' })
class DismissInput {
  @Field(() => ID, { description: 'The suggestion.' }) id: string;
  @Field(() => String, { description: 'Why they are two pupils (at most 500 characters).' }) reason: string;
}

const payload = (outcome: SuggestionOutcome): PossibleDuplicatePayload =>
  outcome.ok ? { ok: true, problemId: outcome.problemId, error: null } : { ok: false, problemId: null, error: outcome.error };

const toType = (row: SuggestionRow): PossibleDuplicateType => ({
  ...row,
  status: row.status as SuggestionStatus,
  explanation: row.explanation.map((e) => ({ ...e, field: e.field as MatchField })),
  records: [{ id: row.studentA }, { id: row.studentB }],
});

@Resolver()
export class SuggestionResolver {
  @Query(() => PossibleDuplicateConnection, { description: 'Possible duplicates the exact rules miss, best first: pairs whose two records are both in your region (staff).' })
  async possibleDuplicates(@Args(() => PossibleDuplicatesArgs) args: PossibleDuplicatesArgs, @Ctx() ctx: Context) {
    authorize(ctx.caller, 'suggestion.review');
    const page = await ctx.app.services.suggestions.list(args.filter ?? {}, pageRequest(args));
    return { ...page, nodes: page.nodes.map(toType), edges: page.edges.map((e) => ({ ...e, node: toType(e.node) })) };
  }

  @Mutation(() => PossibleDuplicatePayload, { description: 'Confirm a suggested pair as one pupil: a DUPLICATE_IDENTITY problem opens with the two records, settled by their schools as any other.' })
  async confirmPossibleDuplicate(@Arg('input', () => ConfirmInput, { description: 'The pair and a note.' }) input: ConfirmInput, @Ctx() ctx: Context) {
    return payload(await ctx.app.services.suggestions.confirm(authorize(ctx.caller, 'suggestion.review'), input));
  }

  @Mutation(() => PossibleDuplicatePayload, { description: 'Dismiss a suggested pair as two pupils, with a reason: it is not suggested again until a compared field changes.' })
  async dismissPossibleDuplicate(@Arg('input', () => DismissInput, { description: 'The pair and why.' }) input: DismissInput, @Ctx() ctx: Context) {
    return payload(await ctx.app.services.suggestions.dismiss(authorize(ctx.caller, 'suggestion.review'), input));
  }
}
