import type { Logger } from 'pino';
import type { App } from '../../app.js';
import type { Loaders } from '../../loaders.js';
import { scopeOf, type Caller, type Scope } from '../auth/caller.js';
import type { AccessSubject } from '../audit/access-log.js';
import { forbidden, unauthenticated } from '../errors.js';

export interface Context {
  app: App;
  caller: Caller | null;
  /** The client's network address, as the gateway saw it. */
  clientAddress: string | null;
  loaders: Loaders;
  requestId: string;
  log: Logger;
}

export function requireCaller(ctx: Context): Caller {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller;
}

export function requireScope(ctx: Context): Scope {
  return scopeOf(requireCaller(ctx));
}

export function requireRole(ctx: Context, roles: readonly Caller['role'][]): Caller {
  const caller = requireCaller(ctx);
  if (!roles.includes(caller.role)) throw forbidden();
  return caller;
}

/** Records that the caller read these records (the read log), before they are returned. */
export async function logAccess(ctx: Context, subject: AccessSubject, ids: readonly string[], operation: string): Promise<void> {
  if (!ctx.caller) return;
  await ctx.app.services.accessLog.record(ctx.caller, subject, ids, operation, ctx.requestId);
}
