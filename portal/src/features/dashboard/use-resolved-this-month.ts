import type { ApolloError } from '@apollo/client/core';
import { useApolloClient } from '@vue/apollo-composable';
import { ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { DashboardPage_ResolvedDocument, type DashboardPage_ResolvedQuery } from '@/gql/graphql';
import { chinaMonthStart } from './china-calendar';

/** Pages of 200 (the API's largest page); beyond 1,000 problems in a month the card says "1,000+". */
export const RESOLVED_MAX_PAGES = 5;

/**
 * How many problems were resolved since the first of this month (China time), in a region or the
 * whole scope. `problemStats` filters by the day a problem was opened, not resolved, so this
 * counts from the problem list instead: resolved problems, last changed first, until the first one
 * changed before the month began (resolving is a change, so nothing after it was resolved this
 * month). It is exact up to RESOLVED_MAX_PAGES pages, then a lower bound (`capped`).
 */
export function useResolvedThisMonth(
  regionCode: MaybeRefOrGetter<string | null>,
  options: { enabled?: MaybeRefOrGetter<boolean>; now?: () => Date } = {},
) {
  const now = options.now ?? (() => new Date());
  const { resolveClient } = useApolloClient();
  const count = ref<number | null>(null);
  const capped = ref(false);
  const loading = ref(false);
  const error = ref<ApolloError | null>(null);
  let generation = 0;

  async function fetchPage(after: string | null): Promise<DashboardPage_ResolvedQuery['problems']> {
    const { data } = await resolveClient().query({
      query: DashboardPage_ResolvedDocument,
      variables: { regionId: toValue(regionCode), after },
      fetchPolicy: 'network-only',
    });
    return data.problems;
  }

  async function load(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    const since = Date.parse(chinaMonthStart(now()));
    let total = 0;
    let after: string | null = null;
    let more = false;
    try {
      for (let page = 0; page < RESOLVED_MAX_PAGES; page++) {
        const { nodes, pageInfo } = await fetchPage(after);
        if (mine !== generation) return;
        const older = nodes.findIndex((node) => Date.parse(node.updatedAt) < since);
        const recent = older === -1 ? nodes : nodes.slice(0, older);
        total += recent.filter((node) => node.resolvedAt && Date.parse(node.resolvedAt) >= since).length;
        more = older === -1 && pageInfo.hasNextPage;
        if (!more) break;
        after = pageInfo.endCursor ?? null;
      }
      count.value = total;
      capped.value = more;
    } catch (failure) {
      if (mine === generation) error.value = failure as ApolloError;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  watch(
    () => [toValue(options.enabled ?? true), toValue(regionCode)] as const,
    ([enabled]) => {
      if (enabled) void load();
    },
    { immediate: true },
  );

  return { count, capped, loading, error, refetch: load };
}
