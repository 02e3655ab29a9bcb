import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementCounter } from '../src/core/db/query-counter.js';
import { makeSchool, makeStudents, makeUser } from './support/factories.js';
import { startProduct } from './support/product.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const NESTED = `query($first: Int) {
  students(first: $first) {
    totalCount
    nodes { id name school { id name openProblemCount region { code name parent { name } } } problems { id } }
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
    for (const region of ['330102', '330105', '330106', '330203', '330205']) {
      for (let i = 0; i < 3; i++) await makeStudents(app, await makeSchool(app, region), 10);
    }
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
});
