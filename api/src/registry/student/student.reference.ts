import { forbidden, notFound } from '../../core/errors.js';
import { requireScope, type Context } from '../../core/graphql/context.js';
import type { Student } from './student.entity.js';

const OUTSIDE = 'This student record is outside your scope.';

/** A student record is personal data of a minor: in scope or FORBIDDEN, however it is reached. */
export async function assertStudentInScope(ctx: Context, id: string, student: Student | null): Promise<Student> {
  const scope = requireScope(ctx);
  if (!student) throw (await ctx.app.services.students.exists(id)) ? forbidden(OUTSIDE) : notFound('Student record');
  const school = await ctx.loaders.school.load(student.schoolId);
  if (!school || !ctx.app.services.schools.covers(scope, school)) throw forbidden(OUTSIDE);
  return student;
}

/** A record reached through another subgraph (a problem member's `student`): logged like any read. */
export async function resolveStudentReference(ref: Pick<Student, 'id'>, ctx: Context): Promise<Student> {
  const student = await assertStudentInScope(ctx, ref.id, await ctx.loaders.student.load(ref.id));
  await ctx.loaders.readLog.load(student.id);
  return student;
}
