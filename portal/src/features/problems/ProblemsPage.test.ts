import { describe, expect, it, vi } from 'vitest';
import { setAuthToken } from '@/composables/use-auth-token';
import { ProblemsPage_ProblemsDocument } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import ProblemsPage from './ProblemsPage.vue';
import { countsMock, problemsMock, row } from './test-fixtures';

const COUNTS = { all: 3, duplicateId: 2, duplicateIdentity: 1, invalidId: 0, waiting: 2 };

function signIn(): void {
  setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
}

describe('ProblemsPage', () => {
  it('lists the problems of the filters in the URL, with counts per type and overdue rows marked', async () => {
    signIn();
    const { wrapper } = await mountWithApp(ProblemsPage, {
      route: '/problems?type=DUPLICATE_ID&waiting=1&sort=OPENED_ASC',
      mocks: [
        problemsMock({ filter: { type: 'DUPLICATE_ID', waitingForMe: true }, orderBy: 'OPENED_ASC' }, [
          row('7', { overdue: true, deadlineAt: '2026-11-20T08:00:00.000Z', graduating: true, daysToGraduation: 42 }),
          row('9', { status: 'PENDING_REVIEW', nextStep: { __typename: 'NextStep', kind: 'WAIT_FOR_REVIEW', yourTurn: false } }),
        ]),
        countsMock({ type: 'DUPLICATE_ID', waitingForMe: true }, COUNTS),
      ],
    });

    await vi.waitFor(() => expect(wrapper.find('[data-testid="problems-table"]').text()).toContain('#7'));
    const table = wrapper.find('[data-testid="problems-table"]').text();
    for (const text of ['#9', '身份证件号重复', '跨校', '待处理', '待审核', '林小雨', '杭州市西湖区学军小学', '杭州市上城区胜利小学', '本校']) {
      expect(table).toContain(text);
    }
    // Whose turn it is, per row: the API's next step.
    expect(wrapper.findAll('[data-testid="problem-next-step-tag"]').map((tag) => tag.text())).toEqual(['待您处理', '等待审核']);
    expect(wrapper.findAll('[data-testid="problem-overdue"]')).toHaveLength(1);
    expect(wrapper.find('[data-testid="problem-overdue"]').text()).toContain('已逾期');
    // A pupil who graduates soon: flagged with the countdown, on that row only.
    expect(wrapper.findAll('[data-testid="problem-graduating"]').map((tag) => tag.text())).toEqual(['毕业班 · 距毕业 42 天']);
    expect(wrapper.find('[data-testid="problems-total"]').text()).toBe('共 2 个问题');

    // The URL's filters are what the controls show.
    await vi.waitFor(() => expect(wrapper.find('[data-testid="problems-type-DUPLICATE_ID"]').text()).toContain('2'));
    expect(wrapper.find('[data-testid="problems-type-DUPLICATE_ID"]').classes()).toContain('is-active');
    expect(wrapper.find('[data-testid="problems-type-all"]').text()).toContain('3');
    expect(wrapper.find('[data-testid="problems-waiting"]').classes()).toContain('is-checked');
    wrapper.unmount();
  });

  it('writes the chosen filters to the URL, and the back button restores the previous ones', async () => {
    signIn();
    const { wrapper, router } = await mountWithApp(ProblemsPage, {
      route: '/problems',
      mocks: [
        problemsMock({}, [row('1'), row('2'), row('3', { type: 'DUPLICATE_IDENTITY' })]),
        countsMock({}, COUNTS),
        problemsMock({ filter: { type: 'DUPLICATE_IDENTITY' } }, [row('3', { type: 'DUPLICATE_IDENTITY' })]),
        countsMock({ type: 'DUPLICATE_IDENTITY' }, COUNTS),
        problemsMock({ filter: { type: 'DUPLICATE_IDENTITY', waitingForMe: true } }, [row('3', { type: 'DUPLICATE_IDENTITY' })]),
        countsMock({ type: 'DUPLICATE_IDENTITY', waitingForMe: true }, COUNTS),
      ],
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('#2'));

    await wrapper.find('[data-testid="problems-type-DUPLICATE_IDENTITY"] input').setValue(true);
    await vi.waitFor(() => expect(router!.currentRoute.value.query).toEqual({ type: 'DUPLICATE_IDENTITY' }));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="problems-table"]').text()).not.toContain('#2'));

    await wrapper.find('[data-testid="problems-waiting"]').trigger('click');
    await vi.waitFor(() => expect(router!.currentRoute.value.query).toEqual({ type: 'DUPLICATE_IDENTITY', waiting: '1' }));

    router!.back();
    await vi.waitFor(() => expect(router!.currentRoute.value.query).toEqual({ type: 'DUPLICATE_IDENTITY' }));
    router!.back();
    await vi.waitFor(() => expect(router!.currentRoute.value.query).toEqual({}));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="problems-type-all"]').classes()).toContain('is-active'));
    wrapper.unmount();
  });

  it('sorts through the URL and pages with cursors, one page at a time', async () => {
    signIn();
    // A full first page of 20 (#5 and #800…#818), then the last one (#4).
    const firstPage = [row('5'), ...Array.from({ length: 19 }, (_, i) => row(`8${String(i).padStart(2, '0')}`))];
    const { wrapper, router } = await mountWithApp(ProblemsPage, {
      route: '/problems',
      mocks: [
        problemsMock({}, [row('6')]),
        countsMock({}, COUNTS),
        problemsMock({ orderBy: 'UPDATED_DESC' }, firstPage, { totalCount: 21, endCursor: 'c1', hasNextPage: true }),
        problemsMock({ orderBy: 'UPDATED_DESC', after: 'c1' }, [row('4')], { totalCount: 21, hasPreviousPage: true }),
      ],
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('#6'));

    // Element Plus renders the options in a popper on <body>.
    await wrapper.find('[data-testid="problems-sort"] .el-select__wrapper').trigger('click');
    const option = await vi.waitFor(() => {
      const found = [...document.body.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((el) => el.textContent?.trim() === '最近处理在前');
      expect(found).toBeDefined();
      return found!;
    });
    option.click();
    await vi.waitFor(() => expect(router!.currentRoute.value.query).toEqual({ sort: 'UPDATED_DESC' }));
    await vi.waitFor(() => expect(wrapper.text()).toContain('#5'));
    expect(wrapper.find('[data-testid="problems-sort"]').text()).toContain('最近处理在前');
    expect(wrapper.find('[data-testid="problems-page"]').text()).toBe('第 1 / 2 页');

    await wrapper.find('[data-testid="problems-next"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('#4'));
    expect(wrapper.find('[data-testid="problems-page"]').text()).toBe('第 2 / 2 页');
    // The cache merged the pages (relayStylePagination); the view shows the second one only.
    expect(wrapper.find('[data-testid="problems-table"]').text()).not.toContain('#5');
    expect(wrapper.find('[data-testid="problems-next"]').attributes('disabled')).toBeDefined();
    expect(router!.currentRoute.value.query).toEqual({ sort: 'UPDATED_DESC' });

    // Back to the first page, already in the cache.
    await wrapper.find('[data-testid="problems-previous"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="problems-table"]').text()).toContain('#5'));
    expect(wrapper.find('[data-testid="problems-table"]').text()).not.toContain('#4');
    expect(wrapper.find('[data-testid="problems-page"]').text()).toBe('第 1 / 2 页');
    expect(wrapper.find('[data-testid="problems-previous"]').attributes('disabled')).toBeDefined();
    wrapper.unmount();
  });

  it('explains an empty list of problems waiting for me, and offers to clear the filters', async () => {
    signIn();
    const { wrapper, router } = await mountWithApp(ProblemsPage, {
      route: '/problems?waiting=1',
      mocks: [
        problemsMock({ filter: { waitingForMe: true } }, []),
        countsMock({ waitingForMe: true }, { all: 0, duplicateId: 0, duplicateIdentity: 0, invalidId: 0, waiting: 0 }),
        problemsMock({}, [row('1')]),
        countsMock({}, COUNTS),
      ],
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="problems-empty"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="problems-empty"]').text()).toContain('太好了，没有等待您处理的问题');

    await wrapper.find('[data-testid="problems-clear"]').trigger('click');
    await vi.waitFor(() => expect(router!.currentRoute.value.query).toEqual({}));
    await vi.waitFor(() => expect(wrapper.text()).toContain('#1'));
    wrapper.unmount();
  });

  it('shows a translated error with a retry button', async () => {
    signIn();
    const { wrapper } = await mountWithApp(ProblemsPage, {
      route: '/problems',
      locale: 'en',
      mocks: [
        {
          request: { query: ProblemsPage_ProblemsDocument, variables: { filter: null, orderBy: 'OPENED_DESC', first: 20, after: null } },
          result: { errors: [{ message: 'Outside your scope.', extensions: { code: 'FORBIDDEN' } }] },
        },
        countsMock({}, COUNTS),
      ],
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="problems-error"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="problems-error"]').text()).toContain('You do not have permission to see this data.');
    expect(wrapper.find('[data-testid="problems-error"] button').text()).toBe('Try again');
    wrapper.unmount();
  });
});
