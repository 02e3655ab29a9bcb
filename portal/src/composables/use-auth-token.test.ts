import { describe, expect, it } from 'vitest';
import { effectScope } from 'vue';
import { TOKEN_EXPIRES_STORAGE_KEY, TOKEN_STORAGE_KEY, getAuthToken, useAuthToken } from './use-auth-token';

describe('useAuthToken', () => {
  it('stores the token in localStorage and clears it', () => {
    const scope = effectScope();
    const auth = scope.run(() => useAuthToken())!;

    auth.setToken('abc.def', '2999-01-01T00:00:00Z');
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('abc.def');
    expect(localStorage.getItem(TOKEN_EXPIRES_STORAGE_KEY)).toBe('2999-01-01T00:00:00Z');
    expect(auth.token.value).toBe('abc.def');
    expect(auth.isAuthenticated.value).toBe(true);
    expect(getAuthToken()).toBe('abc.def');

    auth.clearToken();
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(localStorage.getItem(TOKEN_EXPIRES_STORAGE_KEY)).toBeNull();
    expect(auth.token.value).toBeNull();
    expect(auth.isAuthenticated.value).toBe(false);
    expect(getAuthToken()).toBeNull();
    scope.stop();
  });

  it('drops a token whose expiry has passed', () => {
    const auth = useAuthToken();
    auth.setToken('old.token', '2000-01-01T00:00:00Z');
    expect(getAuthToken()).toBeNull();
    expect(auth.isAuthenticated.value).toBe(false);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('keeps a token without a recorded expiry', () => {
    const auth = useAuthToken();
    auth.setToken('no.expiry');
    expect(getAuthToken()).toBe('no.expiry');
    auth.clearToken();
  });

  it('follows a sign-out in another tab', () => {
    const auth = useAuthToken();
    auth.setToken('shared.token', '2999-01-01T00:00:00Z');
    localStorage.removeItem(TOKEN_STORAGE_KEY);
    window.dispatchEvent(new StorageEvent('storage', { key: TOKEN_STORAGE_KEY, newValue: null }));
    expect(auth.token.value).toBeNull();
  });
});
