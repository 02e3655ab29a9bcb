import { describe, expect, it, vi } from 'vitest';
import { LoginForm_LoginDocument, StudentsPage_StudentsDocument } from '@/gql/graphql';
import { relayConnection } from '@/test/connection';
import { createApolloClient } from './client';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const emptyStudents = {
  data: { students: relayConnection('StudentConnection', []) },
};

describe('createApolloClient', () => {
  it('sends the bearer token to /graphql', async () => {
    const fetch = vi.fn(async () => jsonResponse(emptyStudents));
    const client = createApolloClient({ getToken: () => 'tok.en', onUnauthenticated: vi.fn(), fetch });

    await client.query({ query: StudentsPage_StudentsDocument, variables: { first: 20 } });

    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok.en');
  });

  it('sends no Authorization header when signed out', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse({ data: { login: { __typename: 'LoginPayload', token: null, expiresAt: null, user: null, error: null } } }),
    );
    const client = createApolloClient({ getToken: () => null, onUnauthenticated: vi.fn(), fetch });

    await client.mutate({ mutation: LoginForm_LoginDocument, variables: { username: 'a', password: 'b' } });

    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>).authorization).toBeUndefined();
  });

  /** Runs a query that fails with `response`; how many times the client reported a sign-out. */
  async function unauthenticatedReports(response: () => Response, token: string): Promise<number> {
    const onUnauthenticated = vi.fn();
    const client = createApolloClient({ getToken: () => token, onUnauthenticated, fetch: vi.fn(async () => response()) });
    await expect(client.query({ query: StudentsPage_StudentsDocument, variables: { first: 20 } })).rejects.toThrow();
    return onUnauthenticated.mock.calls.length;
  }

  it('reports UNAUTHENTICATED errors (in a 200 response)', async () => {
    const response = () => jsonResponse({ data: null, errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(await unauthenticatedReports(response, 'tok.en')).toBe(1);
  });

  it('reports a refused token (HTTP 401)', async () => {
    const response = () => jsonResponse({ errors: [{ message: 'Token expired.', extensions: { code: 'UNAUTHENTICATED' } }] }, 401);
    expect(await unauthenticatedReports(response, 'old.token')).toBe(1);
  });

  it('does not sign the user out on other errors', async () => {
    const response = () => jsonResponse({ data: null, errors: [{ message: 'Outside your scope.', extensions: { code: 'FORBIDDEN' } }] });
    expect(await unauthenticatedReports(response, 'tok.en')).toBe(0);
  });
});
