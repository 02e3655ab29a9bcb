import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UndoPanel_ReopenDocument, UndoPanel_WithdrawDocument } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import UndoPanel from './UndoPanel.vue';
import { REGISTRAR, SCHOOL_A, SCHOOL_B, member, problem } from './test-fixtures';

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

const DISTRICT = { __typename: 'User', id: 'u9', role: 'DISTRICT_ADMIN', school: null };

function event(id: string, type: string, data: Record<string, unknown>) {
  return { __typename: 'ProblemEvent', id, type, occurredAt: '2026-11-02T08:00:00.000Z', actorName: '学军小学学籍员', data };
}

/** A problem where school A (the viewer's) corroborated record 101 and school B acted on 202. */
function acted(overrides: Record<string, unknown> = {}) {
  return problem({
    members: [member('101', { school: SCHOOL_A, name: '林小雨' }), member('202', { school: SCHOOL_B, inMyScope: false })],
    history: [event('e1', 'ACTION_CORROBORATE', { studentId: '101' }), event('e2', 'ACTION_DELETE', { studentId: '202' })],
    ...overrides,
  });
}

async function mountPanel(props: Record<string, unknown>, mocks: unknown[] = []) {
  const { wrapper } = await mountWithApp(UndoPanel, { props, mocks: mocks as never[] });
  mounted = wrapper;
  await flushPromises();
  return wrapper;
}

async function giveReason(wrapper: VueWrapper, text: string): Promise<void> {
  await wrapper.find('textarea[data-testid="undo-reason"]').setValue(text);
}

describe('UndoPanel', () => {
  it('offers a registrar to withdraw its own latest action, not the other school’s, and not once withdrawn', async () => {
    let wrapper = await mountPanel({ problem: acted(), viewer: REGISTRAR });
    expect(wrapper.findAll('[data-testid^="withdraw-"]').map((b) => b.text())).toEqual(['撤回操作：林小雨（佐证）']);
    expect(wrapper.find('[data-testid="reopen"]').exists()).toBe(false);
    mounted?.unmount();

    const withdrawn = acted({ history: [event('e1', 'ACTION_CORROBORATE', { studentId: '101' }), event('e3', 'ACTION_WITHDRAWN', { studentId: '101', action: 'CORROBORATE' })] });
    wrapper = await mountPanel({ problem: withdrawn, viewer: REGISTRAR });
    expect(wrapper.find('[data-testid="undo-panel"]').exists()).toBe(false);
    mounted?.unmount();

    wrapper = await mountPanel({ problem: acted({ status: 'RESOLVED' }), viewer: REGISTRAR });
    expect(wrapper.find('[data-testid="undo-panel"]').exists()).toBe(false);
  });

  it('needs a reason, then withdraws with the problem version', async () => {
    const withdrawn = vi.fn(() => ({ data: { withdrawAction: { __typename: 'RecordActionPayload', ok: true, problemStatus: 'OPEN', version: 4, error: null } } }));
    const mock = { request: { query: UndoPanel_WithdrawDocument, variables: { input: { problemId: '16', version: 3, reason: '佐证材料有误', studentId: '101' } } }, result: withdrawn };
    const wrapper = await mountPanel({ problem: acted(), viewer: REGISTRAR }, [mock]);
    await wrapper.find('[data-testid="withdraw-101"]').trigger('click');
    await wrapper.find('[data-testid="undo-submit"]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.text()).toContain('请填写原因'));
    expect(withdrawn).not.toHaveBeenCalled();

    await giveReason(wrapper, ' 佐证材料有误 ');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(() => expect(withdrawn).toHaveBeenCalledTimes(1));
  });

  it('shows the API’s refusal translated', async () => {
    const refused = {
      data: { withdrawAction: { __typename: 'RecordActionPayload', ok: false, problemStatus: null, version: null, error: { __typename: 'ActionError', code: 'NOTHING_TO_WITHDRAW', message: 'nothing', field: null } } },
    };
    const mock = { request: { query: UndoPanel_WithdrawDocument, variables: { input: { problemId: '16', version: 3, reason: '误操作', studentId: '101' } } }, result: refused };
    const wrapper = await mountPanel({ problem: acted(), viewer: REGISTRAR }, [mock]);
    await wrapper.find('[data-testid="withdraw-101"]').trigger('click');
    await giveReason(wrapper, '误操作');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true));
    expect(wrapper.text()).not.toContain('nothing');
  });

  it('lets district staff reopen a resolved problem when the API says they may', async () => {
    const reopened = vi.fn(() => ({ data: { reopenProblem: { __typename: 'ReviewPayload', ok: true, problemStatus: 'OPEN', version: 4, error: null } } }));
    const mock = { request: { query: UndoPanel_ReopenDocument, variables: { input: { problemId: '16', version: 3, reason: '删除的学籍实为在读学生' } } }, result: reopened };
    const resolved = acted({ status: 'RESOLVED', viewerCan: { __typename: 'ProblemAbilities', negotiate: false, escalate: false, review: false, decide: false, reopen: true } });
    const wrapper = await mountPanel({ problem: resolved, viewer: DISTRICT }, [mock]);
    expect(wrapper.findAll('[data-testid^="withdraw-"]')).toHaveLength(0);
    await wrapper.find('[data-testid="reopen"]').trigger('click');
    expect(wrapper.find('textarea[data-testid="undo-reason"]').attributes('maxlength')).toBe('500');
    await giveReason(wrapper, '删除的学籍实为在读学生');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(() => expect(reopened).toHaveBeenCalledTimes(1));
  });
});
