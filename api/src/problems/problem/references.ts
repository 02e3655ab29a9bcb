import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Entities owned by the registry subgraph, extended here with problem fields. Only the key is
 * known to this subgraph, except where a field says it provides more (`ProblemMember.school`); the
 * gateway fetches every other field from the registry.
 */
@Directive('@key(fields: "id")')
@ObjectType('Student', { description: '学籍: one student-status record of one school.' })
export class StudentRef {
  @Field(() => ID, { description: 'The record.' })
  id: string;
}

/**
 * The registry's fields below are @external: this subgraph answers them only where a field
 * @provides them, with values read in the same statement as what provides them.
 */
@Directive('@key(fields: "id")')
@ObjectType('School', { description: '学校: a school and its 学籍 records.' })
export class SchoolRef {
  @Field(() => ID, { description: 'The school.' })
  id: string;

  @Directive('@external')
  @Field(() => String, { description: '学校标识码: ten digits.' })
  code?: string;

  @Directive('@external')
  @Field(() => String, { description: '学校名称: the school name.' })
  name?: string;

  @Directive('@external')
  @Field(() => RegionRef, { description: 'The district the school belongs to.' })
  region?: RegionRef;
}

@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('Region', { description: '行政区划: a GB/T 2260 administrative region.' })
export class RegionRef {
  @Field(() => ID, { description: 'Six-digit GB/T 2260 code, e.g. 330106.' })
  code: string;

  @Directive('@external')
  @Field(() => String, { description: 'Region name, e.g. 西湖区.' })
  name?: string;

  @Directive('@external')
  @Field(() => RegionRef, { nullable: true, description: 'The region one level up: the city of a district, the province of a city; null for a province.' })
  parent?: RegionRef | null;
}
