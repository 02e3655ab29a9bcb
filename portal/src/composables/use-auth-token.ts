import { computed, readonly, ref } from 'vue';

export const TOKEN_STORAGE_KEY = 'psp.token';
export const TOKEN_EXPIRES_STORAGE_KEY = 'psp.tokenExpiresAt';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage disabled: the session lasts for this page only.
  }
}

/** A stored token, unless its recorded expiry has passed. */
function loadToken(): string | null {
  const token = read(TOKEN_STORAGE_KEY);
  if (!token) return null;
  const expiresAt = read(TOKEN_EXPIRES_STORAGE_KEY);
  if (expiresAt && Number.isFinite(Date.parse(expiresAt)) && Date.parse(expiresAt) <= Date.now()) {
    write(TOKEN_STORAGE_KEY, null);
    write(TOKEN_EXPIRES_STORAGE_KEY, null);
    return null;
  }
  return token;
}

// One token for the whole app (the Apollo auth link, the route guard and the header share it).
const token = ref<string | null>(loadToken());

if (typeof window !== 'undefined') {
  // Signing in or out in another tab applies here too.
  window.addEventListener('storage', (event) => {
    if (event.key === TOKEN_STORAGE_KEY || event.key === null) token.value = loadToken();
  });
}

/** The current bearer token, for code outside components (the Apollo link, the router guard). */
export function getAuthToken(): string | null {
  // Re-check the expiry, so an expired session sends the user to sign in before any request.
  if (token.value !== null && loadToken() === null) token.value = null;
  return token.value;
}

export function setAuthToken(value: string, expiresAt?: string | null): void {
  write(TOKEN_STORAGE_KEY, value);
  write(TOKEN_EXPIRES_STORAGE_KEY, expiresAt ?? null);
  token.value = value;
}

export function clearAuthToken(): void {
  write(TOKEN_STORAGE_KEY, null);
  write(TOKEN_EXPIRES_STORAGE_KEY, null);
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
