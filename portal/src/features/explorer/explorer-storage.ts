/**
 * Where GraphiQL keeps its tabs, queries, history and the last responses: this browser tab's
 * sessionStorage, emptied when another user signs in. Responses hold pupils' data, so they must
 * not outlive the tab in localStorage, nor be shown to the next person who signs in on a shared
 * computer.
 */
export const EXPLORER_OWNER_KEY = 'psp.explorer.owner';
const GRAPHIQL_PREFIX = 'graphiql:';

/** A short fingerprint of the token, so the token itself is not stored a second time. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** `base` with anything GraphiQL stored for a previous sign-in removed. */
export function explorerStorage(base: Storage, token: string): Storage {
  const owner = fingerprint(token);
  if (base.getItem(EXPLORER_OWNER_KEY) !== owner) {
    const stale: string[] = [];
    for (let i = 0; i < base.length; i++) {
      const key = base.key(i);
      if (key?.startsWith(GRAPHIQL_PREFIX)) stale.push(key);
    }
    for (const key of stale) base.removeItem(key);
    base.setItem(EXPLORER_OWNER_KEY, owner);
  }
  return base;
}
