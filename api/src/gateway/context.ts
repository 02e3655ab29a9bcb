import type { Caller } from '../core/auth/caller.js';
import { InvalidTokenError, type TokenKeys } from '../core/auth/tokens.js';
import type { Config } from '../core/config.js';
import { requestUnauthenticated } from '../core/errors.js';
import type { Logger } from '../core/logger.js';

/**
 * What the gateway takes from the application: its settings, the keys that sign the caller for
 * the subgraphs, a log, and the sessions that turn a bearer token into a caller. Named here rather
 * than imported, so the gateway depends on no domain; the application (app.ts's `App`) fits it.
 */
export interface GatewayApp {
  config: Config;
  log: Logger;
  keys: TokenKeys;
  services: { sessions: { authenticate(token: string): Promise<Caller> } };
}

export interface GatewayContext {
  caller: Caller | null;
  requestId: string;
  /** The client's address (express `req.ip`, so behind TRUST_PROXY the proxy's client). */
  clientAddress: string | null;
}

/**
 * The caller of a request from its `Authorization: Bearer` header; anonymous without one. The
 * token must name a session that is still open, of a user still enabled (SessionService).
 */
export async function gatewayContext(
  app: GatewayApp,
  authorization: string | undefined,
  requestId: string,
  clientAddress: string | null,
): Promise<GatewayContext> {
  if (!authorization) return { caller: null, requestId, clientAddress };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw requestUnauthenticated('The Authorization header must be "Bearer <token>".');
  try {
    return { caller: await app.services.sessions.authenticate(match[1]!), requestId, clientAddress };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw requestUnauthenticated(error.message);
    throw error;
  }
}
