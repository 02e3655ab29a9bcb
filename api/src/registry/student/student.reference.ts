import { forbidden, notFound } from '../../core/errors.js';
import { requireScope, type Context } from '../../core/graphql/context.js';
import type { Student } from './student.entity.js';

const OUTSIDE = 'This student record is outside your scope.';

/**
 * A student record is personal data of a minor: in scope, however it is reached. A record the
 * caller's row scope does not return answers exactly like one that does not exist (NOT_FOUND), so
 * ids cannot be probed; one it does return (the other school's record in a shared problem) is
 * already known to the caller and answers FORBIDDEN.
 */
export async function assertStudentInScope(ctx: Context, student: Student | null): Promise<Student> {
  const scope = requireScope(ctx);
  if (!student) throw notFound('Student record');
  const school = await ctx.loaders.school.load(student.schoolId);
  if (!school || !ctx.app.services.schools.covers(scope, school)) throw forbidden(OUTSIDE);
  return student;
}

/** A record reached through another subgraph (a problem member's `student`), in scope like any other. */
export async function resolveStudentReference(ref: Pick<Student, 'id'>, ctx: Context): Promise<Student> {
  return assertStudentInScope(ctx, await ctx.loaders.student.load(ref.id));
}
