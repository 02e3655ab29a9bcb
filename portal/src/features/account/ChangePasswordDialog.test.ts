import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getAuthToken, setAuthToken } from '@/composables/use-auth-token';
import { ChangePasswordDialog_ChangePasswordDocument } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import ChangePasswordDialog from './ChangePasswordDialog.vue';

const OLD_TOKEN = 'old.session.token';

function changeMock(
  variables: { currentPassword: string; newPassword: string },
  payload: Record<string, unknown> | null,
  extra: { error?: Error } = {},
): MockedResponse {
  return {
    request: { query: ChangePasswordDialog_ChangePasswordDocument, variables },
    ...(extra.error
      ? { error: extra.error }
      : {
          result: {
            data: { changePassword: { __typename: 'ChangePasswordPayload', token: null, expiresAt: null, error: null, ...payload } },
          },
        }),
  };
}

/** The dialog is teleported to <body>, so its parts are found in the document, not in the wrapper. */
function inBody<T extends Element = HTMLElement>(selector: string): T | null {
  return document.body.querySelector<T>(selector);
}

async function fill(current: string, next: string, confirm: string): Promise<void> {
  // Element Plus puts the test id on the native <input>.
  for (const [id, value] of [
    ['change-password-current', current],
    ['change-password-new', next],
    ['change-password-confirm', confirm],
  ] as const) {
    const input = inBody<HTMLInputElement>(`input[data-testid="${id}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  await flushPromises();
}

async function submit(): Promise<void> {
  inBody('[data-testid="change-password-dialog"] form')!.dispatchEvent(new Event('submit', { cancelable: true }));
  await flushPromises();
}

/** The error message Element Plus shows under the form item holding the given input. */
function fieldError(testId: string): string | undefined {
  return inBody(`input[data-testid="${testId}"]`)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim();
}

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

async function mountDialog(options: { mocks?: MockedResponse[]; locale?: 'zh-CN' | 'en' } = {}) {
  setAuthToken(OLD_TOKEN, '2999-01-01T00:00:00Z');
  const mountedApp = await mountWithApp(ChangePasswordDialog, { ...options, props: { open: true } });
  mounted = mountedApp.wrapper;
  await vi.waitFor(() => expect(inBody('input[data-testid="change-password-current"]')).not.toBeNull());
  return mountedApp;
}

/** The dialog after the API refused a wrong current password, shown (translated) at its field. */
async function mountRefusedAsWrongPassword() {
  const mounted = await mountDialog({
    locale: 'zh-CN',
    mocks: [
      changeMock(
        { currentPassword: 'not-it', newPassword: 'new-secret-1' },
        { error: { __typename: 'UserError', code: 'WRONG_PASSWORD', message: 'The current password is wrong.', field: 'currentPassword' } },
      ),
    ],
  });
  await fill('not-it', 'new-secret-1', 'new-secret-1');
  await submit();
  await vi.waitFor(() => expect(fieldError('change-password-current')).toBe('当前密码不正确。'));
  return mounted;
}

describe('ChangePasswordDialog', () => {
  it('stores the new token, closes, and says that other devices were signed out', async () => {
    const { wrapper } = await mountDialog({
      mocks: [
        changeMock({ currentPassword: 'old-secret', newPassword: 'new-secret-1' }, { token: 'new.session.token', expiresAt: '2999-02-01T00:00:00Z' }),
      ],
    });

    await fill('old-secret', 'new-secret-1', 'new-secret-1');
    await submit();

    await vi.waitFor(() => expect(getAuthToken()).toBe('new.session.token'));
    expect(localStorage.getItem('psp.token')).toBe('new.session.token');
    expect(wrapper.emitted('update:open')).toEqual([[false]]);
    await vi.waitFor(() => expect(inBody('.el-message')?.textContent).toContain('密码已修改。您在其他设备上的登录已全部退出。'));
  });

  it('shows a wrong current password, translated, at the current-password field', async () => {
    const { wrapper } = await mountRefusedAsWrongPassword();
    expect(fieldError('change-password-new')).toBeUndefined();
    expect(inBody('[data-testid="change-password-error"]')).toBeNull();
    expect(getAuthToken()).toBe(OLD_TOKEN);
    expect(wrapper.emitted('update:open')).toBeUndefined();
  });

  it('sends nothing while the confirmation differs from the new password', async () => {
    // No mocks: a request would fail and show an error; the spy proves none is made.
    const { apollo, wrapper } = await mountDialog({ locale: 'zh-CN', mocks: [] });
    const mutate = vi.spyOn(apollo, 'mutate');

    await fill('old-secret', 'new-secret-1', 'new-secret-2');
    await submit();

    await vi.waitFor(() => expect(fieldError('change-password-confirm')).toBe('两次输入的新密码不一致'));
    expect(mutate).not.toHaveBeenCalled();
    expect(inBody('[data-testid="change-password-error"]')).toBeNull();
    expect(getAuthToken()).toBe(OLD_TOKEN);
    expect(wrapper.emitted('update:open')).toBeUndefined();
  });

  it.each([
    ['short', 'old-secret', 'short1', 'The new password needs at least 8 characters'],
    ['the same as the current one', 'old-secret', 'old-secret', 'The new password must differ from the current one'],
  ] as const)('sends nothing while the new password is %s', async (_case, current, next, expected) => {
    const { apollo } = await mountDialog({ locale: 'en', mocks: [] });
    const mutate = vi.spyOn(apollo, 'mutate');

    await fill(current, next, next);
    await submit();

    await vi.waitFor(() => expect(fieldError('change-password-new')).toBe(expected));
    expect(mutate).not.toHaveBeenCalled();
  });

  it('keeps the API refusal of the new password at its field until that field is edited', async () => {
    await mountDialog({
      locale: 'en',
      mocks: [
        changeMock(
          { currentPassword: 'old-secret', newPassword: 'new-secret-1' },
          { error: { __typename: 'UserError', code: 'WEAK_PASSWORD', message: 'Too weak.', field: 'newPassword' } },
        ),
      ],
    });

    await fill('old-secret', 'new-secret-1', 'new-secret-1');
    await submit();
    const expected = 'The new password needs at least 8 characters and must differ from the current one.';
    await vi.waitFor(() => expect(fieldError('change-password-new')).toBe(expected));

    // Leaving the field re-runs its rules; the refusal still holds for the same value.
    const input = inBody<HTMLInputElement>('input[data-testid="change-password-new"]')!;
    input.dispatchEvent(new FocusEvent('blur'));
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(fieldError('change-password-new')).toBe(expected);

    input.value = 'new-secret-2';
    input.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(fieldError('change-password-new')).toBeUndefined());
  });

  it('forgets what was typed, and the refusal, when it closes', async () => {
    const { wrapper } = await mountRefusedAsWrongPassword();

    await wrapper.setProps({ open: false });
    await wrapper.setProps({ open: true });
    await flushPromises();

    for (const id of ['change-password-current', 'change-password-new', 'change-password-confirm']) {
      expect(inBody<HTMLInputElement>(`input[data-testid="${id}"]`)!.value, id).toBe('');
    }
    await vi.waitFor(() => expect(fieldError('change-password-current')).toBeUndefined());
  });

  it('shows a translated message when the server cannot be reached', async () => {
    await mountDialog({
      locale: 'zh-CN',
      mocks: [changeMock({ currentPassword: 'old-secret', newPassword: 'new-secret-1' }, null, { error: new TypeError('Failed to fetch') })],
    });

    await fill('old-secret', 'new-secret-1', 'new-secret-1');
    await submit();

    await vi.waitFor(() => expect(inBody('[data-testid="change-password-error"]')?.textContent).toContain('无法连接服务器'));
    expect(getAuthToken()).toBe(OLD_TOKEN);
  });
});
