import { requireScope, type Context } from '../../core/graphql/context.js';
import type { Problem } from './problem.entity.js';
import type { SchoolRef, StudentRef } from './references.js';

export async function resolveProblemReference(ref: Pick<Problem, 'id'>, ctx: Context): Promise<Problem | null> {
  const { problem, visible } = await ctx.app.services.problems.visibleById(requireScope(ctx), ref.id);
  return visible ? problem : null;
}

/** The fields this subgraph adds to Student and School check scope themselves; the key is enough here. */
export function resolveStudentRef(ref: StudentRef): StudentRef {
  return { id: ref.id };
}

export function resolveSchoolRef(ref: SchoolRef): SchoolRef {
  return { id: ref.id };
}
