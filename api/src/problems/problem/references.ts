import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Entities owned by the registry subgraph, extended here with problem fields. Only the key is
 * known to this subgraph; the gateway fetches every other field from the registry.
 */
@Directive('@key(fields: "id")')
@ObjectType('Student')
export class StudentRef {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType('School')
export class SchoolRef {
  @Field(() => ID)
  id: string;
}
