import { describe, expect, it } from 'vitest';
import { mountWithApp } from '@/test/mount';
import ProblemHistory from './ProblemHistory.vue';
import type { ProblemHistoryEvent, ProblemMember } from './problem-types';
import { SCHOOL_B, comparedMember, comparison, member } from './test-fixtures';

const MEMBERS = [member('101'), comparedMember('202', comparison('101'))] as unknown as ProblemMember[];

function event(id: string, type: string, data: Record<string, unknown>): ProblemHistoryEvent {
  return { id, type, occurredAt: '2026-11-03T08:00:00.000Z', actorName: '胜利小学学籍员', data };
}

async function mountHistory(events: ProblemHistoryEvent[], locale: 'zh-CN' | 'en' = 'zh-CN') {
  const { wrapper } = await mountWithApp(ProblemHistory, { props: { events, members: MEMBERS }, locale });
  return wrapper;
}

describe('ProblemHistory', () => {
  it('names a withdrawn action, a review sent back and a reopening, with their reasons', async () => {
    const wrapper = await mountHistory([
      event('w1', 'ACTION_WITHDRAWN', { studentId: '101', action: 'DELETE', reason: '误删，该生仍在读' }),
      event('w2', 'PROBLEM_SUBMISSION_WITHDRAWN', { reason: '误删，该生仍在读' }),
      event('w3', 'PROBLEM_REOPENED', { reason: '删除的学籍实为在读学生' }),
    ]);
    const withdrawn = wrapper.find('[data-testid="event-w1"]').text();
    expect(withdrawn).toContain('撤回操作');
    expect(withdrawn).toContain('撤回的操作：删除');
    expect(withdrawn).toContain('误删，该生仍在读');
    expect(wrapper.find('[data-testid="event-w2"]').text()).toContain('撤回审核申请，退回学校处理');
    expect(wrapper.find('[data-testid="event-w3"]').text()).toContain('重新打开问题');
    expect(wrapper.find('[data-testid="event-w3"]').text()).toContain('删除的学籍实为在读学生');
    wrapper.unmount();
  });

  it("names the fields changed on another school's record, without values", async () => {
    const wrapper = await mountHistory([event('e2', 'ACTION_CHANGE', { studentId: '202', changedFields: ['idNumber', 'phone'], comment: '核对户口本后更正' })]);
    const entry = wrapper.find('[data-testid="event-e2"]');
    expect(entry.text()).toContain(`学籍：林*雨（${SCHOOL_B.name}）`);
    expect(entry.text()).toContain('修改了：身份证件号、联系电话（其他学校的记录，不显示具体值）');
    expect(entry.find('table').exists()).toBe(false);
    expect(entry.text()).not.toContain('修改前');
    expect(entry.findAll('.history__line').map((line) => line.text()).join(' ')).not.toMatch(/\d|\*\*/);
    wrapper.unmount();
  });

  it('names a record that left the problem by its name and school, not its number', async () => {
    const former = [{ __typename: 'ProblemMember', studentId: '303', name: '王*明', leftAt: '2026-11-04T08:00:00.000Z', school: SCHOOL_B }];
    const { wrapper } = await mountWithApp(ProblemHistory, { props: { events: [event('e6', 'ACTION_DELETE', { studentId: '303', reason: 'REDUNDANT' })], members: MEMBERS, formerMembers: former } });
    const entry = wrapper.find('[data-testid="event-e6"]').text();
    expect(entry).toContain(`王*明（${SCHOOL_B.name}）`);
    expect(entry).not.toContain('学籍 #303');
    wrapper.unmount();
  });

  it("counts the materials another school cited, without showing them", async () => {
    const wrapper = await mountHistory([event('e5', 'ACTION_CORROBORATE', { studentId: '202', materialCount: 2 })]);
    const entry = wrapper.find('[data-testid="event-e5"]');
    expect(entry.text()).toContain('附了 2 份证明材料');
    expect(entry.find('.history__materials').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows a field name the portal does not know as the API sends it, in English too', async () => {
    const wrapper = await mountHistory([event('e3', 'ACTION_DELETE', { studentId: '202', changedFields: ['status', 'guardianName'] })], 'en');
    expect(wrapper.find('[data-testid="event-e3"]').text()).toContain('Changed: Status, guardianName (another school’s record; values not shown)');
    wrapper.unmount();
  });

  it('shows before and after of our own record, its ID number masked to address code and check character', async () => {
    const wrapper = await mountHistory([
      event('e4', 'ACTION_CHANGE', { studentId: '101', before: { idNumber: '11010519491231002X' }, after: { idNumber: '110105***********7' } }),
    ]);
    const cells = wrapper.findAll('[data-testid="event-e4"] td').map((td) => td.text());
    expect(cells).toEqual(['110105***********X', '110105***********7']);
    expect(wrapper.find('[data-testid="event-e4"]').text()).not.toContain('修改了：');
    wrapper.unmount();
  });
});

describe('ProblemHistory: transfers between schools', () => {
  const TRANSFER_EVENTS = [
    'TRANSFER_REQUESTED',
    'TRANSFER_CONFIRMED',
    'TRANSFER_REJECTED',
    'TRANSFER_APPROVED',
    'TRANSFER_WITHDRAWN',
    'TRANSFER_COMPLETED',
    'PROBLEM_RESOLVED_BY_TRANSFER',
  ];

  it.each(['zh-CN', 'en'] as const)('names every step of a transfer (%s)', async (locale) => {
    const wrapper = await mountHistory(TRANSFER_EVENTS.map((type, i) => event(`t${i}`, type, { transferId: '7', studentId: '202' })), locale);
    const titles = wrapper.findAll('.history__event').map((title) => title.text());
    expect(titles).toHaveLength(TRANSFER_EVENTS.length);
    for (const [i, title] of titles.entries()) expect(title, TRANSFER_EVENTS[i]).not.toMatch(/TRANSFER|其他操作|Other/);
    wrapper.unmount();
  });

  it('says which record moves out and which continues it, with the note, reason and who decided', async () => {
    const wrapper = await mountHistory([
      event('r', 'TRANSFER_REQUESTED', { transferId: '7', studentId: '202', note: '该生已随父母转入我校', approvalsNeeded: [] }),
      // The new school's view of the old school's answer: its before/after (the transfer's status) comes as changed fields.
      event('c', 'TRANSFER_CONFIRMED', { transferId: '7', studentId: '202', reason: null, byDistrict: true, changedFields: ['status'] }),
      event('d', 'TRANSFER_COMPLETED', { transferId: '7', studentId: '202', toStudentId: '101', before: { status: 'REQUESTED' }, after: { status: 'COMPLETED' } }),
      event('p', 'PROBLEM_RESOLVED_BY_TRANSFER', { transferId: '7', before: { status: 'OPEN' }, after: { status: 'RESOLVED' } }),
    ]);
    const text = (id: string) => wrapper.find(`[data-testid="event-${id}"]`).text();
    expect(text('r')).toContain('申请转学');
    expect(text('r')).toContain(`转出的学籍：林*雨（${SCHOOL_B.name}）`);
    expect(text('r')).toContain('说明：该生已随父母转入我校');
    expect(text('c')).toContain('原学校逾期未答复，由区县决定');
    // Not "changed: status (another school's record)": no value of the record changed.
    expect(text('c')).not.toContain('修改了');
    expect(text('d')).toContain(`林*雨（${SCHOOL_B.name}） 转出，由 林小雨（杭州市西湖区学军小学） 接续`);
    expect(text('d')).not.toContain('状态：');
    expect(text('p')).toContain('因转学解决问题');
    expect(text('p')).toContain('状态：待处理 → 已解决');
    wrapper.unmount();
  });
});
