import type { RouteLocationRaw } from 'vue-router';

/** Where a signed-in user lands. Pages import this, not the router, which imports the pages. */
export const HOME: RouteLocationRaw = { name: 'problems' };

/** A same-site path to return to after signing in; anything else (other sites, `//host`) goes home. */
export function safeRedirect(value: unknown): string | null {
  const path = Array.isArray(value) ? value[0] : value;
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return null;
  if (path === '/login' || path.startsWith('/login?') || path.startsWith('/login#')) return null;
  return path;
}
