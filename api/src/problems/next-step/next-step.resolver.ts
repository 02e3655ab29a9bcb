import { Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { can } from '../../core/auth/permissions.js';
import { codeEnum } from '../../core/graphql/code-enum.js';
import { requireCaller, type Context } from '../../core/graphql/context.js';
import { DeleteReasonKind } from '../action/action.resolver.js';
import { ProblemMember, RecordActionKind } from '../problem/problem-member.type.js';
import { Problem } from '../problem/problem.entity.js';
import { NEXT_STEPS, SUGGESTION_REASONS, YOUR_TURN, type NextStepKind, type Suggestion, type SuggestionReason } from './next-step.service.js';

const NextStepKindEnum = codeEnum('NextStepKind', 'Where a problem stands for you: your turn (which step) or whom it waits for.', NEXT_STEPS);
const SuggestionReasonEnum = codeEnum('SuggestionReason', 'Why an action is the one that fits a record.', SUGGESTION_REASONS);

@ObjectType('SuggestedAction', { description: 'The action that fits a record of your school now; the other actions stay available.' })
export class SuggestedAction {
  @Field(() => ID, { description: 'The record to act on.' })
  studentId: string;

  @Field(() => RecordActionKind, { description: 'Change, corroborate or delete.' })
  action: RecordActionKind;

  @Field(() => SuggestionReasonEnum, { description: 'Why this action fits.' })
  reason: SuggestionReason;

  @Field(() => DeleteReasonKind, { nullable: true, description: 'For a deletion: the reason that fits.' })
  deleteReason: DeleteReasonKind | null;
}

@ObjectType('NextStep', { description: 'What happens next on a problem, for you: the same rule as the waitingForMe filter.' })
export class NextStep {
  @Field(() => NextStepKindEnum, { description: 'Your turn (which step) or whom the problem waits for.' })
  kind: NextStepKind;

  @Field(() => Boolean, { description: 'True when the problem waits for you (counted by waitingForMe).' })
  yourTurn: boolean;

  @Field(() => Date, { description: 'Since when: the pending proposal, the submission for review, or the last change.' })
  since: Date;

  @Field(() => [String], { description: 'While the problem is open: the other schools in it (all of them for district staff); empty afterwards.' })
  waitingFor: string[];

  @Field(() => SuggestedAction, { nullable: true, description: 'ACT_ON_RECORD: the first record of yours that needs an action, and the action that fits.' })
  suggestion: SuggestedAction | null;
}

function suggested(suggestion: Suggestion): SuggestedAction {
  return Object.assign(new SuggestedAction(), {
    ...suggestion,
    action: RecordActionKind[suggestion.action],
    deleteReason: suggestion.deleteReason ? DeleteReasonKind[suggestion.deleteReason] : null,
  });
}

@Resolver(() => Problem)
export class NextStepResolver {
  @FieldResolver(() => NextStep, { description: 'What happens next, for you: your turn and which step, or whom the problem waits for and since when.' })
  async nextStep(@Root() problem: Problem, @Ctx() ctx: Context): Promise<NextStep> {
    requireCaller(ctx);
    const state = await ctx.loaders.nextSteps.load(problem.id);
    if (!state) throw new Error(`no next step for problem ${problem.id}`);
    return Object.assign(new NextStep(), {
      ...state,
      yourTurn: YOUR_TURN.includes(state.kind),
      suggestion: state.suggestion ? suggested(state.suggestion) : null,
    });
  }
}

@Resolver(() => ProblemMember)
export class MemberSuggestionResolver {
  @FieldResolver(() => SuggestedAction, { nullable: true, description: 'For a record of your school that still needs an action: the action that fits. Null otherwise.' })
  async suggestedAction(@Root() member: ProblemMember, @Ctx() ctx: Context): Promise<SuggestedAction | null> {
    const caller = requireCaller(ctx);
    if (!can(caller, 'record.act', { schoolId: member.school.id })) return null;
    const suggestion = (await ctx.loaders.memberSuggestions.load(member.problemId)).get(member.studentId);
    return suggestion ? suggested(suggestion) : null;
  }
}
