import { forbidden, notFound } from '../../core/errors.js';
import { requireScope, type Context } from '../../core/graphql/context.js';
import type { Student } from './student.entity.js';

/** A student record is personal data of a minor: in scope or FORBIDDEN, however it is reached. */
export async function assertStudentInScope(ctx: Context, student: Student | null): Promise<Student> {
  const scope = requireScope(ctx);
  if (!student) throw notFound('Student record');
  const school = await ctx.loaders.school.load(student.schoolId);
  if (!school || !ctx.app.services.schools.covers(scope, school)) throw forbidden('This student record is outside your scope.');
  return student;
}

/** A record reached through another subgraph (a problem member's `student`): logged like any read. */
export async function resolveStudentReference(ref: Pick<Student, 'id'>, ctx: Context): Promise<Student> {
  const student = await assertStudentInScope(ctx, await ctx.loaders.student.load(ref.id));
  await ctx.loaders.readLog.load(student.id);
  return student;
}
