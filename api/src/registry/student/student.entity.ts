import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { IdProblemReason } from './id-number.js';
import { sealedColumn } from './sealed-fields.js';

export enum Gender {
  M = 'M',
  F = 'F',
}
registerEnumType(Gender, {
  name: 'Gender',
  description: '性别 as recorded: M 男, F 女.',
  valuesConfig: { M: { description: '男: male.' }, F: { description: '女: female.' } },
});

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
  description: '身份证件类型: the kind of identity document the ID number belongs to.',
  valuesConfig: {
    RESIDENT_ID: { description: '居民身份证: 18 characters, checked (GB 11643).' },
    HK_PASS: { description: '香港特区护照/身份证明.' },
    MO_PASS: { description: '澳门特区护照/身份证明.' },
    TW_PASS: { description: '台湾居民来往大陆通行证.' },
    FOREIGN_PERMANENT: { description: '外国人永久居留身份证.' },
    PASSPORT: { description: '护照: passport.' },
    OTHER: { description: '其他: any other document.' },
  },
});

export enum StudentStatus {
  ENROLLED = 'ENROLLED',
  SUSPENDED = 'SUSPENDED',
  TRANSFERRED_OUT = 'TRANSFERRED_OUT',
  GRADUATED = 'GRADUATED',
  DELETED = 'DELETED',
}
registerEnumType(StudentStatus, {
  name: 'StudentStatus',
  description: "学籍状态: a record's standing. Only ENROLLED and SUSPENDED records are active and can collide.",
  valuesConfig: {
    ENROLLED: { description: '在籍: studying at the school.' },
    SUSPENDED: { description: '休学: on leave; still active.' },
    TRANSFERRED_OUT: { description: '转出: moved to another school.' },
    GRADUATED: { description: '毕业: graduated.' },
    DELETED: { description: 'Deleted by its school (soft delete); can be restored.' },
  },
});

registerEnumType(IdProblemReason, {
  name: 'IdProblemReason',
  description: 'Why a resident ID number is invalid (GB 11643): format, check character, embedded birth date or gender digit.',
  valuesConfig: {
    FORMAT: { description: 'Not 17 digits followed by a digit or X.' },
    CHECKSUM: { description: 'The check character (MOD 11-2) does not match the first 17 digits.' },
    BIRTH_DATE_MISMATCH: { description: "Digits 7–14 are not the record's birth date." },
    GENDER_MISMATCH: { description: "The 17th digit (odd male, even female) does not match the record's gender." },
    POLICE_NOT_FOUND: { description: '公安核查: the public security office found no such ID number.' },
    POLICE_NAME_MISMATCH: { description: '公安核查: the public security office says the name does not match the ID number.' },
  },
});

/** Only active records collide (DESIGN.md section 3). */
export const ACTIVE_STATUSES: readonly StudentStatus[] = [StudentStatus.ENROLLED, StudentStatus.SUSPENDED];

@Directive('@key(fields: "id")')
@ObjectType('Student', { description: '学籍: one student-status record of one school.' })
@Entity({ name: 'students' })
export class Student {
  @Field(() => ID, { description: 'The record.' })
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field(() => ID, { description: 'The school the record belongs to.' })
  @Column({ name: 'school_id', type: 'bigint' })
  schoolId: string;

  @Field(() => String, { description: 'Name exactly as imported.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => Gender, { description: '性别.' })
  @Column({ type: 'text' })
  gender: Gender;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Field(() => IdType, { description: '身份证件类型: the kind of document idNumber belongs to.' })
  @Column({ name: 'id_type', type: 'text' })
  idType: IdType;

  @Column({ name: 'id_number', type: 'text', nullable: true, transformer: sealedColumn('idNumber') })
  idNumber: string | null;

  @Field(() => String, { nullable: true, description: '民族, as imported.' })
  @Column({ type: 'text', nullable: true })
  ethnicity: string | null;

  @Field(() => String, { nullable: true, description: '年级, as imported.' })
  @Column({ type: 'text', nullable: true })
  grade: string | null;

  @Field(() => String, { nullable: true, description: '班级, as imported.' })
  @Column({ name: 'class_name', type: 'text', nullable: true })
  className: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM' })
  @Column({ name: 'enrollment_month', type: 'text', nullable: true })
  enrollmentMonth: string | null;

  @Field(() => String, { nullable: true, description: '户口所在地, as imported.' })
  @Column({ name: 'household_region', type: 'text', nullable: true, transformer: sealedColumn('householdRegion') })
  householdRegion: string | null;

  @Column({ type: 'text', nullable: true, transformer: sealedColumn('phone') })
  phone: string | null;

  @Field(() => StudentStatus, { description: '学籍状态: enrolled, suspended, transferred out, graduated or deleted.' })
  @Column({ type: 'text' })
  status: StudentStatus;

  @Column({ name: 'name_key', type: 'text' })
  nameKey: string;

  /** The blind index of the ID number (sealed-fields.ts). */
  @Column({ name: 'id_key', type: 'text', nullable: true })
  idKey: string | null;

  @Column({ name: 'identity_key', type: 'text' })
  identityKey: string;

  @Field(() => Int, { description: 'Increases with every change; pass it back to detect concurrent edits.' })
  @Column({ type: 'integer' })
  version: number;

  @Field(() => Date, { description: 'When the record was imported or created here.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'For DELETED: why — REDUNDANT (imported twice) or NOT_STUDYING_HERE.' })
  @Column({ name: 'delete_reason', type: 'text', nullable: true })
  deleteReason: string | null;

  @Field(() => ID, { nullable: true, description: 'For TRANSFERRED_OUT: the record at the new school that continues this one.' })
  @Column({ name: 'transferred_to', type: 'bigint', nullable: true })
  transferredTo: string | null;

  @Field(() => Date, { nullable: true, description: 'For TRANSFERRED_OUT: when the pupil’s status moved to the new school.' })
  @Column({ name: 'transferred_at', type: 'timestamptz', nullable: true })
  transferredAt: Date | null;
}
