import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAuthToken } from '@/composables/use-auth-token';
import { PolicePage_ImportDocument, PolicePage_MeDocument, type Role } from '@/gql/graphql';
import { fakeXhr } from '@/test/fake-xhr';
import { mountWithApp } from '@/test/mount';
import PolicePage from './PolicePage.vue';

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  vi.unstubAllGlobals();
});

function meMock(role: Role) {
  return { request: { query: PolicePage_MeDocument, variables: {} }, result: { data: { me: { __typename: 'User', id: 'u1', role } } } };
}

function importMock(payload: Record<string, unknown>) {
  const imported = vi.fn(() => ({
    data: {
      importPoliceResults: {
        __typename: 'PoliceImportResult',
        ok: true,
        rowsRead: 3,
        matched: 2,
        consistent: 1,
        notFound: 1,
        nameMismatch: 0,
        unmatchedRows: [4],
        problemsOpened: 1,
        errors: [],
        ...payload,
      },
    },
  }));
  return { imported, mock: { request: { query: PolicePage_ImportDocument, variables: { input: { uploadId: 'up-1' } } }, result: imported } };
}

async function mountPage(mocks: unknown[]) {
  setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
  const { wrapper } = await mountWithApp(PolicePage, { route: '/police', mocks: mocks as never[] });
  mounted = wrapper;
  return wrapper;
}

async function chooseAndStart(wrapper: VueWrapper): Promise<void> {
  await vi.waitFor(() => expect(wrapper.find('[data-testid="police-file"]').exists()).toBe(true));
  const input = wrapper.find('[data-testid="police-file"]');
  Object.defineProperty(input.element, 'files', { value: [new File(['公民身份号码,姓名,核查结果\n'], '核查结果.csv', { type: 'text/csv' })], configurable: true });
  await input.trigger('change');
  await wrapper.find('form').trigger('submit');
}

describe('PolicePage (公安核查)', () => {
  it('asks for a file before anything is sent', async () => {
    const { imported, mock } = importMock({});
    const wrapper = await mountPage([meMock('DISTRICT_ADMIN'), mock]);
    await vi.waitFor(() => expect(wrapper.find('form').exists()).toBe(true));
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('[data-testid="police-file-problem"]').text()).toBe('请选择要导入的文件');
    expect(imported).not.toHaveBeenCalled();
  });

  it('uploads the file, imports it and shows what it changed', async () => {
    const { sent } = fakeXhr([{ status: 201, body: { uploadId: 'up-1', size: 10, fileName: '核查结果.csv' } }]);
    const { imported, mock } = importMock({});
    const wrapper = await mountPage([meMock('DISTRICT_ADMIN'), mock]);
    await chooseAndStart(wrapper);
    await vi.waitFor(() => expect(imported).toHaveBeenCalledTimes(1));
    expect(sent[0]!.headers['X-File-Name']).toBe(encodeURIComponent('核查结果.csv'));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="police-result"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="police-matched"]').text()).toBe('2');
    expect(wrapper.find('[data-testid="police-notFound"]').text()).toBe('1');
    expect(wrapper.find('[data-testid="police-problemsOpened"]').text()).toBe('1');
    expect(wrapper.find('[data-testid="police-unmatched"]').text()).toBe('以下行没有匹配到本区域的学籍：第 4 行');
  });

  it('lists the located errors of a refused file in the interface language', async () => {
    fakeXhr([{ status: 201, body: { uploadId: 'up-1', size: 10, fileName: '核查结果.csv' } }]);
    const error = { __typename: 'ImportRowError', row: 3, column: '姓名', value: '', code: 'REQUIRED', params: [{ __typename: 'MessageParam', name: 'header', value: '姓名' }], reason: '姓名 is required' };
    const { mock } = importMock({ ok: false, matched: 0, consistent: 0, notFound: 0, unmatchedRows: [], problemsOpened: 0, errors: [error] });
    const wrapper = await mountPage([meMock('DISTRICT_ADMIN'), mock]);
    await chooseAndStart(wrapper);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="police-refused"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="police-refused"]').text()).toContain('未导入：文件中有 1 处错误');
    expect(wrapper.find('[data-testid="import-errors-table"]').text()).toContain('姓名');
    expect(wrapper.text()).not.toContain('is required');
  });

  it('tells a registrar the page is not theirs', async () => {
    const wrapper = await mountPage([meMock('SCHOOL_REGISTRAR')]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="police-not-allowed"]').exists()).toBe(true));
    expect(wrapper.find('form').exists()).toBe(false);
  });
});
