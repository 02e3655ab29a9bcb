import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Entities owned by the registry subgraph, extended here with problem fields. Only the key is
 * known to this subgraph; the gateway fetches every other field from the registry.
 */
@Directive('@key(fields: "id")')
@ObjectType('Student', { description: '学籍: one student-status record of one school.' })
export class StudentRef {
  @Field(() => ID, { description: 'The record.' })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType('School', { description: '学校: a school and its 学籍 records.' })
export class SchoolRef {
  @Field(() => ID, { description: 'The school.' })
  id: string;
}
