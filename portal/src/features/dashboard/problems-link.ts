import type { RouteLocationRaw } from 'vue-router';
import type { ProblemScope, ProblemStatus, ProblemType } from '@/gql/graphql';

/** What a chart element stands for, as filters of the problem list. */
export interface ProblemsDrillDown {
  type?: ProblemType | null;
  status?: ProblemStatus | null;
  scope?: ProblemScope | null;
  /** A school id. */
  school?: string | null;
  /** A region code (GB/T 2260). */
  region?: string | null;
}

/**
 * The problem list filtered to a chart element. The query parameter names are the list's own
 * (`type`, `status`, `scope`; `school` and `region` for the place), so the link is also a bookmark.
 */
export function problemsLink(drill: ProblemsDrillDown): RouteLocationRaw {
  const query: Record<string, string> = {};
  for (const key of ['type', 'status', 'scope', 'school', 'region'] as const) {
    const value = drill[key];
    if (value) query[key] = value;
  }
  return { name: 'problems', query };
}
