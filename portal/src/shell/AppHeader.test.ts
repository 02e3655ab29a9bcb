import type { MockedResponse } from '@apollo/client/testing/core';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAuthToken } from '@/composables/use-auth-token';
import { AppHeader_WaitingDocument, type Role } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import AppHeader from './AppHeader.vue';

function user(role: Role) {
  return { __typename: 'User', id: 'u1', username: 'reg07', displayName: '学军小学学籍员', role, school: null, region: null };
}

function waitingMock(totalCount: number): MockedResponse {
  return {
    request: { query: AppHeader_WaitingDocument, variables: {} },
    result: { data: { problems: { __typename: 'ProblemConnection', totalCount } } },
  };
}

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  vi.useRealTimers();
});

/** The header of a signed-in user with this role (unmounted after the test). */
async function mountHeader(role: Role, mocks: MockedResponse[] = [], locale?: 'zh-CN' | 'en'): Promise<VueWrapper> {
  setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
  const props = { user: user(role), loading: false, menuOpen: false };
  const { wrapper } = await mountWithApp(AppHeader, { route: '/students', locale, props, mocks });
  mounted = wrapper;
  return wrapper;
}

/** The text the waiting link is described by (aria-describedby). */
function description(wrapper: VueWrapper): string {
  const id = wrapper.find('[data-testid="header-waiting"]').attributes('aria-describedby');
  return wrapper.find(`[id="${id}"]`).text();
}

describe('AppHeader waiting badge', () => {
  it('shows how many problems wait for me, links to them, and asks again every minute', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const wrapper = await mountHeader('SCHOOL_REGISTRAR', [waitingMock(3), waitingMock(105)]);

    await vi.waitFor(() => expect(wrapper.find('[data-testid="header-waiting-count"]').text()).toBe('3'));
    const link = wrapper.find('[data-testid="header-waiting"]');
    expect(link.attributes('href')).toBe('/problems?waiting=1');
    // Named by what it shows (no aria-label hiding it), described by the full sentence.
    expect(link.attributes('aria-label')).toBeUndefined();
    expect(link.text()).toBe('待我处理3');
    expect(description(wrapper)).toBe('有 3 个问题学籍等待我处理');

    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="header-waiting-count"]').text()).toBe('99+'));
    expect(description(wrapper)).toBe('有 105 个问题学籍等待我处理');
  });

  it('shows no number when nothing waits', async () => {
    const wrapper = await mountHeader('DISTRICT_ADMIN', [waitingMock(0)], 'en');
    await vi.waitFor(() => expect(description(wrapper)).toBe('No problems are waiting for me'));
    expect(wrapper.find('[data-testid="header-waiting"]').text()).toBe('Waiting for me');
    expect(wrapper.find('[data-testid="header-waiting-count"]').exists()).toBe(false);
  });

  it('has no badge for city staff, for whom nothing ever waits', async () => {
    const wrapper = await mountHeader('CITY_ADMIN');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="header-user"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="header-waiting"]').exists()).toBe(false);
  });
});

describe('AppHeader change password', () => {
  it('opens the change-password dialog from a labelled button', async () => {
    const wrapper = await mountHeader('CITY_ADMIN');
    const button = wrapper.find('[data-testid="header-change-password"]');
    // The visible label (kept for screen readers on phones, where only the icon shows) names the button.
    expect(button.text()).toBe('修改密码');
    expect(button.attributes('aria-haspopup')).toBe('dialog');
    expect(document.body.querySelector('[data-testid="change-password-dialog"]')).toBeNull();

    await button.trigger('click');

    await vi.waitFor(() => {
      const dialog = document.body.querySelector<HTMLElement>('[role="dialog"][aria-label="修改密码"]');
      expect(dialog?.querySelector('input[data-testid="change-password-current"]')).not.toBeNull();
    });
  });
});
