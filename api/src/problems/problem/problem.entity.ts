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
});

export enum ProblemScope {
  WITHIN_SCHOOL = 'WITHIN_SCHOOL',
  CROSS_SCHOOL = 'CROSS_SCHOOL',
}
registerEnumType(ProblemScope, { name: 'ProblemScope' });

export enum ProblemStatus {
  OPEN = 'OPEN',
  PENDING_REVIEW = 'PENDING_REVIEW',
  RESOLVED = 'RESOLVED',
  ESCALATED = 'ESCALATED',
}
registerEnumType(ProblemStatus, { name: 'ProblemStatus' });

registerEnumType(IdProblemReason, {
  name: 'IdProblemReason',
  description: 'Why a resident ID number is invalid (GB 11643): format, check character, embedded birth date or gender digit.',
});

@Directive('@key(fields: "id")')
@ObjectType('Problem', { description: '问题学籍: a group of records that collide, or one record with an invalid ID.' })
@Entity({ name: 'problems' })
export class Problem {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field(() => ProblemType)
  @Column({ type: 'text' })
  type: ProblemType;

  @Field(() => ProblemScope)
  @Column({ type: 'text' })
  scope: ProblemScope;

  @Field(() => ProblemStatus)
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

  @Field(() => Date)
  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
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
