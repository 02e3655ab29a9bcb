/**
 * Where the sign-in token is kept (localStorage), without Vue: the GraphQL explorer is a separate
 * React page (explorer.html) that sends the same token and must not load the Vue app to read it.
 * use-auth-token.ts builds the app's reactive token on top of this.
 */
export const TOKEN_STORAGE_KEY = 'psp.token';
export const TOKEN_EXPIRES_STORAGE_KEY = 'psp.tokenExpiresAt';

export function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage disabled: the session lasts for this page only.
  }
}

/** The stored token, unless its recorded expiry has passed (an expired one is removed). */
export function loadStoredToken(): string | null {
  const token = readStorage(TOKEN_STORAGE_KEY);
  if (!token) return null;
  const expiresAt = readStorage(TOKEN_EXPIRES_STORAGE_KEY);
  if (expiresAt && Number.isFinite(Date.parse(expiresAt)) && Date.parse(expiresAt) <= Date.now()) {
    writeStorage(TOKEN_STORAGE_KEY, null);
    writeStorage(TOKEN_EXPIRES_STORAGE_KEY, null);
    return null;
  }
  return token;
}
