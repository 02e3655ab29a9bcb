import type { MockedResponse } from '@apollo/client/testing/core';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAuthToken } from '@/composables/use-auth-token';
import { StudentPage_IdNumberDocument, StudentPage_StudentDocument } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import StudentPage from './StudentPage.vue';

function studentMock(id: string, problems: { id: string; status: string }[]): MockedResponse {
  return {
    request: { query: StudentPage_StudentDocument, variables: { id } },
    result: {
      data: {
        student: {
          __typename: 'Student',
          id,
          name: '阿依古丽·买买提',
          gender: 'F',
          birthDate: '2014-03-05',
          idType: 'RESIDENT_ID',
          idNumberMasked: '330106***********6',
          ethnicity: '维吾尔族',
          grade: '四年级',
          className: null,
          enrollmentMonth: '2020-09',
          householdRegion: null,
          phone: '13800000000',
          status: 'ENROLLED',
          createdAt: '2026-09-01T02:00:00Z',
          school: {
            __typename: 'School',
            id: '7',
            code: '1330106001',
            name: '杭州市西湖区学军小学',
            region: { __typename: 'Region', code: '330106', name: '西湖区', parent: { __typename: 'Region', code: '330100', name: '杭州市' } },
          },
          problems: problems.map((p) => ({ __typename: 'Problem', id: p.id, type: 'DUPLICATE_ID', scope: 'CROSS_SCHOOL', status: p.status, openedAt: '2026-10-01T00:00:00Z' })),
        },
      },
    },
  };
}

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

describe('StudentPage', () => {
  it('shows the whole record and links its problems; the full ID number only on request', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { wrapper } = await mountWithApp(StudentPage, {
      route: '/students/1007',
      props: { id: '1007' },
      mocks: [
        studentMock('1007', [
          { id: '41', status: 'OPEN' },
          { id: '40', status: 'RESOLVED' },
        ]),
        { request: { query: StudentPage_IdNumberDocument, variables: { id: '1007' } }, result: { data: { student: { __typename: 'Student', id: '1007', idNumber: '330106201403051226' } } } },
      ],
    });
    mounted = wrapper;

    await vi.waitFor(() => expect(wrapper.find('[data-testid="student-name"]').text()).toBe('阿依古丽·买买提'));
    const identity = wrapper.find('[data-testid="student-identity"]').text();
    for (const text of ['女', '2014-03-05', '居民身份证', '330106***********6', '维吾尔族']) expect(identity).toContain(text);
    const enrolment = wrapper.find('[data-testid="student-enrolment"]').text();
    for (const text of ['杭州市西湖区学军小学', '1330106001', '杭州市 西湖区', '四年级', '2020-09', '在籍']) expect(enrolment).toContain(text);
    expect(wrapper.text()).toContain('这条学籍目前在 1 个问题学籍中');

    const problems = wrapper.find('[data-testid="student-problems"]');
    expect(problems.findAll('a').map((a) => a.attributes('href'))).toEqual(['/problems/41', '/problems/40']);
    expect(problems.text()).toContain('待处理');
    expect(problems.text()).toContain('已解决');

    await wrapper.find('[data-testid="student-reveal-id"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="student-id-number"]').text()).toBe('330106201403051226'));
    await wrapper.find('[data-testid="student-reveal-id"]').trigger('click');
    expect(wrapper.find('[data-testid="student-id-number"]').text()).toBe('330106***********6');
  });

  it('says a record outside the scope is not found, and shows an empty problem list', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const missing = await mountWithApp(StudentPage, {
      route: '/students/9',
      props: { id: '9' },
      mocks: [{ request: { query: StudentPage_StudentDocument, variables: { id: '9' } }, result: { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] } }],
    });
    mounted = missing.wrapper;
    await vi.waitFor(() => expect(missing.wrapper.find('[data-testid="student-not-found"]').exists()).toBe(true));
    expect(missing.wrapper.text()).toContain('找不到这条学籍');
    missing.wrapper.unmount();

    const clean = await mountWithApp(StudentPage, { route: '/students/8', props: { id: '8' }, locale: 'en', mocks: [studentMock('8', [])] });
    mounted = clean.wrapper;
    await vi.waitFor(() => expect(clean.wrapper.find('[data-testid="student-problems-empty"]').exists()).toBe(true));
    expect(clean.wrapper.find('[data-testid="student-problems-empty"]').text()).toContain('This record has no problems');
  });
});
