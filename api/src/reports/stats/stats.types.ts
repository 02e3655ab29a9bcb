import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ProblemScope, ProblemStatus, ProblemType } from '../../problems/index.js';
import { RegionRef, SchoolRef } from '../references.js';

export enum StatsDimension {
  REGION = 'REGION',
  SCHOOL = 'SCHOOL',
  TYPE = 'TYPE',
  SCOPE = 'SCOPE',
  STATUS = 'STATUS',
  OPENED_WEEK = 'OPENED_WEEK',
  OPENED_MONTH = 'OPENED_MONTH',
}
registerEnumType(StatsDimension, {
  name: 'StatsDimension',
  description:
    'What to group problem statistics by. REGION: the regions one level below the region looked at (provinces → cities → districts). ' +
    'SCHOOL and REGION count a cross-school problem once for each of its schools or regions, so their rows do not add up to the total.',
  valuesConfig: {
    REGION: { description: 'The regions one level below the region looked at.' },
    SCHOOL: { description: 'The schools with records in the problems.' },
    TYPE: { description: 'Problem type.' },
    SCOPE: { description: 'Within one school or across schools.' },
    STATUS: { description: 'Problem status.' },
    OPENED_WEEK: { description: 'The week the problem was opened, from Monday (China time).' },
    OPENED_MONTH: { description: 'The month the problem was opened (China time).' },
  },
});

@InputType('ProblemStatsFilter', { description: 'Which problems the statistics count; all conditions must hold.' })
export class ProblemStatsFilter {
  @Field(() => String, { nullable: true, description: 'Only problems with a school in this region subtree (GB/T 2260 code).' })
  regionCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only problems with a record of this school.' })
  schoolId?: string | null;

  @Field(() => ProblemType, { nullable: true, description: 'Only problems of this type.' })
  type?: ProblemType | null;

  @Field(() => ProblemScope, { nullable: true, description: 'Only within-school or only cross-school problems.' })
  scope?: ProblemScope | null;

  @Field(() => ProblemStatus, { nullable: true, description: 'Only problems in this status.' })
  status?: ProblemStatus | null;

  @Field(() => String, { nullable: true, description: 'Opened on or after this day (YYYY-MM-DD, China time).' })
  openedFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Opened on or before this day (YYYY-MM-DD, China time).' })
  openedTo?: string | null;
}

@ObjectType('ProblemStatsRow', { description: 'One group: the dimension values asked for (others null) and its measures.' })
export class ProblemStatsRow {
  @Field(() => String, { nullable: true, description: 'REGION: six-digit region code.' })
  regionCode: string | null;

  @Field(() => RegionRef, { nullable: true, description: 'REGION: the region.' })
  region: RegionRef | null;

  @Field(() => ID, { nullable: true, description: 'SCHOOL: the school id.' })
  schoolId: string | null;

  @Field(() => SchoolRef, { nullable: true, description: 'SCHOOL: the school.' })
  school: SchoolRef | null;

  @Field(() => ProblemType, { nullable: true, description: 'TYPE: the problem type.' })
  type: ProblemType | null;

  @Field(() => ProblemScope, { nullable: true, description: 'SCOPE: within one school or across schools.' })
  scope: ProblemScope | null;

  @Field(() => ProblemStatus, { nullable: true, description: 'STATUS: the problem status.' })
  status: ProblemStatus | null;

  @Field(() => String, { nullable: true, description: 'OPENED_WEEK: the Monday starting the week, YYYY-MM-DD (China time).' })
  openedWeek: string | null;

  @Field(() => String, { nullable: true, description: 'OPENED_MONTH: YYYY-MM (China time).' })
  openedMonth: string | null;

  @Field(() => Int, { description: 'Problems in the group.' })
  count: number;

  @Field(() => Int, { description: 'OPEN: the schools still have to act.' })
  open: number;

  @Field(() => Int, { description: 'PENDING_REVIEW: waiting for the district to approve or reject.' })
  pendingReview: number;

  @Field(() => Int, { description: 'ESCALATED: waiting for the district to decide.' })
  escalated: number;

  @Field(() => Int, { description: 'RESOLVED: closed.' })
  resolved: number;

  @Field(() => Int, { description: 'Not resolved: OPEN, PENDING_REVIEW or ESCALATED.' })
  unresolved: number;

  @Field(() => Int, { description: 'Not resolved and past the deadline (PROBLEM_DEADLINE_DAYS after opening).' })
  overdue: number;

  @Field(() => Int, { description: 'Not resolved and holding a pupil of a graduating grade (六年级, 九年级, … by kind of school): to settle before GRADUATION_DATE.' })
  graduating: number;

  @Field(() => Float, { nullable: true, description: 'Median days from opening to resolution, over the resolved problems; null when none.' })
  medianDaysToResolve: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of days from opening to resolution.' })
  p90DaysToResolve: number | null;

  @Field(() => Float, { nullable: true, description: 'Median age in days of the problems not yet resolved.' })
  medianOpenAgeDays: number | null;
}
