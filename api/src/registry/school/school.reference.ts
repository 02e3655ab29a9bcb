import { requireCaller, type Context } from '../../core/graphql/context.js';
import type { School } from './school.entity.js';

/**
 * Reached only through the gateway, for a school another subgraph already returned to this caller
 * (e.g. the other school of a cross-school problem). A school's name and code are not personal
 * data, so any signed-in caller may see them; its students stay behind the scope checks.
 */
export function resolveSchoolReference(ref: Pick<School, 'id'>, ctx: Context): Promise<School | null> {
  requireCaller(ctx);
  return ctx.loaders.school.load(ref.id);
}
