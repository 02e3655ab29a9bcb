import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../../core/auth/caller.js';

export enum UserRole {
  SCHOOL_REGISTRAR = 'SCHOOL_REGISTRAR',
  DISTRICT_ADMIN = 'DISTRICT_ADMIN',
  CITY_ADMIN = 'CITY_ADMIN',
  PROVINCE_ADMIN = 'PROVINCE_ADMIN',
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
}
registerEnumType(UserRole, {
  name: 'Role',
  description: 'What a user may do, and over which schools or regions.',
  valuesConfig: {
    SCHOOL_REGISTRAR: { description: "学籍管理员 of one school: acts on the school's own records, negotiates, imports." },
    DISTRICT_ADMIN: { description: '区县学籍管理员: reviews and decides problems, restores deleted records and reads statistics in a region subtree.' },
    CITY_ADMIN: { description: 'City staff: reads problems and statistics for the city; does not act or review.' },
    PROVINCE_ADMIN: { description: 'Province staff: reads problems and statistics for the province; does not act or review.' },
    SYSTEM_ADMIN: { description: 'Runs the system: every region and school; may also review, restore and import.' },
  },
});

@ObjectType('User', { description: 'A signed-in person: a school registrar, district, city or province staff, or a system admin.' })
@Entity({ name: 'users' })
export class User {
  @Field(() => ID, { description: 'The user account.' })
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field(() => String, { description: 'The name used to sign in.' })
  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Field(() => String, { description: 'The name shown to others, e.g. in messages and history.' })
  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Field(() => UserRole, { description: 'What the user may do.' })
  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'school_id', type: 'bigint', nullable: true })
  schoolId: string | null;

  @Column({ name: 'region_code', type: 'text', nullable: true })
  regionCode: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
