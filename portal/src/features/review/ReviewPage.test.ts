import type { MockedResponse } from '@apollo/client/testing/core';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAuthToken } from '@/composables/use-auth-token';
import { HeldImportsPanel_HeldImportsDocument, BulkApproveBar_ReviewDocument, ReviewPage_CountsDocument, ReviewPage_MeDocument, ReviewPage_QueueDocument, type ProblemStatus, type Role } from '@/gql/graphql';
import { relayConnection } from '@/test/connection';
import { mountWithApp } from '@/test/mount';
import ReviewPage from './ReviewPage.vue';

function meMock(role: Role): MockedResponse {
  return { request: { query: ReviewPage_MeDocument, variables: {} }, result: { data: { me: { __typename: 'User', id: 'u9', role } } } };
}

function countsMock(toReview: number, escalated: number): MockedResponse {
  const count = (totalCount: number) => ({ __typename: 'ProblemConnection', totalCount });
  return { request: { query: ReviewPage_CountsDocument, variables: {} }, result: { data: { toReview: count(toReview), escalated: count(escalated) } } };
}

function problem(id: string, status: ProblemStatus, overrides: Record<string, unknown> = {}) {
  const school = (sid: string, name: string) => ({ __typename: 'School', id: sid, name });
  return {
    __typename: 'Problem',
    id,
    type: 'DUPLICATE_ID',
    scope: 'CROSS_SCHOOL',
    status,
    openedAt: new Date(Date.now() - 12 * 24 * 3600 * 1000).toISOString(),
    updatedAt: new Date().toISOString(),
    overdue: false,
    version: 1,
    members: [
      { __typename: 'ProblemMember', studentId: `${id}1`, name: '王小明', school: school('1', '杭州市上城区胜利小学') },
      { __typename: 'ProblemMember', studentId: `${id}2`, name: '王小明', school: school('2', '杭州市建兰中学') },
    ],
    ...overrides,
  };
}

function queueMock(status: ProblemStatus, nodes: ReturnType<typeof problem>[], error?: string): MockedResponse {
  return {
    request: { query: ReviewPage_QueueDocument, variables: { status, first: 20, after: null } },
    result: error
      ? { errors: [{ message: 'nope', extensions: { code: error } }] }
      : {
          data: {
            problems: relayConnection('ProblemConnection', nodes),
          },
        },
  };
}

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

/** The held imports panel, empty here (HeldImportsPanel.test.ts tests it). */
const noHeldImports = {
  request: { query: HeldImportsPanel_HeldImportsDocument, variables: { first: 50 } },
  result: { data: { heldImports: { __typename: 'HeldImportConnection', nodes: [], totalCount: 0 } } },
};

describe('ReviewPage', () => {
  it('shows the counts in the tabs and links every row to its problem', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { wrapper, router } = await mountWithApp(ReviewPage, {
      route: '/review',
      mocks: [
        meMock('DISTRICT_ADMIN'),
        countsMock(2, 1),
        queueMock('PENDING_REVIEW', [problem('41', 'PENDING_REVIEW'), problem('42', 'PENDING_REVIEW', { type: 'INVALID_ID', scope: 'WITHIN_SCHOOL', overdue: true })]),
        queueMock('ESCALATED', [problem('57', 'ESCALATED')]),
        noHeldImports,
      ],
    });
    mounted = wrapper;

    await vi.waitFor(() => expect(wrapper.find('[data-testid="review-count-toReview"]').text()).toBe('2'));
    expect(wrapper.find('[data-testid="review-count-escalated"]').text()).toBe('1');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="review-table-toReview"]').text()).toContain('#41'));

    const table = wrapper.find('[data-testid="review-table-toReview"]');
    expect(table.text()).toContain('身份证件号重复');
    expect(table.text()).toContain('跨校');
    expect(table.text()).toContain('杭州市建兰中学');
    expect(table.text()).toContain('12 天');
    expect(table.text()).toContain('已超期');
    const links = table.findAll('a[href^="/problems/"]').map((a) => a.attributes('href'));
    expect(new Set(links)).toEqual(new Set(['/problems/41', '/problems/42']));

    await wrapper.find('[data-testid="review-tab-escalated"]').trigger('click');
    await vi.waitFor(() => expect(router!.currentRoute.value.query.tab).toBe('escalated'));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="review-table-escalated"]').text()).toContain('#57'));
    const actions = wrapper.findAll('[data-testid="review-table-escalated"] a[href="/problems/57"]').map((a) => a.text());
    expect(actions).toContain('裁决');
    // Each link is named by what it shows: the number and type, or the action word and then the number.
    const names = wrapper.findAll('[data-testid="review-table-escalated"] a[href="/problems/57"]').map((a) => a.attributes('aria-label') ?? a.text());
    expect(names).toEqual([expect.stringMatching(/^#57\s*身份证件号重复$/), '裁决问题 57']);
  });

  it('says when nothing is waiting, and shows a load error with a retry', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const empty = await mountWithApp(ReviewPage, {
      route: '/review?tab=escalated',
      mocks: [meMock('SYSTEM_ADMIN'), countsMock(0, 0), queueMock('ESCALATED', []), noHeldImports],
    });
    mounted = empty.wrapper;
    await vi.waitFor(() => expect(empty.wrapper.find('[data-testid="review-empty-escalated"]').exists()).toBe(true));
    expect(empty.wrapper.find('[data-testid="review-empty-escalated"]').text()).toContain('没有等待您裁决的问题学籍');
    empty.wrapper.unmount();

    const failing = await mountWithApp(ReviewPage, {
      route: '/review',
      locale: 'en',
      mocks: [meMock('DISTRICT_ADMIN'), countsMock(0, 0), queueMock('PENDING_REVIEW', [], 'INTERNAL_SERVER_ERROR'), noHeldImports],
    });
    mounted = failing.wrapper;
    await vi.waitFor(() => expect(failing.wrapper.find('[data-testid="review-error"]').exists()).toBe(true));
    expect(failing.wrapper.find('[data-testid="review-error"]').text()).toContain('Could not load the review queue');
    expect(failing.wrapper.find('[data-testid="review-error"] button').text()).toBe('Try again');
  });

  it('explains itself to a school registrar instead of querying', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { wrapper } = await mountWithApp(ReviewPage, { route: '/review', mocks: [meMock('SCHOOL_REGISTRAR')] });
    mounted = wrapper;
    await vi.waitFor(() => expect(wrapper.find('[data-testid="review-not-allowed"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="review-table-toReview"]').exists()).toBe(false);
  });

  it('approves the ticked problems at once; a refusal names the problem and says why, and the queue is read again', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const input = { items: [{ problemId: '41', version: 1 }, { problemId: '42', version: 1 }], decision: 'APPROVE' };
    const refused = vi.fn(() => ({
      data: {
        bulkReviewProblems: {
          __typename: 'BulkReviewPayload',
          ok: false,
          done: 0,
          failedIndex: 1,
          error: { __typename: 'ReviewError', code: 'STALE_VERSION', message: 'stale', field: null },
        },
      },
    }));
    const queue = { ...queueMock('PENDING_REVIEW', [problem('41', 'PENDING_REVIEW'), problem('42', 'PENDING_REVIEW')]), maxUsageCount: Number.POSITIVE_INFINITY };
    const { wrapper } = await mountWithApp(ReviewPage, {
      route: '/review',
      mocks: [
        meMock('DISTRICT_ADMIN'),
        { ...countsMock(2, 0), maxUsageCount: Number.POSITIVE_INFINITY },
        queue,
        noHeldImports,
        { request: { query: BulkApproveBar_ReviewDocument, variables: { input } }, result: refused },
      ],
    });
    mounted = wrapper;
    await vi.waitFor(() => expect(wrapper.find('[data-testid="review-table-toReview"]').text()).toContain('#42'));
    expect(wrapper.find('[data-testid="bulk-approve-button"]').attributes('disabled')).toBeDefined();

    for (const checkbox of wrapper.findAll('[data-testid="review-table-toReview"] tbody .el-checkbox input')) await checkbox.setValue(true);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="bulk-approve-button"]').text()).toBe('批量通过（2）'));
    await wrapper.find('[data-testid="bulk-approve-button"]').trigger('click');
    await vi.waitFor(() => expect(document.body.querySelector('.el-message-box')).not.toBeNull());
    document.body.querySelector<HTMLButtonElement>('.el-message-box__btns .el-button--primary')!.click();

    await vi.waitFor(() => expect(refused).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="bulk-approve-error"]').text()).toContain('问题 #42 不能通过，所有问题都未通过'));
    expect(wrapper.find('[data-testid="bulk-approve-error"]').text()).not.toContain('stale');
  });
});
