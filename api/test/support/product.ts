import { startAllInOne, type Running } from '../../src/server/start.js';
import { PASSWORD } from './factories.js';
import type { TestApp } from './test-app.js';

// Tests read responses by path; `any` keeps them short where the shape is asserted anyway.
export interface GraphQLResponse<T = any> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The product (gateway + in-process subgraphs) on a random port, and a small GraphQL client for it. */
export async function startProduct(app: TestApp) {
  const running: Running = await startAllInOne(app, '127.0.0.1', 0);
  const gql = async <T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  const login = async (username: string, password = PASSWORD): Promise<string> => {
    const result = await gql<{ login: { token: string | null } }>(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
      { u: username, p: password },
    );
    const token = result.data?.login.token;
    if (!token) throw new Error(`login failed for ${username}: ${JSON.stringify(result)}`);
    return token;
  };
  return { url: running.url, gql, login, close: running.close };
}

export function errorCodes(response: GraphQLResponse): (string | undefined)[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}
