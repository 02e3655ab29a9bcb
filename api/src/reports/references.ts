import { Directive, Field, ID, ObjectType } from 'type-graphql';

// Entities owned by the registry subgraph, referenced by key so the gateway fills in their fields.
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('Region')
export class RegionRef {
  @Field(() => ID)
  code: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('School')
export class SchoolRef {
  @Field(() => ID)
  id: string;
}
