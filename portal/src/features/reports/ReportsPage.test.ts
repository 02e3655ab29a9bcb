import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAuthToken } from '@/composables/use-auth-token';
import { ReportsPage_MeDocument, ReportsPage_ReportDocument, SaveReportDialog_SaveDocument, SavedReportList_DeleteDocument, SavedReportList_ReportsDocument } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import ReportsPage from './ReportsPage.vue';
import { buildReportQuery, type ReportQuery, type ReportSpec } from './report-query';

vi.mock('vue-echarts', async () => ({ default: (await import('@/test/chart-stub')).VChartStub }));

const meMock = {
  request: { query: ReportsPage_MeDocument },
  result: { data: { me: { __typename: 'User', id: 'u1', role: 'DISTRICT_ADMIN', region: { __typename: 'Region', code: '330106', name: '西湖区', level: 'DISTRICT' } } } },
};

function summary(id: string, name: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'SavedReport',
    id,
    name,
    description: '',
    ownerName: '西湖区学籍管理员',
    mine: true,
    sharedRegionCode: null,
    sharedWithRegion: null,
    version: 2,
    updatedAt: '2025-03-01T02:00:00Z',
    ...overrides,
  };
}

const listMock = (...reports: ReturnType<typeof summary>[]) => ({ request: { query: SavedReportList_ReportsDocument }, result: { data: { savedReports: reports } } });

const schoolSpec: ReportSpec = { dimensions: ['SCHOOL'], measures: ['count', 'unresolved'], filter: {} };

/** A report run the server expects (POST /graphql with the query text) and what it answers. */
interface Run {
  query: ReportQuery;
  data: Record<string, unknown>;
}

const statsRun = (spec: ReportSpec, rows: Record<string, unknown>[]): Run => ({ query: buildReportQuery(spec), data: { problemStats: rows } });

/**
 * Stands in for the server's plain HTTP endpoints (report runs and exports go there with fetch;
 * the Apollo documents go through the mocked link). Each request must be the next one expected.
 */
function stubServer(runs: Run[], exports: Response[] = []) {
  const fetch = vi.fn<typeof globalThis.fetch>(async (url, init) => {
    if (url === '/graphql') {
      const run = runs.shift();
      if (!run) throw new Error(`unexpected report run: ${String(init?.body)}`);
      expect(JSON.parse(String(init?.body))).toEqual({ query: run.query.document, variables: run.query.variables });
      expect(init?.headers).toMatchObject({ authorization: 'Bearer t.o.k' });
      return Response.json({ data: run.data });
    }
    const answer = url === '/exports' ? exports.shift() : undefined;
    if (!answer) throw new Error(`unexpected request to ${String(url)}`);
    return answer;
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const schoolRows = [
  { schoolId: 's1', school: { name: '文三街小学' }, count: 4, unresolved: 3 },
  { schoolId: 's2', school: { name: '求是小学' }, count: 2, unresolved: 0 },
];

function reportMock(id: string, spec: ReportSpec, overrides: Record<string, unknown> = {}) {
  const { document, variables } = buildReportQuery(spec);
  return { request: { query: ReportsPage_ReportDocument, variables: { id } }, result: { data: { savedReport: { ...summary(id, '各校问题'), document, variables, ...overrides } } } };
}

/** Element Plus renders options in a popper on <body>. */
async function pick(wrapper: VueWrapper, testId: string, label: string): Promise<void> {
  await wrapper.find(`[data-testid="${testId}"] .el-select__wrapper`).trigger('click');
  const option = await vi.waitFor(() => {
    const found = [...document.body.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((el) => el.textContent?.trim() === label);
    expect(found).toBeDefined();
    return found!;
  });
  option.click();
}

async function clickInMessageBox(label: string): Promise<void> {
  const button = await vi.waitFor(() => {
    // A box that was just closed may still be leaving: use the newest one.
    const box = [...document.querySelectorAll('.el-message-box')].at(-1);
    const found = [...(box?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => b.textContent?.trim() === label);
    expect(found).toBeDefined();
    return found!;
  });
  button.click();
}

const documentShown = (wrapper: VueWrapper) => wrapper.find('[data-testid="report-document"]').text();

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ReportsPage', () => {
  it('writes the query live from the selections, copies it, runs it and shows the table and chart', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const built: ReportSpec = { dimensions: ['SCHOOL'], measures: ['count', 'unresolved', 'overdue'], filter: { status: 'OPEN' } };
    stubServer([statsRun(built, schoolRows.map((r) => ({ ...r, overdue: 1 })))]);
    const { wrapper } = await mountWithApp(ReportsPage, { route: '/reports', mocks: [meMock, listMock()] });
    await vi.waitFor(() => expect(documentShown(wrapper)).toBe(buildReportQuery({ dimensions: ['TYPE'], measures: ['count', 'unresolved'], filter: {} }).document));
    expect(wrapper.find('[data-testid="report-idle"]').exists()).toBe(true);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="saved-reports-empty-mine"]').exists()).toBe(true));

    await pick(wrapper, 'report-dimensions', '问题类型');
    await pick(wrapper, 'report-dimensions', '学校');
    await wrapper.find('[data-testid="measure-overdue"] input').setValue(true);
    await pick(wrapper, 'filter-status', '待处理');

    const expected = buildReportQuery(built);
    await vi.waitFor(() => expect(documentShown(wrapper)).toBe(expected.document));
    expect(expected.variables).toEqual({ groupBy: ['SCHOOL'], filter: { status: 'OPEN' } });
    expect(JSON.parse(wrapper.find('[data-testid="report-variables"]').text())).toEqual(expected.variables);

    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    await wrapper.find('[data-testid="copy-query"]').trigger('click');
    expect(writeText).toHaveBeenCalledWith(expected.document);

    await wrapper.find('[data-testid="report-run"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="report-table"]').text()).toContain('文三街小学'));
    const table = wrapper.find('[data-testid="report-table"]').text();
    for (const text of ['学校', '问题数', '未解决', '已超期', '求是小学']) expect(table).toContain(text);
    expect(wrapper.find('[data-testid="report-row-count"]').text()).toBe('共 2 行');
    expect(wrapper.find('[data-testid="report-chart"]').text()).toContain('问题数: [4,2]');
    expect(wrapper.find('[data-testid="report-stale"]').exists()).toBe(false);

    await wrapper.find('[data-testid="measure-open"] input').setValue(true);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="report-stale"]').exists()).toBe(true));
    wrapper.unmount();
  });

  it('exports the query being built, with the token, and downloads the file; a refusal is explained', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const fetch = stubServer(
      [],
      [
        new Response('\ufeffschoolId,count\r\n', { headers: { 'content-disposition': `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent('问题学籍统计.csv')}` } }),
        Response.json({ error: { code: 'TOO_MANY_ROWS', message: 'More than 100000 rows' } }, { status: 400 }),
      ],
    );
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report');
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(`${this.download} ${this.href}`);
    });

    const { wrapper } = await mountWithApp(ReportsPage, { route: '/reports', mocks: [meMock, listMock()] });
    await vi.waitFor(() => expect(documentShown(wrapper)).toContain('problemStats'));

    await wrapper.find('[data-testid="report-export-csv"]').trigger('click');
    await vi.waitFor(() => expect(clicks).toEqual(['问题学籍统计.csv blob:report']));
    const expected = buildReportQuery({ dimensions: ['TYPE'], measures: ['count', 'unresolved'], filter: {} });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/exports');
    expect(init?.headers).toEqual({ 'content-type': 'application/json', authorization: 'Bearer t.o.k' });
    expect(JSON.parse(String(init?.body))).toEqual({ document: expected.document, variables: expected.variables, format: 'csv', name: '问题学籍统计', locale: 'zh-CN' });
    expect(createObjectURL).toHaveBeenCalledTimes(1);

    await wrapper.find('[data-testid="report-export-xlsx"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="report-export-error"]').text()).toContain('结果超过 100,000 行'));
    expect(JSON.parse(String(fetch.mock.calls[1]![1]?.body)).format).toBe('xlsx');
    wrapper.unmount();
  });

  it('reopens a saved report without running it, runs it when asked, and explains a save refused as stale, then reloads it', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { document: doc, variables } = buildReportQuery(schoolSpec);
    stubServer([statsRun(schoolSpec, schoolRows)]);
    const { wrapper } = await mountWithApp(ReportsPage, {
      route: '/reports/7',
      props: { id: '7' },
      mocks: [
        meMock,
        listMock(summary('7', '各校问题')),
        reportMock('7', schoolSpec),
        {
          request: {
            query: SaveReportDialog_SaveDocument,
            variables: { input: { id: '7', version: 2, name: '各校问题', description: '', document: doc, variables, sharedRegionCode: null } },
          },
          result: { data: { saveReport: { __typename: 'SaveReportPayload', ok: false, report: null, error: { __typename: 'ReportError', code: 'STALE_VERSION', message: 'The report was changed since you opened it; reload it.', field: null } } } },
        },
        reportMock('7', schoolSpec, { name: '各校问题（新）', version: 3 }),
      ],
    });

    await vi.waitFor(() => expect(wrapper.find('[data-testid="report-title"]').text()).toBe('各校问题'));
    expect(documentShown(wrapper)).toBe(doc);
    expect(wrapper.find('[data-testid="report-not-run"]').exists()).toBe(true);
    await wrapper.find('[data-testid="report-run"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="report-table"]').text()).toContain('文三街小学'));
    expect(wrapper.find('[data-testid="report-not-run"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('创建人：西湖区学籍管理员');
    expect(wrapper.find('[data-testid="report-dirty"]').exists()).toBe(false);

    await wrapper.find('[data-testid="report-save"]').trigger('click');
    await vi.waitFor(() => expect((document.body.querySelector('input[data-testid="save-name"]') as HTMLInputElement | null)?.value).toBe('各校问题'));
    (document.body.querySelector('[data-testid="save-submit"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="save-refusal"]')?.textContent).toContain('此报表在您打开后已被修改，请重新加载'));

    (document.body.querySelector('[data-testid="save-reload"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(wrapper.find('[data-testid="report-title"]').text()).toBe('各校问题（新）'));
    wrapper.unmount();
  });

  it('saves a new report shared with the region, and moves to its address', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { document: doc, variables } = buildReportQuery({ dimensions: ['TYPE'], measures: ['count', 'unresolved'], filter: {} });
    const saved = { ...summary('12', '按类型统计', { sharedRegionCode: '330106', sharedWithRegion: { __typename: 'Region', code: '330106', name: '西湖区' }, version: 1 }), document: doc, variables };
    const { wrapper, router } = await mountWithApp(ReportsPage, {
      route: '/reports',
      mocks: [
        meMock,
        listMock(),
        {
          request: { query: SaveReportDialog_SaveDocument, variables: { input: { name: '按类型统计', description: '每周例会用', document: doc, variables, sharedRegionCode: '330106' } } },
          result: { data: { saveReport: { __typename: 'SaveReportPayload', ok: true, error: null, report: saved } } },
        },
        listMock(summary('12', '按类型统计', { sharedWithRegion: saved.sharedWithRegion, sharedRegionCode: '330106' })),
      ],
    });
    // The first page of a test file compiles Element Plus on demand, which can take seconds.
    await vi.waitFor(() => expect(wrapper.find('[data-testid="saved-reports-empty-mine"]').exists()).toBe(true), { timeout: 10_000 });

    await wrapper.find('[data-testid="report-save"]').trigger('click');
    const submit = await vi.waitFor(() => document.body.querySelector('[data-testid="save-submit"]') as HTMLButtonElement);
    submit.click();
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="save-dialog"]')?.textContent).toContain('请输入报表名称'));

    const input = (testId: string) => document.body.querySelector(`input[data-testid="${testId}"], textarea[data-testid="${testId}"]`) as HTMLInputElement;
    input('save-name').value = '按类型统计';
    input('save-name').dispatchEvent(new Event('input'));
    input('save-description').value = '每周例会用';
    input('save-description').dispatchEvent(new Event('input'));
    expect(document.body.querySelector('[data-testid="save-dialog"]')?.textContent).toContain('共享给西湖区的管理员');
    (document.body.querySelector('[data-testid="save-share"]') as HTMLElement).click();
    await vi.waitFor(() => expect((document.body.querySelector('[data-testid="save-share"] input') as HTMLInputElement).checked).toBe(true));
    submit.click();

    await vi.waitFor(() => expect(router!.currentRoute.value.fullPath).toBe('/reports/12'));
    expect(wrapper.find('[data-testid="report-title"]').text()).toBe('按类型统计');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="saved-report-12"]').text()).toContain('共享给 西湖区'));
    wrapper.unmount();
  });

  it('explains a share refused because the query selects personal data, beside the sharing choice', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { document: doc, variables } = buildReportQuery({ dimensions: ['TYPE'], measures: ['count', 'unresolved'], filter: {} });
    const refusal = { __typename: 'ReportError', code: 'REVEALING_FIELD_NOT_SHAREABLE', message: 'A shared report cannot show personal data: Student.idNumber at student.idNumber.', field: 'sharedRegionCode' };
    const { wrapper } = await mountWithApp(ReportsPage, {
      route: '/reports',
      mocks: [
        meMock,
        listMock(),
        {
          request: { query: SaveReportDialog_SaveDocument, variables: { input: { name: '证件号', description: '', document: doc, variables, sharedRegionCode: '330106' } } },
          result: { data: { saveReport: { __typename: 'SaveReportPayload', ok: false, report: null, error: refusal } } },
        },
      ],
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="saved-reports-empty-mine"]').exists()).toBe(true), { timeout: 10_000 });
    await wrapper.find('[data-testid="report-save"]').trigger('click');
    const submit = await vi.waitFor(() => document.body.querySelector('[data-testid="save-submit"]') as HTMLButtonElement);
    const name = document.body.querySelector('input[data-testid="save-name"]') as HTMLInputElement;
    name.value = '证件号';
    name.dispatchEvent(new Event('input'));
    (document.body.querySelector('[data-testid="save-share"]') as HTMLElement).click();
    await vi.waitFor(() => expect((document.body.querySelector('[data-testid="save-share"] input') as HTMLInputElement).checked).toBe(true));
    submit.click();
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="save-dialog"]')?.textContent).toContain('不能共享'));
    expect(document.body.querySelector('[data-testid="save-dialog"]')?.textContent).toContain('完整身份证件号');
    wrapper.unmount();
  });

  it('deletes one of your own reports only after confirmation', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { wrapper } = await mountWithApp(ReportsPage, {
      route: '/reports',
      mocks: [
        meMock,
        listMock(summary('5', '旧报表'), summary('6', '区里的报表', { mine: false, ownerName: '杭州市学籍管理员', sharedRegionCode: '330100', sharedWithRegion: { __typename: 'Region', code: '330100', name: '杭州市' } })),
        { request: { query: SavedReportList_DeleteDocument, variables: { id: '5' } }, result: { data: { deleteReport: { __typename: 'DeleteReportPayload', ok: true } } } },
      ],
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="saved-report-5"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="saved-report-6"]').text()).toContain('创建人：杭州市学籍管理员');
    expect(wrapper.find('[data-testid="delete-report-6"]').exists()).toBe(false);

    await wrapper.find('[data-testid="delete-report-5"]').trigger('click');
    await clickInMessageBox('取消');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(wrapper.find('[data-testid="saved-report-5"]').exists()).toBe(true);

    await wrapper.find('[data-testid="delete-report-5"]').trigger('click');
    expect(document.querySelector('.el-message-box')?.textContent).toContain('确定删除报表“旧报表”吗');
    await clickInMessageBox('删除');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="saved-report-5"]').exists()).toBe(false));
    expect(wrapper.find('[data-testid="saved-report-6"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('opens a shared hand-written report without sending its query, says who shared it, runs it as it is on "run", and offers a copy', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const handWritten = 'query Escalated {\n  problems(filter: { status: ESCALATED }, first: 50) {\n    nodes {\n      id\n      type\n    }\n  }\n}';
    const fetch = stubServer([{ query: { document: handWritten, variables: {} }, data: { problems: { nodes: [{ id: '41', type: 'DUPLICATE_ID' }] } } }]);
    const { wrapper } = await mountWithApp(ReportsPage, {
      route: '/reports/9',
      props: { id: '9' },
      mocks: [
        meMock,
        listMock(),
        {
          request: { query: ReportsPage_ReportDocument, variables: { id: '9' } },
          result: { data: { savedReport: { ...summary('9', '待裁决清单', { mine: false, ownerName: '杭州市学籍管理员' }), document: handWritten, variables: {} } } },
        },
      ],
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="report-custom"]').exists()).toBe(true));
    expect(documentShown(wrapper)).toBe(handWritten);
    expect(wrapper.find('[data-testid="report-shared-by"]').text()).toBe('由 杭州市学籍管理员 共享');
    expect(wrapper.find('[data-testid="report-not-run"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="report-run"]').exists()).toBe(true);
    // Give a run started on opening every chance to go out: none may.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await wrapper.vm.$nextTick();
    expect(fetch).not.toHaveBeenCalled();
    expect(wrapper.find('[data-testid="report-table"]').exists()).toBe(false);

    await wrapper.find('[data-testid="report-run"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="report-table"]').text()).toContain('DUPLICATE_ID'));
    expect(wrapper.find('[data-testid="report-table"]').text()).toContain('41');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toBe('/graphql');
    expect(wrapper.find('[data-testid="report-save"]').text()).toBe('另存为我的报表');
    expect(wrapper.find('[data-testid="report-dimensions"]').exists()).toBe(false);
    wrapper.unmount();
  });
});
