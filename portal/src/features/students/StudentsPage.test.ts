import { describe, expect, it, vi } from 'vitest';
import { setAuthToken } from '@/composables/use-auth-token';
import { StudentsPage_StudentsDocument } from '@/gql/graphql';
import { relayConnection } from '@/test/connection';
import { mountWithApp } from '@/test/mount';
import StudentsPage from './StudentsPage.vue';

function student(id: string, name: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Student',
    id,
    name,
    gender: 'F',
    birthDate: '2014-03-05',
    idNumberMasked: '330106***********4',
    grade: '四年级',
    className: '2班',
    status: 'ENROLLED',
    school: {
      __typename: 'School',
      id: 's1',
      name: '杭州市西湖区文三街小学',
      region: { __typename: 'Region', code: '330106', name: '西湖区' },
    },
    ...overrides,
  };
}

function studentsMock(
  variables: { search?: string; after?: string | null; first?: number },
  nodes: ReturnType<typeof student>[],
  page: { totalCount: number; endCursor?: string | null; hasNextPage?: boolean; hasPreviousPage?: boolean },
) {
  return {
    request: {
      query: StudentsPage_StudentsDocument,
      variables: {
        filter: variables.search ? { search: variables.search } : null,
        first: variables.first ?? 20,
        after: variables.after ?? null,
      },
    },
    result: {
      data: {
        students: relayConnection('StudentConnection', nodes, page),
      },
    },
  };
}

describe('StudentsPage', () => {
  it('runs the search from the URL and shows the records and their count', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { wrapper } = await mountWithApp(StudentsPage, {
      route: '/students?q=%E5%BC%A0',
      mocks: [studentsMock({ search: '张' }, [student('1', '张三'), student('2', '张小红', { gender: 'M', grade: null })], { totalCount: 2 })],
    });

    await vi.waitFor(() => expect(wrapper.text()).toContain('张小红'));
    const search = wrapper.find('input[data-testid="students-search"]').element as HTMLInputElement;
    expect(search.value).toBe('张');
    expect(wrapper.find('[data-testid="students-total"]').text()).toBe('找到 2 条与“张”匹配的记录');
    const table = wrapper.find('[data-testid="students-table"]').text();
    for (const text of ['330106***********4', '四年级', '2班', '杭州市西湖区文三街小学', '西湖区', '在籍', '女', '男', '—']) {
      expect(table).toContain(text);
    }
    wrapper.unmount();
  });

  it('puts a typed search in the URL after a pause, and pages with cursors', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { wrapper, router } = await mountWithApp(StudentsPage, {
      route: '/students',
      mocks: [
        studentsMock({}, [student('1', '王一')], { totalCount: 3 }),
        studentsMock({ search: '李' }, [student('2', '李二'), ...Array.from({ length: 19 }, (_, i) => student(`x${i}`, `赵${i}`))], {
          totalCount: 21,
          endCursor: 'c1',
          hasNextPage: true,
        }),
        studentsMock({ search: '李', after: 'c1' }, [student('3', '李三')], { totalCount: 21, endCursor: 'c2', hasPreviousPage: true }),
      ],
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('王一'));
    expect(wrapper.find('[data-testid="students-total"]').text()).toBe('共 3 条记录');

    await wrapper.find('input[data-testid="students-search"]').setValue('李 ');
    await vi.waitFor(() => expect(router!.currentRoute.value.query.q).toBe('李'));
    await vi.waitFor(() => expect(wrapper.text()).toContain('李二'));
    expect(wrapper.text()).toContain('第 1 / 2 页');

    await wrapper.find('[data-testid="students-next"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('李三'));
    expect(wrapper.text()).toContain('第 2 / 2 页');
    expect(wrapper.text()).not.toContain('李二');
    expect(wrapper.find('[data-testid="students-next"]').attributes('disabled')).toBeDefined();

    await wrapper.find('[data-testid="students-previous"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('李二'));
    expect(wrapper.text()).toContain('第 1 / 2 页');
    expect(wrapper.text()).not.toContain('李三');
    wrapper.unmount();
  });

  it('explains an empty search result', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { wrapper } = await mountWithApp(StudentsPage, {
      route: '/students?q=nobody',
      locale: 'en',
      mocks: [studentsMock({ search: 'nobody' }, [], { totalCount: 0 })],
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="students-empty"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="students-empty"]').text()).toContain('No records match “nobody”');
    wrapper.unmount();
  });

  it('shows a translated error with a retry button', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { wrapper } = await mountWithApp(StudentsPage, {
      route: '/students',
      mocks: [
        {
          request: { query: StudentsPage_StudentsDocument, variables: { filter: null, first: 20, after: null } },
          result: { errors: [{ message: 'Outside your scope.', extensions: { code: 'FORBIDDEN' } }] },
        },
      ],
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="students-error"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="students-error"]').text()).toContain('您没有权限查看这些数据');
    expect(wrapper.find('[data-testid="students-error"] button').text()).toBe('重试');
    wrapper.unmount();
  });
});
