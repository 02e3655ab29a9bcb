import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmClassDialog_ConfirmDocument, ConfirmClassDialog_RosterDocument } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import ConfirmClassDialog from './ConfirmClassDialog.vue';

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

const CLASS = { grade: '一年级', className: '2班' };
const pupil = (id: string, name: string, gender = 'F') => ({ __typename: 'Student', id, name, gender, birthDate: '2019-03-15' });

const rosterMock = {
  maxUsageCount: Number.POSITIVE_INFINITY,
  request: { query: ConfirmClassDialog_RosterDocument, variables: CLASS },
  result: {
    data: {
      verificationCampaigns: [{ __typename: 'VerificationCampaign', id: 'c2', classRoster: [pupil('11', '林小雨'), pupil('12', '王小明', 'M'), pupil('13', '张一')] }],
    },
  },
};

function confirmMock(marks: unknown[], payload: Record<string, unknown> = {}) {
  const confirmed = vi.fn(() => ({ data: { confirmClass: { __typename: 'VerificationPayload', ok: true, campaignId: 'c2', error: null, ...payload } } }));
  return { confirmed, mock: { request: { query: ConfirmClassDialog_ConfirmDocument, variables: { input: { campaignId: 'c2', ...CLASS, marks } } }, result: confirmed } };
}

async function mountDialog(mocks: unknown[], locale: 'zh-CN' | 'en' = 'zh-CN') {
  const { wrapper } = await mountWithApp(ConfirmClassDialog, { props: { open: false, campaignId: 'c2', ...CLASS }, mocks: mocks as never[], locale });
  mounted = wrapper;
  await wrapper.setProps({ open: true });
  await vi.waitFor(() => expect(document.body.querySelector('[data-testid="confirm-mark-13"]')).not.toBeNull());
  return wrapper;
}

const inBody = <T extends HTMLElement = HTMLElement>(selector: string) => document.body.querySelector<T>(selector);

async function mark(id: string, kind: 'LEFT' | 'CHANGED'): Promise<void> {
  inBody<HTMLInputElement>(`[data-testid="confirm-mark-${id}-${kind}"] input`)!.click();
  await flushPromises();
}

async function type(selector: string, value: string): Promise<void> {
  const input = inBody<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

async function submit(): Promise<void> {
  inBody<HTMLButtonElement>('[data-testid="confirm-class-submit"]')!.click();
  await flushPromises();
}

describe('ConfirmClassDialog', () => {
  it('lists every pupil as present and explains what marking a pupil as left does', async () => {
    await mountDialog([rosterMock]);
    expect(inBody('[data-testid="confirm-class-summary"]')?.textContent).toBe('共 3 名学生：0 名离校，0 名信息有变');
    const explained = inBody('[data-testid="confirm-class-explain"]')?.textContent;
    expect(explained).toContain('如不知道去向学校，其学籍将以“不在本校就读”为由删除（区县可恢复）');
    expect(explained).toContain('该校会看到这名学生待转入');
    expect(inBody('input[data-testid="confirm-school-code-11"]')).toBeNull();
  });

  it('sends nothing while a school code is not 10 digits', async () => {
    const { confirmed, mock } = confirmMock([]);
    await mountDialog([rosterMock, mock]);
    await mark('11', 'LEFT');
    await type('input[data-testid="confirm-school-code-11"]', '13301');
    await submit();
    await vi.waitFor(() => expect(inBody('[data-testid="confirm-row-error-11"]')?.textContent).toBe('学校标识码为 10 位数字'));
    expect(confirmed).not.toHaveBeenCalled();
  });

  it('shows an unknown school the API refuses on the row of the pupil marked, translated', async () => {
    const marks = [
      { studentId: '12', mark: 'CHANGED', leftToSchoolCode: null, note: '出生日期已更正' },
      { studentId: '13', mark: 'LEFT', leftToSchoolCode: '1330199009', note: null },
    ];
    const refusal = { ok: false, campaignId: null, error: { __typename: 'VerificationError', code: 'UNKNOWN_SCHOOL', message: 'No school has this code.', field: 'marks.1.leftToSchoolCode' } };
    const { confirmed, mock } = confirmMock(marks, refusal);
    const wrapper = await mountDialog([rosterMock, mock]);
    await mark('12', 'CHANGED');
    await type('input[data-testid="confirm-note-12"]', ' 出生日期已更正 ');
    await mark('13', 'LEFT');
    await type('input[data-testid="confirm-school-code-13"]', '1330199009');
    expect(inBody('[data-testid="confirm-class-summary"]')?.textContent).toBe('共 3 名学生：1 名离校，1 名信息有变');
    await submit();
    await vi.waitFor(() => expect(confirmed).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(inBody('[data-testid="confirm-row-error-13"]')?.textContent).toBe('没有学校使用这个学校标识码，请核对。'));
    expect(inBody('[data-testid="confirm-row-error-12"]')).toBeNull();
    expect(inBody('[data-testid="verification-error"]')).toBeNull();
    expect(document.body.textContent).not.toContain('No school has this code');
    expect(wrapper.emitted('confirmed')).toBeUndefined();
  });

  it('confirms the class with its marks, says so and closes', async () => {
    const { confirmed, mock } = confirmMock([{ studentId: '11', mark: 'LEFT', leftToSchoolCode: null, note: null }]);
    const wrapper = await mountDialog([rosterMock, mock]);
    await mark('11', 'LEFT');
    await submit();
    await vi.waitFor(() => expect(confirmed).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(wrapper.emitted('confirmed')).toHaveLength(1));
    expect(wrapper.emitted('update:open')).toEqual([[false]]);
    expect(document.body.querySelector('.el-message')?.textContent).toContain('已确认 一年级 2班');
  });

  it('says a refusal about the class above the list, in English too', async () => {
    const refusal = { ok: false, campaignId: null, error: { __typename: 'VerificationError', code: 'ALREADY_CONFIRMED', message: 'already', field: null } };
    const { mock } = confirmMock([], refusal);
    await mountDialog([rosterMock, mock], 'en');
    await submit();
    await vi.waitFor(() => expect(inBody('[data-testid="verification-error"]')?.textContent).toContain('This class was already confirmed in this verification.'));
  });
});
