import type { ExecutionResult } from 'graphql';

/** What GraphiQL hands its fetcher: one operation. */
export interface ExplorerRequest {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

export interface TokenFetcherOptions {
  /** The gateway, on the product's own origin. */
  url?: string;
  /** The signed-in user's token, read for every request (a new sign-in applies at once). */
  getToken: () => string | null;
  /** The gateway refused the token (expired, revoked). */
  onUnauthenticated?: () => void;
  fetch?: typeof fetch;
}

/**
 * GraphiQL's fetcher: every request goes to the portal's own `/graphql` with the user's bearer
 * token, so the explorer sees exactly what that user may see — no more (the API checks every
 * field), no less. Cookies are not sent: the token is the only credential.
 */
export function createTokenFetcher(options: TokenFetcherOptions) {
  return async (request: ExplorerRequest): Promise<ExecutionResult> => {
    const token = options.getToken();
    const response = await (options.fetch ?? fetch)(options.url ?? '/graphql', {
      method: 'POST',
      credentials: 'omit',
      headers: {
        // JSON (not a "simple" request) also satisfies Apollo Server's CSRF prevention.
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: request.query, operationName: request.operationName ?? undefined, variables: request.variables ?? undefined }),
    });
    if (response.status === 401) options.onUnauthenticated?.();
    const text = await response.text();
    try {
      return JSON.parse(text) as ExecutionResult;
    } catch {
      // A proxy's HTML error page or an empty body: show what happened instead of a parse error.
      return { errors: [{ message: `HTTP ${response.status} ${response.statusText}`.trim() }] } as unknown as ExecutionResult;
    }
  };
}
