import type { ApolloError } from '@apollo/client/core';
import { computed, ref, shallowRef, toValue, type MaybeRefOrGetter } from 'vue';

/** What useRelayPages reads of a connection: the edges merged by `relayStylePagination`, and its page info. */
export interface RelayConnection<Node> {
  edges: readonly { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  totalCount: number;
}

export interface RelayPagesOptions<Node> {
  /** The connection as the cache holds it: every page loaded so far, from the first one on. */
  connection: MaybeRefOrGetter<RelayConnection<Node> | null | undefined>;
  /** Items per page: the `first` the list query asks for. */
  size: MaybeRefOrGetter<number>;
  /** The filter, order and size: when it changes the view starts again from page 1, in the same tick. */
  key: MaybeRefOrGetter<string>;
  /** The query's fetchMore: loads the page after `after`; the type policy merges it into the connection. */
  fetchMore: (variables: { after: string }) => Promise<unknown>;
}

/**
 * Page-by-page view of a Relay connection paged by Apollo's `relayStylePagination` (see
 * createCache). The type policy merges each page that `fetchMore({ after })` brings into one list,
 * infinite-list style; this shows one page of it at a time by slicing the merged edges: page n is
 * edges `(n-1)·size … n·size`. The merged list always starts at the first page (the query asks
 * without a cursor, which starts the cache entry again), so every earlier page is already loaded:
 * "previous" moves back without a request, and "next" fetches only a page not loaded yet.
 */
export function useRelayPages<Node>(options: RelayPagesOptions<Node>) {
  const state = ref({ key: toValue(options.key), page: 1 });
  const fetching = ref(false);
  /** Why the last "next" could not load its page; the view stays where it was. */
  const error = shallowRef<ApolloError | null>(null);

  const edges = computed(() => toValue(options.connection)?.edges ?? []);
  const size = computed(() => toValue(options.size));
  /** 1-based page number; back to 1 when the key changes, or when the loaded list no longer reaches the page (a refetch started it again). */
  const page = computed(() => {
    if (state.value.key !== toValue(options.key)) return 1;
    const loadedPages = Math.max(1, Math.ceil(edges.value.length / size.value));
    return Math.min(state.value.page, loadedPages);
  });
  /** The nodes of the page shown. */
  const nodes = computed(() => edges.value.slice((page.value - 1) * size.value, page.value * size.value).map((edge) => edge.node));
  const totalCount = computed(() => toValue(options.connection)?.totalCount ?? 0);
  const pageCount = computed(() => Math.max(1, Math.ceil(totalCount.value / size.value)));
  const hasPrevious = computed(() => page.value > 1);
  const hasNext = computed(() => edges.value.length > page.value * size.value || (toValue(options.connection)?.pageInfo.hasNextPage ?? false));

  function go(to: number): void {
    state.value = { key: toValue(options.key), page: to };
  }

  async function next(): Promise<void> {
    const connection = toValue(options.connection);
    if (!connection || !hasNext.value || fetching.value) return;
    const target = page.value + 1;
    const loaded = edges.value.length > page.value * size.value;
    const after = connection.pageInfo.endCursor ?? edges.value.at(-1)?.cursor;
    error.value = null;
    if (!loaded && after) {
      fetching.value = true;
      try {
        await options.fetchMore({ after });
      } catch (failure) {
        error.value = failure as ApolloError;
        return;
      } finally {
        fetching.value = false;
      }
    }
    go(target);
  }

  function previous(): void {
    error.value = null;
    if (hasPrevious.value) go(page.value - 1);
  }

  return { page, pageCount, nodes, totalCount, hasPrevious, hasNext, fetching, error, next, previous };
}

export type RelayPages = ReturnType<typeof useRelayPages>;
