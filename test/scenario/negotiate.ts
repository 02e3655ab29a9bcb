import { residentIdCheckChar } from '../../api/src/registry/student/id-number.js';
import { startScenario, step } from './support.js';

/**
 * `pnpm scenario:negotiate`: story 1 of DESIGN.md through the gateway, on a new embedded database.
 * Two registrars of schools in different districts find the same pupil in both, negotiate, fail to
 * agree, escalate, and the reviewer over both districts decides. Prints the problem's history.
 */
const { gql, addSchools, signIn, importCsv, close } = await startScenario();

try {
  await addSchools([['1330106001', '杭州市西湖区学军小学', '330106'], ['1330102001', '杭州市上城区胜利小学', '330102']]);
  const tokens = await signIn([
    ['reg.a', 'SCHOOL_REGISTRAR', { schoolCode: '1330106001' }],
    ['reg.b', 'SCHOOL_REGISTRAR', { schoolCode: '1330102001' }],
    ['review.hz', 'DISTRICT_ADMIN', { regionCode: '330100' }],
  ]);
  const [a, b, reviewer] = [tokens['reg.a']!, tokens['reg.b']!, tokens['review.hz']!];

  step('Both schools import their templates; the same pupil is in both.');
  const first17 = '33010620140315003';
  const id = first17 + residentIdCheckChar(first17);
  for (const [token, schoolCode] of [[a, '1330106001'], [b, '1330102001']] as const) {
    await importCsv(token, schoolCode, `姓名,性别,出生日期,身份证件号\n林小雨,男,2014-03-15,${id}\n`);
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
  await close();
}
