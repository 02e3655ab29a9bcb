import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAuthToken } from '@/composables/use-auth-token';
import { TransferStepDialog_AnswerDocument } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import TransfersPage from './TransfersPage.vue';
import { SHENGLI, XUEJUN, meMock, transfer, transfersMock } from './test-fixtures';

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

async function mountPage(mocks: unknown[], options: { route?: string; locale?: 'zh-CN' | 'en' } = {}) {
  setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
  const result = await mountWithApp(TransfersPage, { route: options.route ?? '/transfers', locale: options.locale, mocks: mocks as never[] });
  mounted = result.wrapper;
  return result;
}

/** Dialogs are teleported to <body>, outside the wrapper. */
function inBody<T extends HTMLElement = HTMLElement>(selector: string): T | null {
  return document.body.querySelector<T>(selector);
}

const buttons = (wrapper: VueWrapper, id: string) => wrapper.findAll(`[data-testid="transfer-steps-${id}"] button`).map((b) => b.attributes('data-testid'));

function answerMock(input: Record<string, unknown>, payload: Record<string, unknown>) {
  const answered = vi.fn(() => ({ data: { answerTransfer: { __typename: 'TransferPayload', ok: true, transferId: input.transferId, error: null, ...payload } } }));
  return { answered, mock: { request: { query: TransferStepDialog_AnswerDocument, variables: { input } }, result: answered } };
}

describe('TransfersPage: the list', () => {
  it('offers exactly the steps the API gives each transfer, marks overdue answers and shows the districts’ approvals', async () => {
    const rows = [
      transfer('t1', { steps: ['ANSWER'], overdue: true }),
      transfer('t2', { steps: ['WITHDRAW'], fromSchool: SHENGLI, toSchool: XUEJUN, pupilName: '王小明', problemId: null }),
      transfer('t3', { status: 'CONFIRMED', steps: [], approvalsNeeded: ['330102', '330106'], approved: ['330106'], answeredAt: '2026-11-04T08:00:00.000Z' }),
      transfer('t4', { status: 'COMPLETED', steps: [] }),
    ];
    const { wrapper } = await mountPage([meMock('SCHOOL_REGISTRAR'), transfersMock({}, rows)]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="transfer-pupil-t4"]').exists()).toBe(true));

    expect(buttons(wrapper, 't1')).toEqual(['transfer-confirm-t1', 'transfer-refuse-t1']);
    expect(wrapper.find('[data-testid="transfer-confirm-t1"]').attributes('aria-label')).toBe('确认转出：林小雨');
    expect(buttons(wrapper, 't2')).toEqual(['transfer-withdraw-t2']);
    expect(wrapper.find('[data-testid="transfer-steps-t3"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="transfer-steps-t4"]').exists()).toBe(false);

    expect(wrapper.find('[data-testid="transfer-overdue-t1"]').text()).toBe('已逾期');
    expect(wrapper.find('[data-testid="transfer-overdue-t2"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="transfer-approvals-t3"]').text()).toContain('上城区：待批准');
    expect(wrapper.find('[data-testid="transfer-approvals-t3"]').text()).toContain('西湖区：已批准');
    expect(wrapper.find('[data-testid="transfers-table"]').text()).toContain('无需审批');
    // Inside a problem it links there; a 转入申请 says so.
    expect(wrapper.find('[data-testid="transfers-table"] a[href="/problems/16"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="transfers-table"]').text()).toContain('转入申请');
    // Only a registrar asks for a pupil.
    expect(wrapper.find('[data-testid="transfer-in-open"]').text()).toBe('新建转入申请');
  });

  it('keeps the direction and status in the URL and asks the API for just those', async () => {
    const { wrapper, router } = await mountPage([
      meMock('DISTRICT_ADMIN', null),
      transfersMock({}, [transfer('t1'), transfer('t2')]),
      transfersMock({ direction: 'OUTGOING' }, [transfer('t1')]),
      transfersMock({ direction: 'OUTGOING', status: 'REQUESTED' }, []),
    ]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="transfer-pupil-t2"]').exists()).toBe(true));
    // District staff ask for no pupil.
    expect(wrapper.find('[data-testid="transfer-in-open"]').exists()).toBe(false);

    await wrapper.find('[data-testid="transfers-direction-OUTGOING"] input').setValue(true);
    await vi.waitFor(() => expect(router!.currentRoute.value.query).toEqual({ direction: 'OUTGOING' }));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="transfer-pupil-t2"]').exists()).toBe(false));
    expect(wrapper.find('[data-testid="transfer-pupil-t1"]').exists()).toBe(true);

    await router!.replace({ query: { direction: 'OUTGOING', status: 'REQUESTED' } });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="transfers-table"]').text()).toContain('没有符合筛选条件的学籍转接'));
  });

  it('tells city staff the page is not theirs, without asking for transfers', async () => {
    const { wrapper } = await mountPage([meMock('CITY_ADMIN', null)]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="transfers-not-allowed"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="transfers-table"]').exists()).toBe(false);
  });
});

describe('TransfersPage: taking a step', () => {
  it('does not send a refusal without a reason; with one it refuses, says so and shows the list afresh', async () => {
    const reason = '该生仍在我校就读，有本学期考勤记录';
    const { answered, mock } = answerMock({ transferId: 't1', version: 1, accept: false, reason }, {});
    const { wrapper } = await mountPage([
      meMock('SCHOOL_REGISTRAR'),
      transfersMock({}, [transfer('t1', { steps: ['ANSWER'] })], 1),
      transfersMock({}, [transfer('t1', { status: 'REJECTED', version: 2, answerReason: reason })]),
      mock,
    ]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="transfer-refuse-t1"]').exists()).toBe(true));

    await wrapper.find('[data-testid="transfer-refuse-t1"]').trigger('click');
    const dialog = await vi.waitFor(() => {
      const found = inBody('[data-testid="transfer-step-dialog"]');
      expect(found?.textContent).toContain('拒绝后，林小雨的学籍留在本校');
      return found!;
    });
    expect(dialog.textContent).toContain('转入学校说明：该生已随父母转入我校就读');
    inBody<HTMLButtonElement>('[data-testid="transfer-step-submit"]')!.click();
    await vi.waitFor(() => expect(dialog.textContent).toContain('请填写拒绝原因'));
    expect(answered).not.toHaveBeenCalled();

    const textarea = inBody<HTMLTextAreaElement>('textarea[data-testid="transfer-step-reason"]')!;
    expect(textarea.maxLength).toBe(500);
    textarea.value = `  ${reason} `;
    textarea.dispatchEvent(new Event('input'));
    await flushPromises();
    inBody<HTMLButtonElement>('[data-testid="transfer-step-submit"]')!.click();

    await vi.waitFor(() => expect(answered).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(document.body.querySelector('.el-message')?.textContent).toContain('已拒绝转学申请'));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="transfers-table"] [data-testid="transfer-status"]').text()).toBe('已拒绝'));
    expect(wrapper.find('[data-testid="transfer-steps-t1"]').exists()).toBe(false);
  });

  it('shows a refusal the API returns in the interface language, not its English message', async () => {
    const { mock: notWaiting } = answerMock(
      { transferId: 't1', version: 1, accept: true, reason: null },
      { ok: false, transferId: null, error: { __typename: 'TransferError', code: 'NOT_WAITING', message: 'The transfer is not waiting for this step.', field: null } },
    );
    // A 转入申请 between two districts: confirming leaves it to the districts.
    const between = transfer('t1', { steps: ['ANSWER'], problemId: null, approvalsNeeded: ['330102', '330106'] });
    const { wrapper } = await mountPage([meMock('SCHOOL_REGISTRAR'), transfersMock({}, [between]), notWaiting]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="transfer-confirm-t1"]').exists()).toBe(true));

    await wrapper.find('[data-testid="transfer-confirm-t1"]').trigger('click');
    const dialog = await vi.waitFor(() => {
      const found = inBody('[data-testid="transfer-step-dialog"]');
      expect(found?.textContent).toContain('确认后，林小雨的学籍从杭州市西湖区学军小学转到杭州市上城区胜利小学');
      return found!;
    });
    expect(inBody('[data-testid="transfer-step-approvals"]')?.textContent).toContain('确认后还需两个区县都批准，转学才完成');
    // A confirmation needs no reason.
    inBody<HTMLButtonElement>('[data-testid="transfer-step-submit"]')!.click();
    await vi.waitFor(() => expect(dialog.querySelector('[data-testid="transfer-error"]')?.textContent).toContain('这次转学已不在等待这一步（已答复、撤回或完成），请重新加载。'));
    expect(dialog.textContent).not.toContain('The transfer is not waiting');
  });
});
