import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { appendEvents } from '../../core/events.js';
import { forbidden, notFound } from '../../core/errors.js';
import { Connection, PageArgs, pageRequest } from '../../core/graphql/connection.js';
import { logAccess, requireCaller, requireScope, type Context } from '../../core/graphql/context.js';
import { School } from '../school/school.entity.js';
import { maskIdNumber } from './id-number.js';
import { Student } from './student.entity.js';
import { assertStudentInScope } from './student.reference.js';

@ObjectType('StudentConnection', { description: 'A page of the student list (Relay cursor connection).' })
class StudentConnection extends Connection(Student, 'Student') {}

@InputType('StudentFilter', { description: 'Narrows the student list.' })
class StudentFilter {
  @Field(() => ID, { nullable: true, description: 'Only records of this school (it must be in your scope).' })
  schoolId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of a name, or a whole resident ID number (ID numbers are encrypted at rest and match only in full, by their blind index).' })
  search?: string | null;
}

@ArgsType()
class StudentsArgs extends PageArgs {
  @Field(() => StudentFilter, { nullable: true, description: 'Which records to list; all records in your scope when left out.' })
  filter?: StudentFilter | null;
}

/** Whether a field is resolved inside a list (a page of students, or a batch of referenced records). */
function inList(path: GraphQLResolveInfo['path'] | undefined): boolean {
  for (let step = path; step; step = step.prev) if (typeof step.key === 'number') return true;
  return false;
}

@Resolver(() => Student)
export class StudentResolver {
  @Query(() => StudentConnection, { description: 'Student records in your scope (deleted ones left out).' })
  async students(@Args(() => StudentsArgs) args: StudentsArgs, @Ctx() ctx: Context) {
    const scope = requireScope(ctx);
    const schoolId = args.filter?.schoolId;
    if (schoolId) {
      const school = await ctx.loaders.school.load(schoolId);
      // Another scope's school answers like a missing one: ids cannot be probed.
      if (!school || !ctx.app.services.schools.covers(scope, school)) throw notFound('School');
    }
    return ctx.app.services.students.list(scope, args.filter ?? {}, pageRequest(args));
  }

  @Query(() => Student, { description: 'One record by id, when its school is in your scope.' })
  async student(@Arg('id', () => ID, { description: 'The record.' }) id: string, @Ctx() ctx: Context): Promise<Student> {
    return assertStudentInScope(ctx, await ctx.loaders.student.load(id));
  }

  @FieldResolver(() => School, { description: 'The school the record belongs to.' })
  async school(@Root() student: Student, @Ctx() ctx: Context): Promise<School> {
    const school = await ctx.loaders.school.load(student.schoolId);
    if (!school) throw new Error(`student ${student.id} refers to missing school ${student.schoolId}`);
    return school;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The full ID number as imported: one record at a time (`student(id)`), and every reveal is logged. Lists carry idNumberMasked.',
  })
  async idNumber(@Root() student: Student, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<string | null> {
    const caller = requireCaller(ctx);
    if (inList(info.path)) throw forbidden('Full ID numbers are revealed one record at a time: ask for student(id: …) { idNumber }.');
    await logAccess(ctx, 'id_number', [student.id], 'reveal');
    await appendEvents(ctx.app.db.dataSource.manager, [
      { type: 'ID_NUMBER_REVEALED', actorId: caller.userId, subjectType: 'student', subjectId: student.id, data: { requestId: ctx.requestId } },
    ]);
    return student.idNumber;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Address code and check character, the rest hidden (the birth date and sequence between them would rebuild it).' })
  idNumberMasked(@Root() student: Student): string | null {
    return maskIdNumber(student.idNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: '联系电话, as imported.' })
  phone(@Root() student: Student): string | null {
    return student.phone;
  }
}
