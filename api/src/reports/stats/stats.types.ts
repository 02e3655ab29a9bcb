import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ProblemScope, ProblemStatus, ProblemType } from '../../problems/problem/problem.entity.js';

export enum StatsDimension {
  TYPE = 'TYPE',
  SCOPE = 'SCOPE',
  STATUS = 'STATUS',
}
registerEnumType(StatsDimension, { name: 'StatsDimension', description: 'What to group problem statistics by.' });

@InputType('ProblemStatsFilter')
export class ProblemStatsFilter {
  @Field(() => String, { nullable: true, description: 'Only problems with a school in this region subtree.' })
  regionCode?: string | null;
}

@ObjectType('ProblemStatsRow', { description: 'One group: the dimension values asked for (others null) and its measures.' })
export class ProblemStatsRow {
  @Field(() => ProblemType, { nullable: true })
  type: ProblemType | null;

  @Field(() => ProblemScope, { nullable: true })
  scope: ProblemScope | null;

  @Field(() => ProblemStatus, { nullable: true })
  status: ProblemStatus | null;

  @Field(() => Int)
  count: number;

  @Field(() => Int, { description: 'Not yet resolved: OPEN, PENDING_REVIEW or ESCALATED.' })
  open: number;

  @Field(() => Int)
  resolved: number;
}
