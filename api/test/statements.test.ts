import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementCounter } from '../src/core/db/query-counter.js';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { makeSchool, makeStudents, makeUser } from './support/factories.js';
import { startProduct } from './support/product.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const NESTED = `query($first: Int) {
  students(first: $first) {
    totalCount
    nodes { id name school { id name openProblemCount region { code name parent { name } } } problems { id } }
  }
}`;

const PROBLEM_PAGE = `query($first: Int) {
  problems(first: $first) {
    totalCount
    nodes { id status members { studentId name idNumberMasked corroborated school { id name region { code name parent { name } } } } formerMembers { studentId } }
  }
}`;

/** DataLoader keeps a nested page at a fixed number of SQL statements, whatever its size. */
describe('SQL statements per request', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let token: string;

  beforeAll(async () => {
    app = await createTestApp();
    // Students spread over several schools in several districts, so the joins have real fan-out.
    const schools: Awaited<ReturnType<typeof makeSchool>>[] = [];
    for (const region of ['330102', '330105', '330106', '330203', '330205']) {
      for (let i = 0; i < 3; i++) {
        const school = await makeSchool(app, region);
        schools.push(school);
        await makeStudents(app, school, 10);
      }
    }
    // Problems with one, two and three schools: the same ID number twice or three times.
    await app.db.dataSource.transaction(async (m) => {
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const idNumber = validId('330102', '2015-03-04', 'F', 100 + i);
        const holders = [schools[i % schools.length]!, schools[(i * 7) % schools.length]!, ...(i % 3 === 0 ? [schools[(i + 5) % schools.length]!] : [])];
        const pupil = { name: `同号${i}`, gender: Gender.F, birthDate: '2015-03-04', idType: IdType.RESIDENT_ID, idNumber };
        ids.push(...(await app.services.students.insertMany(m, holders.map((school) => ({ ...pupil, schoolId: school.id })))));
      }
      await app.services.detection.detect(m, { kind: 'students', studentIds: ids });
    });
    const admin = await makeUser(app, 'SYSTEM_ADMIN');
    product = await startProduct(app);
    token = await product.login(admin.username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  async function statementsFor(first: number) {
    await product.gql(NESTED, { first }, token); // warm up (loaders are per request; this only primes plans)
    const before = statementCounter.total;
    const response = await product.gql<{ students: { nodes: unknown[] } }>(NESTED, { first }, token);
    expect(response.errors).toBeUndefined();
    return { rows: response.data!.students.nodes.length, statements: statementCounter.total - before };
  }

  it('needs the same small number of statements for 5 and for 50 students', async () => {
    const small = await statementsFor(5);
    const page = await statementsFor(50);
    expect(small.rows).toBe(5);
    expect(page.rows).toBe(50);
    // page + count, schools, regions (district), regions (city), problems, open counts
    expect(page.statements).toBeLessThanOrEqual(8);
    expect(page.statements).toBe(small.statements);
    console.info(`nested page of 50 students: ${page.statements} SQL statements`);
  });

  it('reads a page of problems with their members in two statements: the page with its members and their schools, the read log', async () => {
    await product.gql(PROBLEM_PAGE, { first: 50 }, token);
    const before = statementCounter.total;
    const page = await product.gql<{ problems: { totalCount: number; nodes: { id: string; members: unknown[]; formerMembers: unknown[] }[] } }>(PROBLEM_PAGE, { first: 50 }, token);
    const statements = statementCounter.total - before;
    expect(page.errors).toBeUndefined();
    expect(page.data!.problems.totalCount).toBe(12);
    expect(statements).toBeLessThanOrEqual(2);
    console.info(`problem list page with members: ${statements} SQL statements`);
    // Read with the page, the members are the same as a problem's own, read by its loader.
    for (const problem of page.data!.problems.nodes) {
      const one = await product.gql<{ problem: { members: unknown[]; formerMembers: unknown[] } }>(
        `query($id: ID!) { problem(id: $id) { members { studentId name idNumberMasked corroborated school { id name region { code name parent { name } } } } formerMembers { studentId } } }`,
        { id: problem.id },
        token,
      );
      expect({ id: problem.id, members: problem.members, formerMembers: problem.formerMembers }).toEqual({ id: problem.id, ...one.data!.problem });
    }
  });
});
