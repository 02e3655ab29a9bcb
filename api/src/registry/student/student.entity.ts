import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum Gender {
  M = 'M',
  F = 'F',
}
registerEnumType(Gender, { name: 'Gender', description: 'M 男, F 女' });

export enum IdType {
  RESIDENT_ID = 'RESIDENT_ID',
  HK_PASS = 'HK_PASS',
  MO_PASS = 'MO_PASS',
  TW_PASS = 'TW_PASS',
  FOREIGN_PERMANENT = 'FOREIGN_PERMANENT',
  PASSPORT = 'PASSPORT',
  OTHER = 'OTHER',
}
registerEnumType(IdType, {
  name: 'IdType',
  description: '身份证件类型: 居民身份证, 香港/澳门特区护照/身份证明, 台湾居民来往大陆通行证, 外国人永久居留身份证, 护照, 其他',
});

export enum StudentStatus {
  ENROLLED = 'ENROLLED',
  SUSPENDED = 'SUSPENDED',
  TRANSFERRED_OUT = 'TRANSFERRED_OUT',
  GRADUATED = 'GRADUATED',
  DELETED = 'DELETED',
}
registerEnumType(StudentStatus, { name: 'StudentStatus' });

/** Only active records collide (DESIGN.md section 3). */
export const ACTIVE_STATUSES: readonly StudentStatus[] = [StudentStatus.ENROLLED, StudentStatus.SUSPENDED];

@Directive('@key(fields: "id")')
@ObjectType('Student', { description: '学籍: one student-status record of one school.' })
@Entity({ name: 'students' })
export class Student {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field(() => ID)
  @Column({ name: 'school_id', type: 'bigint' })
  schoolId: string;

  @Field(() => String, { description: 'Name exactly as imported.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => Gender)
  @Column({ type: 'text' })
  gender: Gender;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Field(() => IdType)
  @Column({ name: 'id_type', type: 'text' })
  idType: IdType;

  @Column({ name: 'id_number', type: 'text', nullable: true })
  idNumber: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  ethnicity: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  grade: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'class_name', type: 'text', nullable: true })
  className: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM' })
  @Column({ name: 'enrollment_month', type: 'text', nullable: true })
  enrollmentMonth: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'household_region', type: 'text', nullable: true })
  householdRegion: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Field(() => StudentStatus)
  @Column({ type: 'text' })
  status: StudentStatus;

  @Column({ name: 'name_key', type: 'text' })
  nameKey: string;

  @Column({ name: 'id_key', type: 'text', nullable: true })
  idKey: string | null;

  @Column({ name: 'identity_key', type: 'text' })
  identityKey: string;

  @Field(() => Int, { description: 'Increases with every change; pass it back to detect concurrent edits.' })
  @Column({ type: 'integer' })
  version: number;

  @Field(() => Date)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
