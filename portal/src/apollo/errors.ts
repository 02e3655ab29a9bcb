import type { ApolloError, ServerError } from '@apollo/client/core';
import type { GraphQLFormattedError } from 'graphql';

/** The `extensions.code` values the gateway sends. */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'INTERNAL_SERVER_ERROR' | (string & {});

function codeOf(error: GraphQLFormattedError): string | undefined {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** GraphQL errors carried by a failed HTTP response (the gateway answers a bad token with 401 and a body). */
export function errorsInServerResult(networkError: unknown): readonly GraphQLFormattedError[] {
  const result = (networkError as Partial<ServerError> | null)?.result;
  if (result && typeof result === 'object' && Array.isArray((result as { errors?: unknown }).errors)) {
    return (result as { errors: GraphQLFormattedError[] }).errors;
  }
  return [];
}

/** Whether the gateway refused the request because the caller is not (or no longer) signed in. */
export function isUnauthenticated(
  graphQLErrors: readonly GraphQLFormattedError[] | undefined,
  networkError: unknown,
): boolean {
  if (graphQLErrors?.some((e) => codeOf(e) === 'UNAUTHENTICATED')) return true;
  if (errorsInServerResult(networkError).some((e) => codeOf(e) === 'UNAUTHENTICATED')) return true;
  return (networkError as Partial<ServerError> | null)?.statusCode === 401;
}

/** The first error code of an Apollo error, or NETWORK when the server could not be reached. */
export function apolloErrorCode(error: ApolloError): ErrorCode {
  const fromGraphQL = error.graphQLErrors.map(codeOf).find(Boolean);
  if (fromGraphQL) return fromGraphQL;
  if (error.networkError) {
    const fromBody = errorsInServerResult(error.networkError).map(codeOf).find(Boolean);
    if (fromBody) return fromBody;
    const status = (error.networkError as Partial<ServerError>).statusCode;
    if (status === 401) return 'UNAUTHENTICATED';
    if (status === 403) return 'FORBIDDEN';
    if (typeof status === 'number' && status >= 500) return 'INTERNAL_SERVER_ERROR';
    return 'NETWORK';
  }
  return 'UNKNOWN';
}
