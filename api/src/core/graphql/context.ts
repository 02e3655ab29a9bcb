import type { Logger } from 'pino';
import { scopeOf, type Caller, type Scope } from '../auth/caller.js';
import type { AccessLog, AccessSubject } from '../audit/access-log.js';
import type { TokenKeys } from '../auth/tokens.js';
import type { Config } from '../config.js';
import { unauthenticated } from '../errors.js';
import type { RequestReads } from '../audit/request-reads.js';

// Core names no domain, yet every resolver needs its domain's services and loaders typed on the
// context. So core declares open interfaces with only what core itself uses, and the composition
// root merges in the rest with `declare module` (app.ts: the application and its services;
// loaders.ts: the request's loaders), as Express's `Request` or Vue's `ComponentCustomProperties`
// are extended. Resolvers keep importing `Context` from here, fully typed.

/** The services of the application. Core uses the read log; app.ts adds every domain's services. */
export interface AppServices {
  accessLog: AccessLog;
}

/** The running application as a request sees it; app.ts merges in its `App`. */
export interface RequestApp {
  config: Config;
  log: Logger;
  keys: TokenKeys;
  services: AppServices;
}

/** The data loaders built once per request; loaders.ts merges in what `createLoaders` builds. */
export interface RequestLoaders {}

/** Builds the loaders of one request (never shared between requests). */
export type CreateLoaders = (app: RequestApp, caller: Caller | null) => RequestLoaders;

export interface Context {
  app: RequestApp;
  caller: Caller | null;
  /** The client's network address, as the gateway saw it. */
  clientAddress: string | null;
  loaders: RequestLoaders;
  requestId: string;
  log: Logger;
  /** Records of the personal-data types this request returned, for the read log (read-log.ts). */
  reads: RequestReads;
}

export function requireCaller(ctx: Context): Caller {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller;
}

export function requireScope(ctx: Context): Scope {
  return scopeOf(requireCaller(ctx));
}

/**
 * Records a read that no returned object shows, at once (a full ID number revealed). Objects of the
 * watched types are logged by type at the end of the request (read-log.ts).
 */
export async function logAccess(ctx: Context, subject: AccessSubject, ids: readonly string[], operation: string): Promise<void> {
  if (!ctx.caller) return;
  await ctx.app.services.accessLog.record(ctx.caller, subject, ids, operation, ctx.requestId);
}
