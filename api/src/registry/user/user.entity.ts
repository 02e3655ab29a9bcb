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
registerEnumType(UserRole, { name: 'Role' });

@ObjectType('User', { description: 'A signed-in person: a school registrar, district, city or province staff, or a system admin.' })
@Entity({ name: 'users' })
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Field(() => String)
  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Field(() => UserRole)
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
