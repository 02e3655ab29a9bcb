import { describe, expect, it, vi } from 'vitest';
import { apolloErrorCode } from '@/apollo/errors';
import { runReport } from './run-report';

const query = { document: 'query R($groupBy: [StatsDimension!]!) { problemStats(groupBy: $groupBy) { count } }', variables: { groupBy: ['TYPE'] } };

describe('runReport', () => {
  it('posts the query text and its variables to /graphql with the token, and returns the data', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(Response.json({ data: { problemStats: [{ count: 3 }] } }));
    expect(await runReport(query, { token: 'tok.en', fetch })).toEqual({ problemStats: [{ count: 3 }] });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'content-type': 'application/json', authorization: 'Bearer tok.en' });
    expect(JSON.parse(String(init?.body))).toEqual({ query: query.document, variables: query.variables });
  });

  it('fails with the error codes the rest of the portal translates', async () => {
    const invalid = vi.fn<typeof globalThis.fetch>().mockResolvedValue(
      Response.json({ errors: [{ message: 'openedFrom must be a day', extensions: { code: 'BAD_USER_INPUT' } }] }, { status: 200 }),
    );
    await expect(runReport(query, { token: 't', fetch: invalid }).catch(apolloErrorCode)).resolves.toBe('BAD_USER_INPUT');

    const expired = vi.fn<typeof globalThis.fetch>().mockResolvedValue(Response.json({ errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }] }, { status: 401 }));
    await expect(runReport(query, { token: 't', fetch: expired }).catch(apolloErrorCode)).resolves.toBe('UNAUTHENTICATED');

    const down = vi.fn<typeof globalThis.fetch>().mockResolvedValue(new Response('<html>bad gateway</html>', { status: 502 }));
    await expect(runReport(query, { token: 't', fetch: down }).catch(apolloErrorCode)).resolves.toBe('INTERNAL_SERVER_ERROR');

    const offline = vi.fn<typeof globalThis.fetch>().mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(runReport(query, { token: 't', fetch: offline }).catch(apolloErrorCode)).resolves.toBe('NETWORK');
  });
});
