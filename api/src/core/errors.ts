import { GraphQLError } from 'graphql';

/** Stable codes clients can switch on; messages are for people. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'STALE_VERSION'
  | 'INTERNAL_SERVER_ERROR';

export function appError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** For a request refused as a whole, before any field runs: answered with HTTP 401. */
export function requestUnauthenticated(message: string): GraphQLError {
  return appError('UNAUTHENTICATED', message, { http: { status: 401 } });
}

export const unauthenticated = (message = 'Sign in first.') => appError('UNAUTHENTICATED', message);
export const forbidden = (message = 'This is outside your role or scope.') => appError('FORBIDDEN', message);
export const notFound = (what: string) => appError('NOT_FOUND', `${what} was not found.`);
export const badInput = (message: string, field?: string) =>
  appError('BAD_USER_INPUT', message, field ? { field } : {});

/** Thrown by services for a failure the user caused and can fix; CLI and resolvers show the message. */
export class UserInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
