import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, migrate, type App } from '../src/app.js';
import { parseConfig } from '../src/core/config.js';
import { shutdown, startAllInOne, type Running } from '../src/server/start.js';
import { makeSchool, makeUser } from './support/factories.js';
import { canRunPrivatePostgres, startPrivatePostgres } from './support/private-postgres.js';
import { TEST_SECRETS } from './support/test-app.js';

/** The database goes away under a running API and comes back: the API says so, never hangs, and recovers by itself. */
describe.runIf(canRunPrivatePostgres)('PostgreSQL restarts while the API runs', () => {
  let postgres: Awaited<ReturnType<typeof startPrivatePostgres>>;
  let app: App;
  let running: Running;
  let token = '';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pss-restart-'));

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    app = await createApp(parseConfig({ DATABASE_URL: postgres.url, DATA_DIR: dataDir, ...TEST_SECRETS, LOG_LEVEL: 'silent' }));
    await migrate(app);
    const school = await makeSchool(app, '330102');
    running = await startAllInOne(app, '127.0.0.1', 0);
    const user = await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: school.id });
    const login = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation($u: String!) { login(username: $u, password: "test-password") { token } }`, variables: { u: user.username } }),
    });
    token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    await app?.close();
    postgres?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const timed = async <T>(work: () => Promise<T>) => {
    const started = performance.now();
    const value = await work();
    return { value, ms: performance.now() - started };
  };
  const students = () =>
    fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ students { totalCount } }' }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { data?: unknown; errors?: { extensions?: { code?: string }; message: string }[] } }));

  it('reports unhealthy at once, answers requests with an error instead of hanging, and recovers when the database is back', async () => {
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect((await students()).body.errors).toBeUndefined();

    postgres.stop();
    const health = await timed(() => fetch(`${running.url}/healthz`));
    expect(health.value.status).toBe(503);
    expect(health.ms).toBeLessThan(3_000);
    expect((await fetch(`${running.url}/readyz`)).status).toBe(503);
    const during = await timed(students);
    expect(during.ms).toBeLessThan(35_000);
    expect(during.value.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    // Masked: no connection string, host or driver message reaches the client.
    expect(JSON.stringify(during.value.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);

    postgres.start();
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i++) {
      recovered = (await fetch(`${running.url}/healthz`)).status === 200;
      if (!recovered) await new Promise((r) => setTimeout(r, 200));
    }
    expect(recovered).toBe(true);
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    expect((await students()).body).toEqual({ data: { students: { totalCount: 0 } } });
  });

  it('drains on shutdown: not ready any more, and a request in flight still completes', async () => {
    // Hold the students table so the request is still running when shutdown begins.
    const blocker = app.db.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE students IN ACCESS EXCLUSIVE MODE');
    const inFlight = students();
    await new Promise((r) => setTimeout(r, 300));
    const closing = shutdown(app, running, 10_000);
    expect((await fetch(`${running.url}/readyz`).then((r) => r.status, () => 'refused'))).not.toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    await blocker.commitTransaction();
    await blocker.release();
    expect((await inFlight).body).toEqual({ data: { students: { totalCount: 0 } } });
    await closing;
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });
});
