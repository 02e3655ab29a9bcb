import type { MockedResponse } from '@apollo/client/testing/core';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAuthToken } from '@/composables/use-auth-token';
import {
  HeldImportsList_HeldImportsDocument,
  ImportPage_JobDocument,
  ImportPage_MeDocument,
  ImportPage_SchoolsDocument,
  ImportPage_StartImportDocument,
  LaterCopies_CopiesDocument,
  LaterCopies_DeleteDocument,
  type HeldImportStatus,
  type Role,
} from '@/gql/graphql';
import { fakeXhr } from '@/test/fake-xhr';
import { mountWithApp } from '@/test/mount';
import ImportPage from './ImportPage.vue';

const SCHOOL = { __typename: 'School', id: '7', code: '1330106001', name: '杭州市西湖区学军小学' };

function meMock(role: Role, school: typeof SCHOOL | null = SCHOOL): MockedResponse {
  return {
    request: { query: ImportPage_MeDocument, variables: {} },
    result: { data: { me: { __typename: 'User', id: 'u1', role, school } } },
  };
}

interface RowError {
  row: number;
  column: string;
  value: string;
  code: string;
  params: { name: string; value: string }[];
  reason: string;
}

function result(
  overrides: Partial<{
    ok: boolean;
    failure: string | null;
    message: string;
    failureParams: Record<string, string>;
    rowsRead: number;
    rowsImported: number;
    errors: RowError[];
    opened: number;
    heldImportId: string;
    dryRun: boolean;
    preview: { __typename: 'ImportPreviewRow'; row: number; problemType: string; scope: string; opens: boolean }[];
  }>,
) {
  const errors = overrides.errors ?? [];
  return {
    __typename: 'ImportResult',
    ok: overrides.ok ?? true,
    failure: overrides.failure ?? null,
    message: overrides.message ?? '',
    failureParams: Object.entries(overrides.failureParams ?? {}).map(([name, value]) => ({ __typename: 'MessageParam', name, value })),
    format: 'csv',
    encoding: 'utf-8',
    rowsRead: overrides.rowsRead ?? 3,
    rowsImported: overrides.rowsImported ?? 0,
    rowsSkipped: 0,
    errorCount: errors.length,
    errors: errors.map((e) => ({ __typename: 'ImportRowError', ...e })),
    problems: overrides.ok === false ? null : { __typename: 'DetectionSummary', opened: overrides.opened ?? 0, closed: 0, joined: 0, left: 0 },
    heldImportId: overrides.heldImportId ?? null,
    dryRun: overrides.dryRun ?? false,
    preview: overrides.preview ?? null,
    importId: overrides.ok === false ? null : 'i1',
  };
}

/** The school's held imports, as the list below the form asks for them. */
function heldMock(rows: { id: string; fileName: string; status: HeldImportStatus; decisionReason?: string; rowsImported?: number }[]): MockedResponse {
  const nodes = rows.map((row) => ({
    __typename: 'HeldImport',
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    createdAt: '2026-11-30T02:00:00.000Z',
    decidedAt: row.status === 'HELD' ? null : '2026-11-30T03:00:00.000Z',
    decisionReason: row.decisionReason ?? null,
    result: row.rowsImported === undefined ? null : { __typename: 'ImportResult', ok: true, rowsImported: row.rowsImported },
  }));
  return {
    request: { query: HeldImportsList_HeldImportsDocument, variables: { first: 20 } },
    result: { data: { heldImports: { __typename: 'HeldImportConnection', nodes, totalCount: nodes.length } } },
  };
}

function job(id: string, fileName: string, phase: string, rowsDone: number, done: ReturnType<typeof result> | null = null) {
  return {
    __typename: 'ImportJob',
    id,
    schoolId: SCHOOL.id,
    fileName,
    status: done ? 'DONE' : 'RUNNING',
    progress: { __typename: 'ImportProgress', phase, rowsDone, rowsTotal: 3 },
    result: done,
  };
}

function startMock(uploadId: string, started: ReturnType<typeof job>, options: { skipInvalid?: boolean; force?: boolean; dryRun?: boolean } = {}): MockedResponse {
  return {
    request: {
      query: ImportPage_StartImportDocument,
      variables: {
        input: { uploadId, schoolId: SCHOOL.id, skipInvalid: options.skipInvalid ?? false, force: options.force ?? false, ...(options.dryRun ? { dryRun: true } : {}) },
      },
    },
    result: { data: { importStudents: started } },
  };
}

function pollMock(polled: ReturnType<typeof job>): MockedResponse {
  return { request: { query: ImportPage_JobDocument, variables: { id: polled.id } }, result: { data: { importJob: polled } } };
}

/** Puts a file in the page's file input, as choosing it in the browser's dialog does. */
async function chooseFile(wrapper: VueWrapper, file: File): Promise<void> {
  const input = wrapper.find('[data-testid="import-file"] input[type="file"]');
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
}

// As the API reports them: a code with its values, and the English text (which the page does not show).
const BAD_ROWS: RowError[] = [
  { row: 3, column: '性别', value: '男生', code: 'BAD_GENDER', params: [], reason: 'gender must be 男 or 女 (or M / F)' },
  { row: 4, column: '出生日期', value: '=1+1', code: 'NOT_A_DATE', params: [], reason: 'not a date: write it as 2014-03-05, 20140305 or 2014/3/5, or use a date cell' },
  { row: 5, column: '姓名', value: '', code: 'REQUIRED', params: [{ name: 'header', value: '姓名' }], reason: '姓名 is required' },
];

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  vi.unstubAllGlobals();
});

describe('ImportPage', () => {
  it('uploads, shows progress, lists every row error, exports them safely, then imports the fixed file', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { sent } = fakeXhr([
      { status: 201, body: { uploadId: 'up-1', size: 10, fileName: '名单.csv' } },
      { status: 201, body: { uploadId: 'up-2', size: 10, fileName: '名单-已改.csv' } },
    ]);
    const { wrapper, router } = await mountWithApp(ImportPage, {
      route: '/import',
      mocks: [
        meMock('SCHOOL_REGISTRAR'),
        heldMock([]),
        startMock('up-1', job('j1', '名单.csv', 'READING', 0)),
        pollMock(job('j1', '名单.csv', 'READING', 2)),
        pollMock(job('j1', '名单.csv', 'DONE', 3, result({ ok: false, failure: 'INVALID_ROWS', message: 'nothing imported', errors: BAD_ROWS }))),
        startMock('up-2', job('j2', '名单-已改.csv', 'READING', 0)),
        pollMock(job('j2', '名单-已改.csv', 'DONE', 3, result({ rowsImported: 3, opened: 1 }))),
      ],
    });
    mounted = wrapper;

    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-own-school"]').text()).toContain('杭州市西湖区学军小学'));
    expect(wrapper.find('[data-testid="import-template"]').attributes('href')).toBe('/templates/students.xlsx');

    await chooseFile(wrapper, new File(['姓名,性别\n'], '名单.csv', { type: 'text/csv' }));
    expect(wrapper.find('[data-testid="import-chosen-file"]').text()).toContain('名单.csv');
    await wrapper.find('[data-testid="import-start"]').trigger('submit');

    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-progress-status"]').text()).toBe('读取并校验 · 已处理 2 / 3 行'));
    expect(wrapper.find('[role="progressbar"]').attributes('aria-valuenow')).toBe('60');
    expect(sent[0]!.headers['X-File-Name']).toBe(encodeURIComponent('名单.csv'));

    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-errors-table"]').exists()).toBe(true), { timeout: 4000 });
    expect(wrapper.find('[data-testid="import-refused-alert"]').text()).toContain('未导入任何记录：文件中有 3 处错误');
    const table = wrapper.find('[data-testid="import-errors-table"]');
    const cells = table.findAll('tbody tr').map((row) => row.findAll('td').map((td) => td.text()));
    expect(cells).toEqual([
      ['3', '性别', '男生', '性别应填写“男”或“女”（也可填 M / F）。'],
      ['4', '出生日期', '=1+1', '不是有效日期：请写成 2014-03-05、20140305 或 2014/3/5，或使用日期格式的单元格。'],
      ['5', '姓名', '（空）', '“姓名”为必填项。'],
    ]);
    expect(table.findAll('thead th').map((th) => th.text())).toEqual(['行号', '列', '内容', '原因']);

    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:errors';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    await wrapper.find('[data-testid="import-errors-download"]').trigger('click');
    expect(clicked[0]!.download).toBe('名单-错误明细.csv');
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).split('\r\n')).toEqual([
      '行号,列,内容,原因',
      '3,性别,男生,性别应填写“男”或“女”（也可填 M / F）。',
      "4,出生日期,'=1+1,不是有效日期：请写成 2014-03-05、20140305 或 2014/3/5，或使用日期格式的单元格。",
      '5,姓名,,“姓名”为必填项。',
      '',
    ]);

    await wrapper.find('[data-testid="import-again"]').trigger('click');
    await chooseFile(wrapper, new File(['姓名,性别\n'], '名单-已改.csv', { type: 'text/csv' }));
    await wrapper.find('[data-testid="import-start"]').trigger('submit');

    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-summary"]').exists()).toBe(true), { timeout: 4000 });
    expect(wrapper.find('[data-testid="import-rows-imported"]').text()).toBe('3');
    expect(wrapper.find('[data-testid="import-problems-opened"]').text()).toBe('1');
    expect(wrapper.find('[data-testid="import-view-problems"]').attributes('href')).toBe('/problems');
    expect(router!.currentRoute.value.name).toBe('import');
  });

  it('offers to import a duplicate file anyway, after a confirmation, with force', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { sent } = fakeXhr([
      { status: 201, body: { uploadId: 'up-1', size: 10, fileName: 'a.xlsx' } },
      { status: 201, body: { uploadId: 'up-2', size: 10, fileName: 'a.xlsx' } },
    ]);
    const duplicate = result({
      ok: false,
      failure: 'DUPLICATE_FILE',
      message: 'this school already imported the same file (a.xlsx, import 4)',
      failureParams: { file: 'a.xlsx', importId: '4', importedAt: '2026-11-20T02:30:00.000Z' },
    });
    const deletedCopies = vi.fn(() => ({ data: { bulkActOnRecords: { __typename: 'BulkActionPayload', ok: true, done: 2, failedIndex: null, error: null } } }));
    const { wrapper } = await mountWithApp(ImportPage, {
      route: '/import',
      mocks: [
        meMock('SCHOOL_REGISTRAR'),
        heldMock([]),
        startMock('up-1', job('j1', 'a.xlsx', 'READING', 0)),
        pollMock(job('j1', 'a.xlsx', 'DONE', 0, duplicate)),
        startMock('up-2', job('j2', 'a.xlsx', 'READING', 0), { force: true }),
        pollMock(job('j2', 'a.xlsx', 'DONE', 3, result({ rowsImported: 3 }))),
        {
          request: { query: LaterCopies_CopiesDocument, variables: { importId: 'i1' } },
          result: {
            data: {
              importCopies: [
                { __typename: 'ImportCopyRow', studentId: '301', problemId: '71', version: 1, row: 2, name: '林小雨' },
                { __typename: 'ImportCopyRow', studentId: '302', problemId: '72', version: 1, row: 3, name: '王小明' },
              ],
            },
          },
        },
        {
          request: {
            query: LaterCopies_DeleteDocument,
            variables: {
              input: {
                items: [
                  { problemId: '71', version: 1, studentId: '301' },
                  { problemId: '72', version: 1, studentId: '302' },
                ],
                action: 'DELETE',
                deleteReason: 'REDUNDANT',
                comment: null,
              },
            },
          },
          result: deletedCopies,
        },
      ],
    });
    mounted = wrapper;
    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-own-school"]').exists()).toBe(true));
    await chooseFile(wrapper, new File(['PK'], 'a.xlsx'));
    await wrapper.find('[data-testid="import-start"]').trigger('submit');

    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-refused"]').attributes('data-failure')).toBe('DUPLICATE_FILE'));
    expect(wrapper.text()).toContain('本校已导入过这个文件');
    // Which earlier import, in the page's language; the server's English sentence is not shown.
    expect(wrapper.find('[data-testid="import-failure-detail"]').text()).toMatch(/^上次导入：“a\.xlsx”，2026年11月20日 \d{2}:30（导入编号 4）。$/);
    expect(wrapper.text()).not.toContain('this school already imported');

    await wrapper.find('[data-testid="import-anyway"]').trigger('click');
    const confirm = await vi.waitFor(() => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find((b) => b.textContent?.trim() === '仍然导入');
      expect(button).toBeDefined();
      return button!;
    });
    expect(document.querySelector('.el-message-box')!.textContent).toContain('确认重复导入');
    confirm.click();

    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-summary"]').exists()).toBe(true), { timeout: 4000 });
    expect(sent).toHaveLength(2);

    // Imported twice: the later copies are listed, then deleted as redundant at once.
    await wrapper.find('[data-testid="import-copies-open"]').trigger('click');
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="import-copies-table"]')?.textContent).toContain('王小明'));
    document.body.querySelector<HTMLButtonElement>('[data-testid="import-copies-delete"]')!.click();
    await vi.waitFor(() => expect(deletedCopies).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(document.body.querySelector('.el-message')?.textContent).toContain('已删除 2 条重复导入的记录'));
  });

  it('tells the registrar in plain words that a held file waits for the district, and lists it with its status', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    fakeXhr([{ status: 201, body: { uploadId: 'up-1', size: 10, fileName: 'guess.csv' } }]);
    const held = result({ ok: false, failure: 'HELD_FOR_REVIEW', message: 'nothing imported yet: this file is held for review', rowsRead: 0, heldImportId: 'h9' });
    const { wrapper } = await mountWithApp(ImportPage, {
      route: '/import',
      mocks: [
        meMock('SCHOOL_REGISTRAR'),
        heldMock([{ id: 'h3', fileName: '上学期名单.xlsx', status: 'APPROVED', decisionReason: '已核实', rowsImported: 120 }]),
        startMock('up-1', job('j1', 'guess.csv', 'READING', 0)),
        pollMock(job('j1', 'guess.csv', 'DONE', 0, held)),
        heldMock([
          { id: 'h9', fileName: 'guess.csv', status: 'HELD' },
          { id: 'h3', fileName: '上学期名单.xlsx', status: 'APPROVED', decisionReason: '已核实', rowsImported: 120 },
        ]),
      ],
    });
    mounted = wrapper;
    await vi.waitFor(() => expect(wrapper.find('[data-testid="held-status-h3"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="held-imports"]').text()).toContain('已导入 120 条学籍');
    expect(wrapper.find('[data-testid="held-imports"]').text()).toContain('区县说明：已核实');
    await chooseFile(wrapper, new File(['a,b'], 'guess.csv'));
    await wrapper.find('[data-testid="import-start"]').trigger('submit');

    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-refused"]').attributes('data-failure')).toBe('HELD_FOR_REVIEW'));
    const alert = wrapper.find('[data-testid="import-refused-alert"]').text();
    expect(alert).toContain('文件已提交区县审核，暂未导入');
    expect(alert).toContain('区县学籍管理员审核通过后才会导入');
    // The API's English sentence adds nothing for a held file, and no numbers are shown.
    expect(alert).not.toContain('held for review');
    expect(alert).not.toMatch(/\d/);
    expect(wrapper.find('[data-testid="import-anyway"]').exists()).toBe(false);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="held-status-h9"]').text()).toBe('待审核'));
    expect(wrapper.find('[data-testid="held-status-h3"]').text()).toBe('已通过');
  });

  it('refuses a file that is not a spreadsheet before sending anything, and asks for a file', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { sent } = fakeXhr([]);
    const { wrapper } = await mountWithApp(ImportPage, { route: '/import', mocks: [meMock('SCHOOL_REGISTRAR'), heldMock([])] });
    mounted = wrapper;
    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-own-school"]').exists()).toBe(true));

    await wrapper.find('[data-testid="import-start"]').trigger('submit');
    expect(wrapper.find('[data-testid="import-file-error"]').text()).toBe('请先选择要导入的文件');

    await chooseFile(wrapper, new File(['%PDF'], '名单.pdf'));
    expect(wrapper.find('[data-testid="import-file-error"]').text()).toBe('“名单.pdf”不是表格文件，请选择 .xlsx 或 .csv 文件。');
    await wrapper.find('[data-testid="import-start"]').trigger('submit');
    expect(sent).toHaveLength(0);
  });

  it('shows a refused upload (too large) clearly and keeps the form', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    fakeXhr([{ status: 413, body: { error: { code: 'FILE_TOO_LARGE', message: 'the file is larger than 200 MB' } } }]);
    const { wrapper } = await mountWithApp(ImportPage, { route: '/import', locale: 'en', mocks: [meMock('SCHOOL_REGISTRAR'), heldMock([])] });
    mounted = wrapper;
    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-own-school"]').exists()).toBe(true));
    await chooseFile(wrapper, new File(['x'], 'huge.csv'));
    await wrapper.find('[data-testid="import-start"]').trigger('submit');

    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-start-error"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="import-start-error"]').text()).toContain('The server refused the file because it is too large');
    expect(wrapper.find('[data-testid="import-chosen-file"]').text()).toContain('huge.csv');
  });

  it('tells in Chinese why the server refused an upload for the limits on waiting uploads', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    fakeXhr([{ status: 429, body: { error: { code: 'TOO_MANY_PENDING_UPLOADS', message: 'you have 5 uploaded files that have not been imported' } } }]);
    const { wrapper } = await mountWithApp(ImportPage, { route: '/import', locale: 'zh-CN', mocks: [meMock('SCHOOL_REGISTRAR'), heldMock([])] });
    mounted = wrapper;
    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-own-school"]').exists()).toBe(true));
    await chooseFile(wrapper, new File(['x'], '名单.csv'));
    await wrapper.find('[data-testid="import-start"]').trigger('submit');

    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-start-error"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="import-start-error"]').text()).toContain('已上传但尚未导入的文件过多');
    expect(wrapper.find('[data-testid="import-start-error"]').text()).not.toContain('have not been imported');
  });

  it('lets a system admin pick the school, and explains the page to roles that cannot import', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    // Two pages of schools: the picker offers the schools of both.
    const school8 = { __typename: 'School', id: '8', code: '1330106002', name: '杭州市西湖区文一街小学', region: { __typename: 'Region', code: '330106', name: '西湖区' } };
    const page = (nodes: object[], hasNextPage: boolean, endCursor: string) => ({
      data: {
        schools: {
          __typename: 'SchoolConnection',
          totalCount: 2,
          edges: nodes.map((node, i) => ({ __typename: 'SchoolEdge', cursor: `${endCursor}-${i}`, node })),
          pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
        },
      },
    });
    const firstPage: MockedResponse = {
      request: { query: ImportPage_SchoolsDocument, variables: { first: 200 } },
      result: page([{ ...SCHOOL, region: { __typename: 'Region', code: '330106', name: '西湖区' } }], true, 'c1'),
    };
    const secondPage: MockedResponse = { request: { query: ImportPage_SchoolsDocument, variables: { first: 200, after: 'c1' } }, result: page([school8], false, 'c2') };
    const admin = await mountWithApp(ImportPage, { route: '/import', mocks: [meMock('SYSTEM_ADMIN', null), firstPage, secondPage, heldMock([])] });
    mounted = admin.wrapper;
    await vi.waitFor(() => expect(admin.wrapper.find('[data-testid="import-school"]').exists()).toBe(true));
    await admin.wrapper.find('[data-testid="import-school"]').trigger('click');
    await vi.waitFor(() => expect(document.body.textContent).toContain('杭州市西湖区文一街小学'));
    const label = admin.wrapper.find('label.import__label');
    expect(label.text()).toBe('导入到学校');
    expect(admin.wrapper.find(`#${label.attributes('for')}`).exists()).toBe(true);
    await admin.wrapper.find('[data-testid="import-start"]').trigger('submit');
    expect(admin.wrapper.text()).toContain('请先选择学校');
    admin.wrapper.unmount();

    const district = await mountWithApp(ImportPage, { route: '/import', mocks: [meMock('DISTRICT_ADMIN', null)] });
    mounted = district.wrapper;
    await vi.waitFor(() => expect(district.wrapper.find('[data-testid="import-not-allowed"]').exists()).toBe(true));
    expect(district.wrapper.find('[data-testid="import-start"]').exists()).toBe(false);
  });

  it('checks a file without importing it, lists the rows that would be problems, then imports it for real', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    fakeXhr([
      { status: 201, body: { uploadId: 'up-1', size: 10, fileName: '名单.csv' } },
      { status: 201, body: { uploadId: 'up-2', size: 10, fileName: '名单.csv' } },
    ]);
    const preview = [
      { __typename: 'ImportPreviewRow' as const, row: 2, problemType: 'DUPLICATE_ID', scope: 'CROSS_SCHOOL', opens: true },
      { __typename: 'ImportPreviewRow' as const, row: 4, problemType: 'INVALID_ID', scope: 'WITHIN_SCHOOL', opens: false },
    ];
    const { wrapper } = await mountWithApp(ImportPage, {
      route: '/import',
      mocks: [
        meMock('SCHOOL_REGISTRAR'),
        heldMock([]),
        startMock('up-1', job('j1', '名单.csv', 'READING', 0), { dryRun: true }),
        pollMock(job('j1', '名单.csv', 'DONE', 3, { ...result({ rowsImported: 3, dryRun: true, preview }), problems: null, importId: null })),
        startMock('up-2', job('j2', '名单.csv', 'READING', 0)),
        pollMock(job('j2', '名单.csv', 'DONE', 3, result({ rowsImported: 3, opened: 1 }))),
      ],
    });
    mounted = wrapper;
    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-own-school"]').exists()).toBe(true));
    await chooseFile(wrapper, new File(['姓名,性别\n'], '名单.csv', { type: 'text/csv' }));
    await wrapper.find('[data-testid="import-dry-run"] input').setValue(true);
    await wrapper.find('[data-testid="import-start"]').trigger('submit');

    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-dry-run-summary"]').exists()).toBe(true), { timeout: 4000 });
    expect(wrapper.find('[data-testid="import-dry-run-summary"]').text()).toContain('检查完成，没有写入任何记录');
    expect(wrapper.find('[data-testid="import-would-import"]').text()).toBe('3');
    expect(wrapper.find('[data-testid="import-would-open"]').text()).toBe('1');
    const rows = wrapper.findAll('[data-testid="import-preview"] tbody tr').map((row) => row.findAll('td').map((td) => td.text()));
    expect(rows).toEqual([
      ['2', '身份证件号重复', '跨校', '新建问题'],
      ['4', '身份证件号无效', '校内', '加入已有问题'],
    ]);

    await wrapper.find('[data-testid="import-now"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-summary"]').exists()).toBe(true), { timeout: 4000 });
    expect(wrapper.find('[data-testid="import-rows-imported"]').text()).toBe('3');
  });

  it('says a dry run of a file that would be held, in the interface language', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    fakeXhr([{ status: 201, body: { uploadId: 'up-1', size: 10, fileName: '名单.csv' } }]);
    const held = result({ ok: false, failure: 'WOULD_BE_HELD', message: 'an import would be held for review', dryRun: true });
    const { wrapper } = await mountWithApp(ImportPage, {
      route: '/import',
      mocks: [meMock('SCHOOL_REGISTRAR'), heldMock([]), startMock('up-1', job('j1', '名单.csv', 'READING', 0), { dryRun: true }), pollMock(job('j1', '名单.csv', 'DONE', 3, held))],
    });
    mounted = wrapper;
    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-own-school"]').exists()).toBe(true));
    await chooseFile(wrapper, new File(['姓名,性别\n'], '名单.csv', { type: 'text/csv' }));
    await wrapper.find('[data-testid="import-dry-run"] input').setValue(true);
    await wrapper.find('[data-testid="import-start"]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-refused-alert"]').exists()).toBe(true), { timeout: 4000 });
    expect(wrapper.find('[data-testid="import-refused-alert"]').text()).toContain('检查完成：导入这个文件会先交区县审核');
    expect(wrapper.text()).not.toContain('an import would be held');
  });
});
