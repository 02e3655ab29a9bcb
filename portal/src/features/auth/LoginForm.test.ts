import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { getAuthToken } from '@/composables/use-auth-token';
import { LoginForm_LoginDocument } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import LoginForm from './LoginForm.vue';

function loginMock(
  variables: { username: string; password: string },
  login: Record<string, unknown> | null,
  extra: { error?: Error } = {},
) {
  return {
    request: { query: LoginForm_LoginDocument, variables },
    ...(extra.error
      ? { error: extra.error }
      : {
          result: {
            data: {
              login: { __typename: 'LoginPayload', token: null, expiresAt: null, user: null, error: null, ...login },
            },
          },
        }),
  };
}

async function fillAndSubmit(wrapper: Awaited<ReturnType<typeof mountWithApp>>['wrapper'], username: string, password: string) {
  // Element Plus puts the test id (like the id the label points at) on the native <input>.
  await wrapper.find('input[data-testid="login-username"]').setValue(username);
  await wrapper.find('input[data-testid="login-password"]').setValue(password);
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

describe('LoginForm', () => {
  it('shows the message of an error returned as data, and stores no token', async () => {
    const { wrapper } = await mountWithApp(LoginForm, {
      locale: 'en',
      mocks: [
        loginMock(
          { username: 'reg01', password: 'nope' },
          { error: { __typename: 'UserError', code: 'ACCOUNT_LOCKED', message: 'This account is locked.', field: null } },
        ),
      ],
    });

    await fillAndSubmit(wrapper, 'reg01', 'nope');

    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-error"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="login-error"]').text()).toContain('This account is locked.');
    expect(getAuthToken()).toBeNull();
    expect(wrapper.emitted('signed-in')).toBeUndefined();
    // The password is cleared for the next try.
    expect((wrapper.find('input[data-testid="login-password"]').element as HTMLInputElement).value).toBe('');
    wrapper.unmount();
  });

  it('translates a known error code', async () => {
    const { wrapper } = await mountWithApp(LoginForm, {
      locale: 'zh-CN',
      mocks: [
        loginMock(
          { username: 'reg01', password: 'wrong' },
          { error: { __typename: 'UserError', code: 'INVALID_CREDENTIALS', message: 'Wrong username or password.', field: null } },
        ),
      ],
    });

    await fillAndSubmit(wrapper, 'reg01', 'wrong');

    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-error"]').text()).toContain('用户名或密码错误'));
    wrapper.unmount();
  });

  it.each([
    ['TOO_MANY_ATTEMPTS', 'zh-CN', '该用户名登录失败次数过多'],
    ['TOO_MANY_ATTEMPTS_FROM_ADDRESS', 'zh-CN', '您所在网络的登录失败次数过多'],
    ['TOO_MANY_ATTEMPTS_FROM_ADDRESS', 'en', 'from your network'],
  ] as const)('translates the throttle refusal %s (%s) instead of showing the English message', async (code, locale, expected) => {
    const { wrapper } = await mountWithApp(LoginForm, {
      locale,
      mocks: [
        loginMock(
          { username: 'reg01', password: 'wrong' },
          { error: { __typename: 'UserError', code, message: 'Too many failed sign-ins. Try again in 15 minutes.', field: null } },
        ),
      ],
    });

    await fillAndSubmit(wrapper, 'reg01', 'wrong');

    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-error"]').text()).toContain(expected));
    if (locale === 'zh-CN') expect(wrapper.find('[data-testid="login-error"]').text()).not.toContain('Try again');
    wrapper.unmount();
  });

  it('shows a translated message when the server cannot be reached', async () => {
    const { wrapper } = await mountWithApp(LoginForm, {
      locale: 'zh-CN',
      mocks: [loginMock({ username: 'reg01', password: 'secret' }, null, { error: new TypeError('Failed to fetch') })],
    });

    await fillAndSubmit(wrapper, 'reg01', 'secret');

    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-error"]').text()).toContain('无法连接服务器'));
    wrapper.unmount();
  });

  it('stores the token and reports the user on success', async () => {
    const user = { __typename: 'User', id: '7', username: 'reg01', displayName: '张老师', role: 'SCHOOL_REGISTRAR' };
    const { wrapper } = await mountWithApp(LoginForm, {
      mocks: [
        loginMock({ username: 'reg01', password: 'demo1234' }, { token: 'jwt.token.here', expiresAt: '2999-01-01T00:00:00Z', user }),
      ],
    });

    await fillAndSubmit(wrapper, '  reg01 ', 'demo1234');

    await vi.waitFor(() => expect(wrapper.emitted('signed-in')).toHaveLength(1));
    expect(getAuthToken()).toBe('jwt.token.here');
    expect(localStorage.getItem('psp.token')).toBe('jwt.token.here');
    expect(wrapper.emitted('signed-in')?.[0]?.[0]).toMatchObject({ username: 'reg01', displayName: '张老师' });
    expect(wrapper.find('[data-testid="login-error"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('asks for the username and password before sending anything', async () => {
    const { wrapper } = await mountWithApp(LoginForm, { locale: 'zh-CN', mocks: [] });

    await wrapper.find('form').trigger('submit');

    await vi.waitFor(() => {
      expect(wrapper.text()).toContain('请输入用户名');
      expect(wrapper.text()).toContain('请输入密码');
    });
    wrapper.unmount();
  });
});
