import { ApolloError, type ServerError } from '@apollo/client/core';
import type { GraphQLFormattedError } from 'graphql';
import { getAuthToken } from '@/composables/use-auth-token';
import type { ReportQuery } from './report-query';

/**
 * Runs a report's query as text, exactly as the export does: POST /graphql with the user's
 * token. The text goes to the server as it is, so the portal needs no GraphQL parser for reports
 * built or written at run time (Apollo's documents are parsed at build time). Failures come back
 * as an ApolloError, so they are translated like every other query's.
 */
export async function runReport(query: ReportQuery, options: { token?: string | null; fetch?: typeof fetch } = {}): Promise<Record<string, unknown>> {
  const token = options.token === undefined ? getAuthToken() : options.token;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: query.document, variables: query.variables }),
    });
  } catch (error) {
    throw new ApolloError({ networkError: error instanceof Error ? error : new Error(String(error)) });
  }
  const body = (await response.json().catch(() => null)) as { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[] } | null;
  if (body?.errors?.length) throw new ApolloError({ graphQLErrors: body.errors });
  if (!response.ok || !body?.data) {
    const networkError = Object.assign(new Error(`HTTP ${response.status}`), { name: 'ServerError', response, statusCode: response.status, result: body ?? {} }) as ServerError;
    throw new ApolloError({ networkError });
  }
  return body.data;
}
