import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/core/config.js';
import { parseSubgraphUrls, replicaUrls } from '../src/gateway/gateway.js';
import { startGateway, startSubgraph, type Running } from '../src/server/start.js';
import { makeSchool, makeStudents, makeUser, PASSWORD } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('--subgraph-url with replicas', () => {
  it('reads NAME=URL and NAME=URL,URL,… and adds the URLs of a name given twice', () => {
    const urls = parseSubgraphUrls([
      'registry=http://127.0.0.1:4001/graphql',
      'problems=http://127.0.0.1:4002/graphql, http://127.0.0.1:4012/graphql',
      'problems=http://127.0.0.1:4022/graphql?x=1',
    ]);
    expect(Object.fromEntries(urls)).toEqual({
      registry: 'http://127.0.0.1:4001/graphql',
      problems: 'http://127.0.0.1:4002/graphql,http://127.0.0.1:4012/graphql,http://127.0.0.1:4022/graphql?x=1',
    });
    expect(replicaUrls(urls.get('problems')!)).toHaveLength(3);
  });

  it('refuses a pair without a name or a URL, and a URL that is not http(s)', () => {
    for (const bad of ['problems', '=http://a', 'problems=', 'problems=,', 'problems=localhost:4002', 'problems=ftp://a/graphql']) {
      expect(() => parseSubgraphUrls([bad]), bad).toThrow(ConfigError);
    }
  });
});

/** Two replicas of every subgraph behind one gateway: the calls go to each replica in turn. */
describe('gateway with two replicas of each subgraph', () => {
  let app: TestApp;
  const running: Running[] = [];
  const hits = new Map<string, number>();
  let gateway: Running;

  beforeAll(async () => {
    app = await createTestApp();
    const school = await makeSchool(app, '330106');
    await makeStudents(app, school, 3);
    await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330106' });
    const pairs: string[] = [];
    for (const name of ['registry', 'problems', 'reports']) {
      const replicas: string[] = [];
      for (let i = 0; i < 2; i++) {
        const subgraph = await startSubgraph(app, name, '127.0.0.1', 0);
        const key = `${name}#${i}`;
        hits.set(key, 0);
        subgraph.server.on('request', () => hits.set(key, hits.get(key)! + 1));
        running.push(subgraph);
        replicas.push(`${subgraph.url}/graphql`);
      }
      pairs.push(`${name}=${replicas.join(',')}`);
    }
    gateway = await startGateway(app, parseSubgraphUrls(pairs), '127.0.0.1', 0);
    running.push(gateway);
  });
  afterAll(async () => {
    for (const r of running) await r.close();
    await app?.dispose();
  });

  const gql = async (query: string, token?: string) => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  };

  it('answers every request and spreads each subgraph’s calls evenly over its replicas', async () => {
    const username = ((await app.db.dataSource.query(`SELECT username FROM users`)) as { username: string }[])[0]!.username;
    const login = await gql(`mutation { login(username: "${username}", password: "${PASSWORD}") { token } }`);
    const token = login.data.login.token as string;
    for (const key of hits.keys()) hits.set(key, 0);
    // Per request: one call to registry (students), two to problems (Student.problems, School.openProblemCount).
    for (let i = 0; i < 6; i++) {
      const response = await gql(`{ students { totalCount nodes { problems { id } school { name openProblemCount } } } }`, token);
      expect(response.errors).toBeUndefined();
      expect(response.data.students.totalCount).toBe(3);
    }
    expect(Object.fromEntries(hits)).toEqual({ 'registry#0': 3, 'registry#1': 3, 'problems#0': 6, 'problems#1': 6, 'reports#0': 0, 'reports#1': 0 });
  });
});
