import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeys } from '../src/core/auth/tokens.js';
import { LOGIN_ATTEMPTS } from '../src/registry/user/user.service.js';
import { makeSchool, makeUser, PASSWORD } from './support/factories.js';
import { errorCodes, startProduct } from './support/product.js';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app.js';

const ME = `{ me { username } }`;
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token error { code message } } }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token error { code field } } }`;
const RECHECK_SECONDS = 1;

describe('sessions that end', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let schoolId: string;

  beforeAll(async () => {
    // Requests rely on a session check for RECHECK_SECONDS here (30 by default), so that a change
    // made behind the product's back shows within the test.
    app = await createTestApp({ env: { SESSION_RECHECK_SECONDS: String(RECHECK_SECONDS), TRUST_PROXY: 'true', LOGIN_ATTEMPTS_PER_ADDRESS: '30' } });
    schoolId = (await makeSchool(app, '330102')).id;
    product = await startProduct(app);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  const registrar = () => makeUser(app, 'SCHOOL_REGISTRAR', { schoolId });
  const meOf = async (token: string) => {
    const answer = await product.gql(ME, {}, token);
    return answer.status === 200 ? answer.data.me.username : errorCodes(answer)[0];
  };
  const login = async (username: string, password: string, from: string) => {
    const response = await fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ query: LOGIN, variables: { u: username, p: password } }),
    });
    return ((await response.json()) as { data: { login: { token: string | null; error: { code: string; message: string } | null } } }).data.login;
  };

  it('refuses a correctly signed token without an expiry, or naming no session', async () => {
    const user = await registrar();
    const token = await product.login(user.username);
    const [session] = (await app.db.dataSource.query(`SELECT id FROM user_sessions WHERE user_id = $1`, [user.id])) as [{ id: string }];
    const key = deriveKeys(TEST_JWT_SECRET).session;
    const sign = (build: (jwt: SignJWT) => SignJWT) =>
      build(new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(user.id).setIssuer('pss').setAudience('pss:session').setIssuedAt()).sign(key);
    const forever = await sign((jwt) => jwt.setJti(session.id));
    const nobodysSession = await sign((jwt) => jwt.setJti(randomUUID()).setExpirationTime('1h'));
    const anotherUsersSession = await sign((jwt) => jwt.setJti(session.id).setExpirationTime('1h').setSubject(String(Number(user.id) + 1000)));
    expect(await meOf(token)).toBe(user.username);
    for (const forged of [forever, nobodysSession, anotherUsersSession]) {
      const answer = await product.gql(ME, {}, forged);
      expect(answer.status).toBe(401);
      expect(errorCodes(answer)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('ends the session on logout, on the server: the same token is refused afterwards, other sessions go on', async () => {
    const user = await registrar();
    const [laptop, phone] = [await product.login(user.username), await product.login(user.username)];
    expect((await product.gql(`mutation { logout { ok } }`, {}, laptop)).data).toEqual({ logout: { ok: true } });
    expect(await meOf(laptop)).toBe('UNAUTHENTICATED');
    expect(await meOf(phone)).toBe(user.username);
    const [row] = (await app.db.dataSource.query(`SELECT revoke_reason FROM user_sessions WHERE revoked_at IS NOT NULL AND user_id = $1`, [user.id])) as [{ revoke_reason: string }];
    expect(row.revoke_reason).toBe('SIGNED_OUT');
    expect(errorCodes(await product.gql(`mutation { logout { ok } }`))).toEqual(['UNAUTHENTICATED']);
  });

  it('ends every session of a user disabled in the database within the recheck time, at once through the service', async () => {
    const behindTheBack = await registrar();
    const token = await product.login(behindTheBack.username);
    expect(await meOf(token)).toBe(behindTheBack.username);
    await app.db.dataSource.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [behindTheBack.id]);
    await new Promise((resolve) => setTimeout(resolve, RECHECK_SECONDS * 1000 + 200));
    expect(await meOf(token)).toBe('UNAUTHENTICATED');

    const operated = await registrar();
    const sessions = [await product.login(operated.username), await product.login(operated.username)];
    for (const session of sessions) expect(await meOf(session)).toBe(operated.username);
    expect(await app.services.users.setDisabled(operated.username, true)).toEqual({ sessionsEnded: 2 });
    for (const session of sessions) expect(await meOf(session)).toBe('UNAUTHENTICATED');
    expect((await login(operated.username, PASSWORD, '10.0.0.1')).error?.code).toBe('INVALID_CREDENTIALS');
    await app.services.users.setDisabled(operated.username, false);
    expect((await login(operated.username, PASSWORD, '10.0.0.1')).token).toEqual(expect.any(String));
  });

  it('takes role and scope from the user as it is now, not from the token', async () => {
    const user = await registrar();
    const token = await product.login(user.username);
    const other = await makeSchool(app, '330102');
    await app.db.dataSource.query(`UPDATE users SET school_id = $2 WHERE id = $1`, [user.id, other.id]);
    await new Promise((resolve) => setTimeout(resolve, RECHECK_SECONDS * 1000 + 200));
    const me = await product.gql(`{ me { school { id } } }`, {}, token);
    expect(me.data).toEqual({ me: { school: { id: other.id } } });
  });

  it('ends every session on a password change and hands the changer a new one', async () => {
    const user = await registrar();
    const [mine, elsewhere] = [await product.login(user.username), await product.login(user.username)];
    const wrong = await product.gql(CHANGE, { c: 'not-my-password', n: 'a-new-password' }, mine);
    expect(wrong.data).toEqual({ changePassword: { token: null, error: { code: 'WRONG_PASSWORD', field: 'currentPassword' } } });
    for (const n of ['short', PASSWORD, 'x'.repeat(129)]) {
      const weak = await product.gql(CHANGE, { c: PASSWORD, n }, mine);
      expect(weak.data.changePassword.error).toEqual({ code: 'WEAK_PASSWORD', field: 'newPassword' });
    }
    // Only the wrong current password counted as an attempt: an unacceptable new one checks nothing.
    const [counted] = (await app.db.dataSource.query(`SELECT points FROM login_failures WHERE key = $1`, [`login:${user.username}`])) as [{ points: number }];
    expect(counted.points).toBe(1);
    expect(await meOf(mine)).toBe(user.username);

    const changed = await product.gql(CHANGE, { c: PASSWORD, n: 'a-new-password' }, mine);
    expect(changed.data.changePassword.error).toBeNull();
    expect(await meOf(mine)).toBe('UNAUTHENTICATED');
    expect(await meOf(elsewhere)).toBe('UNAUTHENTICATED');
    expect(await meOf(changed.data.changePassword.token)).toBe(user.username);
    expect((await login(user.username, PASSWORD, '10.0.0.2')).error?.code).toBe('INVALID_CREDENTIALS');
    expect((await login(user.username, 'a-new-password', '10.0.0.2')).token).toEqual(expect.any(String));

    // The operator's reset ends them too.
    expect((await app.services.users.resetPassword(user.username, 'reset-by-operator')).sessionsEnded).toBe(2);
    expect(await meOf(changed.data.changePassword.token)).toBe('UNAUTHENTICATED');
  });

  it('keeps ended sessions (with the address signed in from) for the retention period, then deletes them', async () => {
    const user = await registrar();
    const [open, revoked, expired] = [await product.login(user.username), await product.login(user.username), await product.login(user.username)];
    expect(open).not.toBe(revoked);
    const rows = (await app.db.dataSource.query(`SELECT id FROM user_sessions WHERE user_id = $1 ORDER BY created_at`, [user.id])) as { id: string }[];
    await app.db.dataSource.query(`UPDATE user_sessions SET revoked_at = now() - interval '200 days', revoke_reason = 'SIGNED_OUT' WHERE id = $1`, [rows[1]!.id]);
    await app.db.dataSource.query(`UPDATE user_sessions SET expires_at = now() - interval '200 days' WHERE id = $1`, [rows[2]!.id]);
    expect(await app.services.sessions.purgeEnded(183)).toBeGreaterThanOrEqual(2);
    const left = (await app.db.dataSource.query(`SELECT id FROM user_sessions WHERE user_id = $1`, [user.id])) as { id: string }[];
    expect(left.map((r) => r.id)).toEqual([rows[0]!.id]);
    expect(await meOf(open)).toBe(user.username);
    expect(await meOf(expired)).toBe('UNAUTHENTICATED');
  });

  it(`checks at most ${LOGIN_ATTEMPTS} passwords of one username however many guesses arrive at once`, async () => {
    const user = await registrar();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(user.username, `guess-${i}`, `10.1.${i}.1`)));
    const codes = answers.map((a) => a.error?.code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(LOGIN_ATTEMPTS);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBeGreaterThanOrEqual(60 - LOGIN_ATTEMPTS);
    expect(codes.every((c) => c === 'INVALID_CREDENTIALS' || c === 'TOO_MANY_ATTEMPTS')).toBe(true);
    // Even the right password now waits for the window to end.
    expect((await login(user.username, PASSWORD, '10.1.255.1')).error?.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('limits the guesses of one address across usernames, so it cannot lock every account; other addresses go on', async () => {
    const users = await Promise.all(Array.from({ length: 4 }, () => registrar()));
    const attacker = '203.0.113.9';
    // 30 attempts allowed per address here: 7 wrong guesses at each of 4 usernames stay under each
    // username's own limit, and leave the address 2.
    for (const user of users) for (let i = 0; i < 7; i++) expect((await login(user.username, `guess-${i}`, attacker)).error?.code).toBe('INVALID_CREDENTIALS');
    expect((await login(users[0]!.username, 'guess-x', attacker)).error?.code).toBe('INVALID_CREDENTIALS');
    // A success gives the address its point back, so staff behind one address are not locked out by each other.
    expect((await login(users[1]!.username, PASSWORD, attacker)).token).toEqual(expect.any(String));
    expect((await login(users[0]!.username, 'guess-y', attacker)).error?.code).toBe('INVALID_CREDENTIALS');
    const refused = await login(users[2]!.username, PASSWORD, attacker);
    expect(refused).toEqual({ token: null, error: { code: 'TOO_MANY_ATTEMPTS_FROM_ADDRESS', message: expect.stringMatching(/from your network.*15 minutes/) } });
    // The usernames themselves are not locked: their owners sign in from elsewhere.
    for (const user of users) expect((await login(user.username, PASSWORD, '198.51.100.7')).token).toEqual(expect.any(String));
  });
});
