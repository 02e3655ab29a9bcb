import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, DeleteDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Directive('@key(fields: "id")')
@ObjectType('School', { description: '学校: a school and its 学籍 records.' })
@Entity({ name: 'schools' })
export class School {
  @Field(() => ID, { description: 'The school.' })
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field(() => String, { description: '学校标识码: ten digits.' })
  @Column({ type: 'text' })
  code: string;

  @Field(() => String, { description: '学校名称: the school name.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { description: 'Six-digit code of the district the school belongs to.' })
  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' })
  deletedAt: Date | null;
}
