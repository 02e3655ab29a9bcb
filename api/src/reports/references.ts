import { Directive, Field, ID, ObjectType } from 'type-graphql';

// Entities owned by the registry subgraph, referenced by key so the gateway fills in their fields.
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('Region', { description: '行政区划: a GB/T 2260 administrative region.' })
export class RegionRef {
  @Field(() => ID, { description: 'Six-digit GB/T 2260 code, e.g. 330106.' })
  code: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('School', { description: '学校: a school and its 学籍 records.' })
export class SchoolRef {
  @Field(() => ID, { description: 'The school.' })
  id: string;
}
