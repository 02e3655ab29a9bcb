import { computed, readonly, ref } from 'vue';
import { TOKEN_EXPIRES_STORAGE_KEY, TOKEN_STORAGE_KEY, loadStoredToken, writeStorage } from './auth-token-storage';

export { TOKEN_EXPIRES_STORAGE_KEY, TOKEN_STORAGE_KEY };

// One token for the whole app (the Apollo auth link, the route guard and the header share it).
const token = ref<string | null>(loadStoredToken());

if (typeof window !== 'undefined') {
  // Signing in or out in another tab applies here too.
  window.addEventListener('storage', (event) => {
    if (event.key === TOKEN_STORAGE_KEY || event.key === null) token.value = loadStoredToken();
  });
}

/** The current bearer token, for code outside components (the Apollo link, the router guard). */
export function getAuthToken(): string | null {
  // Re-check the expiry, so an expired session sends the user to sign in before any request.
  if (token.value !== null && loadStoredToken() === null) token.value = null;
  return token.value;
}

export function setAuthToken(value: string, expiresAt?: string | null): void {
  writeStorage(TOKEN_STORAGE_KEY, value);
  writeStorage(TOKEN_EXPIRES_STORAGE_KEY, expiresAt ?? null);
  token.value = value;
}

export function clearAuthToken(): void {
  writeStorage(TOKEN_STORAGE_KEY, null);
  writeStorage(TOKEN_EXPIRES_STORAGE_KEY, null);
  token.value = null;
}

/** The sign-in token kept in localStorage: read it reactively, store it after login, clear it on sign-out. */
export function useAuthToken() {
  return {
    token: readonly(token),
    isAuthenticated: computed(() => token.value !== null),
    setToken: setAuthToken,
    clearToken: clearAuthToken,
  };
}
