import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp, migrate } from '../../api/src/app.js';
import { SYSTEM } from '../../api/src/core/db/row-scope.js';
import { parseConfig } from '../../api/src/core/config.js';
import { residentIdCheckChar } from '../../api/src/registry/student/id-number.js';
import { startAllInOne } from '../../api/src/server/start.js';

/**
 * `pnpm scenario:negotiate`: story 1 of DESIGN.md through the gateway, on a new embedded database.
 * Two registrars of schools in different districts find the same pupil in both, negotiate, fail to
 * agree, escalate, and the reviewer over both districts decides. Prints the problem's history.
 */
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
const step = (text: string) => console.log(`\n▶ ${text}`);

try {
  for (const [code, name, region] of [['1330106001', '杭州市西湖区学军小学', '330106'], ['1330102001', '杭州市上城区胜利小学', '330102']]) {
    await app.db.dataSource.query(`INSERT INTO schools (code, name, region_code) VALUES ($1, $2, $3)`, [code, name, region]);
  }
  const users = [
    ['reg.a', 'SCHOOL_REGISTRAR', { schoolCode: '1330106001' }],
    ['reg.b', 'SCHOOL_REGISTRAR', { schoolCode: '1330102001' }],
    ['review.hz', 'DISTRICT_ADMIN', { regionCode: '330100' }],
  ] as const;
  for (const [username, role, scope] of users) await app.services.users.create({ username, password: 'scenario-pass', role, displayName: username, ...scope });
  const login = async (username: string) => (await gql(`mutation($u: String!) { login(username: $u, password: "scenario-pass") { token } }`, { u: username })).login.token as string;
  const [a, b, reviewer] = [await login('reg.a'), await login('reg.b'), await login('review.hz')];

  step('Both schools import their templates; the same pupil is in both.');
  const first17 = '33010620140315003';
  const id = first17 + residentIdCheckChar(first17);
  for (const [token, schoolCode] of [[a, '1330106001'], [b, '1330102001']] as const) {
    const csv = `姓名,性别,出生日期,身份证件号\n林小雨,男,2014-03-15,${id}\n`;
    const upload = (await (await fetch(`${running.url}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-file-name': 'students.csv' }, body: csv })).json()) as { uploadId: string };
    const schoolId = ((await app.db.dataSource.query(`SELECT id::text FROM schools WHERE code = $1`, [schoolCode])) as { id: string }[])[0]!.id;
    const job = (await gql(`mutation($i: ImportStudentsInput!) { importStudents(input: $i) { id } }`, { i: { uploadId: upload.uploadId, schoolId } }, token)).importStudents.id;
    for (;;) {
      const state = (await gql(`query($id: ID!) { importJob(id: $id) { status result { message } } }`, { id: job }, token)).importJob;
      if (state.status !== 'RUNNING') {
        console.log(`  ${schoolCode}: ${state.result.message}`);
        break;
      }
      await sleep(50);
    }
  }

  const problemQuery = `{ problems(filter: { waitingForMe: true }) { nodes { id type scope status version members { studentId name idNumberMasked inMyScope school { name } } } } }`;
  const [problem] = (await gql(problemQuery, {}, a)).problems.nodes;
  console.log(`  school A sees problem ${problem.id}: ${problem.type} ${problem.scope}`);
  for (const m of problem.members) console.log(`    ${m.school.name}: ${m.name} ${m.idNumberMasked}${m.inMyScope ? ' (ours)' : ''}`);
  const ours = problem.members.find((m: { inMyScope: boolean }) => m.inMyScope).studentId;
  const theirs = problem.members.find((m: { inMyScope: boolean }) => !m.inMyScope).studentId;

  step('School A proposes: the pupil studies here; school B should delete its record.');
  const proposal = await gql(`mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }`, { i: { problemId: problem.id, body: '该生在我校就读，请贵校删除学籍（不在本校就读）。', proposal: 'KEEP_ONE', keepStudentId: ours } }, a);

  step('School B rejects: the pupil still attends its classes.');
  await gql(`mutation($i: AnswerProposalInput!) { answerProposal(input: $i) { ok } }`, { i: { messageId: proposal.postMessage.id, accept: false, reason: '该生仍在我校上课，有考勤记录。' } }, b);

  step('School A escalates the disagreement to the district.');
  let version = (await gql(`query($id: ID!) { problem(id: $id) { version } }`, { id: problem.id }, a)).problem.version;
  await gql(`mutation($i: EscalateInput!) { escalateProblem(input: $i) { ok } }`, { i: { problemId: problem.id, version, reason: '双方均称学生在本校就读。' } }, a);

  step('The reviewer over both districts decides: school A keeps the record, school B deletes its copy.');
  version = (await gql(`query($id: ID!) { problem(id: $id) { version } }`, { id: problem.id }, reviewer)).problem.version;
  const decided = await gql(
    `mutation($i: DecisionInput!) { decideProblem(input: $i) { ok problemStatus } }`,
    { i: { problemId: problem.id, version, keepStudentIds: [ours], deletions: [{ studentId: theirs, reason: 'NOT_STUDYING_HERE' }], note: '经公安核查，学生在学军小学就读。' } },
    reviewer,
  );
  console.log(`  final status: ${decided.decideProblem.problemStatus}`);

  step('History');
  const { history } = (await gql(`query($id: ID!) { problem(id: $id) { history { type occurredAt actorName data } } }`, { id: problem.id }, reviewer)).problem;
  for (const event of history) {
    console.log(`  ${new Date(event.occurredAt).toISOString().slice(11, 19)}  ${event.type.padEnd(22)} ${(event.actorName ?? 'system').padEnd(10)} ${JSON.stringify(event.data)}`);
  }
} finally {
  await running.close();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
