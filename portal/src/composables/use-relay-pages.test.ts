import { describe, expect, it, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import { useRelayPages, type RelayConnection } from './use-relay-pages';

type Node = { id: string };

/** The connection as relayStylePagination leaves it after `loaded` items of `total` were fetched. */
function connection(loaded: number, total: number): RelayConnection<Node> {
  const edges = Array.from({ length: loaded }, (_, i) => ({ cursor: `c${i + 1}`, node: { id: String(i + 1) } }));
  return { edges, pageInfo: { hasNextPage: loaded < total, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
}

function setup(loaded: number, total: number, size = 3) {
  const conn = ref<RelayConnection<Node> | null>(connection(loaded, total));
  const key = ref('a');
  // Stands for fetchMore + the type policy: the next `size` items are merged in after `after`.
  const fetchMore = vi.fn(async ({ after }: { after: string }) => {
    const at = conn.value!.edges.findIndex((e) => e.cursor === after) + 1;
    conn.value = connection(Math.min(at + size, total), total);
  });
  const pages = useRelayPages({ connection: conn, size, key, fetchMore });
  const ids = () => pages.nodes.value.map((n) => n.id);
  return { conn, key, fetchMore, pages, ids };
}

describe('useRelayPages', () => {
  it('shows one page of the merged edges and fetches only pages not loaded yet', async () => {
    const { pages, fetchMore, ids } = setup(3, 7);
    expect(ids()).toEqual(['1', '2', '3']);
    expect([pages.page.value, pages.pageCount.value, pages.hasPrevious.value, pages.hasNext.value]).toEqual([1, 3, false, true]);

    await pages.next();
    expect(fetchMore).toHaveBeenLastCalledWith({ after: 'c3' });
    expect(ids()).toEqual(['4', '5', '6']);
    await pages.next();
    expect(fetchMore).toHaveBeenLastCalledWith({ after: 'c6' });
    expect(ids()).toEqual(['7']);
    expect([pages.page.value, pages.hasNext.value]).toEqual([3, false]);

    // Earlier pages are in the cache already: no request going back, nor forward again.
    pages.previous();
    pages.previous();
    expect(ids()).toEqual(['1', '2', '3']);
    await pages.next();
    expect(ids()).toEqual(['4', '5', '6']);
    expect(fetchMore).toHaveBeenCalledTimes(2);
  });

  it('starts again from page 1 when the key changes or a refetch starts the list again', async () => {
    const { pages, key, conn, ids } = setup(3, 7);
    await pages.next();
    key.value = 'b';
    await nextTick();
    expect([pages.page.value, ids()]).toEqual([1, ['1', '2', '3']]);

    await pages.next();
    conn.value = connection(3, 7); // the query's own (cursorless) request replaced the merged list
    expect([pages.page.value, ids()]).toEqual([1, ['1', '2', '3']]);
  });

  it('stays on the page when the next one fails to load, and says why', async () => {
    const { pages, fetchMore, ids } = setup(3, 7);
    fetchMore.mockRejectedValueOnce(new Error('offline'));
    await pages.next();
    expect([pages.page.value, ids(), pages.error.value?.message]).toEqual([1, ['1', '2', '3'], 'offline']);
    await pages.next();
    expect([pages.page.value, pages.error.value]).toEqual([2, null]);
  });
});
