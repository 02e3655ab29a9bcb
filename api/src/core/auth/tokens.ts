import { createHmac } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import { ROLES, type Caller, type Role } from './caller.js';

const ISSUER = 'pss';
const SESSION_AUDIENCE = 'pss:session';
const SUBGRAPH_AUDIENCE = 'pss:subgraph';

export interface TokenKeys {
  session: Uint8Array;
  /** Separate key for gateway → subgraph calls, derived so a session token can never pass as one. */
  subgraph: Uint8Array;
  /**
   * Session keys of the secret being rotated out (JWT_PREVIOUS_SECRET): sessions signed with it
   * stay valid until they expire, new ones are signed with the current secret only.
   */
  previousSessions: Uint8Array[];
}

export function deriveKeys(secret: string, previousSecret?: string): TokenKeys {
  const derive = (from: string, purpose: string) => new Uint8Array(createHmac('sha256', from).update(purpose).digest());
  return {
    session: derive(secret, 'session-token'),
    subgraph: derive(secret, 'subgraph-caller'),
    previousSessions: previousSecret ? [derive(previousSecret, 'session-token')] : [],
  };
}

interface CallerClaims {
  role: Role;
  usr: string;
  sch?: string;
  reg?: string;
}

function claimsOf(caller: Caller): CallerClaims {
  return { role: caller.role, usr: caller.username, sch: caller.schoolId, reg: caller.regionPrefix };
}

function callerOf(payload: Record<string, unknown>): Caller {
  const { sub, role, usr, sch, reg } = payload;
  if (typeof sub !== 'string' || typeof usr !== 'string' || !ROLES.includes(role as Role)) {
    throw new Error('token claims are incomplete');
  }
  return {
    userId: sub,
    username: usr,
    role: role as Role,
    ...(typeof sch === 'string' ? { schoolId: sch } : {}),
    ...(typeof reg === 'string' ? { regionPrefix: reg } : {}),
  };
}

export async function signSessionToken(keys: TokenKeys, caller: Caller, ttl: string) {
  const token = await new SignJWT({ ...claimsOf(caller) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller.userId)
    .setIssuer(ISSUER)
    .setAudience(SESSION_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(keys.session);
  const { exp } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number };
  return { token, expiresAt: new Date(exp * 1000) };
}

export class InvalidTokenError extends Error {}

export async function verifySessionToken(keys: TokenKeys, token: string): Promise<Caller> {
  let failure: unknown;
  for (const key of [keys.session, ...keys.previousSessions]) {
    try {
      const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: SESSION_AUDIENCE, algorithms: ['HS256'] });
      return callerOf(payload);
    } catch (error) {
      failure = error;
      // A signature made with another key: try the next one. Anything else is final.
      if (!(error instanceof errors.JWSSignatureVerificationFailed)) break;
    }
  }
  const expired = failure instanceof errors.JWTExpired;
  throw new InvalidTokenError(expired ? 'Your session has expired; sign in again.' : 'The session token is not valid; sign in again.');
}

/**
 * The gateway's word to a subgraph: "this request comes from me, on behalf of this caller (or of
 * nobody)". Short-lived, so a captured header is useless within a minute.
 */
export async function signSubgraphToken(keys: TokenKeys, caller: Caller | null): Promise<string> {
  const jwt = new SignJWT(caller ? { ...claimsOf(caller) } : { anon: true })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(SUBGRAPH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('60s');
  if (caller) jwt.setSubject(caller.userId);
  return jwt.sign(keys.subgraph);
}

export async function verifySubgraphToken(keys: TokenKeys, token: string): Promise<Caller | null> {
  const { payload } = await jwtVerify(token, keys.subgraph, { issuer: ISSUER, audience: SUBGRAPH_AUDIENCE, algorithms: ['HS256'] });
  return payload.anon === true ? null : callerOf(payload);
}
