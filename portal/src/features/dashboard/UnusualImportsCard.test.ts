import type { MockedResponse } from '@apollo/client/testing/core';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnusualImportsCard_ImportsDocument } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import UnusualImportsCard from './UnusualImportsCard.vue';

function importsMock(rows: Record<string, unknown>[]): MockedResponse {
  return { request: { query: UnusualImportsCard_ImportsDocument, variables: {} }, result: { data: { unusualImports: rows } } };
}

const row = (id: string, status: string, overrides: Record<string, unknown> = {}) => ({
  __typename: 'UnusualImport',
  id,
  importedBy: 'reg.wang',
  at: '2026-11-30T02:00:00.000Z',
  rows: 25,
  crossSchoolMatches: 20,
  matchRate: 0.8,
  status,
  school: { __typename: 'School', id: '7', name: '杭州市西湖区学军小学' },
  ...overrides,
});

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

describe('UnusualImportsCard', () => {
  it('lists each import with its school, user, rows, matches, rate and status', async () => {
    const { wrapper } = await mountWithApp(UnusualImportsCard, {
      mocks: [importsMock([row('hold:3', 'HELD'), row('import:9', 'LANDED', { importedBy: null, rows: 1000, crossSchoolMatches: 60, matchRate: 0.06 })])],
    });
    mounted = wrapper;
    await vi.waitFor(() => expect(wrapper.find('[data-testid="unusual-rate-hold:3"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="unusual-rate-hold:3"]').text()).toBe('80%');
    expect(wrapper.find('[data-testid="unusual-rate-import:9"]').text()).toBe('6%');
    const text = wrapper.text();
    for (const expected of ['杭州市西湖区学军小学', 'reg.wang', '运维命令行', '待审核', '已导入', '1,000', '60']) expect(text).toContain(expected);
  });

  it('says when nothing unusual was imported', async () => {
    const { wrapper } = await mountWithApp(UnusualImportsCard, { locale: 'en', mocks: [importsMock([])] });
    mounted = wrapper;
    await vi.waitFor(() => expect(wrapper.text()).toContain('No unusual imports in the last 90 days'));
  });
});
