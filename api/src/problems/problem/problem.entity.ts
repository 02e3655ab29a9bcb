import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { IdProblemReason } from '../../registry/index.js';

export enum ProblemType {
  DUPLICATE_ID = 'DUPLICATE_ID',
  DUPLICATE_IDENTITY = 'DUPLICATE_IDENTITY',
  INVALID_ID = 'INVALID_ID',
}
registerEnumType(ProblemType, {
  name: 'ProblemType',
  description: 'DUPLICATE_ID 身份证件号重复, DUPLICATE_IDENTITY 姓名+性别+出生日期重复, INVALID_ID 身份证件号无效',
  valuesConfig: {
    DUPLICATE_ID: { description: '身份证件号重复: two or more active records share a resident ID number.' },
    DUPLICATE_IDENTITY: { description: '姓名+性别+出生日期重复: active records share name, gender and birth date but not an ID number.' },
    INVALID_ID: { description: '身份证件号无效: one record whose resident ID number fails its checks; settled by a change.' },
  },
});

export enum ProblemScope {
  WITHIN_SCHOOL = 'WITHIN_SCHOOL',
  CROSS_SCHOOL = 'CROSS_SCHOOL',
}
registerEnumType(ProblemScope, {
  name: 'ProblemScope',
  description: 'Whether the records of a problem belong to one school or to several.',
  valuesConfig: {
    WITHIN_SCHOOL: { description: 'All records belong to one school, which settles it alone.' },
    CROSS_SCHOOL: { description: 'Records of two or more schools: the schools negotiate, or the district decides.' },
  },
});

export enum ProblemStatus {
  OPEN = 'OPEN',
  PENDING_REVIEW = 'PENDING_REVIEW',
  RESOLVED = 'RESOLVED',
  ESCALATED = 'ESCALATED',
}
registerEnumType(ProblemStatus, {
  name: 'ProblemStatus',
  description: 'Where a problem is in its lifecycle: OPEN → PENDING_REVIEW → RESOLVED, or ESCALATED to the district.',
  valuesConfig: {
    OPEN: { description: 'Waiting for the schools to act on their records.' },
    PENDING_REVIEW: { description: 'Settled by the schools; waiting for the district to approve or reject.' },
    RESOLVED: { description: 'Approved or decided; closed.' },
    ESCALATED: { description: 'The schools disagreed or the deadline passed; the district decides.' },
  },
});

export enum ProblemClosure {
  SYSTEM = 'SYSTEM',
  REVIEW = 'REVIEW',
  ARBITRATION = 'ARBITRATION',
  TRANSFERRED = 'TRANSFERRED',
}
registerEnumType(ProblemClosure, {
  name: 'ProblemClosure',
  description: 'How a resolved problem was closed.',
  valuesConfig: {
    SYSTEM: { description: 'Detection: the records stopped colliding before any school acted.' },
    REVIEW: { description: 'The district approved what the schools did.' },
    ARBITRATION: { description: 'The district decided an escalated problem.' },
    TRANSFERRED: { description: 'The pupil moved: the old school’s record was transferred out to the new school’s.' },
  },
});


@Directive('@key(fields: "id")')
@ObjectType('Problem', { description: '问题学籍: a group of records that collide, or one record with an invalid ID.' })
@Entity({ name: 'problems' })
export class Problem {
  @Field(() => ID, { description: 'The problem.' })
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field(() => ProblemType, { description: 'Duplicate ID number, duplicate name + gender + birth date, or invalid ID number.' })
  @Column({ type: 'text' })
  type: ProblemType;

  @Field(() => ProblemScope, { description: 'One school or several.' })
  @Column({ type: 'text' })
  scope: ProblemScope;

  @Field(() => ProblemStatus, { description: 'Where the problem is in its lifecycle.' })
  @Column({ type: 'text' })
  status: ProblemStatus;

  @Column({ name: 'group_key', type: 'text' })
  groupKey: string;

  @Field(() => [IdProblemReason], { description: 'For INVALID_ID: what is wrong with the number; empty for other types.' })
  @Column({ type: 'text', array: true })
  reasons: IdProblemReason[];

  @Field(() => Int, { description: 'Pass back with an action; a stale version is refused.' })
  @Column({ type: 'integer' })
  version: number;

  @Field(() => Date, { description: 'When detection opened the problem; its deadline counts from here.' })
  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Field(() => Date, { description: 'When anything last happened on the problem.' })
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the problem was resolved; null until then.' })
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** 1 while a current member is in a graduating grade of its school's kind (migration 1765152000005). */
  @Column({ type: 'smallint' })
  urgency: number;

  @Field(() => ProblemClosure, { nullable: true, description: 'How it was resolved; null until then.' })
  @Column({ name: 'closed_by', type: 'text', nullable: true })
  closedBy: ProblemClosure | null;
}

@Entity({ name: 'problem_members' })
export class ProblemMemberRow {
  @PrimaryColumn({ name: 'problem_id', type: 'bigint' })
  problemId: string;

  @PrimaryColumn({ name: 'student_id', type: 'bigint' })
  studentId: string;

  @Column({ name: 'school_id', type: 'bigint' })
  schoolId: string;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;
}
