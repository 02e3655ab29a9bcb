import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { REGION_ROLES, ROLES, type Caller, type Role } from '../../core/auth/caller.js';
import { dummyHash, hashPassword, verifyPassword } from '../../core/auth/passwords.js';
import { UserInputError } from '../../core/errors.js';
import { appendEvents } from '../../core/events.js';
import type { OpenedSession, SessionService } from './session.service.js';
import { User } from './user.entity.js';

export interface NewUser {
  username: string;
  password: string;
  role: string;
  displayName?: string;
  schoolCode?: string;
  regionCode?: string;
}

export const MIN_PASSWORD_LENGTH = 8;
/** The sign-in form takes at most this many characters: a longer password could never be typed there. */
export const MAX_PASSWORD_LENGTH = 128;

/** Why a new password is not acceptable, or null. */
function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    return `password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`;
  }
  return null;
}

/** Sign-ins checked per username within the window; the rest are refused until the window ends. */
export const LOGIN_ATTEMPTS = 10;
const LOGIN_WINDOW_SECONDS = 15 * 60;

type Refusal = { ok: false; code: 'TOO_MANY_ATTEMPTS' | 'TOO_MANY_ATTEMPTS_FROM_ADDRESS'; retryAfterSeconds: number };

export type LoginOutcome =
  | ({ ok: true; user: User } & OpenedSession)
  | { ok: false; code: 'INVALID_CREDENTIALS' }
  | Refusal;

export type PasswordChangeOutcome = ({ ok: true } & OpenedSession) | { ok: false; code: 'WRONG_PASSWORD' | 'WEAK_PASSWORD' } | Refusal;

export class UserService {
  // Counted per username, whether or not it exists, so the answer never tells which names are real.
  private readonly attempts: RateLimiterPostgres;
  // Counted per client address, so that one address cannot lock out every username in turn.
  private readonly addressFailures: RateLimiterPostgres;

  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionService,
    addressAttempts: number,
  ) {
    const store = { storeClient: db, storeType: 'typeorm', tableName: 'login_failures', tableCreated: true, duration: LOGIN_WINDOW_SECONDS };
    this.attempts = new RateLimiterPostgres({ ...store, keyPrefix: 'login', points: LOGIN_ATTEMPTS });
    this.addressFailures = new RateLimiterPostgres({ ...store, keyPrefix: 'login-address', points: addressAttempts });
  }

  byIds(ids: readonly string[]): Promise<User[]> {
    return this.db.getRepository(User).findBy({ id: In([...ids]) });
  }

  /**
   * A session for valid credentials. Wrong credentials get the same answer for an unknown user.
   * Each attempt takes a point before the password is checked — the taking is one atomic UPSERT —
   * so however many arrive at once, at most LOGIN_ATTEMPTS per username are checked in 15 minutes
   * and the rest are refused, even with the right password: guessing is throttled without telling
   * the guesser anything. A success clears the username's count and gives the address its point back.
   */
  async login(username: string, password: string, clientAddress: string | null = null): Promise<LoginOutcome> {
    const key = usernameKey(username);
    const refused = await this.admit(key, clientAddress);
    if (refused) return refused;
    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
      .andWhere('u.disabled_at IS NULL')
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
    if (!user || !ok) return { ok: false, code: 'INVALID_CREDENTIALS' };
    await this.passed(key, clientAddress);
    const session = await this.db.transaction((manager) => this.sessions.open(manager, user.id, clientAddress));
    return { ok: true, ...session, user };
  }

  /** Ends the session the caller signed in with. */
  async logout(caller: Caller): Promise<void> {
    if (!caller.sessionId) return;
    await this.db.transaction((manager) => this.sessions.revoke(manager, caller.sessionId!, 'SIGNED_OUT'));
  }

  /**
   * A user's own password change: the current password is checked (and counted like a sign-in, so a
   * borrowed session cannot be used to guess it), every session of the user ends, and a new one is
   * opened for the caller.
   */
  async changePassword(caller: Caller, current: string, next: string, clientAddress: string | null = null): Promise<PasswordChangeOutcome> {
    // Decided from the two strings alone, so it costs no attempt.
    if (passwordProblem(next) || next === current) return { ok: false, code: 'WEAK_PASSWORD' };
    const key = usernameKey(caller.username);
    const refused = await this.admit(key, clientAddress);
    if (refused) return refused;
    const user = await this.db.getRepository(User).findOneByOrFail({ id: caller.userId });
    if (!(await verifyPassword(user.passwordHash, current))) return { ok: false, code: 'WRONG_PASSWORD' };
    await this.passed(key, clientAddress);
    const passwordHash = await hashPassword(next);
    const session = await this.db.transaction(async (manager) => {
      await this.replacePassword(manager, user.id, passwordHash, 'USER_PASSWORD_CHANGED', user.id);
      return this.sessions.open(manager, user.id, clientAddress);
    });
    return { ok: true, ...session };
  }

  /** An operator's reset (`pnpm cli users:password`): every session of the user ends. */
  async resetPassword(username: string, password: string, actorId: string | null = null): Promise<{ sessionsEnded: number }> {
    const problem = passwordProblem(password);
    if (problem) throw new UserInputError(problem, 'password');
    const user = await this.byUsername(username);
    const passwordHash = await hashPassword(password);
    const result = await this.db.transaction(async (manager) => ({
      sessionsEnded: await this.replacePassword(manager, user.id, passwordHash, 'USER_PASSWORD_RESET', actorId),
    }));
    // Outside the transaction: the limiter takes a connection of its own (the embedded pool has one).
    await this.attempts.delete(usernameKey(username));
    return result;
  }

  /** Disables (every session ends, sign-in refused) or enables a user (`pnpm cli users:disable|enable`). */
  async setDisabled(username: string, disabled: boolean, actorId: string | null = null): Promise<{ sessionsEnded: number }> {
    const user = await this.byUsername(username);
    return this.db.transaction(async (manager) => {
      await manager.query(`UPDATE users SET disabled_at = ${disabled ? 'coalesce(disabled_at, app_now())' : 'NULL'} WHERE id = $1`, [user.id]);
      const sessionsEnded = disabled ? await this.sessions.revokeAllOf(manager, user.id, 'USER_DISABLED') : 0;
      await appendEvents(manager, [
        { type: disabled ? 'USER_DISABLED' : 'USER_ENABLED', actorId, subjectType: 'user', subjectId: user.id, data: { sessionsEnded } },
      ]);
      return { sessionsEnded };
    });
  }

  private async byUsername(username: string): Promise<User> {
    const user = await this.db.getRepository(User).createQueryBuilder('u').where('lower(u.username) = lower(:username)', { username }).getOne();
    if (!user) throw new UserInputError(`no user is called ${username}`, 'username');
    return user;
  }

  /** Sets a user's password hash, ends every session of the user and records it; returns how many sessions ended. */
  private async replacePassword(
    manager: EntityManager,
    userId: string,
    passwordHash: string,
    event: 'USER_PASSWORD_CHANGED' | 'USER_PASSWORD_RESET',
    actorId: string | null,
  ): Promise<number> {
    await manager.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [userId, passwordHash]);
    const sessionsEnded = await this.sessions.revokeAllOf(manager, userId, 'PASSWORD_CHANGED');
    await appendEvents(manager, [{ type: event, actorId, subjectType: 'user', subjectId: userId, data: { sessionsEnded } }]);
    return sessionsEnded;
  }

  /** The right password: the username's count starts again and the address gets its point back. */
  private async passed(key: string, clientAddress: string | null): Promise<void> {
    await this.attempts.delete(key);
    if (clientAddress) await this.addressFailures.reward(clientAddress, 1);
  }

  /** Takes a point from the address and from the username; a refusal when either has none left. */
  private async admit(key: string, clientAddress: string | null): Promise<Refusal | null> {
    const take = async (limiter: RateLimiterPostgres, id: string, code: Refusal['code']): Promise<Refusal | null> => {
      try {
        await limiter.consume(id);
        return null;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return { ok: false, code, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
      }
    };
    return (clientAddress ? await take(this.addressFailures, clientAddress, 'TOO_MANY_ATTEMPTS_FROM_ADDRESS') : null) ?? (await take(this.attempts, key, 'TOO_MANY_ATTEMPTS'));
  }

  async create(input: NewUser, actorId: string | null = null): Promise<User> {
    if (!/^[A-Za-z0-9._-]{3,64}$/.test(input.username)) {
      throw new UserInputError('username must be 3–64 letters, digits, dots, dashes or underscores', 'username');
    }
    const problem = passwordProblem(input.password);
    if (problem) throw new UserInputError(problem, 'password');
    if (!ROLES.includes(input.role as Role)) {
      throw new UserInputError(`role must be one of ${ROLES.join(', ')}`, 'role');
    }
    const role = input.role as Role;
    let schoolId: string | null = null;
    let regionCode: string | null = null;
    if (role === 'SCHOOL_REGISTRAR') {
      if (!input.schoolCode || input.regionCode) throw new UserInputError('a SCHOOL_REGISTRAR needs --school CODE (and no --region)', 'school');
      const rows = (await this.db.query(`SELECT id FROM schools WHERE code = $1 AND deleted_at IS NULL`, [input.schoolCode])) as { id: string }[];
      if (!rows[0]) throw new UserInputError(`no school has code ${input.schoolCode}`, 'school');
      schoolId = String(rows[0].id);
    } else if (REGION_ROLES.includes(role)) {
      if (!input.regionCode || input.schoolCode) throw new UserInputError(`a ${role} needs --region CODE (and no --school)`, 'region');
      // Reviewers (DISTRICT_ADMIN) normally serve a district; one serving a city or province reviews
      // the problems that span its districts. City and province admins read statistics of their level.
      const expected = { DISTRICT_ADMIN: ['DISTRICT', 'CITY', 'PROVINCE'], CITY_ADMIN: ['CITY'], PROVINCE_ADMIN: ['PROVINCE'] }[role as 'DISTRICT_ADMIN'];
      const rows = (await this.db.query(`SELECT level FROM regions WHERE code = $1`, [input.regionCode])) as { level: string }[];
      if (!rows[0]) throw new UserInputError(`no region has code ${input.regionCode}`, 'region');
      if (!expected.includes(rows[0].level)) {
        throw new UserInputError(`a ${role} administers a ${expected.join(' or ').toLowerCase()}, but ${input.regionCode} is a ${rows[0].level.toLowerCase()}`, 'region');
      }
      regionCode = input.regionCode;
    } else if (input.schoolCode || input.regionCode) {
      throw new UserInputError('a SYSTEM_ADMIN has no --school or --region', 'role');
    }
    const taken = (await this.db.query(`SELECT 1 FROM users WHERE lower(username) = lower($1)`, [input.username])) as unknown[];
    if (taken.length > 0) throw new UserInputError(`username ${input.username} is taken`, 'username');

    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (manager) => {
      const user = await manager.getRepository(User).save(
        Object.assign(new User(), {
          username: input.username,
          passwordHash,
          displayName: input.displayName ?? input.username,
          role,
          schoolId,
          regionCode,
        }),
      );
      await appendEvents(manager, [
        { type: 'USER_CREATED', actorId, subjectType: 'user', subjectId: user.id, data: { username: user.username, role, schoolId, regionCode } },
      ]);
      return user;
    });
  }
}

function usernameKey(username: string): string {
  return username.trim().toLowerCase().slice(0, 200);
}
