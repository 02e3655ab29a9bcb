import type { RegionLevel } from '@/gql/graphql';

/**
 * GB/T 2260 codes carry their ancestors: 330106 (a district) lies in 330100 (its city) and 330000
 * (its province). The API scopes by the same prefixes, so the picker derives a region's ancestors
 * from its code instead of asking for them.
 */
export type RegionDepth = 0 | 1 | 2 | 3;

export const LEVEL_DEPTH: Record<RegionLevel, RegionDepth> = { PROVINCE: 1, CITY: 2, DISTRICT: 3 };

/** 1 for a province, 2 for a city, 3 for a district. */
export function depthOf(code: string): 1 | 2 | 3 {
  if (code.endsWith('0000')) return 1;
  if (code.endsWith('00')) return 2;
  return 3;
}

/** The ancestor of `code` at `depth` (1 province, 2 city), or the code itself at its own depth. */
export function ancestorAt(code: string, depth: 1 | 2 | 3): string {
  return code.slice(0, depth * 2).padEnd(6, '0');
}

/** Whether `code` is `root` or lies inside it (a null root is everywhere). */
export function isWithin(code: string, root: string | null): boolean {
  if (!root) return true;
  const depth = depthOf(root);
  return code.length === 6 && ancestorAt(code, depth) === root && depthOf(code) >= depth;
}
