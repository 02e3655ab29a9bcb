import type { VueWrapper } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { setAuthToken } from '@/composables/use-auth-token';
import { DashboardPage_MeDocument, DashboardPage_ResolvedDocument, DashboardPage_StatsDocument, RegionLevelSelect_RegionsDocument, UnusualImportsCard_ImportsDocument } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import DashboardPage from './DashboardPage.vue';
import { chinaToday, mondayOf } from './china-calendar';

vi.mock('vue-echarts', async () => ({ default: (await import('@/test/chart-stub')).VChartStub }));

const region = (code: string, name: string, level: string) => ({ __typename: 'Region', code, name, level });

/** The staff dashboard's card of imports with unusual match rates: none here (UnusualImportsCard.test.ts tests it). */
const noUnusualImports = { request: { query: UnusualImportsCard_ImportsDocument, variables: {} }, result: { data: { unusualImports: [] } } };

function meMock(role: string, home: ReturnType<typeof region> | null) {
  return { request: { query: DashboardPage_MeDocument }, result: { data: { me: { __typename: 'User', id: 'u1', role, region: home } } } };
}

const districtsMock = {
  request: { query: RegionLevelSelect_RegionsDocument, variables: { parentCode: '330100' } },
  result: { data: { regions: [region('330106', '西湖区', 'DISTRICT'), region('330108', '滨江区', 'DISTRICT')] } },
};

const row = (fields: Record<string, unknown>) => ({ __typename: 'ProblemStatsRow', ...fields });

function statsMock(regionCode: string | null) {
  const thisWeek = mondayOf(chinaToday());
  return {
    request: { query: DashboardPage_StatsDocument, variables: { filter: regionCode ? { regionCode } : null } },
    result: {
      data: {
        totals: [row({ count: 12, unresolved: 7, overdue: 2, graduating: 3, resolved: 5, medianDaysToResolve: 3.5, medianOpenAgeDays: 9 })],
        byTypeAndStatus: [
          row({ type: 'DUPLICATE_ID', status: 'OPEN', count: 4 }),
          row({ type: 'DUPLICATE_ID', status: 'RESOLVED', count: 5 }),
          row({ type: 'INVALID_ID', status: 'ESCALATED', count: 3 }),
        ],
        bySchool: [
          row({ schoolId: 's1', school: { __typename: 'School', id: 's1', name: '文三街小学' }, unresolved: 2, graduating: 0 }),
          row({ schoolId: 's2', school: { __typename: 'School', id: 's2', name: '求是小学' }, unresolved: 5, graduating: 3 }),
        ],
        byWeek: [row({ openedWeek: thisWeek, count: 12, unresolved: 7 })],
      },
    },
  };
}

function resolvedMock(regionId: string | null) {
  const now = new Date().toISOString();
  return {
    request: { query: DashboardPage_ResolvedDocument, variables: { regionId, after: null } },
    result: {
      data: {
        problems: {
          __typename: 'ProblemConnection',
          nodes: [
            { __typename: 'Problem', id: '31', resolvedAt: now, updatedAt: now },
            { __typename: 'Problem', id: '30', resolvedAt: '2001-01-01T00:00:00Z', updatedAt: '2001-01-01T00:00:00Z' },
          ],
          pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: true },
        },
      },
    },
  };
}

function chartIn(wrapper: VueWrapper, testId: string) {
  const chart = wrapper.findAllComponents({ name: 'VChart' }).find((c) => c.element.closest(`[data-testid="${testId}"]`));
  if (!chart) throw new Error(`no chart in ${testId}`);
  return chart;
}

const cardValue = (wrapper: VueWrapper, testId: string) => wrapper.find(`[data-testid="${testId}"] [data-testid="stat-value"]`).text();

describe('DashboardPage', () => {
  it('shows the figures and charts of the region, and a click on a bar opens the filtered list', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { wrapper, router } = await mountWithApp(DashboardPage, {
      route: '/dashboard',
      mocks: [meMock('CITY_ADMIN', region('330100', '杭州市', 'CITY')), statsMock(null), resolvedMock(null), districtsMock, noUnusualImports],
    });

    await vi.waitFor(() => expect(cardValue(wrapper, 'card-unresolved')).toBe('7'));
    expect(cardValue(wrapper, 'card-overdue')).toBe('2');
    expect(wrapper.find('[data-testid="card-overdue"]').text()).toContain('占未解决问题的 29%');
    expect(cardValue(wrapper, 'card-graduating')).toBe('3');
    expect(wrapper.find('[data-testid="card-graduating"]').text()).toContain('涉及 1 所学校');
    expect(cardValue(wrapper, 'card-median-days')).toBe('3.5 天');
    await vi.waitFor(() => expect(cardValue(wrapper, 'card-resolved-month')).toBe('1'));
    expect(wrapper.text()).toContain('管理范围：杭州市');

    const typeStatus = chartIn(wrapper, 'chart-type-status');
    expect(typeStatus.text()).toContain('待处理: [4,0]');
    expect(typeStatus.text()).toContain('待裁决: [0,3]');
    expect(chartIn(wrapper, 'chart-top-schools').text()).toContain('未解决: [5,2]');
    expect(chartIn(wrapper, 'chart-ageing').text()).toContain('[{"value":7');

    // Series 2 is ESCALATED (statuses in display order: OPEN, ESCALATED, RESOLVED), bar 1 is INVALID_ID.
    typeStatus.vm.$emit('click', { componentType: 'series', seriesIndex: 1, dataIndex: 1 });
    await vi.waitFor(() => expect(router!.currentRoute.value.name).toBe('problems'));
    expect(router!.currentRoute.value.query).toEqual({ type: 'INVALID_ID', status: 'ESCALATED' });
    wrapper.unmount();
  });

  it('narrows everything to the region in the URL, and a school bar opens that school', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { wrapper, router } = await mountWithApp(DashboardPage, {
      route: '/dashboard?region=330106',
      mocks: [meMock('CITY_ADMIN', region('330100', '杭州市', 'CITY')), statsMock('330106'), resolvedMock('330106'), districtsMock, noUnusualImports],
    });
    await vi.waitFor(() => expect(cardValue(wrapper, 'card-unresolved')).toBe('7'));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="dashboard-region-3"]').text()).toContain('西湖区'));

    chartIn(wrapper, 'chart-type-status').vm.$emit('click', { componentType: 'series', seriesIndex: 0, dataIndex: 0 });
    await vi.waitFor(() => expect(router!.currentRoute.value.name).toBe('problems'));
    expect(router!.currentRoute.value.query).toEqual({ type: 'DUPLICATE_ID', status: 'OPEN', region: '330106' });

    await router!.back();
    await vi.waitFor(() => expect(router!.currentRoute.value.name).toBe('dashboard'));
    chartIn(wrapper, 'chart-top-schools').vm.$emit('click', { componentType: 'series', seriesIndex: 0, dataIndex: 0 });
    await vi.waitFor(() => expect(router!.currentRoute.value.name).toBe('problems'));
    expect(router!.currentRoute.value.query).toEqual({ school: 's2' });
    wrapper.unmount();
  });

  it('says whom the dashboard is for to a school registrar', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { wrapper } = await mountWithApp(DashboardPage, { route: '/dashboard', mocks: [meMock('SCHOOL_REGISTRAR', null)] });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="dashboard-not-allowed"]').exists()).toBe(true));
    expect(wrapper.text()).toContain('统计概览供区县、市、省级学籍管理员使用');
    expect(wrapper.find('[data-testid="chart-type-status"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows an error in every chart with a retry, and an empty state when there are no problems', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const empty = statsMock(null);
    empty.result.data = { totals: [row({ count: 0, unresolved: 0, overdue: 0, graduating: 0, resolved: 0, medianDaysToResolve: null, medianOpenAgeDays: null })], byTypeAndStatus: [], bySchool: [], byWeek: [] };
    const { wrapper } = await mountWithApp(DashboardPage, {
      route: '/dashboard',
      locale: 'en',
      mocks: [
        meMock('DISTRICT_ADMIN', region('330106', '西湖区', 'DISTRICT')),
        { request: statsMock(null).request, result: { errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } },
        resolvedMock(null),
        empty,
        noUnusualImports,
      ],
    });
    await vi.waitFor(() => expect(wrapper.findAll('[role="alert"]').length).toBeGreaterThanOrEqual(4));
    expect(wrapper.find('[data-testid="chart-trend"]').text()).toContain('Could not load the statistics');
    // A district admin has no smaller region to pick.
    expect(wrapper.find('[data-testid="dashboard-region"]').exists()).toBe(false);

    await wrapper.find('[data-testid="chart-trend"] .el-result button').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="chart-trend"]').text()).toContain('No problems found in the last 26 weeks'));
    expect(wrapper.find('[data-testid="chart-top-schools"]').text()).toContain('No school has unresolved problems');
    expect(cardValue(wrapper, 'card-median-days')).toBe('None yet');
    wrapper.unmount();
  });
});
