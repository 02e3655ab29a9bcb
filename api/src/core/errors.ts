import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { rowReadable } from './db/row-scope.js';

/** Stable codes clients can switch on; messages are for people. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'STALE_VERSION'
  | 'CONFLICT'
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

/**
 * The one family of errors services throw to refuse a request as a whole: outside the caller's
 * role or scope, naming something that does not exist, or conflicting with the state it found.
 * Services stay free of GraphQL; `maskErrors` gives each its code where errors leave the server.
 */
export class Refused extends Error {
  constructor(
    readonly code: 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT',
    message: string,
  ) {
    super(message);
  }
}

export class Forbidden extends Refused {
  constructor(message = 'This is outside your role or scope.') {
    super('FORBIDDEN', message);
  }
}

export class NotFound extends Refused {
  constructor(what: string) {
    super('NOT_FOUND', `${what} was not found.`);
  }
}

export class Conflict extends Refused {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

/**
 * For a row a locking read of the caller did not return. A row the caller may read but not write
 * (the other school's record in a shared problem) is already known to it: FORBIDDEN. Anything
 * else — outside the caller's scope or not there at all — answers the same NOT_FOUND, so ids
 * cannot be probed.
 */
export async function refuseUnlocked(manager: EntityManager, table: 'problems' | 'students', id: string, what: string, forbidden: string): Promise<never> {
  throw (await rowReadable(manager, table, id)) ? new Forbidden(forbidden) : new NotFound(what);
}
