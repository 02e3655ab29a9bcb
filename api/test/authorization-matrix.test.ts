import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { makeSchool, makeUser } from './support/factories.js';
import { errorCodes, startProduct, type GraphQLResponse } from './support/product.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Every GraphQL operation × every role × a target inside the caller's scope ("own") and one
 * outside it ("other"), through the gateway. ALLOW means the request passed the access rules (it
 * may still be refused by a business rule, e.g. a stale version, which is how these requests are
 * built so that they change nothing); DENY means FORBIDDEN/UNAUTHENTICATED, NOT_FOUND of the target
 * (a target outside the caller's scope answers like a missing one), or for lists and statistics that
 * nothing of the target came back. The table is the specification: an operation
 * added to the schema without a row here fails the first test.
 */
type Outcome = 'ALLOW' | 'DENY';
const A: Outcome = 'ALLOW';
const D: Outcome = 'DENY';
const ROLES = ['registrar', 'district', 'city', 'province', 'system', 'anonymous'] as const;
type Role = (typeof ROLES)[number];
type Cell = readonly [own: Outcome, other: Outcome];
type Row = Record<Role, Cell>;

const scoped: Row = { registrar: [A, D], district: [A, D], city: [A, D], province: [A, D], system: [A, A], anonymous: [D, D] };
const everyoneSignedIn: Row = { registrar: [A, A], district: [A, A], city: [A, A], province: [A, A], system: [A, A], anonymous: [D, D] };
const ownSchoolOnly: Row = { registrar: [A, D], district: [D, D], city: [D, D], province: [D, D], system: [D, D], anonymous: [D, D] };
const reviewers: Row = { registrar: [D, D], district: [A, D], city: [D, D], province: [D, D], system: [A, A], anonymous: [D, D] };
const regionStaff: Row = { registrar: [D, D], district: [A, D], city: [A, D], province: [A, D], system: [A, A], anonymous: [D, D] };

const MATRIX: Record<string, Row> = {
  // Queries
  problems: scoped,
  problem: scoped,
  importJob: ownSchoolOnly,
  regions: everyoneSignedIn,
  region: everyoneSignedIn,
  schools: scoped,
  school: scoped,
  students: scoped,
  student: scoped,
  me: everyoneSignedIn,
  problemStats: scoped,
  heldImports: scoped,
  // Match counts of imports are numbers a school must not learn.
  unusualImports: regionStaff,
  savedReports: scoped,
  savedReport: scoped,
  // Mutations
  login: { registrar: [A, A], district: [A, A], city: [A, A], province: [A, A], system: [A, A], anonymous: [A, A] },
  logout: everyoneSignedIn,
  changePassword: everyoneSignedIn,
  actOnRecord: ownSchoolOnly,
  withdrawAction: ownSchoolOnly,
  bulkActOnRecords: ownSchoolOnly,
  importCopies: ownSchoolOnly,
  bulkReviewProblems: reviewers,
  reopenProblem: reviewers,
  postMessage: ownSchoolOnly,
  answerProposal: ownSchoolOnly,
  escalateProblem: ownSchoolOnly,
  reviewProblem: reviewers,
  decideProblem: reviewers,
  restoreStudent: reviewers,
  decideHeldImport: reviewers,
  importStudents: { ...ownSchoolOnly, system: [A, A] },
  transfers: scoped,
  verificationCampaigns: scoped,
  openVerificationCampaign: reviewers,
  closeVerificationCampaign: reviewers,
  confirmClass: ownSchoolOnly,
  correctRecord: ownSchoolOnly,
  // A school learns which pupils other schools say went to it; nobody else asks.
  expectedArrivals: { ...ownSchoolOnly, registrar: [A, A] },
  // District staff import the police's results for their region (the file decides which records; row security limits them).
  importPoliceResults: { registrar: [D, D], district: [A, A], city: [D, D], province: [D, D], system: [A, A], anonymous: [D, D] },
  // A school checks a pupil against the whole registry before enrolling them; nobody else does.
  checkPupil: { ...ownSchoolOnly, registrar: [A, A] },
  transferStats: scoped,
  requestTransfer: ownSchoolOnly,
  // A school asks any school for its pupil (the old school may be anywhere); nobody else asks.
  requestTransferIn: { ...ownSchoolOnly, registrar: [A, A] },
  // The old school answers; district staff decide only transfers whose schools they both oversee
  // (A and B are in different districts of 杭州, so a district admin of one does not).
  answerTransfer: { ...ownSchoolOnly, system: [A, A] },
  approveTransfer: reviewers,
  withdrawTransfer: ownSchoolOnly,
  // Staff over both records review a suggested pair; the pairs here lie within one school.
  possibleDuplicates: regionStaff,
  confirmPossibleDuplicate: regionStaff,
  dismissPossibleDuplicate: regionStaff,
  // Anyone may save a report; sharing it is for region staff, with their own region or one inside it.
  saveReport: { ...scoped, registrar: [D, D] },
  // Only the owner (here the system admin, who shared the report) deletes it.
  deleteReport: { registrar: [D, D], district: [D, D], city: [D, D], province: [D, D], system: [A, A], anonymous: [D, D] },
};

/** The one NOT_FOUND that is not about the target: importStudents and importPoliceResults are sent an upload that does not exist. */
const MISSING_UPLOAD = 'Upload was not found.';
const denied = (r: GraphQLResponse) =>
  (r.errors ?? []).some((e) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(String(e.extensions?.code)) || (e.extensions?.code === 'NOT_FOUND' && e.message !== MISSING_UPLOAD));
/** Passed the access rules: no access error, and the operation answered (data, a business refusal, or a missing upload). */
function answered(r: GraphQLResponse): Outcome {
  if (denied(r) || JSON.stringify(r.data ?? {}).includes('"SHARING_NOT_ALLOWED"')) return D;
  const unexpected = errorCodes(r).filter((c) => c !== 'NOT_FOUND');
  if (unexpected.length > 0 || (!r.data && !errorCodes(r).includes('NOT_FOUND'))) throw new Error(`unexpected answer: ${JSON.stringify(r)}`);
  return A;
}
const contains = (r: GraphQLResponse, found: (data: any) => boolean): Outcome => (denied(r) || !r.data || !found(r.data) ? D : A);

describe('authorization matrix: every operation, role and scope', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  const tokens: Partial<Record<Role, string>> = {};
  // Sign-out and password change end sessions: they run on a second session of the same user.
  const secondSession = new Map<string, () => Promise<string>>();
  // Targets inside every role's scope (school A in 330102, 杭州, 浙江) and outside all of them but the system admin's (江苏).
  const own = {} as Fixture;
  const other = {} as Fixture;
  interface Fixture {
    schoolId: string;
    regionCode: string;
    studentId: string;
    deletedStudentId: string;
    withinProblemId: string;
    crossProblemId: string;
    proposalId: string;
    jobId: string;
    holdId: string;
    /** Requested by the peer school: the target's school is the old one and answers it. */
    outgoingTransferId: string;
    /** Requested by the target's school: it may withdraw it. */
    incomingTransferId: string;
    schoolCode: string;
    /** An import of the school (no rows): the later copies of it are listed for the school only. */
    importId: string;
    /** A closed campaign over the school's district: closing it again or confirming in it is refused as data. */
    campaignId: string;
    reportId: string;
    /** A pair of the school's records already dismissed: deciding it again is refused as data. */
    suggestionId: string;
    deletableReportIds: string[];
  }
  let ops: Record<string, (target: Fixture, token?: string) => Promise<Outcome>>;
  let problemsBefore: unknown;
  let loginAttempts = 0;
  const problemStates = () => app.db.dataSource.query(`SELECT id, status, version FROM problems ORDER BY id`);

  beforeAll(async () => {
    app = await createTestApp();
    const schoolA = await makeSchool(app, '330102');
    const schoolB = await makeSchool(app, '330105');
    const schoolX = await makeSchool(app, '320102');
    const schoolY = await makeSchool(app, '320104');
    const users = {
      registrar: await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolA.id }),
      district: await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330102' }),
      city: await makeUser(app, 'CITY_ADMIN', { regionCode: '330100' }),
      province: await makeUser(app, 'PROVINCE_ADMIN', { regionCode: '330000' }),
      system: await makeUser(app, 'SYSTEM_ADMIN'),
    };
    const peers = {
      b: await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolB.id }),
      x: await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolX.id }),
      y: await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolY.id }),
    };
    product = await startProduct(app);
    for (const role of ['registrar', 'district', 'city', 'province', 'system'] as const) {
      tokens[role] = await product.login(users[role].username);
      secondSession.set(tokens[role]!, () => product.login(users[role].username));
    }

    let sequence = 0;
    const pair = async (first: { id: string; regionCode: string }, second: { id: string }) => {
      sequence += 1;
      const idNumber = validId(first.regionCode, '2015-03-0' + (sequence % 9 + 1), 'M', sequence);
      const ids = await app.db.dataSource.transaction(async (m) => {
        const inserted = await app.services.students.insertMany(m, [first, second].map((s) => ({
          schoolId: s.id, name: `学生${sequence}`, gender: Gender.M, birthDate: `2015-03-0${(sequence % 9) + 1}`, idType: IdType.RESIDENT_ID, idNumber,
        })));
        await app.services.detection.detect(m, { kind: 'students', studentIds: inserted });
        return inserted;
      });
      const [row] = (await app.db.dataSource.query(`SELECT problem_id::text AS id FROM problem_members WHERE student_id = $1`, [ids[0]])) as { id: string }[];
      return { problemId: row!.id, studentId: ids[0]!, peerStudentId: ids[1]! };
    };
    /** A transfer inside a fresh cross-school problem, asked for by `asker` (the school of `to`). */
    const transferIn = async (from: { id: string; regionCode: string }, to: { id: string }, asker: { username: string }) => {
      const cross = await pair(from, to);
      const [problem] = (await app.db.dataSource.query(`SELECT version FROM problems WHERE id = $1`, [cross.problemId])) as { version: number }[];
      const result = await product.gql(`mutation($i: RequestTransferInput!) { requestTransfer(input: $i) { transferId } }`,
        { i: { problemId: cross.problemId, version: problem!.version, fromStudentId: cross.studentId, toStudentId: cross.peerStudentId } }, await product.login(asker.username));
      return result.data.requestTransfer.transferId as string;
    };
    const fixture = async (target: Fixture, school: typeof schoolA, peerSchool: typeof schoolB, proposer: { username: string }, importer: { id: string; username: string }) => {
      const within = await pair(school, school);
      const cross = await pair(school, peerSchool);
      const removed = await pair(school, school);
      await app.db.dataSource.query(`UPDATE students SET status = 'DELETED', deleted_at = now(), delete_reason = 'REDUNDANT' WHERE id = $1`, [removed.studentId]);
      const proposal = await product.gql(`mutation($input: PostMessageInput!) { postMessage(input: $input) { ok id } }`,
        { input: { problemId: cross.problemId, body: '这个学生在我校就读', proposal: 'KEEP_ONE', keepStudentId: cross.studentId } },
        await product.login(proposer.username));
      const importerToken = await product.login(importer.username);
      const upload = await fetch(`${product.url}/uploads`, {
        method: 'POST',
        headers: { 'x-file-name': 'students.csv', authorization: `Bearer ${importerToken}` },
        // A file the importer refuses (no template header): the job exists and imports nothing.
        body: Buffer.from('学号,备注\n1,无\n'),
      });
      const { uploadId } = (await upload.json()) as { uploadId: string };
      const job = await product.gql(`mutation($input: ImportStudentsInput!) { importStudents(input: $input) { id } }`, { input: { uploadId, schoolId: school.id } }, importerToken);
      // An import held and already rejected: deciding it again is refused as data and changes nothing.
      const [hold] = (await app.db.dataSource.query(
        `INSERT INTO import_holds (school_id, actor_id, file_name, content_hash, skip_invalid, forced, rows_read, cross_school_matches, reason, status, decided_by, decided_at, decision_reason)
         VALUES ($1, $2, 'guessed.csv', repeat('0', 64), false, false, 25, 20, 'THRESHOLD', 'REJECTED', $2, now(), '疑似猜测') RETURNING id::text`,
        [school.id, importer.id],
      )) as { id: string }[];
      const share = async (name: string) =>
        (await product.gql(`mutation($i: SaveReportInput!) { saveReport(input: $i) { report { id } } }`,
          { i: { name, document: '{ problemStats { count } }', sharedRegionCode: `${school.regionCode.slice(0, 2)}0000` } }, tokens.system)).data.saveReport.report.id as string;
      Object.assign(target, {
        reportId: await share('全省问题统计'),
        deletableReportIds: [await share('待删除1'), await share('待删除2')],
        schoolId: school.id, regionCode: school.regionCode, studentId: within.studentId, deletedStudentId: removed.studentId,
        withinProblemId: within.problemId, crossProblemId: cross.problemId, proposalId: proposal.data.postMessage.id, jobId: job.data.importStudents.id,
        holdId: hold!.id,
        schoolCode: school.code,
        suggestionId: ((await app.db.dataSource.query(
          `INSERT INTO match_suggestions (student_a, student_b, region_a, region_b, score, probability, explanation, fingerprint_a, fingerprint_b, status, decided_at)
           VALUES (least($1::bigint, $2::bigint), greatest($1::bigint, $2::bigint), $3, $3, 5, 0.97, '[]', 'a', 'b', 'DISMISSED', now()) RETURNING id::text`,
          [within.studentId, within.peerStudentId, school.regionCode],
        )) as { id: string }[])[0]!.id,
        campaignId: ((await app.db.dataSource.query(
          `INSERT INTO verification_campaigns (region_prefix, semester, title, due_at, opened_by, status, closed_at) VALUES ($1, '2025-2026-2', '核查', now(), $2, 'CLOSED', now()) RETURNING id::text`,
          [school.regionCode, importer.id],
        )) as { id: string }[])[0]!.id,
        importId: ((await app.db.dataSource.query(
          `INSERT INTO imports (school_id, file_name, content_hash, format, rows_read, rows_imported, rows_skipped) VALUES ($1, 'class.csv', repeat('1', 64), 'csv', 0, 0, 0) RETURNING id::text`,
          [school.id],
        )) as { id: string }[])[0]!.id,
        outgoingTransferId: await transferIn(school, peerSchool, proposer),
        incomingTransferId: await transferIn(peerSchool, school, importer),
      } satisfies Fixture);
    };
    // The proposal on A's problem comes from B, so A's registrar is the one to answer it.
    await fixture(own, schoolA, schoolB, peers.b, users.registrar);
    await fixture(other, schoolX, schoolY, peers.y, peers.x);

    const q = (query: string, variables: Record<string, unknown>, token?: string) => product.gql(query, variables, token);
    const STALE = 999;
    ops = {
      problems: async (t, token) => contains(await q(`query($s: ID) { problems(filter: { schoolId: $s }) { nodes { id } } }`, { s: t.schoolId }, token), (d) => d.problems.nodes.some((n: any) => n.id === t.withinProblemId)),
      problem: async (t, token) => contains(await q(`query($id: ID!) { problem(id: $id) { id } }`, { id: t.withinProblemId }, token), (d) => d.problem?.id === t.withinProblemId),
      importJob: async (t, token) => contains(await q(`query($id: ID!) { importJob(id: $id) { id } }`, { id: t.jobId }, token), (d) => d.importJob?.id === t.jobId),
      regions: async (t, token) => contains(await q(`query($p: ID) { regions(parentCode: $p) { code } }`, { p: `${t.regionCode.slice(0, 4)}00` }, token), (d) => d.regions.some((r: any) => r.code === t.regionCode)),
      region: async (t, token) => contains(await q(`query($c: ID!) { region(code: $c) { code } }`, { c: t.regionCode }, token), (d) => d.region?.code === t.regionCode),
      schools: async (t, token) => contains(await q(`query($r: ID) { schools(regionCode: $r) { nodes { id } } }`, { r: t.regionCode }, token), (d) => d.schools.nodes.some((s: any) => s.id === t.schoolId)),
      school: async (t, token) => contains(await q(`query($id: ID!) { school(id: $id) { id } }`, { id: t.schoolId }, token), (d) => d.school?.id === t.schoolId),
      students: async (t, token) => contains(await q(`query($s: ID) { students(filter: { schoolId: $s }) { nodes { id } } }`, { s: t.schoolId }, token), (d) => d.students.nodes.some((s: any) => s.id === t.studentId)),
      student: async (t, token) => contains(await q(`query($id: ID!) { student(id: $id) { id } }`, { id: t.studentId }, token), (d) => d.student?.id === t.studentId),
      me: async (_t, token) => contains(await q(`{ me { id } }`, {}, token), (d) => d.me !== null),
      problemStats: async (t, token) => contains(await q(`query($r: String) { problemStats(filter: { regionCode: $r }) { count } }`, { r: t.regionCode }, token), (d) => d.problemStats.some((row: any) => row.count > 0)),
      // A new unknown name each time: the same one would be throttled after ten failures.
      login: async () =>
        contains(await q(`mutation($u: String!) { login(username: $u, password: "wrong") { token error { code } } }`, { u: `nobody.${(loginAttempts += 1)}` }), (d) => d.login.error.code === 'INVALID_CREDENTIALS'),
      logout: async (_t, token) => contains(await q(`mutation { logout { ok } }`, {}, token && (await secondSession.get(token)!())), (d) => d.logout.ok === true),
      changePassword: async (_t, token) =>
        answered(await q(`mutation { changePassword(currentPassword: "not-it", newPassword: "long-enough-1") { error { code } } }`, {}, token && (await secondSession.get(token)!()))),
      actOnRecord: async (t, token) => answered(await q(`mutation($i: RecordActionInput!) { actOnRecord(input: $i) { ok error { code } } }`,
        { i: { problemId: t.withinProblemId, studentId: t.studentId, version: STALE, action: 'CORROBORATE', materialIds: [] } }, token)),
      withdrawAction: async (t, token) => answered(await q(`mutation($i: WithdrawActionInput!) { withdrawAction(input: $i) { ok error { code } } }`,
        { i: { problemId: t.withinProblemId, studentId: t.studentId, version: STALE, reason: '撤回' } }, token)),
      reopenProblem: async (t, token) => answered(await q(`mutation($i: ReopenInput!) { reopenProblem(input: $i) { ok error { code } } }`,
        { i: { problemId: t.withinProblemId, version: STALE, reason: '复查' } }, token)),
      bulkActOnRecords: async (t, token) => answered(await q(`mutation($i: BulkActionInput!) { bulkActOnRecords(input: $i) { ok error { code } } }`,
        { i: { items: [{ problemId: t.withinProblemId, studentId: t.studentId, version: STALE }], action: 'DELETE', deleteReason: 'REDUNDANT' } }, token)),
      importCopies: async (t, token) => answered(await q(`query($id: ID!) { importCopies(importId: $id) { studentId } }`, { id: t.importId }, token)),
      bulkReviewProblems: async (t, token) => answered(await q(`mutation($i: BulkReviewInput!) { bulkReviewProblems(input: $i) { ok error { code } } }`,
        { i: { items: [{ problemId: t.withinProblemId, version: STALE }], decision: 'APPROVE' } }, token)),
      postMessage: async (t, token) => answered(await q(`mutation($i: PostMessageInput!) { postMessage(input: $i) { ok error { code } } }`, { i: { problemId: t.crossProblemId, body: '' } }, token)),
      answerProposal: async (t, token) => answered(await q(`mutation($i: AnswerProposalInput!) { answerProposal(input: $i) { ok error { code } } }`, { i: { messageId: t.proposalId, accept: false } }, token)),
      escalateProblem: async (t, token) => answered(await q(`mutation($i: EscalateInput!) { escalateProblem(input: $i) { ok error { code } } }`, { i: { problemId: t.crossProblemId, version: STALE, reason: '意见不一致' } }, token)),
      reviewProblem: async (t, token) => answered(await q(`mutation($i: ReviewInput!) { reviewProblem(input: $i) { ok error { code } } }`, { i: { problemId: t.withinProblemId, version: STALE, decision: 'APPROVE' } }, token)),
      decideProblem: async (t, token) => answered(await q(`mutation($i: DecisionInput!) { decideProblem(input: $i) { ok error { code } } }`,
        { i: { problemId: t.withinProblemId, version: STALE, keepStudentIds: [t.studentId], deletions: [] } }, token)),
      restoreStudent: async (t, token) => answered(await q(`mutation($id: ID!) { restoreStudent(studentId: $id, reason: "") { ok error { code } } }`, { id: t.deletedStudentId }, token)),
      savedReports: async (t, token) => contains(await q(`{ savedReports { id } }`, {}, token), (d) => d.savedReports.some((r: any) => r.id === t.reportId)),
      savedReport: async (t, token) => contains(await q(`query($id: ID!) { savedReport(id: $id) { id } }`, { id: t.reportId }, token), (d) => d.savedReport?.id === t.reportId),
      saveReport: async (t, token) => answered(await q(`mutation($i: SaveReportInput!) { saveReport(input: $i) { ok error { code } } }`,
        { i: { name: '按学校统计', document: '{ problemStats(groupBy: [SCHOOL]) { schoolId count } }', sharedRegionCode: t.regionCode } }, token)),
      // Each allowed deletion removes one report; the second one is there for a second allowed role.
      deleteReport: async (t, token) => {
        const outcome = answered(await q(`mutation($id: ID!) { deleteReport(id: $id) { ok } }`, { id: t.deletableReportIds[0] }, token));
        if (outcome === A) t.deletableReportIds.shift();
        return outcome;
      },
      heldImports: async (t, token) => contains(await q(`{ heldImports { nodes { id } } }`, {}, token), (d) => d.heldImports.nodes.some((n: any) => n.id === t.holdId)),
      unusualImports: async (t, token) => contains(await q(`{ unusualImports { heldImportId } }`, {}, token), (d) => d.unusualImports.some((r: any) => r.heldImportId === t.holdId)),
      decideHeldImport: async (t, token) =>
        answered(await q(`mutation($i: DecideHeldImportInput!) { decideHeldImport(input: $i) { ok error { code } } }`, { i: { id: t.holdId, approve: false, reason: '重复决定' } }, token)),
      transfers: async (t, token) => contains(await q(`{ transfers { id } }`, {}, token), (d) => d.transfers.some((r: any) => r.id === t.outgoingTransferId)),
      transferStats: async (t, token) => contains(await q(`query($r: String) { transferStats(regionCode: $r) { requested } }`, { r: t.regionCode }, token), (d) => d.transferStats.requested > 0),
      checkPupil: async (t, token) => answered(await q(`query($i: CheckPupilInput!) { checkPupil(input: $i) { check { verdict } error { code } } }`,
        { i: { name: '无此学生', gender: 'M', birthDate: '2015-03-01', idNumber: validId(t.regionCode, '2015-03-01', 'M', 99) } }, token)),
      importPoliceResults: async (_t, token) => answered(await q(`mutation($i: ImportPoliceResultsInput!) { importPoliceResults(input: $i) { ok } }`, { i: { uploadId: 'no-such-upload' } }, token)),
      possibleDuplicates: async (t, token) =>
        contains(await q(`{ possibleDuplicates(filter: { status: DISMISSED }) { nodes { id } } }`, {}, token), (d) => d.possibleDuplicates.nodes.some((n: any) => n.id === t.suggestionId)),
      confirmPossibleDuplicate: async (t, token) => answered(await q(`mutation($i: ConfirmPossibleDuplicateInput!) { confirmPossibleDuplicate(input: $i) { ok error { code } } }`, { i: { id: t.suggestionId } }, token)),
      dismissPossibleDuplicate: async (t, token) =>
        answered(await q(`mutation($i: DismissPossibleDuplicateInput!) { dismissPossibleDuplicate(input: $i) { ok error { code } } }`, { i: { id: t.suggestionId, reason: '两名学生' } }, token)),
      verificationCampaigns: async (t, token) => contains(await q(`{ verificationCampaigns { id } }`, {}, token), (d) => d.verificationCampaigns.some((c: any) => c.id === t.campaignId)),
      openVerificationCampaign: async (t, token) => answered(await q(`mutation($i: OpenCampaignInput!) { openVerificationCampaign(input: $i) { ok error { code } } }`,
        { i: { semester: '2026秋', dueDate: '2027-01-15', regionCode: t.regionCode } }, token)),
      closeVerificationCampaign: async (t, token) => answered(await q(`mutation($id: ID!) { closeVerificationCampaign(campaignId: $id) { ok error { code } } }`, { id: t.campaignId }, token)),
      confirmClass: async (t, token) => answered(await q(`mutation($i: ConfirmClassInput!) { confirmClass(input: $i) { ok error { code } } }`,
        { i: { campaignId: t.campaignId, grade: '', className: '' } }, token)),
      correctRecord: async (t, token) => answered(await q(`mutation($i: CorrectRecordInput!) { correctRecord(input: $i) { ok error { code } } }`,
        { i: { campaignId: t.campaignId, studentId: t.studentId, version: STALE, changes: { name: '改名' }, materialIds: [] } }, token)),
      expectedArrivals: async (_t, token) => answered(await q(`{ expectedArrivals { pupilName } }`, {}, token)),
      requestTransfer: async (t, token) => answered(await q(`mutation($i: RequestTransferInput!) { requestTransfer(input: $i) { ok error { code } } }`,
        { i: { problemId: t.crossProblemId, version: STALE, fromStudentId: t.studentId, toStudentId: t.studentId } }, token)),
      requestTransferIn: async (t, token) => answered(await q(`mutation($i: RequestTransferInInput!) { requestTransferIn(input: $i) { ok error { code } } }`,
        { i: { fromSchoolCode: t.schoolCode, idNumber: '110101201503070011', name: '无此学生' } }, token)),
      answerTransfer: async (t, token) => answered(await q(`mutation($i: AnswerTransferInput!) { answerTransfer(input: $i) { ok error { code } } }`,
        { i: { transferId: t.outgoingTransferId, version: STALE, accept: true } }, token)),
      approveTransfer: async (t, token) => answered(await q(`mutation($i: ApproveTransferInput!) { approveTransfer(input: $i) { ok error { code } } }`,
        { i: { transferId: t.outgoingTransferId, version: STALE, approve: true } }, token)),
      withdrawTransfer: async (t, token) => answered(await q(`mutation($i: WithdrawTransferInput!) { withdrawTransfer(input: $i) { ok error { code } } }`,
        { i: { transferId: t.incomingTransferId, version: STALE, reason: '撤回' } }, token)),
      importStudents: async (t, token) => answered(await q(`mutation($i: ImportStudentsInput!) { importStudents(input: $i) { id } }`, { i: { uploadId: 'no-such-upload', schoolId: t.schoolId } }, token)),
    };
    problemsBefore = await problemStates();
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  it('has a row for every query and mutation of the published schema, and a runner for every row', () => {
    const schema = buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'));
    const operations = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    expect(Object.keys(MATRIX).sort()).toEqual(operations.sort());
    expect(Object.keys(ops).sort()).toEqual(operations.sort());
  });

  it.each(Object.keys(MATRIX))('%s: each role gets exactly what the table says, in and out of its scope', async (operation) => {
    const seen: Record<string, Cell> = {};
    for (const role of ROLES) {
      const token = role === 'anonymous' ? undefined : tokens[role];
      seen[role] = [await ops[operation]!(own, token), await ops[operation]!(other, token)];
    }
    expect(seen).toEqual(MATRIX[operation]);
  });

  it('left every problem as it was: refused and stale requests change nothing', async () => {
    expect(await problemStates()).toEqual(problemsBefore);
  });
});
