import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TransferInDialog_RequestDocument } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import TransferInDialog from './TransferInDialog.vue';

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

const INPUT = { fromSchoolCode: '1330106001', idNumber: '330106201403150031', name: '林小雨', note: null as string | null };

function requestMock(input: typeof INPUT, payload: Record<string, unknown> = {}) {
  const requested = vi.fn(() => ({ data: { requestTransferIn: { __typename: 'TransferPayload', ok: true, transferId: 't9', error: null, ...payload } } }));
  return { requested, mock: { request: { query: TransferInDialog_RequestDocument, variables: { input } }, result: requested } };
}

function refusal(code: string, message: string, field: string | null) {
  return { ok: false, transferId: null, error: { __typename: 'TransferError', code, message, field } };
}

async function mountDialog(mocks: unknown[], locale: 'zh-CN' | 'en' = 'zh-CN') {
  const { wrapper } = await mountWithApp(TransferInDialog, { props: { open: true }, mocks: mocks as never[], locale });
  mounted = wrapper;
  await vi.waitFor(() => expect(document.body.querySelector('[data-testid="transfer-in-dialog"]')).not.toBeNull());
  return wrapper;
}

async function fill(values: Partial<Record<'school-code' | 'id-number' | 'name' | 'note', string>>): Promise<void> {
  for (const [field, value] of Object.entries(values)) {
    const input = document.body.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-testid="transfer-in-${field}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  await flushPromises();
}

async function submit(): Promise<void> {
  document.body.querySelector<HTMLButtonElement>('[data-testid="transfer-in-submit"]')!.click();
  await flushPromises();
}

/** The form item around an input, and the message it shows. */
function formItem(field: string) {
  const item = document.body.querySelector(`[data-testid="transfer-in-${field}"]`)!.closest('.el-form-item')!;
  return { invalid: item.classList.contains('is-error'), message: item.querySelector('.el-form-item__error')?.textContent?.trim() ?? null };
}

describe('TransferInDialog (转入申请)', () => {
  it('checks the school code and the required fields before sending anything', async () => {
    const { requested, mock } = requestMock(INPUT);
    await mountDialog([mock]);
    await fill({ 'school-code': '13301', 'id-number': INPUT.idNumber });
    await submit();
    await vi.waitFor(() => expect(formItem('school-code').message).toBe('学校标识码为 10 位数字'));
    expect(formItem('name').message).toBe('请输入学生姓名');
    expect(requested).not.toHaveBeenCalled();
  });

  it('shows a refusal on the input the API names, focused, and takes it away once corrected', async () => {
    const { mock } = requestMock(INPUT, refusal('UNKNOWN_SCHOOL', 'No school has this code.', 'fromSchoolCode'));
    await mountDialog([mock]);
    await fill({ 'school-code': ` ${INPUT.fromSchoolCode} `, 'id-number': INPUT.idNumber, name: INPUT.name });
    await submit();
    await vi.waitFor(() => expect(formItem('school-code')).toEqual({ invalid: true, message: '没有学校使用这个学校标识码，请核对。' }));
    expect(document.activeElement?.getAttribute('data-testid')).toBe('transfer-in-school-code');
    // Said once, on the field: not again above the form, and not in the API's English.
    expect(document.body.querySelector('[data-testid="transfer-error"]')).toBeNull();
    expect(document.body.textContent).not.toContain('No school has this code');

    await fill({ 'school-code': '1330106002' });
    await vi.waitFor(() => expect(formItem('school-code').invalid).toBe(false));
  });

  it('translates every refusal in English too, with the field and the limit it names', async () => {
    const note = 'n'.repeat(12);
    const { mock } = requestMock({ ...INPUT, note }, refusal('TOO_LONG', 'note is too long: at most 500 characters (got 501).', 'note'));
    await mountDialog([mock], 'en');
    await fill({ 'school-code': INPUT.fromSchoolCode, 'id-number': INPUT.idNumber, name: INPUT.name, note });
    await submit();
    await vi.waitFor(() => expect(formItem('note').message).toBe('“Note” is too long: at most 500 characters. Shorten it and try again.'));
  });

  it('says a refusal about no input above the form', async () => {
    const { mock } = requestMock(INPUT, refusal('ALREADY_REQUESTED', 'A transfer of this record is already waiting for an answer.', null));
    await mountDialog([mock]);
    await fill({ 'school-code': INPUT.fromSchoolCode, 'id-number': INPUT.idNumber, name: INPUT.name });
    await submit();
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="transfer-error"]')?.textContent).toContain('这名学生已有一个等待答复的转学申请。'));
  });

  it('sends the trimmed request, says it went, and closes', async () => {
    const { requested, mock } = requestMock({ ...INPUT, note: '9 月起在我校就读' });
    const wrapper = await mountDialog([mock]);
    await fill({ 'school-code': INPUT.fromSchoolCode, 'id-number': ` ${INPUT.idNumber} `, name: ` ${INPUT.name}`, note: ' 9 月起在我校就读 ' });
    await submit();
    await vi.waitFor(() => expect(requested).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(wrapper.emitted('requested')).toHaveLength(1));
    expect(wrapper.emitted('update:open')).toEqual([[false]]);
    expect(document.body.querySelector('.el-message')?.textContent).toContain('已发出转入申请，等待原学校确认');
  });
});
