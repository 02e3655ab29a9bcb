import type { VueWrapper } from '@vue/test-utils';
import { print } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAuthToken } from '@/composables/use-auth-token';
import { DecidePairDialog_ConfirmDocument, DecidePairDialog_DismissDocument, PossibleDuplicatesPage_PairsDocument } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import PossibleDuplicatesPage from './PossibleDuplicatesPage.vue';
import { meMock, pair, pairsMock } from './test-fixtures';

vi.mock('vue-echarts', async () => ({ default: (await import('@/test/chart-stub')).VChartStub }));

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

async function mountPage(mocks: unknown[], options: { route?: string; locale?: 'zh-CN' | 'en' } = {}) {
  setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
  const result = await mountWithApp(PossibleDuplicatesPage, { route: options.route ?? '/possible-duplicates', locale: options.locale, mocks: mocks as never[] });
  mounted = result.wrapper;
  return result;
}

function decideMock(kind: 'confirm' | 'dismiss', input: Record<string, unknown>, payload: Record<string, unknown>) {
  const [query, field] = kind === 'confirm' ? [DecidePairDialog_ConfirmDocument, 'confirmPossibleDuplicate'] : [DecidePairDialog_DismissDocument, 'dismissPossibleDuplicate'];
  const answered = vi.fn(() => ({ data: { [field]: { __typename: 'PossibleDuplicatePayload', ok: true, problemId: null, error: null, ...payload } } }));
  return { answered, mock: { request: { query, variables: { input } }, result: answered } };
}

/** Dialogs are teleported to <body>, outside the wrapper. */
const inBody = <T extends HTMLElement = HTMLElement>(selector: string) => document.body.querySelector<T>(selector);

async function typeInDialog(text: string): Promise<void> {
  const textarea = await vi.waitFor(() => {
    const found = inBody<HTMLTextAreaElement>('.el-dialog textarea');
    expect(found).not.toBeNull();
    return found!;
  });
  textarea.value = text;
  textarea.dispatchEvent(new Event('input'));
}

describe('PossibleDuplicatesPage: the list', () => {
  it('shows each pair side by side with its differences marked, the probability and the explanation, translated', async () => {
    const { wrapper } = await mountPage([meMock('DISTRICT_ADMIN'), pairsMock('OPEN', [pair('p1')])]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="pair-p1"]').exists()).toBe(true));

    expect(wrapper.find('[data-testid="duplicates-about"]').text()).toContain('常见的姓名');
    expect(wrapper.find('[data-testid="pair-probability-p1"]').text()).toBe('97.3%');
    // Name and school differ; the masked ID numbers read the same, and so do gender, birth date and grade.
    const differs = (row: string) => wrapper.find(`[data-testid="pair-p1-${row}"]`).attributes('data-differs') !== undefined;
    expect(['name', 'gender', 'birthDate', 'idNumber', 'school', 'gradeClass'].filter(differs)).toEqual(['name', 'school']);
    expect(wrapper.findAll('[data-testid="pair-p1-name"] td.is-different')).toHaveLength(2);
    expect(wrapper.find('[data-testid="pair-p1-name"]').text()).toContain('王晓明');
    expect(wrapper.find('[data-testid="pair-p1-idNumber"]').text()).toContain('330102********0017');
    expect(wrapper.find('[data-testid="pair-p1-gradeClass"]').text()).toContain('三年级 2班');

    const explanation = wrapper.find('[data-testid="pair-explanation-p1"]').text();
    expect(explanation).toContain('身份证件号：相差一位数字 +18.6');
    expect(explanation).toContain('姓名：读音相同，字不同 +6.1');
    expect(explanation).toContain('学校：同一区县的不同学校 -1.2');
    // The waterfall: prior, six fields, total (the chart stub prints the series).
    expect(wrapper.find('[data-testid="pair-chart-p1"] [data-testid="chart-stub"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="pair-chart-p1"]').text()).toContain('判断依据');

    expect(wrapper.find('[data-testid="pair-confirm-p1"]').text()).toBe('确认为同一学生');
    expect(wrapper.find('[data-testid="pair-dismiss-p1"]').text()).toBe('排除（不是同一学生）');
  });

  it('asks for masked ID numbers only', () => {
    const document = print(PossibleDuplicatesPage_PairsDocument);
    expect(document).toContain('idNumberMasked');
    expect(document).not.toMatch(/\bidNumber\b/);
  });

  it('says the explanation in English too, and keeps the status in the URL', async () => {
    const dismissed = pair('p2', { status: 'DISMISSED', decidedAt: '2026-11-21T02:00:00.000Z', reason: 'Twins' });
    const { wrapper, router } = await mountPage([meMock('CITY_ADMIN'), pairsMock('OPEN', [pair('p1')]), pairsMock('DISMISSED', [dismissed])], { locale: 'en' });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="pair-p1"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="pair-explanation-p1"]').text()).toContain('ID number: one digit differs +18.6');

    await wrapper.find('[data-testid="duplicates-status-DISMISSED"] input').setValue(true);
    await vi.waitFor(() => expect(router!.currentRoute.value.query).toEqual({ status: 'DISMISSED' }));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="pair-decided-p2"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="pair-decided-p2"]').text()).toContain('Dismissed as two pupils');
    expect(wrapper.find('[data-testid="pair-decided-p2"]').text()).toContain('Twins');
    expect(wrapper.find('[data-testid="pair-dismiss-p2"]').exists()).toBe(false);
  });

  it('explains the queue when it is empty', async () => {
    const { wrapper } = await mountPage([meMock('PROVINCE_ADMIN'), pairsMock('OPEN', [])]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="duplicates-empty"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="duplicates-empty"]').text()).toContain('没有待审核的可能重复学籍');
    expect(wrapper.find('[data-testid="duplicates-empty"]').text()).toContain('精确规则');
  });

  it('pages forward with the cursor, best first', async () => {
    const first = Array.from({ length: 10 }, (_, i) => pair(`p${i + 1}`));
    const { wrapper } = await mountPage([
      meMock('DISTRICT_ADMIN'),
      pairsMock('OPEN', first, { totalCount: 11, hasNextPage: true, endCursor: 'c10' }),
      pairsMock('OPEN', [pair('p11')], { totalCount: 11, hasPreviousPage: true }, 'c10'),
    ]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="pair-p10"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="duplicates-page"]').text()).toBe('第 1 / 2 页');
    await wrapper.find('[data-testid="duplicates-next"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="pair-p11"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="pair-p1"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="duplicates-page"]').text()).toBe('第 2 / 2 页');
  });

  it('tells a registrar the page is not theirs instead of asking the API', async () => {
    const listed = vi.fn(() => ({ data: { possibleDuplicates: null } }));
    const { wrapper } = await mountPage([meMock('SCHOOL_REGISTRAR'), { ...pairsMock('OPEN', []), result: listed }]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="duplicates-not-allowed"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="duplicates-not-allowed"]').text()).toContain('可能重复的学籍由区县、市、省学籍管理员审核');
    expect(wrapper.find('[data-testid="duplicates-list"]').exists()).toBe(false);
    expect(listed).not.toHaveBeenCalled();
  });
});

describe('PossibleDuplicatesPage: deciding', () => {
  it('confirms a pair with a note and links to the problem it opened', async () => {
    const { answered, mock } = decideMock('confirm', { id: 'p1', note: '核对了户口簿' }, { problemId: '77' });
    const { wrapper } = await mountPage([meMock('DISTRICT_ADMIN'), pairsMock('OPEN', [pair('p1')]), mock, pairsMock('OPEN', [])]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="pair-confirm-p1"]').exists()).toBe(true));

    await wrapper.find('[data-testid="pair-confirm-p1"]').trigger('click');
    await typeInDialog('  核对了户口簿 ');
    inBody('[data-testid="decide-submit"]')!.click();

    await vi.waitFor(() => expect(answered).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="duplicates-opened-link"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="duplicates-opened-link"]').attributes('href')).toBe('/problems/77');
    expect(wrapper.find('[data-testid="duplicates-opened"]').text()).toContain('已生成问题 #77');
    // The pair has left the open list.
    await vi.waitFor(() => expect(wrapper.find('[data-testid="pair-p1"]').exists()).toBe(false));
  });

  it('confirms without a note', async () => {
    const { answered, mock } = decideMock('confirm', { id: 'p1', note: null }, { problemId: '78' });
    const { wrapper } = await mountPage([meMock('SYSTEM_ADMIN'), pairsMock('OPEN', [pair('p1')]), mock, pairsMock('OPEN', [])]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="pair-confirm-p1"]').exists()).toBe(true));
    await wrapper.find('[data-testid="pair-confirm-p1"]').trigger('click');
    await vi.waitFor(() => expect(inBody('[data-testid="decide-submit"]')).not.toBeNull());
    inBody('[data-testid="decide-submit"]')!.click();
    await vi.waitFor(() => expect(answered).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="duplicates-opened-link"]').attributes('href')).toBe('/problems/78'));
  });

  it('dismisses only with a reason, and says a refusal in the interface language', async () => {
    const refusal = { __typename: 'PossibleDuplicateError', code: 'NOT_OPEN', message: 'The pair is not open.', field: null };
    const { answered, mock } = decideMock('dismiss', { id: 'p1', reason: '双胞胎，已核对户口簿' }, { ok: false, error: refusal });
    const { wrapper } = await mountPage([meMock('DISTRICT_ADMIN'), pairsMock('OPEN', [pair('p1')]), mock, pairsMock('OPEN', [])]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="pair-dismiss-p1"]').exists()).toBe(true));

    await wrapper.find('[data-testid="pair-dismiss-p1"]').trigger('click');
    await vi.waitFor(() => expect(inBody('[data-testid="decide-submit"]')).not.toBeNull());
    expect(inBody('.el-dialog textarea')!.getAttribute('maxlength')).toBe('500');
    inBody('[data-testid="decide-submit"]')!.click();
    await vi.waitFor(() => expect(inBody('.el-dialog [role="alert"]')?.textContent).toContain('请填写排除的理由'));
    expect(answered).not.toHaveBeenCalled();

    await typeInDialog('双胞胎，已核对户口簿');
    inBody('[data-testid="decide-submit"]')!.click();
    await vi.waitFor(() => expect(answered).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(inBody('[data-testid="decide-refusal"]')?.textContent).toContain('这对学籍已经有人处理过'));
    expect(inBody('[data-testid="decide-refusal"]')!.textContent).not.toContain('not open');
    // The list is read again: the pair is gone.
    await vi.waitFor(() => expect(wrapper.find('[data-testid="pair-p1"]').exists()).toBe(false));
  });
});
