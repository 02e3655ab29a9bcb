import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, startSubgraph, type Running } from '../src/server/start.js';
import { makeSchool, makeStudents, makeUser, PASSWORD } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The same code run as separate servers: three subgraphs on their own ports and a gateway calling
 * them over HTTP (in one test process here; `pnpm start --subgraph NAME --port N` does the same).
 */
describe('gateway and subgraphs as separate servers', () => {
  let app: TestApp;
  const running: Running[] = [];
  let gateway: Running;

  beforeAll(async () => {
    app = await createTestApp();
    const school = await makeSchool(app, '330106');
    await makeStudents(app, school, 3);
    await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330106' });
    const urls = new Map<string, string>();
    for (const name of ['registry', 'problems', 'reports']) {
      const subgraph = await startSubgraph(app, name, '127.0.0.1', 0);
      running.push(subgraph);
      urls.set(name, `${subgraph.url}/graphql`);
    }
    gateway = await startGateway(app, urls, '127.0.0.1', 0);
    running.push(gateway);
  });
  afterAll(async () => {
    for (const r of running) await r.close();
    await app?.dispose();
  });

  const post = (url: string, body: object, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('answers a query that spans subgraphs', async () => {
    const username = ((await app.db.dataSource.query(`SELECT username FROM users`)) as { username: string }[])[0]!.username;
    const login = (await (await post(`${gateway.url}/graphql`, { query: `mutation { login(username: "${username}", password: "${PASSWORD}") { token } }` })).json()) as {
      data: { login: { token: string } };
    };
    const response = (await (
      await post(
        `${gateway.url}/graphql`,
        { query: `{ students { totalCount nodes { name problems { id } school { name openProblemCount region { name } } } } }` },
        { authorization: `Bearer ${login.data.login.token}` },
      )
    ).json()) as { data: { students: { totalCount: number; nodes: { school: { openProblemCount: number; region: { name: string } } }[] } } };
    expect(response.data.students.totalCount).toBe(3);
    expect(response.data.students.nodes[0]!.school).toMatchObject({ openProblemCount: 0, region: { name: '西湖区' } });
  });

  it('refuses a subgraph request that did not come through the gateway', async () => {
    const entities = { query: `{ _entities(representations: [{ __typename: "Student", id: "1" }]) { ... on Student { name } } }` };
    const attempts: Record<string, string>[] = [{}, { 'x-pss-caller': 'forged' }];
    for (const headers of attempts) {
      const response = await post(running[0]!.url + '/graphql', entities, headers);
      expect(response.status).toBe(401);
      const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
      expect(body.data ?? null).toBeNull();
    }
  });

  it('serves /healthz', async () => {
    const response = await fetch(`${gateway.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});
