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
  sid?: string;
}

function claimsOf(caller: Caller): CallerClaims {
  return { role: caller.role, usr: caller.username, sch: caller.schoolId, reg: caller.regionPrefix, sid: caller.sessionId };
}

function callerOf(payload: Record<string, unknown>): Caller {
  const { sub, role, usr, sch, reg, sid } = payload;
  if (typeof sub !== 'string' || typeof usr !== 'string' || !ROLES.includes(role as Role)) {
    throw new Error('token claims are incomplete');
  }
  return {
    userId: sub,
    username: usr,
    role: role as Role,
    ...(typeof sch === 'string' ? { schoolId: sch } : {}),
    ...(typeof reg === 'string' ? { regionPrefix: reg } : {}),
    ...(typeof sid === 'string' ? { sessionId: sid } : {}),
  };
}

/** What a session token carries: which server-side session it opens, for whom. */
export interface SessionClaims {
  sessionId: string;
  userId: string;
}

/**
 * A session token names its session (`jti`) and user (`sub`) and nothing else: the caller's role
 * and scope are read from the database on use (see SessionService), so a changed role or a disabled
 * user takes effect without waiting for the token to expire.
 */
export async function signSessionToken(keys: TokenKeys, claims: SessionClaims, expiresAt: Date): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setJti(claims.sessionId)
    .setIssuer(ISSUER)
    .setAudience(SESSION_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(keys.session);
}

export class InvalidTokenError extends Error {}

/** A token without an expiry, a session or a subject is refused: none of ours lacks them. */
const SESSION_CLAIMS = ['exp', 'iat', 'jti', 'sub'];

export async function verifySessionToken(keys: TokenKeys, token: string): Promise<SessionClaims & { expiresAtMs: number }> {
  let failure: unknown;
  for (const key of [keys.session, ...keys.previousSessions]) {
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: SESSION_AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: SESSION_CLAIMS,
      });
      return { sessionId: String(payload.jti), userId: String(payload.sub), expiresAtMs: payload.exp! * 1000 };
    } catch (error) {
      failure = error;
      // A signature made with another key: try the next one. Anything else is final.
      if (!(error instanceof errors.JWSSignatureVerificationFailed)) break;
    }
  }
  const expired = failure instanceof errors.JWTExpired;
  throw new InvalidTokenError(expired ? 'Your session has expired; sign in again.' : 'The session token is not valid; sign in again.');
}

/** What the gateway tells a subgraph about a request: who asks (or nobody), and from where. */
export interface SubgraphCaller {
  caller: Caller | null;
  /** The client's network address as the gateway saw it: sign-in throttling counts per address. */
  clientAddress: string | null;
}

/**
 * The gateway's word to a subgraph: "this request comes from me, on behalf of this caller (or of
 * nobody)". Short-lived, so a captured header is useless within a minute.
 */
export async function signSubgraphToken(keys: TokenKeys, { caller, clientAddress }: SubgraphCaller): Promise<string> {
  const claims = { ...(caller ? claimsOf(caller) : { anon: true }), ...(clientAddress ? { addr: clientAddress } : {}) };
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(ISSUER).setAudience(SUBGRAPH_AUDIENCE).setIssuedAt().setExpirationTime('60s');
  if (caller) jwt.setSubject(caller.userId);
  return jwt.sign(keys.subgraph);
}

export async function verifySubgraphToken(keys: TokenKeys, token: string): Promise<SubgraphCaller> {
  const { payload } = await jwtVerify(token, keys.subgraph, { issuer: ISSUER, audience: SUBGRAPH_AUDIENCE, algorithms: ['HS256'] });
  return {
    caller: payload.anon === true ? null : callerOf(payload),
    clientAddress: typeof payload.addr === 'string' ? payload.addr : null,
  };
}
