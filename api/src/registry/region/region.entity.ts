import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
}
registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'GB/T 2260 level: province → city → district.',
  valuesConfig: {
    PROVINCE: { description: '省: province, autonomous region or municipality.' },
    CITY: { description: '市: prefecture-level city.' },
    DISTRICT: { description: '区县: district or county; schools belong to one.' },
  },
});

@Directive('@key(fields: "code")')
@ObjectType('Region', { description: '行政区划: a GB/T 2260 administrative region.' })
@Entity({ name: 'regions' })
export class Region {
  @Field(() => ID, { description: 'Six-digit GB/T 2260 code, e.g. 330106.' })
  @PrimaryColumn({ type: 'text' })
  code: string;

  // @shareable: the problems subgraph also answers it, for a problem's members (ProblemMember.school @provides).
  @Directive('@shareable')
  @Field(() => String, { description: 'Region name, e.g. 西湖区.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => RegionLevel, { description: 'Province, city or district.' })
  @Column({ type: 'text' })
  level: RegionLevel;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode: string | null;

  /** Significant digits of the code; every code in the subtree starts with it. */
  @Column({ type: 'text' })
  prefix: string;
}
