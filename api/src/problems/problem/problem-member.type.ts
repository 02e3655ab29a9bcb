import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Gender, IdProblemReason, IdType } from '../../registry/index.js';
import { SchoolRef, StudentRef } from './references.js';

export enum RecordActionKind {
  CHANGE = 'CHANGE',
  CORROBORATE = 'CORROBORATE',
  DELETE = 'DELETE',
}
registerEnumType(RecordActionKind, {
  name: 'RecordAction',
  description: 'wrong → CHANGE 修改, right → CORROBORATE 佐证, redundant or not studying here → DELETE 删除',
  valuesConfig: {
    CHANGE: { description: '修改: correct the wrong fields, with at least one material.' },
    CORROBORATE: { description: '佐证: keep the record as it is, with proof materials.' },
    DELETE: { description: '删除: remove a redundant record or one of a pupil not studying here (a soft delete).' },
  },
});

@ObjectType('IdCheck', { description: 'GB 11643 checks of a resident ID number against its record.' })
export class IdCheck {
  @Field(() => Boolean, { description: 'True when the number passes every check.' })
  valid: boolean;

  @Field(() => [IdProblemReason], { description: 'What fails; empty when valid.' })
  reasons: IdProblemReason[];

  @Field(() => [String], { description: 'One sentence per reason.' })
  messages: string[];

  @Field(() => Boolean, { description: 'False when the first six digits are not a GB/T 2260 code we know: a warning only, codes change over time.' })
  addressCodeKnown: boolean;
}

/**
 * One record of a problem, with what is needed to compare it side by side. Carried by this
 * subgraph so that a school can compare against another school's record without being able to
 * open that record (its ID number is masked; phone and address are not here at all).
 */
@ObjectType('ProblemMember', { description: "One record in a problem, as needed to compare it with the others; another school's ID number is masked." })
export class ProblemMember {
  @Field(() => ID, { description: 'The record.' })
  studentId: string;

  @Field(() => SchoolRef, { description: 'The school the record belongs to.' })
  school: SchoolRef;

  @Field(() => StudentRef, { nullable: true, description: 'The full record: only for records in your scope.' })
  student: StudentRef | null;

  @Field(() => Boolean, { description: "True when the record belongs to a school in your scope, so you may act on it." })
  inMyScope: boolean;

  @Field(() => String, { description: 'Name as imported.' })
  name: string;

  @Field(() => Gender, { description: '性别.' })
  gender: Gender;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  birthDate: string;

  @Field(() => IdType, { description: '身份证件类型.' })
  idType: IdType;

  @Field(() => String, { nullable: true, description: 'First 6 and last 4 characters; the rest hidden.' })
  idNumberMasked: string | null;

  @Field(() => IdCheck, { nullable: true, description: 'For resident ID numbers: the checks, shown beside the number.' })
  idCheck: IdCheck | null;

  @Field(() => Boolean, { description: 'The school has corroborated this record (佐证) in this problem.' })
  corroborated: boolean;

  @Field(() => Date, { description: 'When the record joined this problem.' })
  joinedAt: Date;

  /** The problem's status, for the actions allowed on this record (not a field of its own). */
  problemStatus: string;
}

@ObjectType('ProblemAbilities', { description: 'What you may do on this problem now; the server checks again on every request.' })
export class ProblemAbilities {
  @Field(() => Boolean, { description: 'Post messages and proposals (a school of an open cross-school problem).' })
  negotiate: boolean;

  @Field(() => Boolean, { description: 'Escalate to the district (a school of an open problem after a proposal was rejected).' })
  escalate: boolean;

  @Field(() => Boolean, { description: 'Approve or reject (district staff over every school of a problem pending review).' })
  review: boolean;

  @Field(() => Boolean, { description: 'Decide an escalated problem (district staff over every school of it).' })
  decide: boolean;
}

@ObjectType('ProblemEvent', { description: 'One entry of a problem\'s history: who did what, when, with before/after values.' })
export class ProblemEvent {
  @Field(() => ID, { description: 'The event.' })
  id: string;

  @Field(() => String, { description: 'PROBLEM_OPENED, MEMBER_JOINED, ACTION_CHANGE, ACTION_CORROBORATE, ACTION_DELETE, PROBLEM_SUBMITTED_FOR_REVIEW, …' })
  type: string;

  @Field(() => Date, { description: 'When it happened.' })
  occurredAt: Date;

  @Field(() => String, { nullable: true, description: 'Null for the system (detection).' })
  actorName: string | null;

  @Field(() => GraphQLJSONObject, { description: 'The details of the event: the values before and after, materials, reasons, depending on its type.' })
  data: Record<string, unknown>;
}
