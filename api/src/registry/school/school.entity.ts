import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, DeleteDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum SchoolKind {
  PRIMARY = 'PRIMARY',
  JUNIOR = 'JUNIOR',
  NINE_YEAR = 'NINE_YEAR',
  SENIOR = 'SENIOR',
  COMPLETE = 'COMPLETE',
  TWELVE_YEAR = 'TWELVE_YEAR',
  OTHER = 'OTHER',
}
registerEnumType(SchoolKind, {
  name: 'SchoolKind',
  description: 'What kind of school it is, which says which grades graduate (graduating_grades); taken from its name unless set.',
  valuesConfig: {
    PRIMARY: { description: '小学: graduates from 六年级.' },
    JUNIOR: { description: '初级中学: graduates from 九年级 (初三).' },
    NINE_YEAR: { description: '九年一贯制学校: graduates from 九年级.' },
    SENIOR: { description: '高级中学: graduates from 高三.' },
    COMPLETE: { description: '完全中学: 初三 leave for senior school, 高三 graduate.' },
    TWELVE_YEAR: { description: '十二年一贯制学校: graduates from 高三.' },
    OTHER: { description: 'Any other school: no grade graduates by default.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType('School', { description: '学校: a school and its 学籍 records.' })
@Entity({ name: 'schools' })
export class School {
  @Field(() => ID, { description: 'The school.' })
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  // @shareable: the problems subgraph also answers these, for a problem's members (ProblemMember.school @provides).
  @Directive('@shareable')
  @Field(() => String, { description: '学校标识码: ten digits.' })
  @Column({ type: 'text' })
  code: string;

  @Directive('@shareable')
  @Field(() => String, { description: '学校名称: the school name.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { description: 'Six-digit code of the district the school belongs to.' })
  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;

  @Field(() => SchoolKind, { description: 'Its kind, which says which grades graduate.' })
  @Column({ type: 'text' })
  kind: SchoolKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' })
  deletedAt: Date | null;
}
