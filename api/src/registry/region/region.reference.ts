import { requireCaller, type Context } from '../../core/graphql/context.js';
import type { Region } from './region.entity.js';

export function resolveRegionReference(ref: Pick<Region, 'code'>, ctx: Context): Promise<Region | null> {
  requireCaller(ctx);
  return ctx.loaders.region.load(ref.code);
}
