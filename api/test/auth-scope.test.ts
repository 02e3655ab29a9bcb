import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSchool, makeStudents, makeUser, PASSWORD } from './support/factories.js';
import { errorCodes, startProduct, type GraphQLResponse } from './support/product.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const STUDENTS = `query($schoolId: ID) {
  students(filter: { schoolId: $schoolId }, first: 100) {
    totalCount
    nodes { id name idNumberMasked school { id name region { code name parent { code } } } }
  }
}`;

describe('authentication and scope through the gateway', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let schoolA: Awaited<ReturnType<typeof makeSchool>>;
  let schoolB: Awaited<ReturnType<typeof makeSchool>>;
  let schoolC: Awaited<ReturnType<typeof makeSchool>>;
  let studentsA: string[];
  let studentsB: string[];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    app = await createTestApp();
    schoolA = await makeSchool(app, '330102');
    schoolB = await makeSchool(app, '330102');
    schoolC = await makeSchool(app, '330203');
    studentsA = await makeStudents(app, schoolA, 5);
    studentsB = await makeStudents(app, schoolB, 3);
    await makeStudents(app, schoolC, 4);
    const users = {
      regA: await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolA.id }),
      regB: await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolB.id }),
      district: await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330102' }),
      city: await makeUser(app, 'CITY_ADMIN', { regionCode: '330200' }),
      admin: await makeUser(app, 'SYSTEM_ADMIN'),
    };
    product = await startProduct(app);
    for (const [key, user] of Object.entries(users)) tokens[key] = await product.login(user.username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  it('logs in with the right password only, without saying which part was wrong', async () => {
    const wrong = await product.gql(`mutation { login(username: "nobody", password: "x") { token error { code message } } }`);
    expect(wrong.data).toEqual({ login: { token: null, error: { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password.' } } });
    const me = await product.gql(`{ me { role school { id } } }`, {}, tokens.regA);
    expect(me.data).toEqual({ me: { role: 'SCHOOL_REGISTRAR', school: { id: schoolA.id } } });
  });

  it('throttles guessing: after 10 failures a username is refused even with the right password, for every process', async () => {
    const user = await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolA.id });
    const attempt = async (password: string) =>
      (await product.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token error { code message } } }`, { u: user.username, p: password })).data.login;
    for (let i = 0; i < 9; i++) expect((await attempt(`guess-${i}`)).error.code).toBe('INVALID_CREDENTIALS');
    // A success resets the count.
    expect((await attempt(PASSWORD)).token).toEqual(expect.any(String));
    for (let i = 0; i < 10; i++) expect((await attempt(`guess-${i}`)).error.code).toBe('INVALID_CREDENTIALS');
    const blocked = await attempt(PASSWORD);
    expect(blocked).toEqual({ token: null, error: { code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/Try again in 15 minutes/) } });
    // The count lives in the database, shared by every API process, and it expires. The refused
    // attempt counts too: every attempt takes its point before the password is looked at.
    const [row] = (await app.db.dataSource.query(`SELECT points, expire FROM login_failures WHERE key = $1`, [`login:${user.username}`])) as { points: number; expire: string }[];
    expect(row!.points).toBe(11);
    await app.db.dataSource.query(`UPDATE login_failures SET expire = 0 WHERE key = $1`, [`login:${user.username}`]);
    expect((await attempt(PASSWORD)).token).toEqual(expect.any(String));
  });

  it('answers UNAUTHENTICATED, never data, without a valid session', async () => {
    const anonymous = await product.gql(STUDENTS);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.data ?? null).toBeNull();

    const forged = await new SignJWT({ role: 'SYSTEM_ADMIN', usr: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('1')
      .setIssuer('pss')
      .setAudience('pss:session')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-secret-not-the-secret-not-the-secret'));
    for (const header of [forged, 'garbage', `${tokens.regA}x`]) {
      const response = await product.gql(STUDENTS, {}, header);
      expect(response.status).toBe(401);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.data ?? null).toBeNull();
    }
  });

  it('shows the schema to signed-in users only', async () => {
    const introspection = `{ __schema { queryType { name } } }`;
    expect(errorCodes(await product.gql(introspection))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await product.gql(`{ a: __type(name: "Student") { name } }`))).toEqual(['UNAUTHENTICATED']);
    expect((await product.gql(introspection, {}, tokens.regA)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it("gives a registrar its own school's students with school and region", async () => {
    const own = await product.gql(STUDENTS, { schoolId: schoolA.id }, tokens.regA);
    expect(own.errors).toBeUndefined();
    expect(own.data.students.totalCount).toBe(5);
    expect(own.data.students.nodes.map((n: { id: string }) => n.id).sort()).toEqual([...studentsA].sort());
    expect(own.data.students.nodes[0].school).toMatchObject({ id: schoolA.id, region: { code: '330102', name: '上城区', parent: { code: '330100' } } });

    const unfiltered = await product.gql(STUDENTS, {}, tokens.regA);
    expect(unfiltered.data.students.totalCount).toBe(5);
  });

  it("answers another school's students, record and school like missing ones (NOT_FOUND)", async () => {
    const list = await product.gql(STUDENTS, { schoolId: schoolA.id }, tokens.regB);
    expect(errorCodes(list)).toEqual(['NOT_FOUND']);
    expect(list.data ?? null).toBeNull();

    const one = await product.gql(`query($id: ID!) { student(id: $id) { name idNumber } }`, { id: studentsA[0] }, tokens.regB);
    expect(errorCodes(one)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(one)).not.toContain('idNumber"');

    const school = await product.gql(`query($id: ID!) { school(id: $id) { name } }`, { id: schoolA.id }, tokens.regB);
    expect(errorCodes(school)).toEqual(['NOT_FOUND']);
  });

  it('gives district and city staff their region subtree only', async () => {
    const district = await product.gql(STUDENTS, {}, tokens.district);
    expect(district.data.students.totalCount).toBe(8);
    expect(errorCodes(await product.gql(STUDENTS, { schoolId: schoolC.id }, tokens.district))).toEqual(['NOT_FOUND']);

    const city = await product.gql(STUDENTS, {}, tokens.city);
    expect(city.data.students.totalCount).toBe(4);
    const schools = await product.gql(`{ schools { totalCount nodes { id } } }`, {}, tokens.city);
    expect(schools.data.schools).toEqual({ totalCount: 1, nodes: [{ id: schoolC.id }] });

    const admin = await product.gql(STUDENTS, {}, tokens.admin);
    expect(admin.data.students.totalCount).toBe(12);
  });

  it('scopes fields added by other subgraphs too', async () => {
    const query = `query($id: ID!) { school(id: $id) { openProblemCount } }`;
    expect((await product.gql(query, { id: schoolB.id }, tokens.regB)).data).toEqual({ school: { openProblemCount: 0 } });
    const stats = await product.gql(`{ problemStats(groupBy: [TYPE]) { type count } }`, {}, tokens.regB);
    expect(stats.errors).toBeUndefined();
    expect(errorCodes(await product.gql(`{ problemStats { count } }`))).toEqual(['UNAUTHENTICATED']);
    expect(studentsB).toHaveLength(3);
  });

  it('pages with cursors', async () => {
    const page = `query($after: String) { students(first: 2, after: $after) { totalCount nodes { id } pageInfo { endCursor hasNextPage } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response: GraphQLResponse = await product.gql(page, { after }, tokens.regA);
      const { nodes, pageInfo, totalCount } = response.data.students;
      expect(totalCount).toBe(5);
      seen.push(...nodes.map((n: { id: string }) => n.id));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual([...studentsA].sort((a, b) => Number(a) - Number(b)));
    expect(errorCodes(await product.gql(page, { after: 'not-a-cursor' }, tokens.regA))).toEqual(['BAD_USER_INPUT']);

    // Backward from the end with last/before gives the same records, and the edges carry the cursors.
    const back = `query($before: String) { students(last: 2, before: $before) { edges { cursor node { id } } pageInfo { startCursor hasPreviousPage } } }`;
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const response: GraphQLResponse = await product.gql(back, { before }, tokens.regA);
      const { edges, pageInfo } = response.data.students;
      backward.unshift(...edges.map((e: { node: { id: string } }) => e.node.id));
      expect(pageInfo.startCursor).toBe(edges[0]?.cursor ?? null);
      if (!pageInfo.hasPreviousPage) break;
      before = pageInfo.startCursor;
    }
    expect(backward).toEqual(seen);
  });
});
