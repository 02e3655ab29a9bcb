import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementCounter } from '../src/core/db/query-counter.js';
import { makeSchool, makeUser } from './support/factories.js';
import { errorCodes, startProduct } from './support/product.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('GraphQL operation limits, checked before anything runs', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let token = '';
  let statementsBefore = 0;

  beforeAll(async () => {
    app = await createTestApp();
    const school = await makeSchool(app, '330102');
    product = await startProduct(app);
    token = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: school.id })).username);
    // The first request of a session checks it in the database (then at most every 30 s); the
    // statements counted below are the refused operations' own.
    await product.gql(`{ me { id } }`, {}, token);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  const refused = async (query: string, expected: RegExp) => {
    statementsBefore = statementCounter.total;
    const response = await product.gql(query, {}, token);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.message).toMatch(expected);
    // Refused before execution: not a single SQL statement ran for it.
    expect(statementCounter.total).toBe(statementsBefore);
    return errorCodes(response);
  };

  it('refuses a query nested deeper than the limit', async () => {
    const deep = `{ me { school { region { ${'parent { '.repeat(12)}code${' }'.repeat(12)} } } } }`;
    expect(await refused(deep, /depth limit of 12/)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const fine = await product.gql(`{ me { school { region { parent { parent { code } } } } } }`, {}, token);
    expect(fine.errors).toBeUndefined();
  });

  it('refuses too many aliases, too many tokens and too high a cost', async () => {
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect(await refused(aliases, /Aliases limit of 15/)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const tokens = `{ me { ${'id '.repeat(5000)} } }`;
    expect(await refused(tokens, /Token limit of 5000/)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    // A page of 100 students with school and region chain costs about 5,900 (the page size counts); four of them exceed 20,000.
    const costly = `students(first: 100) { totalCount nodes { id name idNumberMasked school { id name region { code name parent { code } } } } }`;
    const manyCostly = `{ ${Array.from({ length: 4 }, (_, i) => `c${i}: ${costly}`).join(' ')} }`;
    expect(await refused(manyCostly, /Query Cost limit of 20000/)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batch/i);
  });

  it('still answers the full introspection query to signed-in users (the explorer needs it)', async () => {
    const response = await product.gql(getIntrospectionQuery(), {}, token);
    expect(response.errors).toBeUndefined();
    expect(response.data.__schema.queryType.name).toBe('Query');
  });

  it('refuses request bodies over the size limit', async () => {
    const response = await fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
  });
});

describe('security headers', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;

  beforeAll(async () => {
    app = await createTestApp({ env: { TRUST_PROXY: 'true' } });
    product = await startProduct(app);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  it('sends a script-tight CSP, forbids framing and sniffing, and HSTS only over TLS', async () => {
    const plain = await fetch(`${product.url}/healthz`);
    const csp = plain.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
    expect(plain.headers.get('x-frame-options')).toBe('DENY');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const proxied = await fetch(`${product.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(plain.headers.get('x-powered-by')).toBeNull();
  });
});
