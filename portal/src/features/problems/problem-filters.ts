import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { PROBLEM_SCOPES, PROBLEM_STATUSES, PROBLEM_TYPES } from '@/domain/problem-values';
import type { ProblemFilter, ProblemOrder, ProblemScope, ProblemStatus, ProblemType } from '@/gql/graphql';

export const PROBLEM_ORDERS = ['OPENED_DESC', 'OPENED_ASC', 'UPDATED_DESC'] as const satisfies readonly ProblemOrder[];
export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const DEFAULT_ORDER: ProblemOrder = 'OPENED_DESC';
export const DEFAULT_PAGE_SIZE: PageSize = 20;

/** What the problem list shows; kept in the URL so a view can be bookmarked, shared and returned to. */
export interface ProblemListView {
  type: ProblemType | null;
  scope: ProblemScope | null;
  status: ProblemStatus | null;
  waitingForMe: boolean;
  /** From the dashboard: one school's problems, or one region's (a GB/T 2260 code). */
  schoolId: string | null;
  regionCode: string | null;
  order: ProblemOrder;
  pageSize: PageSize;
}

function first(value: LocationQuery[string] | undefined): string {
  const head = Array.isArray(value) ? value[0] : value;
  return typeof head === 'string' ? head : '';
}

function oneOf<T extends string>(values: readonly T[], value: string): T | null {
  return (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads the view from a route query; anything unknown (an old or hand-edited link) falls back to the default. */
export function parseListView(query: LocationQuery): ProblemListView {
  const size = Number(first(query.size));
  return {
    type: oneOf(PROBLEM_TYPES, first(query.type)),
    scope: oneOf(PROBLEM_SCOPES, first(query.scope)),
    status: oneOf(PROBLEM_STATUSES, first(query.status)),
    waitingForMe: first(query.waiting) === '1',
    schoolId: /^\d{1,18}$/.test(first(query.school)) ? first(query.school) : null,
    regionCode: /^\d{6}$/.test(first(query.region)) ? first(query.region) : null,
    order: oneOf(PROBLEM_ORDERS, first(query.sort)) ?? DEFAULT_ORDER,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? (size as PageSize) : DEFAULT_PAGE_SIZE,
  };
}

/** The route query for a view; defaults are left out so that the plain list has the plain URL. */
export function listViewQuery(view: ProblemListView): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (view.type) query.type = view.type;
  if (view.scope) query.scope = view.scope;
  if (view.status) query.status = view.status;
  if (view.waitingForMe) query.waiting = '1';
  if (view.schoolId) query.school = view.schoolId;
  if (view.regionCode) query.region = view.regionCode;
  if (view.order !== DEFAULT_ORDER) query.sort = view.order;
  if (view.pageSize !== DEFAULT_PAGE_SIZE) query.size = String(view.pageSize);
  return query;
}

/** The API filter for a view, or null when nothing is filtered. */
export function listViewFilter(view: ProblemListView): ProblemFilter | null {
  const filter: ProblemFilter = {};
  if (view.type) filter.type = view.type;
  if (view.scope) filter.scope = view.scope;
  if (view.status) filter.status = view.status;
  if (view.waitingForMe) filter.waitingForMe = true;
  if (view.schoolId) filter.schoolId = view.schoolId;
  if (view.regionCode) filter.regionId = view.regionCode;
  return Object.keys(filter).length > 0 ? filter : null;
}

export function hasFilters(view: ProblemListView): boolean {
  return listViewFilter(view) !== null;
}
