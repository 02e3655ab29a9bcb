import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { SignOut_LogoutDocument } from '@/gql/graphql';
import { mountWithApp, type AppMountOptions } from '@/test/mount';
import { getAuthToken, setAuthToken } from './use-auth-token';
import { useSignOut, type SignOutReason } from './use-sign-out';

const SignOutButton = defineComponent({
  props: { reason: { type: String, default: 'signed-out' } },
  setup(props) {
    const signOut = useSignOut();
    return () => h('button', { onClick: () => signOut(props.reason as SignOutReason) }, 'sign out');
  },
});

async function signOutWith(mocks: AppMountOptions['mocks'], reason: SignOutReason = 'signed-out') {
  setAuthToken('header.payload.signature', new Date(Date.now() + 3_600_000).toISOString());
  const mounted = await mountWithApp(SignOutButton, { route: '/', mocks, props: { reason } });
  await mounted.wrapper.find('button').trigger('click');
  await flushPromises();
  await vi.waitFor(() => expect(mounted.router!.currentRoute.value.name).toBe('login'));
  // Read before unmounting: the router forgets its route when its last app goes.
  const { query } = mounted.router!.currentRoute.value;
  mounted.wrapper.unmount();
  return query;
}

describe('useSignOut', () => {
  it('ends the session on the server before forgetting the token', async () => {
    const logout = vi.fn(() => ({ data: { logout: { __typename: 'LogoutPayload', ok: true } } }));
    const query = await signOutWith([{ request: { query: SignOut_LogoutDocument }, result: logout }]);
    expect(logout).toHaveBeenCalledTimes(1);
    expect(getAuthToken()).toBeNull();
    expect(query).toEqual({ reason: 'signed-out' });
  });

  it('signs out here even when the server cannot be reached', async () => {
    await signOutWith([{ request: { query: SignOut_LogoutDocument }, error: new TypeError('Failed to fetch') }]);
    expect(getAuthToken()).toBeNull();
  });

  it('asks the server nothing when the session has already ended by itself', async () => {
    const logout = vi.fn(() => ({ data: { logout: { __typename: 'LogoutPayload', ok: true } } }));
    const query = await signOutWith([{ request: { query: SignOut_LogoutDocument }, result: logout }], 'expired');
    expect(logout).not.toHaveBeenCalled();
    expect(query).toMatchObject({ reason: 'expired' });
  });
});
