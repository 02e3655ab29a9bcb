import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Gender, IdNumberPart, IdProblemReason, IdType } from '../../registry/index.js';
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

  @Field(() => [String], { description: 'One sentence per reason; none names a digit of the number.' })
  messages: string[];

  @Field(() => Boolean, { description: 'False when the first six digits are not a GB/T 2260 code we know: a warning only, codes change over time.' })
  addressCodeKnown: boolean;
}

export enum Disclosure {
  FULL = 'FULL',
  COMPARED = 'COMPARED',
}
registerEnumType(Disclosure, {
  name: 'Disclosure',
  description: 'How much of a problem member you may see (README, "Disclosure model").',
  valuesConfig: {
    FULL: { description: 'The record is in your scope: its values as imported (the ID number still masked; reveal it with student(id) { idNumber }).' },
    COMPARED: { description: "Another school's record: its name partly masked, and gender, birth date and ID number only as a comparison with your record." },
  },
});

export enum Sameness {
  SAME = 'SAME',
  DIFFERS = 'DIFFERS',
  MISSING = 'MISSING',
}
registerEnumType(Sameness, {
  name: 'Sameness',
  description: "A field of another school's record compared with your record's.",
  valuesConfig: {
    SAME: { description: 'The same value (ID numbers compared in their normalised form, legacy 15-digit numbers expanded).' },
    DIFFERS: { description: 'A different value.' },
    MISSING: { description: 'One of the two records has no value.' },
  },
});

registerEnumType(IdNumberPart, {
  name: 'IdNumberPart',
  description: 'A part of an 18-character resident ID number (GB 11643).',
  valuesConfig: {
    ADDRESS_CODE: { description: 'Characters 1–6: where the number was issued.' },
    BIRTH_DATE: { description: 'Characters 7–14: the birth date.' },
    SEQUENCE: { description: 'Characters 15–17: the sequence; the 17th is odd for males, even for females.' },
    CHECK_CHARACTER: { description: 'Character 18: the check digit or X.' },
  },
});

@ObjectType('MemberComparison', { description: "Another school's record compared with yours, field by field, without its values." })
export class MemberComparison {
  @Field(() => ID, { description: 'Your record in this problem that it is compared with (the first of yours).' })
  against: string;

  @Field(() => Sameness, { description: 'The name (normalised: spaces and full-width letters do not count).' })
  name: Sameness;

  @Field(() => Sameness, { description: '性别.' })
  gender: Sameness;

  @Field(() => Sameness, { description: '出生日期.' })
  birthDate: Sameness;

  @Field(() => Sameness, { description: '身份证件类型.' })
  idType: Sameness;

  @Field(() => Sameness, { description: '身份证件号.' })
  idNumber: Sameness;

  @Field(() => Sameness, { description: '年级.' })
  grade: Sameness;

  @Field(() => Sameness, { description: '入学年月.' })
  enrollmentMonth: Sameness;

  @Field(() => [IdNumberPart], { description: 'For two 18-character resident ID numbers that differ: which parts differ. Empty otherwise.' })
  idNumberDiffersIn: IdNumberPart[];
}

/**
 * One record of a problem, as the disclosure model lets the caller see it (disclosure.ts): in
 * full for records in the caller's scope, as a comparison with the caller's own record otherwise.
 */
@ObjectType('ProblemMember', { description: "One record in a problem. Yours in full; another school's as a comparison with yours (see `disclosure`)." })
export class ProblemMember {
  @Field(() => ID, { description: 'The record.' })
  studentId: string;

  // What a problem list shows of each member's school comes with the member (read in the same
  // statement), so that the gateway need not call the registry for a page of problems.
  @Directive('@provides(fields: "code name region { name parent { name } }")')
  @Field(() => SchoolRef, { description: 'The school the record belongs to.' })
  school: SchoolRef;

  @Field(() => StudentRef, { nullable: true, description: 'The full record: only for records in your scope.' })
  student: StudentRef | null;

  @Field(() => Boolean, { description: "True when the record belongs to a school in your scope, so you may act on it." })
  inMyScope: boolean;

  @Field(() => Disclosure, { description: 'FULL for records in your scope, COMPARED for the others.' })
  disclosure: Disclosure;

  @Field(() => String, { description: 'Name as imported; partly masked (张*睿) when COMPARED.' })
  name: string;

  @Field(() => Gender, { nullable: true, description: '性别; null when COMPARED (see comparison).' })
  gender: Gender | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when COMPARED (see comparison).' })
  birthDate: string | null;

  @Field(() => IdType, { description: '身份证件类型.' })
  idType: IdType;

  @Field(() => String, { nullable: true, description: 'Address code and check character, the rest hidden; null when COMPARED.' })
  idNumberMasked: string | null;

  @Field(() => IdCheck, { nullable: true, description: 'For resident ID numbers in your scope: the checks, shown beside the number; null when COMPARED.' })
  idCheck: IdCheck | null;

  @Field(() => MemberComparison, { nullable: true, description: 'When COMPARED: this record against your own record in the problem; null for your records.' })
  comparison: MemberComparison | null;

  @Field(() => String, { nullable: true, description: '年级, as imported; null when COMPARED (see comparison).' })
  grade: string | null;

  @Field(() => String, { nullable: true, description: '班级, as imported; null when COMPARED.' })
  className: string | null;

  @Field(() => String, { nullable: true, description: '入学年月 (YYYY-MM); null when COMPARED (see comparison).' })
  enrollmentMonth: string | null;

  @Field(() => Date, { description: 'When the record was imported or created.' })
  importedAt: Date;

  @Field(() => String, { nullable: true, description: 'The file the record was imported from; null when COMPARED or not imported.' })
  importFile: string | null;

  @Field(() => Date, { description: 'When the record last changed.' })
  lastChangedAt: Date;

  @Field(() => Boolean, { description: 'The school has corroborated this record (佐证) in this problem.' })
  corroborated: boolean;

  @Field(() => Date, { description: 'When the record joined this problem.' })
  joinedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the record left this problem (deleted, or changed so it no longer collides); null while it is a member.' })
  leftAt: Date | null;

  /** The problem and its status, for the actions allowed on this record (not fields of their own). */
  problemId: string;
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

  @Field(() => Boolean, { description: 'Ask for the other school’s record as a transfer (a school of an open cross-school DUPLICATE_ID problem with no transfer waiting).' })
  requestTransfer: boolean;

  @Field(() => Boolean, { description: 'Reopen it (district staff over every school of a resolved problem).' })
  reopen: boolean;
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
