import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql, startProductProcess, type ProductProcess } from '../support/product-process.js';

/**
 * The quick start as a new user meets it: `pnpm start` on an empty embedded database loads the
 * demo data, prints the URL and the logins, serves GraphQL, and stops cleanly on SIGTERM.
 */
describe('pnpm start on a new machine (embedded database)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pss-start-'));
  const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  let product: ProductProcess | undefined;
  afterAll(async () => {
    await product?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, loads demo data once, answers in scope, and shuts down gracefully', async () => {
    product = await startProductProcess(env);
    const banner = product.output();
    expect(banner).toContain('demo data loaded');
    expect(banner).toMatch(/reg01\s+school registrar/);
    expect(banner).toMatch(/district\.sc\s+district admin/);
    const password = /password (\S+) for all/.exec(banner)![1]!;

    expect(await (await fetch(`${product.url}/healthz`)).json()).toEqual({ status: 'ok', database: 'embedded' });

    const login = async (username: string) =>
      (await graphql(product!.url, `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: password }))
        .data.login.token as string;
    const reg01 = await login('reg01');
    const reg02 = await login('reg02');
    const own = await graphql(product.url, `{ me { school { id } } students(first: 3) { totalCount nodes { name school { name region { name } } } } }`, {}, reg01);
    expect(own.errors).toBeUndefined();
    expect(own.data.students.totalCount).toBeGreaterThan(300);
    expect(own.data.students.nodes[0].school.region.name).toBe('上城区');

    const other = await graphql(product.url, `query($id: ID!) { students(filter: { schoolId: $id }) { totalCount } }`, { id: own.data.me.school.id }, reg02);
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(other.data ?? null).toBeNull();

    expect(await product.stop()).toBe(0);
    expect(existsSync(path.join(dataDir, 'pgdata.lock'))).toBe(false);

    // A second start finds its data and does not load the demo again.
    product = await startProductProcess(env);
    expect(product.output()).not.toContain('demo data loaded');
    const again = await graphql(product.url, `{ students(first: 1) { totalCount } }`, {}, await login('reg01'));
    expect(again.data.students.totalCount).toBe(own.data.students.totalCount);
    expect(await product.stop()).toBe(0);
    product = undefined;
  });
});
