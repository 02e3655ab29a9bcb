import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp, migrate } from '../../api/src/app.js';
import { parseConfig } from '../../api/src/core/config.js';
import { SYSTEM } from '../../api/src/core/db/row-scope.js';
import { startAllInOne } from '../../api/src/server/start.js';

export const SCENARIO_PASSWORD = 'scenario-pass';

/**
 * The product on a new in-memory embedded database, served on a free port, for a scenario that
 * plays a story through the gateway as its users would, and prints what they see.
 */
export async function startScenario() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pss-scenario-'));
  const app = await createApp(parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }), { inMemory: true, unscoped: SYSTEM });
  await migrate(app);
  const running = await startAllInOne(app, '127.0.0.1', 0);

  async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data;
  }

  async function addSchools(schools: readonly (readonly [code: string, name: string, region: string])[]) {
    for (const [code, name, region] of schools) await app.db.dataSource.query(`INSERT INTO schools (code, name, region_code) VALUES ($1, $2, $3)`, [code, name, region]);
  }

  /** Creates the users and signs each in; returns their tokens by username. */
  async function signIn(users: readonly (readonly [username: string, role: any, scope: { schoolCode?: string; regionCode?: string }])[]) {
    const tokens: Record<string, string> = {};
    for (const [username, role, scope] of users) {
      await app.services.users.create({ username, password: SCENARIO_PASSWORD, role, displayName: username, ...scope });
      tokens[username] = (await gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: SCENARIO_PASSWORD })).login.token;
    }
    return tokens;
  }

  /** A school's registrar uploads a CSV template and imports it; prints the result. */
  async function importCsv(token: string, schoolCode: string, csv: string) {
    const upload = (await (await fetch(`${running.url}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-file-name': 'students.csv' }, body: csv })).json()) as { uploadId: string };
    const schoolId = ((await app.db.dataSource.query(`SELECT id::text FROM schools WHERE code = $1`, [schoolCode])) as { id: string }[])[0]!.id;
    const job = (await gql(`mutation($i: ImportStudentsInput!) { importStudents(input: $i) { id } }`, { i: { uploadId: upload.uploadId, schoolId } }, token)).importStudents.id;
    for (;;) {
      const state = (await gql(`query($id: ID!) { importJob(id: $id) { status result { message } } }`, { id: job }, token)).importJob;
      if (state.status !== 'RUNNING') {
        console.log(`  ${schoolCode}: ${state.result.message}`);
        return;
      }
      await sleep(50);
    }
  }

  async function close() {
    await running.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  return { app, gql, addSchools, signIn, importCsv, close };
}

export const step = (text: string) => console.log(`\n▶ ${text}`);
