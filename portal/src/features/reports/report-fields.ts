import type { ProblemScope, ProblemStatus, ProblemType } from '@/gql/graphql';

/**
 * The vocabulary of `problemStats` (schema/api.graphql): what a report can group by, measure and
 * filter on. The generated types only cover what static documents use, and report documents are
 * built at run time, so the lists live here; the server validates every document against the
 * schema, and the tests pin the documents built from them.
 */
export const STATS_DIMENSIONS = ['TYPE', 'STATUS', 'SCOPE', 'SCHOOL', 'REGION', 'OPENED_WEEK', 'OPENED_MONTH'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** In the order the API lists them: a built document does not depend on the order they were ticked. */
export const STATS_MEASURES = [
  'count',
  'open',
  'pendingReview',
  'escalated',
  'resolved',
  'unresolved',
  'overdue',
  'graduating',
  'medianDaysToResolve',
  'p90DaysToResolve',
  'medianOpenAgeDays',
] as const;
export type StatsMeasure = (typeof STATS_MEASURES)[number];

/** Measures that are days (one decimal, may be null) rather than counts; they cannot be summed. */
export const DAY_MEASURES: readonly StatsMeasure[] = ['medianDaysToResolve', 'p90DaysToResolve', 'medianOpenAgeDays'];

/**
 * The row fields that carry a dimension's value, as lines of the query (nested ones indented).
 * REGION and SCHOOL also bring the name to show; their keys are the row's `regionCode` / `schoolId`.
 */
export const DIMENSION_SELECTION: Record<StatsDimension, string[]> = {
  TYPE: ['type'],
  STATUS: ['status'],
  SCOPE: ['scope'],
  SCHOOL: ['schoolId', 'school {', '  name', '}'],
  REGION: ['regionCode', 'region {', '  name', '}'],
  OPENED_WEEK: ['openedWeek'],
  OPENED_MONTH: ['openedMonth'],
};

/** Dimensions over time: a report whose first dimension is one of these is drawn as a line. */
export const TIME_DIMENSIONS: readonly StatsDimension[] = ['OPENED_WEEK', 'OPENED_MONTH'];

/** The filter a report applies (`ProblemStatsFilter` less `schoolId`, which the builder does not offer). */
export interface ReportFilter {
  type?: ProblemType | null;
  scope?: ProblemScope | null;
  status?: ProblemStatus | null;
  regionCode?: string | null;
  /** YYYY-MM-DD, China time. */
  openedFrom?: string | null;
  openedTo?: string | null;
}

export const FILTER_KEYS = ['type', 'scope', 'status', 'regionCode', 'openedFrom', 'openedTo'] as const satisfies readonly (keyof ReportFilter)[];

/** One row of `problemStats` as a report selects it: dimension values, names, and measures. */
export interface StatsRow {
  regionCode?: string | null;
  region?: { name: string } | null;
  schoolId?: string | null;
  school?: { name: string } | null;
  type?: ProblemType | null;
  scope?: ProblemScope | null;
  status?: ProblemStatus | null;
  openedWeek?: string | null;
  openedMonth?: string | null;
  count?: number;
  open?: number;
  pendingReview?: number;
  escalated?: number;
  resolved?: number;
  unresolved?: number;
  overdue?: number;
  graduating?: number;
  medianDaysToResolve?: number | null;
  p90DaysToResolve?: number | null;
  medianOpenAgeDays?: number | null;
}

export function isDimension(value: unknown): value is StatsDimension {
  return typeof value === 'string' && (STATS_DIMENSIONS as readonly string[]).includes(value);
}

export function isMeasure(value: unknown): value is StatsMeasure {
  return typeof value === 'string' && (STATS_MEASURES as readonly string[]).includes(value);
}
