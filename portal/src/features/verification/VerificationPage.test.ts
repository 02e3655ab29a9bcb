import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAuthToken } from '@/composables/use-auth-token';
import { mountWithApp } from '@/test/mount';
import VerificationPage from './VerificationPage.vue';
import { arrivalsMock, campaign, campaignsMock, changedRow, classRow, meMock, schoolRow } from './test-fixtures';

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

async function mountPage(mocks: unknown[]) {
  setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
  const result = await mountWithApp(VerificationPage, { route: '/verification', mocks: mocks as never[] });
  mounted = result.wrapper;
  return result.wrapper;
}

describe('VerificationPage: district staff', () => {
  it('open campaigns, follow each school with overdue ones marked, and close only open campaigns', async () => {
    const open = campaign('c2', {
      schools: [
        schoolRow('1330102001', '胜利小学', { classesDone: 1, overdue: true, escalatedAt: '2027-01-16T02:00:00.000Z' }),
        schoolRow('1330102002', '天长小学', { classesDone: 4, done: true, left: 2, changed: 1 }),
      ],
    });
    const closed = campaign('c1', { status: 'CLOSED', title: '2025-2026-2 学期学籍核查', closedAt: '2026-07-01T02:00:00.000Z', schools: [] });
    const wrapper = await mountPage([meMock('DISTRICT_ADMIN', null), campaignsMock(false, [open, closed])]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="campaign-c2"]').exists()).toBe(true));

    expect(wrapper.find('[data-testid="campaign-open"]').text()).toBe('发起学期核查');
    const card = wrapper.find('[data-testid="campaign-c2"]');
    expect(card.find('[data-testid="campaign-progress"]').text()).toContain('已完成 1 / 2 所学校');
    expect(card.find('[data-testid="campaign-progress"]').text()).toContain('1 所学校逾期未完成');
    expect(card.find('[data-testid="campaign-school-classes-1330102001"]').text()).toBe('1 / 4');
    expect(card.find('[data-testid="campaign-school-state-1330102001"]').text()).toBe('逾期未完成');
    expect(card.find('[data-testid="campaign-school-escalated-1330102001"]').text()).toBe('2027/01/16 已上报');
    expect(card.find('[data-testid="campaign-school-escalated-1330102002"]').exists()).toBe(false);
    expect(card.find('[data-testid="campaign-school-state-1330102002"]').text()).toBe('已完成');
    expect(card.find('[data-testid="campaign-close"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="campaign-c1"] [data-testid="campaign-close"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="campaign-c1"] [data-testid="campaign-status"]').text()).toBe('已结束');
    // Classes are a school's to confirm; no reminder and no expected arrivals for the district.
    expect(wrapper.find('[data-testid="campaign-classes"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="verification-reminder"]').exists()).toBe(false);
  });

  it('tells city staff the page is not theirs, without asking for campaigns', async () => {
    const wrapper = await mountPage([meMock('CITY_ADMIN', null)]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="verification-not-allowed"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="campaign-open"]').exists()).toBe(false);
  });
});

describe('VerificationPage: a registrar', () => {
  it('confirms unconfirmed classes of open campaigns only, with a reminder of how many are left', async () => {
    const open = campaign('c2', {
      myClasses: [classRow('一年级', '1班', { confirmedAt: '2026-11-05T02:00:00.000Z', left: 1, changed: 2 }), classRow('一年级', '2班'), classRow('二年级', '1班')],
      changedPupils: [changedRow('101', '林小雨'), changedRow('102', '王晓明', { correctedAt: '2026-11-06T02:00:00.000Z' })],
    });
    const closed = campaign('c1', { status: 'CLOSED', myClasses: [classRow('三年级', '1班')], changedPupils: [] });
    const wrapper = await mountPage([meMock('SCHOOL_REGISTRAR'), campaignsMock(true, [open, closed]), arrivalsMock()]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="campaign-c2"]').exists()).toBe(true));

    expect(wrapper.find('[data-testid="verification-reminder"]').text()).toBe('本校还有 2 个班级待确认');
    expect(wrapper.find('[data-testid="campaign-open"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="campaign-close"]').exists()).toBe(false);
    const confirmButtons = (id: string) => wrapper.findAll(`[data-testid="campaign-${id}"] [data-testid^="campaign-class-confirm-"]`).map((b) => b.attributes('aria-label'));
    expect(confirmButtons('c2')).toEqual(['确认班级：一年级 2班', '确认班级：二年级 1班']);
    expect(confirmButtons('c1')).toEqual([]);
    expect(wrapper.find('[data-testid="campaign-c2"] [data-testid="campaign-progress"]').text()).toBe('本校已确认 1 / 3 个班级');
    // Pupils marked as changed: each to correct, or when it was corrected.
    expect(wrapper.find('[data-testid="changed-state-101"]').text()).toBe('待更正');
    expect(wrapper.find('[data-testid="changed-state-102"]').text()).toBe('2026/11/06 已更正');
    expect(wrapper.find('[data-testid="changed-correct-101"]').attributes('aria-label')).toBe('更正 林小雨 的学籍信息');
    expect(wrapper.find('[data-testid="campaign-c1"] [data-testid="changed-pupils"]').exists()).toBe(false);
    // No pupil is expected from another school: the list stays out of the way.
    expect(wrapper.find('[data-testid="expected-arrivals"]').exists()).toBe(false);
  });

  it('lists expected arrivals and opens the 转入申请 with the old school and the name filled in', async () => {
    const arrival = {
      __typename: 'ExpectedArrivalRow',
      campaignId: 'c2',
      pupilName: '林小雨',
      note: '随父母迁居',
      markedAt: '2026-11-05T02:00:00.000Z',
      fromSchool: { __typename: 'School', id: '9', name: '杭州市西湖区学军小学', code: '1330106001' },
    };
    const wrapper = await mountPage([meMock('SCHOOL_REGISTRAR'), campaignsMock(true, []), arrivalsMock([arrival])]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="expected-arrivals"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="verification-empty"]').text()).toContain('目前没有覆盖本校的学期核查');

    await wrapper.find('[data-testid="arrival-request"]').trigger('click');
    await vi.waitFor(() => expect(document.body.querySelector<HTMLInputElement>('input[data-testid="transfer-in-school-code"]')?.value).toBe('1330106001'));
    expect(document.body.querySelector<HTMLInputElement>('input[data-testid="transfer-in-name"]')?.value).toBe('林小雨');
    expect(document.body.querySelector<HTMLInputElement>('input[data-testid="transfer-in-id-number"]')?.value).toBe('');
  });
});
