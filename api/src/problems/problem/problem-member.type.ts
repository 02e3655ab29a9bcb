import { Field, ID, ObjectType } from 'type-graphql';
import { Gender, IdType } from '../../registry/student/student.entity.js';
import { SchoolRef, StudentRef } from './references.js';

/**
 * One record of a problem, with what is needed to compare it side by side. Carried by this
 * subgraph so that a school can compare against another school's record without being able to
 * open that record (its ID number is masked; phone and address are not here at all).
 */
@ObjectType('ProblemMember')
export class ProblemMember {
  @Field(() => ID)
  studentId: string;

  @Field(() => SchoolRef)
  school: SchoolRef;

  @Field(() => StudentRef, { nullable: true, description: 'The full record: only for records in your scope.' })
  student: StudentRef | null;

  @Field(() => Boolean, { description: "True when the record belongs to a school in your scope, so you may act on it." })
  inMyScope: boolean;

  @Field(() => String)
  name: string;

  @Field(() => Gender)
  gender: Gender;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  birthDate: string;

  @Field(() => IdType)
  idType: IdType;

  @Field(() => String, { nullable: true, description: 'First 6 and last 4 characters; the rest hidden.' })
  idNumberMasked: string | null;

  @Field(() => Date)
  joinedAt: Date;
}
