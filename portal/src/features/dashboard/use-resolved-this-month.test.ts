import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { DashboardPage_ResolvedDocument } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import { RESOLVED_MAX_PAGES, useResolvedThisMonth } from './use-resolved-this-month';

const NOW = new Date('2025-03-20T04:00:00Z');
const node = (id: string, resolvedAt: string | null, updatedAt: string) => ({ __typename: 'Problem', id, resolvedAt, updatedAt });

function page(after: string | null, nodes: ReturnType<typeof node>[], endCursor: string | null, hasNextPage: boolean) {
  return {
    request: { query: DashboardPage_ResolvedDocument, variables: { regionId: '330106', after } },
    result: { data: { problems: { __typename: 'ProblemConnection', nodes, pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage } } } },
  };
}

async function mountCounter(mocks: ReturnType<typeof page>[]) {
  let state!: ReturnType<typeof useResolvedThisMonth>;
  const Probe = defineComponent({
    setup() {
      state = useResolvedThisMonth('330106', { now: () => NOW });
      return () => h('div');
    },
  });
  const mounted = await mountWithApp(Probe, { mocks });
  return { ...mounted, state: () => state };
}

describe('useResolvedThisMonth', () => {
  it('pages through resolved problems until one was last changed before the month began (China time)', async () => {
    const { wrapper, state } = await mountCounter([
      page(null, [node('9', '2025-03-19T00:00:00Z', '2025-03-19T00:00:00Z'), node('8', '2025-03-02T00:00:00Z', '2025-03-10T00:00:00Z')], 'c1', true),
      // Resolved in February but changed since: not this month's. Then 28 Feb 16:30 UTC, which is already 1 March in Beijing.
      page('c1', [node('7', '2025-02-20T00:00:00Z', '2025-03-05T00:00:00Z'), node('6', '2025-02-28T16:30:00Z', '2025-02-28T16:30:00Z'), node('5', '2025-02-28T15:00:00Z', '2025-02-28T15:00:00Z')], 'c2', true),
    ]);
    await vi.waitFor(() => expect(state().loading.value).toBe(false));
    expect(state().error.value).toBeNull();
    expect(state().count.value).toBe(3);
    expect(state().capped.value).toBe(false);
    wrapper.unmount();
  });

  it(`stops after ${RESOLVED_MAX_PAGES} pages and says the count is a lower bound`, async () => {
    const recent = (i: number) => node(String(i), '2025-03-18T00:00:00Z', '2025-03-18T00:00:00Z');
    const pages = Array.from({ length: RESOLVED_MAX_PAGES }, (_, i) => page(i === 0 ? null : `c${i}`, [recent(2 * i), recent(2 * i + 1)], `c${i + 1}`, true));
    const { wrapper, state } = await mountCounter(pages);
    await vi.waitFor(() => expect(state().count.value).toBe(2 * RESOLVED_MAX_PAGES));
    expect(state().capped.value).toBe(true);
    wrapper.unmount();
  });
});
