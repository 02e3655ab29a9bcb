import { residentIdCheckChar } from '../../api/src/registry/student/id-number.js';
import { startScenario, step } from './support.js';

/**
 * `pnpm scenario:transfer`: a pupil moves between two districts of 杭州, through the gateway on a
 * new embedded database, twice. First a 转入申请: the new school (上城区) asks the old one (西湖区)
 * for the pupil by ID number and name, the old school confirms, and both districts approve. Then a
 * transfer inside a duplicate: the new school imported a pupil the old school still has, asks for
 * the transfer inside the problem, the old school does not answer in time, and the city's
 * reviewer decides. Prints each transfer's history, the records and the problem's history.
 */
const { app, gql, addSchools, signIn, importCsv, close } = await startScenario();

const OLD = '1330106001';
const NEW = '1330102001';
const TRANSFER = `id status pupilName approvalsNeeded approved version steps fromSchool { name } toSchool { name }
  history { type occurredAt actorName reason }`;

function idNumber(first17: string) {
  return first17 + residentIdCheckChar(first17);
}

function printTransfer(transfer: { status: string; pupilName: string; fromSchool: { name: string }; toSchool: { name: string }; history: { type: string; occurredAt: string; actorName: string | null; reason: string | null }[] }) {
  console.log(`  ${transfer.pupilName}: ${transfer.fromSchool.name} → ${transfer.toSchool.name}, ${transfer.status}`);
  for (const e of transfer.history) {
    console.log(`    ${new Date(e.occurredAt).toISOString().slice(11, 19)}  ${e.type.padEnd(20)} ${(e.actorName ?? 'system').padEnd(12)} ${e.reason ?? ''}`);
  }
}

try {
  await addSchools([
    [OLD, '杭州市西湖区学军小学', '330106'],
    [NEW, '杭州市上城区胜利小学', '330102'],
  ]);
  const t = await signIn([
    ['reg.old', 'SCHOOL_REGISTRAR', { schoolCode: OLD }],
    ['reg.new', 'SCHOOL_REGISTRAR', { schoolCode: NEW }],
    ['district.xh', 'DISTRICT_ADMIN', { regionCode: '330106' }],
    ['district.sc', 'DISTRICT_ADMIN', { regionCode: '330102' }],
    ['review.hz', 'DISTRICT_ADMIN', { regionCode: '330100' }],
  ]);
  const lin = idNumber('33010620140315003');
  const zhou = idNumber('33010620150601002');
  step('The old school (西湖区) has two pupils who will move to 上城区.');
  await importCsv(t['reg.old']!, OLD, `姓名,性别,出生日期,身份证件号\n林小雨,男,2014-03-15,${lin}\n周一诺,女,2015-06-01,${zhou}\n`);

  step('转入申请: the new school asks for 林小雨 by ID number and name.');
  const asked = await gql(`mutation($i: RequestTransferInInput!) { requestTransferIn(input: $i) { ok transferId error { code } } }`,
    { i: { fromSchoolCode: OLD, idNumber: lin, name: '林小雨', note: '随父母工作调动转入我校' } }, t['reg.new']);
  const transferId = asked.requestTransferIn.transferId as string;
  const read = async (token: string) => (await gql(`query { transfers { ${TRANSFER} } }`, {}, token)).transfers.find((x: { id: string }) => x.id === transferId);
  let seen = await read(t['reg.old']!);
  console.log(`  the old school sees it, ${seen.status}; needs approval of districts ${seen.approvalsNeeded.join(', ')}; may ${seen.steps.join(', ')}`);

  step('The old school confirms; then 上城区 and 西湖区 approve.');
  await gql(`mutation($i: AnswerTransferInput!) { answerTransfer(input: $i) { ok } }`, { i: { transferId, version: seen.version, accept: true, reason: '家长已办理离校手续' } }, t['reg.old']);
  for (const district of ['district.sc', 'district.xh']) {
    seen = await read(t[district]!);
    await gql(`mutation($i: ApproveTransferInput!) { approveTransfer(input: $i) { ok } }`, { i: { transferId, version: seen.version, approve: true } }, t[district]);
    console.log(`  ${district} approved`);
  }
  printTransfer(await read(t['reg.new']!));
  const records = await gql(`{ students(filter: { search: "林小雨" }) { nodes { id status transferredTo school { name } } } }`, {}, t['review.hz']);
  for (const r of records.students.nodes) console.log(`  record ${r.id} at ${r.school.name}: ${r.status}${r.transferredTo ? ` → continued by record ${r.transferredTo}` : ''}`);

  step('The new school imports 周一诺 before asking: a cross-school DUPLICATE_ID opens; it asks for the transfer inside the problem.');
  await importCsv(t['reg.new']!, NEW, `姓名,性别,出生日期,身份证件号\n周一诺,女,2015-06-01,${zhou}\n`);
  const [problem] = (await gql(`{ problems(filter: { type: DUPLICATE_ID, status: OPEN }) { nodes { id version members { studentId inMyScope } } } }`, {}, t['reg.new'])).problems.nodes;
  const ours = problem.members.find((m: { inMyScope: boolean }) => m.inMyScope).studentId;
  const theirs = problem.members.find((m: { inMyScope: boolean }) => !m.inMyScope).studentId;
  const inProblem = await gql(`mutation($i: RequestTransferInput!) { requestTransfer(input: $i) { transferId } }`,
    { i: { problemId: problem.id, version: problem.version, fromStudentId: theirs, toStudentId: ours, note: '该生已在我校报到' } }, t['reg.new']);
  const problemTransfer = inProblem.requestTransfer.transferId as string;

  step('The old school does not answer. Past the deadline (TRANSFER_ANSWER_DAYS), the city’s reviewer over both districts decides.');
  const overdue = await gql(`query($p: ID) { transfers(filter: { problemId: $p }) { id version overdue steps } }`, { p: problem.id }, t['review.hz']);
  console.log(`  before the deadline the reviewer may: ${overdue.transfers[0].steps.join(', ') || 'nothing yet'}`);
  // Ten days are not waited for here: the request's deadline is moved into the past instead.
  await app.db.dataSource.query(`UPDATE transfers SET due_at = now() - interval '1 second' WHERE id = $1`, [problemTransfer]);
  const due = (await gql(`query($p: ID) { transfers(filter: { problemId: $p }) { id version overdue steps } }`, { p: problem.id }, t['review.hz'])).transfers[0];
  console.log(`  after it: overdue ${due.overdue}, may ${due.steps.join(', ')}`);
  await gql(`mutation($i: AnswerTransferInput!) { answerTransfer(input: $i) { ok } }`, { i: { transferId: problemTransfer, version: due.version, accept: true, reason: '学校逾期未答复，经核实学生已在上城区就读' } }, t['review.hz']);

  step('The problem’s history');
  const done = (await gql(`query($id: ID!) { problem(id: $id) { status closedBy history { type occurredAt actorName } } }`, { id: problem.id }, t['review.hz'])).problem;
  console.log(`  ${done.status}, closed by ${done.closedBy}`);
  for (const e of done.history) console.log(`    ${new Date(e.occurredAt).toISOString().slice(11, 19)}  ${e.type.padEnd(28)} ${e.actorName ?? 'system'}`);

  step('Transfer statistics for 杭州');
  const stats = (await gql(`{ transferStats(regionCode: "330100") { requested completed medianDaysToComplete byRegionPair { fromRegionCode toRegionCode completed } } }`, {}, t['review.hz'])).transferStats;
  console.log(`  ${JSON.stringify(stats)}`);
} finally {
  await close();
}
