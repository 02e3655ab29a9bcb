import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { In, type DataSource } from 'typeorm';
import { REGION_ROLES, ROLES, regionPrefix, type Caller, type Role } from '../../core/auth/caller.js';
import { dummyHash, hashPassword, verifyPassword } from '../../core/auth/passwords.js';
import { signSessionToken, type TokenKeys } from '../../core/auth/tokens.js';
import { UserInputError } from '../../core/errors.js';
import { appendEvents } from '../../core/events.js';
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
/** Failed sign-ins allowed per username within the window, before it is refused for the window's rest. */
export const LOGIN_ATTEMPTS = 10;
const LOGIN_WINDOW_SECONDS = 15 * 60;

export type LoginOutcome =
  | { ok: true; token: string; expiresAt: Date; user: User }
  | { ok: false; code: 'INVALID_CREDENTIALS' }
  | { ok: false; code: 'TOO_MANY_ATTEMPTS'; retryAfterSeconds: number };

export class UserService {
  // Counted per username, whether or not it exists, so the answer never tells which names are real.
  private readonly failures: RateLimiterPostgres;

  constructor(
    private readonly db: DataSource,
    private readonly keys: TokenKeys,
    private readonly sessionTtl: string,
  ) {
    this.failures = new RateLimiterPostgres({
      storeClient: db,
      storeType: 'typeorm',
      tableName: 'login_failures',
      tableCreated: true,
      keyPrefix: 'login',
      points: LOGIN_ATTEMPTS,
      duration: LOGIN_WINDOW_SECONDS,
    });
  }

  byIds(ids: readonly string[]): Promise<User[]> {
    return this.db.getRepository(User).findBy({ id: In([...ids]) });
  }

  callerOf(user: User): Caller {
    return {
      userId: user.id,
      username: user.username,
      role: user.role,
      ...(user.schoolId ? { schoolId: user.schoolId } : {}),
      ...(user.regionCode ? { regionPrefix: regionPrefix(user.regionCode) } : {}),
    };
  }

  /**
   * A session token for valid credentials. Wrong credentials get the same answer for an unknown
   * user; after LOGIN_ATTEMPTS failures in 15 minutes the username is refused until the window ends,
   * even with the right password, so guessing is throttled without telling the guesser anything.
   */
  async login(username: string, password: string): Promise<LoginOutcome> {
    const key = username.trim().toLowerCase().slice(0, 200);
    const counted = await this.failures.get(key);
    if (counted && counted.consumedPoints >= LOGIN_ATTEMPTS) {
      return { ok: false, code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: Math.ceil(counted.msBeforeNext / 1000) };
    }
    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
      .andWhere('u.disabled_at IS NULL')
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
    if (!user || !ok) {
      await this.failures.penalty(key, 1);
      return { ok: false, code: 'INVALID_CREDENTIALS' };
    }
    await this.failures.delete(key);
    const session = await signSessionToken(this.keys, this.callerOf(user), this.sessionTtl);
    return { ok: true, ...session, user };
  }

  async create(input: NewUser, actorId: string | null = null): Promise<User> {
    if (!/^[A-Za-z0-9._-]{3,64}$/.test(input.username)) {
      throw new UserInputError('username must be 3–64 letters, digits, dots, dashes or underscores', 'username');
    }
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw new UserInputError(`password must be at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
    }
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
