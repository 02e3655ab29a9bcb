import type { MockedResponse } from '@apollo/client/testing/core';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAuthToken } from '@/composables/use-auth-token';
import {
  RestoreRecord_MeDocument,
  RestoreRecord_RestoreDocument,
  StudentPage_ContinuationDocument,
  StudentPage_IdNumberDocument,
  StudentPage_StudentDocument,
  type Role,
} from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import StudentPage from './StudentPage.vue';

function studentMock(id: string, problems: { id: string; status: string }[], status = 'ENROLLED', extra: Record<string, unknown> = {}): MockedResponse {
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
          status,
          transferredTo: null,
          transferredAt: null,
          createdAt: '2026-09-01T02:00:00Z',
          school: {
            __typename: 'School',
            id: '7',
            code: '1330106001',
            name: '杭州市西湖区学军小学',
            region: { __typename: 'Region', code: '330106', name: '西湖区', parent: { __typename: 'Region', code: '330100', name: '杭州市' } },
          },
          problems: problems.map((p) => ({ __typename: 'Problem', id: p.id, type: 'DUPLICATE_ID', scope: 'CROSS_SCHOOL', status: p.status, openedAt: '2026-10-01T00:00:00Z' })),
          ...extra,
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

  const meMock = (role: Role): MockedResponse => ({ request: { query: RestoreRecord_MeDocument, variables: {} }, result: { data: { me: { __typename: 'User', id: 'u1', role } } } });

  it('lets district staff restore a deleted record with a reason, and shows it back in the registry', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const restore = vi.fn(() => ({ data: { restoreStudent: { __typename: 'RestorePayload', ok: true, error: null } } }));
    const { wrapper } = await mountWithApp(StudentPage, {
      route: '/students/1007',
      props: { id: '1007' },
      mocks: [
        studentMock('1007', [], 'DELETED'),
        meMock('DISTRICT_ADMIN'),
        { request: { query: RestoreRecord_RestoreDocument, variables: { studentId: '1007', reason: '误删：学生仍在本校就读' } }, result: restore },
        studentMock('1007', [], 'ENROLLED'),
      ],
    });
    mounted = wrapper;
    await vi.waitFor(() => expect(wrapper.find('[data-testid="student-restore"]').exists()).toBe(true));
    await wrapper.find('[data-testid="student-restore"]').trigger('click');

    // No reason, no request: the page says what is missing.
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="student-restore-confirm"]')).not.toBeNull());
    (document.body.querySelector('[data-testid="student-restore-confirm"]') as HTMLElement).click();
    await vi.waitFor(() => expect(document.body.textContent).toContain('请填写恢复原因。'));
    expect(restore).not.toHaveBeenCalled();

    const reason = (document.body.querySelector('textarea[data-testid="student-restore-reason"]') ?? document.body.querySelector('.el-dialog textarea')) as HTMLTextAreaElement;
    reason.value = '误删：学生仍在本校就读';
    reason.dispatchEvent(new Event('input'));
    (document.body.querySelector('[data-testid="student-restore-confirm"]') as HTMLElement).click();
    await vi.waitFor(() => expect(restore).toHaveBeenCalledOnce());
    await vi.waitFor(() => expect(wrapper.find('[data-testid="student-restore"]').exists()).toBe(false));
    expect(wrapper.find('.student-page__heading').text()).toContain('在籍');
  });

  it('offers no restore to a registrar, nor on a record that is not deleted', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const registrar = await mountWithApp(StudentPage, { route: '/students/5', props: { id: '5' }, mocks: [studentMock('5', [], 'DELETED'), meMock('SCHOOL_REGISTRAR')] });
    mounted = registrar.wrapper;
    await vi.waitFor(() => expect(registrar.wrapper.find('[data-testid="student-name"]').exists()).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(registrar.wrapper.find('[data-testid="student-restore"]').exists()).toBe(false);
    registrar.wrapper.unmount();

    const active = await mountWithApp(StudentPage, { route: '/students/6', props: { id: '6' }, mocks: [studentMock('6', []), meMock('DISTRICT_ADMIN')] });
    mounted = active.wrapper;
    await vi.waitFor(() => expect(active.wrapper.find('[data-testid="student-name"]').exists()).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(active.wrapper.find('[data-testid="student-restore"]').exists()).toBe(false);
  });

  describe('a record transferred out', () => {
    const TRANSFERRED = { transferredTo: '2002', transferredAt: '2026-11-20T02:30:00Z' };
    const continuationMock = (result: MockedResponse['result']): MockedResponse => ({ request: { query: StudentPage_ContinuationDocument, variables: { id: '2002' } }, result });

    it('says when it moved and links the record that continues it, where the viewer may open that one', async () => {
      setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
      const { wrapper } = await mountWithApp(StudentPage, {
        route: '/students/1007',
        props: { id: '1007' },
        mocks: [
          studentMock('1007', [], 'TRANSFERRED_OUT', TRANSFERRED),
          continuationMock({ data: { student: { __typename: 'Student', id: '2002', name: '阿依古丽·买买提', school: { __typename: 'School', id: '9', name: '杭州市上城区胜利小学' } } } }),
        ],
      });
      mounted = wrapper;
      const notice = await vi.waitFor(() => {
        const found = wrapper.find('[data-testid="student-transferred"]');
        expect(found.exists()).toBe(true);
        return found;
      });
      expect(notice.text()).toContain('已转出');
      expect(notice.text()).toMatch(/该学籍已于 2026\/11\/20 \d\d:30 转出/);
      const link = await vi.waitFor(() => {
        const found = wrapper.find('[data-testid="student-continued-by"]');
        expect(found.exists()).toBe(true);
        return found;
      });
      expect(link.attributes('href')).toBe('/students/2002');
      expect(link.text()).toBe('查看接续的学籍：阿依古丽·买买提（杭州市上城区胜利小学）');
    });

    it('links nothing when the continuing record is outside the viewer’s scope, and says why', async () => {
      setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
      const { wrapper } = await mountWithApp(StudentPage, {
        route: '/students/1007',
        props: { id: '1007' },
        locale: 'en',
        mocks: [studentMock('1007', [], 'TRANSFERRED_OUT', TRANSFERRED), continuationMock({ errors: [{ message: 'Student not found', extensions: { code: 'NOT_FOUND' } }] })],
      });
      mounted = wrapper;
      await vi.waitFor(() => expect(wrapper.find('[data-testid="student-continued-elsewhere"]').text()).toBe('The continuing record is at another school, outside your scope.'));
      expect(wrapper.find('[data-testid="student-transferred"]').text()).toContain('Transferred out');
      expect(wrapper.find('[data-testid="student-continued-by"]').exists()).toBe(false);
    });
  });
});

