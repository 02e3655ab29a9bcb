import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { setAuthToken } from '@/composables/use-auth-token';
import {
  ProposalAnswer_AnswerDocument,
  RecordActionDialog_ActDocument,
  RecordChangeForm_StudentDocument,
  TransferRequestDialog_RequestDocument,
  TransferStepDialog_AnswerDocument,
} from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import { residentIdCheckChar } from '@/components/record-form/id-number';
import ProblemPage from './ProblemPage.vue';
import { SCHOOL_A, SCHOOL_B, comparedMember, comparison, member, nextStep, problem, problemMock, school, transfer } from './test-fixtures';

const STAFF = { __typename: 'User', id: 'u9', role: 'DISTRICT_ADMIN', school: null };
const OURS = { school: SCHOOL_A, student: { __typename: 'Student', id: '101', status: 'ENROLLED' } };

async function mountProblem(
  value: ReturnType<typeof problem>,
  extraMocks: unknown[] = [],
  options: { locale?: 'zh-CN' | 'en'; problemMocks?: unknown[] } = {},
) {
  setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
  const mounted = await mountWithApp(ProblemPage, {
    route: `/problems/${value.id}`,
    props: { id: value.id },
    locale: options.locale ?? 'zh-CN',
    mocks: [...((options.problemMocks as never[]) ?? [problemMock(value)]), ...(extraMocks as never[])],
  });
  await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="member-comparison"]').exists()).toBe(true));
  return mounted;
}

/** Dialogs and message boxes are teleported to <body>, outside the wrapper. */
function inBody<T extends HTMLElement = HTMLElement>(selector: string): T | null {
  return document.body.querySelector<T>(selector);
}

async function typeInto(selector: string, value: string): Promise<void> {
  const input = inBody<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new FocusEvent('blur'));
  await flushPromises();
}

async function clickButton(container: ParentNode, text: string): Promise<void> {
  const button = await vi.waitFor(() => {
    const found = [...container.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text);
    expect(found, `button "${text}"`).toBeDefined();
    return found!;
  });
  button.click();
  await flushPromises();
}

function actMock(input: Record<string, unknown>, payload: Record<string, unknown>) {
  return {
    request: { query: RecordActionDialog_ActDocument, variables: { input } },
    result: { data: { actOnRecord: { __typename: 'RecordActionPayload', ok: false, problemStatus: null, version: null, error: null, ...payload } } },
  };
}

describe('ProblemPage: records side by side', () => {
  it('highlights the values that differ and shows the ID checks beside the number', async () => {
    const { wrapper } = await mountProblem(
      problem({
        members: [
          member('101', { ...OURS, allowedActions: ['CHANGE', 'CORROBORATE', 'DELETE'] }),
          member('202', {
            school: SCHOOL_B,
            birthDate: '2014-03-16',
            idCheck: {
              __typename: 'IdCheck',
              valid: false,
              reasons: ['CHECKSUM', 'BIRTH_DATE_MISMATCH'],
              messages: ['The check character is 1 but should be 7.', 'The ID number says born 2014-03-15, the record says 2014-03-16.'],
              addressCodeKnown: false,
            },
          }),
        ],
      }),
    );

    const cell = (field: string, id: string) => wrapper.find(`[data-testid="compare-${field}-${id}"]`);
    for (const id of ['101', '202']) {
      expect(cell('birthDate', id).classes()).toContain('is-different');
      expect(cell('school', id).classes()).toContain('is-different');
      expect(cell('name', id).classes()).not.toContain('is-different');
      expect(cell('idNumber', id).classes()).not.toContain('is-different');
    }
    // Screen readers hear it too, not only see a colour.
    expect(cell('birthDate', '202').text()).toContain('（与其他学籍不同）');
    expect(cell('idNumber', '202').text()).toContain('330106***********1');

    expect(wrapper.find('[data-testid="id-check-101"]').text()).toContain('校验通过');
    const invalid = wrapper.find('[data-testid="id-check-202"]').text();
    expect(invalid).toContain('校验未通过');
    expect(invalid).toContain('校验码不正确');
    expect(invalid).toContain('证件号中的出生日期与学籍不一致');
    expect(invalid).toContain('地址码未收录');

    // The owning school heads each column; ours comes first and says so.
    const heads = wrapper.findAll('th.compare__head');
    expect(heads[0]!.text()).toContain('杭州市西湖区学军小学');
    expect(heads[0]!.text()).toContain('本校');
    expect(heads[1]!.text()).toContain('杭州市上城区胜利小学');
    expect(heads[1]!.text()).not.toContain('本校');
    wrapper.unmount();
  });

  it('shows the API’s own sentences for the ID checks in English', async () => {
    const { wrapper } = await mountProblem(
      problem({
        members: [
          member('101', OURS),
          member('202', {
            school: SCHOOL_B,
            idCheck: { __typename: 'IdCheck', valid: false, reasons: ['CHECKSUM'], messages: ['The check character is 1 but should be 7.'], addressCodeKnown: true },
          }),
        ],
      }),
      [],
      { locale: 'en' },
    );
    expect(wrapper.find('[data-testid="id-check-202"]').text()).toContain('The check character is 1 but should be 7.');
    wrapper.unmount();
  });
});

describe('ProblemPage: where each record came from, and records that left', () => {
  it('shows grade, class, enrolment, source and last change; another school only compared; a record that left greyed, without actions', async () => {
    const { wrapper } = await mountProblem(
      problem({
        members: [
          member('101', { ...OURS, allowedActions: ['CHANGE', 'CORROBORATE', 'DELETE'] }),
          comparedMember('202', comparison('101', { grade: 'DIFFERS' }), { importedAt: '2026-10-01T08:00:00.000Z' }),
        ],
        formerMembers: [
          member('303', { ...OURS, student: { __typename: 'Student', id: '303', status: 'DELETED' }, name: '林小雨', leftAt: '2026-11-10T08:00:00.000Z', className: '4班' }),
        ],
      }),
    );
    const cell = (field: string, id: string) => wrapper.find(`[data-testid="compare-${field}-${id}"]`);
    expect(cell('grade', '101').text()).toContain('三年级');
    expect(cell('className', '101').text()).toBe('2班');
    expect(cell('enrollmentMonth', '101').text()).toContain('2023-09');
    expect(cell('source', '101').text()).toBe('2026/09/05 从“2026秋季学籍.xlsx”导入');
    expect(cell('lastChanged', '101').text()).toContain('2026/10/12');
    // Another school's grade only as a comparison (and marked on ours too); its class and file not at all.
    expect(cell('grade', '202').text()).toBe('与本校记录不同');
    expect(cell('grade', '101').classes()).toContain('is-different');
    expect(cell('enrollmentMonth', '202').text()).toBe('与本校记录相同');
    expect(cell('className', '202').text()).toBe('—');
    expect(cell('source', '202').text()).toBe('2026/10/01 录入');

    // The deleted copy is still there to see, greyed, last, and takes no part in the comparison.
    const heads = wrapper.findAll('th.compare__head');
    expect(heads).toHaveLength(3);
    expect(heads[2]!.classes()).toContain('is-former');
    expect(wrapper.find('[data-testid="compare-left-303"]').text()).toBe('2026/11/10 删除');
    expect(cell('className', '303').classes()).toContain('is-former');
    expect(cell('className', '303').classes()).not.toContain('is-different');
    expect(wrapper.find('[data-testid="actions-303"]').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe("ProblemPage: another school's record (disclosure COMPARED)", () => {
  const cell = (wrapper: Awaited<ReturnType<typeof mountProblem>>['wrapper'], field: string, id: string) => wrapper.find(`[data-testid="compare-${field}-${id}"]`);

  it('shows how it compares with our record instead of its values, and highlights exactly what differs', async () => {
    const { wrapper } = await mountProblem(
      problem({
        members: [
          comparedMember('202', comparison('101', { birthDate: 'DIFFERS', idNumber: 'DIFFERS', idNumberDiffersIn: ['CHECK_CHARACTER', 'BIRTH_DATE'], gender: 'MISSING' })),
          member('101', { ...OURS, allowedActions: ['CHANGE', 'CORROBORATE', 'DELETE'] }),
        ],
      }),
    );

    expect(cell(wrapper, 'name', '202').text()).toContain('林*雨');
    expect(cell(wrapper, 'name', '202').text()).toContain('与本校记录相同');
    expect(wrapper.find('[data-testid="compared-hint-202"]').text()).toBe('其他学校的记录：不显示具体内容，只显示比对结果');
    expect(cell(wrapper, 'gender', '202').text()).toBe('无');
    expect(cell(wrapper, 'birthDate', '202').text()).toBe('与本校记录不同');
    expect(cell(wrapper, 'idType', '202').text()).toBe('与本校记录相同');
    expect(cell(wrapper, 'idNumber', '202').text()).toContain('与本校记录不同');
    expect(wrapper.find('[data-testid="id-differs-in-202"]').text()).toBe('不同之处：出生日期码、校验码');
    // No value of it, and no ID checks that would narrow its number down.
    const column = ['name', 'gender', 'birthDate', 'idType', 'idNumber'].map((field) => cell(wrapper, field, '202').text()).join(' ');
    for (const value of ['男', '2014', '居民身份证', '330106', '***']) expect(column).not.toContain(value);
    expect(wrapper.find('[data-testid="id-check-202"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="id-check-101"]').exists()).toBe(true);

    // Exactly the fields that differ, on their record and on ours; the schools differ by value.
    const highlighted = wrapper.findAll('td.is-different').map((td) => td.attributes('data-testid'));
    expect(highlighted.sort()).toEqual(
      ['compare-birthDate-101', 'compare-birthDate-202', 'compare-idNumber-101', 'compare-idNumber-202', 'compare-school-101', 'compare-school-202'].sort(),
    );
    // Ours comes first, with its own values.
    expect(wrapper.findAll('th.compare__head')[0]!.attributes('data-testid')).toBe('compare-head-101');
    expect(cell(wrapper, 'birthDate', '101').text()).toContain('2014-03-15');
    wrapper.unmount();
  });

  it('flags a problem holding a graduating pupil with the days left, and no other', async () => {
    const graduating = await mountProblem(problem({ graduating: true, daysToGraduation: 0 }));
    expect(graduating.wrapper.find('[data-testid="problem-graduating"]').text()).toBe('毕业班 · 今天毕业');
    graduating.wrapper.unmount();
    const other = await mountProblem(problem());
    expect(other.wrapper.find('[data-testid="problem-graduating"]').exists()).toBe(false);
    other.wrapper.unmount();
  });

  it('says the record cannot be compared when none of ours is left in the problem', async () => {
    const other = school('3', '杭州市拱墅区卖鱼桥小学', { code: '330105', name: '拱墅区' });
    const { wrapper } = await mountProblem(problem({ members: [comparedMember('202', null), comparedMember('303', null, { school: other })] }));
    for (const id of ['202', '303']) {
      expect(cell(wrapper, 'birthDate', id).text()).toBe('无法比对');
      expect(cell(wrapper, 'idNumber', id).text()).toBe('无法比对');
    }
    expect(wrapper.findAll('td.is-different').map((td) => td.attributes('data-testid'))).toEqual(['compare-school-202', 'compare-school-303']);
    wrapper.unmount();
  });

  it('names the record it was compared with for district staff, who have no school of their own', async () => {
    const value = problem({ members: [member('101', { school: SCHOOL_A }), comparedMember('202', comparison('101', { gender: 'DIFFERS' }))] });
    const { wrapper } = await mountProblem(value, [], { problemMocks: [problemMock(value, { me: STAFF })], locale: 'en' });
    expect(cell(wrapper, 'gender', '202').text()).toBe('Differs from record 1');
    expect(cell(wrapper, 'gender', '101').classes()).toContain('is-different');
    wrapper.unmount();
  });
});

describe('ProblemPage: what the viewer may do', () => {
  it('offers only the actions the API allows on each record', async () => {
    const { wrapper } = await mountProblem(
      problem({ members: [member('101', { ...OURS, allowedActions: ['CORROBORATE', 'DELETE'] }), member('202', { school: SCHOOL_B })] }),
    );
    expect(wrapper.find('[data-testid="action-CHANGE-101"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="action-CORROBORATE-101"]').text()).toBe('佐证');
    expect(wrapper.find('[data-testid="action-DELETE-101"]').attributes('aria-label')).toBe('删除 林小雨 的学籍');
    expect(wrapper.find('[data-testid="actions-202"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid^="action-"]')).toHaveLength(2);
    // No negotiation, review or decision for a viewer the API gives none of them.
    expect(wrapper.find('[data-testid="negotiation-panel"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="review-panel"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="decision-panel"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows no record actions to district staff, but the review panel when they may review', async () => {
    const value = problem({
      status: 'PENDING_REVIEW',
      nextStep: nextStep('REVIEW', { waitingFor: [] }),
      viewerCan: { __typename: 'ProblemAbilities', negotiate: false, escalate: false, review: true, decide: false, reopen: false },
      members: [member('101', { school: SCHOOL_A }), member('202', { school: SCHOOL_B })],
    });
    const { wrapper } = await mountProblem(value, [], { problemMocks: [problemMock(value, { me: STAFF })] });
    expect(wrapper.findAll('[data-testid^="action-"]')).toHaveLength(0);
    // Staff have no school of their own: no column is "ours".
    expect(wrapper.find('[data-testid="member-comparison"]').text()).not.toContain('本校');
    expect(wrapper.find('[data-testid="review-panel"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="decision-panel"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="problem-next-step"]').text()).toContain('请审核');
    wrapper.unmount();
  });

  it('shows the decision panel for an escalated problem to the staff who decide it', async () => {
    const { wrapper } = await mountProblem(
      problem({
        status: 'ESCALATED',
        viewerCan: { __typename: 'ProblemAbilities', negotiate: false, escalate: false, review: false, decide: true, reopen: false },
        members: [member('101', { school: SCHOOL_A }), member('202', { school: SCHOOL_B })],
      }),
    );
    expect(wrapper.find('[data-testid="decision-panel"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="decision-101"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="decision-202"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="review-panel"]').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('ProblemPage: acting on a record', () => {
  it('says that someone else acted first (STALE_VERSION) and reloads the problem', async () => {
    const first = problem({ version: 3 });
    const reloaded = problem({ version: 4, updatedAt: '2026-11-05T08:00:00.000Z' });
    const { wrapper } = await mountProblem(first, [
      actMock({ problemId: '16', version: 3, studentId: '101', action: 'DELETE', deleteReason: 'NOT_STUDYING_HERE', comment: null }, {
        error: { __typename: 'ActionError', code: 'STALE_VERSION', message: 'Someone else acted on this problem since you opened it; reload it and try again.', field: null },
      }),
    ], { problemMocks: [problemMock(first, { uses: 1 }), problemMock(reloaded)] });

    await wrapper.find('[data-testid="action-DELETE-101"]').trigger('click');
    const dialog = await vi.waitFor(() => {
      const found = inBody('[data-testid="record-action-dialog"]');
      expect(found).not.toBeNull();
      return found!;
    });
    inBody<HTMLInputElement>('[data-testid="delete-reason"] input[value="NOT_STUDYING_HERE"]')!.click();
    await flushPromises();
    inBody<HTMLButtonElement>('[data-testid="record-action-submit"]')!.click();

    // A deletion asks first.
    const box = await vi.waitFor(() => {
      const found = inBody('.el-message-box');
      expect(found?.textContent).toContain('确定删除 林小雨（杭州市西湖区学军小学）的学籍吗？删除原因：不在本校就读。');
      return found!;
    });
    await clickButton(box, '确认删除');

    const stale = await vi.waitFor(() => {
      const found = dialog.querySelector('[data-testid="stale-version"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(stale.textContent).toContain('其他人刚刚处理了这个问题');
    expect(stale.textContent).toContain('其他人已经处理了这个问题，请重新加载后再操作。');
    expect(stale.getAttribute('role')).toBe('alert');

    // Reloading brings the new version (and what changed); the warning has done its job.
    (stale.querySelector('[data-testid="stale-reload"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(dialog.querySelector('[data-testid="stale-version"]')).toBeNull());
    expect(wrapper.text()).toContain('2026/11/05');
    wrapper.unmount();
  });

  it('checks the ID number like the API (18 characters, GB 11643 check character) before sending a change', async () => {
    const first17 = '33010620140315003';
    const valid = first17 + residentIdCheckChar(first17);
    const wrong = first17 + (residentIdCheckChar(first17) === '0' ? '1' : '0');
    const { wrapper } = await mountProblem(problem(), [
      {
        request: { query: RecordChangeForm_StudentDocument, variables: { id: '101' } },
        result: {
          data: {
            student: { __typename: 'Student', id: '101', name: '林小雨', gender: 'M', birthDate: '2014-03-15', idType: 'RESIDENT_ID', idNumber: wrong },
          },
        },
      },
    ]);

    await wrapper.find('[data-testid="action-CHANGE-101"]').trigger('click');
    await vi.waitFor(() => expect(inBody<HTMLInputElement>('[data-testid="change-id-number"]')?.value).toBe(wrong));
    const dialog = inBody('[data-testid="record-action-dialog"]')!;
    const errorText = () => dialog.querySelector('.el-form-item.is-error .el-form-item__error')?.textContent?.trim() ?? null;

    await typeInto('[data-testid="change-id-number"]', '3301062014031500');
    await vi.waitFor(() => expect(errorText()).toBe('居民身份证号应为 18 位'));

    await typeInto('[data-testid="change-id-number"]', wrong);
    await vi.waitFor(() => expect(errorText()).toBe('校验码（最后一位）不正确，请核对证件号'));

    // A woman's number (even 17th digit) on a boy's record.
    const female17 = '33010620140315004';
    await typeInto('[data-testid="change-id-number"]', female17 + residentIdCheckChar(female17));
    await vi.waitFor(() => expect(errorText()).toBe('证件号中的性别（第 17 位）与填写的性别不一致'));

    await typeInto('[data-testid="change-id-number"]', ` ${valid.slice(0, 6)} ${valid.slice(6).toLowerCase()} `);
    await vi.waitFor(() => expect(errorText()).toBeNull());

    // Proof is required: nothing is sent without it (no mutation is mocked, so a request would fail loudly).
    inBody<HTMLButtonElement>('[data-testid="record-action-submit"]')!.click();
    await vi.waitFor(() => expect(errorText()).toBe('请至少上传一份证明材料'));
    expect(dialog.querySelector('[data-testid="action-error"]')).toBeNull();
    wrapper.unmount();
  });
});

const PENDING_KEEP_OURS = {
  __typename: 'ProblemMessage',
  id: 'm1',
  authorName: '胜利小学学籍员',
  body: '该生已转入贵校，请保留贵校学籍。',
  proposal: 'KEEP_ONE',
  keepStudentId: '101',
  proposalStatus: 'PENDING',
  answerReason: null,
  answeredAt: null,
  createdAt: '2026-11-03T08:00:00.000Z',
  school: { __typename: 'School', id: '2', name: '杭州市上城区胜利小学' },
};

describe('ProblemPage: what happens next', () => {
  it('says whose turn it is, leads with the suggested action, and opens it with its reason preset', async () => {
    const suggestion = { __typename: 'SuggestedAction', studentId: '101', action: 'DELETE', reason: 'AGREED_KEEP_OTHER', deleteReason: 'NOT_STUDYING_HERE' };
    const { __typename: _, studentId: __, ...memberSuggestion } = suggestion;
    const value = problem({
      nextStep: nextStep('ACT_ON_RECORD', { suggestion }),
      members: [member('101', { ...OURS, allowedActions: ['CHANGE', 'CORROBORATE', 'DELETE'], suggestedAction: { __typename: 'SuggestedAction', ...memberSuggestion } }), member('202', { school: SCHOOL_B })],
    });
    const { wrapper } = await mountProblem(value);
    const alert = wrapper.find('[data-testid="problem-next-step"]');
    expect(alert.attributes('data-kind')).toBe('ACT_ON_RECORD');
    expect(alert.text()).toContain('待您处理');
    expect(wrapper.find('[data-testid="problem-next-step-suggestion"]').text()).toBe('建议删除：双方已商定保留对方学校的学籍，请以“不在本校就读”删除本校的林小雨。');
    // The suggested action leads (solid, marked); the others stay available.
    const del = wrapper.find('[data-testid="action-DELETE-101"]');
    expect(del.attributes('data-suggested')).toBe('true');
    expect(del.text()).toBe('删除（建议）');
    expect(wrapper.find('[data-testid="action-CHANGE-101"]').attributes('data-suggested')).toBeUndefined();

    await wrapper.find('[data-testid="problem-next-step-act"]').trigger('click');
    await vi.waitFor(() => expect(inBody('[data-testid="record-action-dialog"]')).not.toBeNull());
    await vi.waitFor(() => expect(inBody<HTMLInputElement>('[data-testid="delete-reason"] input[value="NOT_STUDYING_HERE"]')?.checked).toBe(true));
    wrapper.unmount();
  });

  it('tells a school that keeps its record there is nothing to do, before and after it accepts', async () => {
    const value = problem({
      nextStep: nextStep('ANSWER_PROPOSAL'),
      viewerCan: { __typename: 'ProblemAbilities', negotiate: true, escalate: false, review: false, decide: false, reopen: false },
      members: [member('101', { ...OURS, allowedActions: ['CHANGE', 'CORROBORATE', 'DELETE'] }), member('202', { school: SCHOOL_B })],
      messages: [PENDING_KEEP_OURS],
    });
    const accepted = problem({
      ...value,
      version: 4,
      nextStep: nextStep('WAIT_FOR_OTHER_SCHOOL'),
      messages: [{ ...PENDING_KEEP_OURS, proposalStatus: 'ACCEPTED', answeredAt: '2026-11-04T08:00:00.000Z' }],
    });
    const { wrapper } = await mountProblem(value, [
      {
        request: { query: ProposalAnswer_AnswerDocument, variables: { input: { messageId: 'm1', accept: true, reason: null } } },
        result: { data: { answerProposal: { __typename: 'NegotiationPayload', ok: true, id: 'm1', error: null } } },
      },
    ], { problemMocks: [problemMock(value, { uses: 1 }), problemMock(accepted)] });
    expect(wrapper.find('[data-testid="problem-next-step-text"]').text()).toContain('轮到您：杭州市上城区胜利小学于');

    await wrapper.find('[data-testid="proposal-accept"]').trigger('click');
    const box = await vi.waitFor(() => {
      const found = inBody('.el-message-box');
      expect(found?.textContent).toContain('接受后保留本校的学籍，由对方学校删除其学籍，本校无需再操作。');
      return found!;
    });
    await clickButton(box, '接受');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="problem-next-step"]').attributes('data-kind')).toBe('WAIT_FOR_OTHER_SCHOOL'));
    expect(wrapper.find('[data-testid="problem-next-step-text"]').text()).toContain('本校无需操作：等待杭州市上城区胜利小学处理');
    // No action dialog is forced on a school with nothing left to do.
    expect(inBody('[data-testid="record-action-dialog"]')).toBeNull();
    wrapper.unmount();
  });
});

describe('ProblemPage: negotiation', () => {
  it('lets the other school reject a proposal only with a reason', async () => {
    const value = problem({
      viewerCan: { __typename: 'ProblemAbilities', negotiate: true, escalate: false, review: false, decide: false, reopen: false },
      members: [member('101', { ...OURS, allowedActions: ['CHANGE', 'CORROBORATE', 'DELETE'] }), member('202', { school: SCHOOL_B })],
      messages: [
        {
          __typename: 'ProblemMessage',
          id: 'm1',
          authorName: '胜利小学学籍员',
          body: '该生在我校就读，请贵校删除学籍。',
          proposal: 'KEEP_ONE',
          keepStudentId: '202',
          proposalStatus: 'PENDING',
          answerReason: null,
          answeredAt: null,
          createdAt: '2026-11-03T08:00:00.000Z',
          school: { __typename: 'School', id: '2', name: '杭州市上城区胜利小学' },
        },
      ],
    });
    const { wrapper } = await mountProblem(value, [
      {
        request: { query: ProposalAnswer_AnswerDocument, variables: { input: { messageId: 'm1', accept: false, reason: '该生仍在我校上课，有考勤记录。' } } },
        result: { data: { answerProposal: { __typename: 'NegotiationPayload', ok: true, id: 'm1', error: null } } },
      },
    ]);
    const proposal = wrapper.find('[data-testid="message-m1"]');
    expect(proposal.text()).toContain('建议：保留一条学籍');
    expect(proposal.text()).toContain('保留 林小雨（杭州市上城区胜利小学）的学籍');
    expect(proposal.find('[data-testid="proposal-status"]').text()).toBe('等待答复');

    await proposal.find('[data-testid="proposal-reject"]').trigger('click');
    await wrapper.find('[data-testid="reject-submit"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="message-m1"]').text()).toContain('请填写拒绝原因'));

    await wrapper.find('textarea[data-testid="reject-reason"]').setValue('该生仍在我校上课，有考勤记录。');
    await wrapper.find('[data-testid="message-m1"] form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="reject-reason"]').exists()).toBe(false));
    expect(wrapper.find('[data-testid="message-m1"] [data-testid="action-error"]').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('ProblemPage: the pupil moved (transfers between schools)', () => {
  const ACTIONS = { ...OURS, allowedActions: ['CHANGE', 'CORROBORATE', 'DELETE'] };
  const duplicate = (overrides: Record<string, unknown> = {}) => problem({ members: [member('101', ACTIONS), comparedMember('202', comparison('101'))], ...overrides });

  function textarea(selector: string, value: string): void {
    const input = inBody<HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('lets a registrar whose school has the pupil ask the other school for the transfer, with a note', async () => {
    const value = duplicate();
    const requested = duplicate({
      version: 4,
      transfers: [transfer('t1', { steps: ['WITHDRAW'], fromSchool: { __typename: 'School', id: '2', name: SCHOOL_B.name }, toSchool: { __typename: 'School', id: '1', name: SCHOOL_A.name } })],
    });
    const note = '该生已于 9 月随父母转入我校就读';
    const sent = vi.fn(() => ({ data: { requestTransfer: { __typename: 'TransferPayload', ok: true, transferId: 't1', error: null } } }));
    const { wrapper } = await mountProblem(
      value,
      [{ request: { query: TransferRequestDialog_RequestDocument, variables: { input: { problemId: '16', version: 3, fromStudentId: '202', toStudentId: '101', note } } }, result: sent }],
      { problemMocks: [problemMock(value, { uses: 1 }), problemMock(requested)] },
    );
    const request = wrapper.find('[data-testid="transfer-request"]');
    expect(request.text()).toBe('该生已转入我校，申请转学');
    await request.trigger('click');

    // Which record moves out and which continues it: the only ones there are, named, not asked for.
    await vi.waitFor(() => expect(inBody('[data-testid="transfer-request-from"]')?.textContent).toBe(`林*雨（${SCHOOL_B.name}）`));
    expect(inBody('[data-testid="transfer-request-to"]')?.textContent).toBe(`林小雨（${SCHOOL_A.name}）`);
    expect(inBody<HTMLTextAreaElement>('textarea[data-testid="transfer-request-note"]')!.maxLength).toBe(500);
    textarea('textarea[data-testid="transfer-request-note"]', ` ${note} `);
    await flushPromises();
    inBody<HTMLButtonElement>('[data-testid="transfer-request-submit"]')!.click();

    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
    const item = await vi.waitFor(() => {
      const found = wrapper.find('[data-testid="problem-transfer-t1"]');
      expect(found.exists()).toBe(true);
      return found;
    });
    expect(item.find('[data-testid="transfer-status"]').text()).toBe('待原学校确认');
    expect(item.find('[data-testid="transfer-withdraw-t1"]').exists()).toBe(true);
    // One request at a time.
    expect(wrapper.find('[data-testid="transfer-request"]').exists()).toBe(false);
    expect(document.body.querySelector('.el-message')?.textContent).toContain(`已向${SCHOOL_B.name}发出转学申请`);
    wrapper.unmount();
  });

  it('offers no transfer where the pupil cannot have moved between schools, nor to district staff', async () => {
    const identity = duplicate({ type: 'DUPLICATE_IDENTITY' });
    const first = await mountProblem(identity);
    expect(first.wrapper.find('[data-testid="transfer-panel"]').exists()).toBe(false);
    first.wrapper.unmount();

    const value = duplicate();
    const staff = await mountProblem(value, [], { problemMocks: [problemMock(value, { me: STAFF })] });
    expect(staff.wrapper.find('[data-testid="transfer-request"]').exists()).toBe(false);
    staff.wrapper.unmount();
  });

  it('lets the old school answer right in the problem: not without a reason to refuse; a confirmation resolves it by transfer', async () => {
    const waiting = duplicate({ transfers: [transfer('t1', { steps: ['ANSWER'] })] });
    const resolved = duplicate({
      version: 5,
      status: 'RESOLVED',
      closedBy: 'TRANSFERRED',
      resolvedAt: '2026-11-04T08:00:00.000Z',
      nextStep: nextStep('DONE', { waitingFor: [] }),
      transfers: [transfer('t1', { status: 'COMPLETED', version: 2 })],
    });
    const answer = (input: Record<string, unknown>) => vi.fn(() => ({ data: { answerTransfer: { __typename: 'TransferPayload', ok: true, transferId: input.transferId, error: null } } }));
    const refused = answer({ transferId: 't1' });
    const confirmed = answer({ transferId: 't1' });
    const { wrapper } = await mountProblem(
      waiting,
      [
        { request: { query: TransferStepDialog_AnswerDocument, variables: { input: { transferId: 't1', version: 1, accept: false, reason: null } } }, result: refused },
        { request: { query: TransferStepDialog_AnswerDocument, variables: { input: { transferId: 't1', version: 1, accept: true, reason: null } } }, result: confirmed },
      ],
      { problemMocks: [problemMock(waiting, { uses: 1 }), problemMock(resolved)] },
    );
    const item = wrapper.find('[data-testid="problem-transfer-t1"]');
    expect(item.text()).toContain('转入学校说明：该生已于 9 月随父母转入我校');
    expect(item.findAll('button').map((b) => b.text())).toEqual(['确认转出', '拒绝']);
    // A request is waiting: no second one.
    expect(wrapper.find('[data-testid="transfer-request"]').exists()).toBe(false);

    await item.find('[data-testid="transfer-refuse-t1"]').trigger('click');
    const dialog = await vi.waitFor(() => {
      const found = inBody('[data-testid="transfer-step-dialog"]');
      expect(found).not.toBeNull();
      return found!;
    });
    inBody<HTMLButtonElement>('[data-testid="transfer-step-submit"]')!.click();
    await vi.waitFor(() => expect(dialog.textContent).toContain('请填写拒绝原因'));
    expect(refused).not.toHaveBeenCalled();
    await clickButton(dialog, '取消');

    await item.find('[data-testid="transfer-confirm-t1"]').trigger('click');
    await vi.waitFor(() => expect(dialog.textContent).toContain('确认后，林小雨的学籍从'));
    inBody<HTMLButtonElement>('[data-testid="transfer-step-submit"]')!.click();
    await vi.waitFor(() => expect(confirmed).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="problem-closed-by"]').text()).toBe('已通过转学解决'));
    expect(wrapper.find('[data-testid="problem-status"]').text()).toBe('已解决');
    expect(wrapper.find('[data-testid="problem-transfer-t1"] [data-testid="transfer-status"]').text()).toBe('已完成');
    expect(wrapper.find('[data-testid="transfer-steps-t1"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('says in English that a problem was resolved by transfer', async () => {
    const value = duplicate({ status: 'RESOLVED', closedBy: 'TRANSFERRED', resolvedAt: '2026-11-04T08:00:00.000Z', nextStep: nextStep('DONE', { waitingFor: [] }) });
    const { wrapper } = await mountProblem(value, [], { locale: 'en' });
    expect(wrapper.find('[data-testid="problem-closed-by"]').text()).toBe('Resolved by transfer');
    wrapper.unmount();
  });
});
