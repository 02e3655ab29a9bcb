import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { Refused } from '../errors.js';

/** Codes whose message was written for the client; anything else is masked. */
const CLIENT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'STALE_VERSION',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** What a client sees for anything unexpected; the details are in the log, under the request id. */
export const INTERNAL_MESSAGE = 'Something went wrong on our side. Please try again; if it keeps happening, contact support.';

/** A request refused as a whole, before anything runs, for something the client sent: HTTP 400. */
export function requestRefused(code: 'GRAPHQL_VALIDATION_FAILED' | 'OPERATION_RESOLUTION_FAILURE', message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/**
 * The HTTP status an error asked for (Apollo's `extensions.http`). Apollo refuses some requests
 * with a 4xx and no code (an unsupported persisted-query version, a hash that does not match its
 * query); those are the client's fault, not ours.
 */
function requestedStatus(error: unknown): number | undefined {
  const http = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http;
  return typeof http?.status === 'number' ? http.status : undefined;
}

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22): a value the database cannot take as the type
 * it is compared with or stored in — an id that is not a number, a NUL character in a search, a
 * number out of range. Such values come from the request, so they are the client's to fix, not a
 * fault of ours.
 */
function refusedValue(error: unknown): boolean {
  const original = (error as { originalError?: { code?: unknown; driverError?: { code?: unknown } } } | null)?.originalError;
  const sqlState = original?.driverError?.code ?? original?.code;
  return typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState);
}

/**
 * Internal errors (a bug, SQL, a lost connection) reach the client as a generic message with the
 * request id to quote to support; the details go to the log only. Extensions say nothing about
 * how the API is built: the gateway adds the name of the subgraph that raised an error
 * (`serviceName`) and, when a subgraph refused its call, that call's URL and answer (`response`).
 */
export function maskErrors(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const { stacktrace: _stack, serviceName: _subgraph, response: _call, ...extensions } = formatted.extensions ?? {};
    const original = (error as { originalError?: unknown } | null)?.originalError;
    if (original instanceof Refused) return { ...formatted, extensions: { ...extensions, code: original.code } };
    const code = extensions.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) return { ...formatted, extensions };
    const status = requestedStatus(error);
    if (status !== undefined && status >= 400 && status < 500) return { ...formatted, extensions: { ...extensions, code: 'BAD_REQUEST' } };
    if (refusedValue(error)) {
      log.warn({ err: (error as { originalError?: unknown }).originalError, path: formatted.path }, 'value refused by the database');
      return {
        message: 'A value in the request is not valid here (for example an id that is not a number, or a character that cannot be stored).',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'BAD_USER_INPUT' },
      };
    }
    log.error({ err: (error as { originalError?: unknown })?.originalError ?? error, path: formatted.path }, 'internal error');
    return {
      message: INTERNAL_MESSAGE,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
