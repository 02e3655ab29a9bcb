import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdType, type Gender } from '../src/registry/student/student.entity.js';
import { makeSchool, makeUser } from './support/factories.js';
import { PLAIN_PDF } from './support/images.js';
import { startProduct } from './support/product.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const STEP = `query($id: ID!) { problem(id: $id) { status version
  nextStep { kind yourTurn since waitingFor suggestion { studentId action reason deleteReason } }
  members { studentId suggestedAction { action reason deleteReason } } } }`;
const WAITING = `{ problems(filter: { waitingForMe: true }, first: 100) { nodes { id } } }`;
const ACT = `mutation($input: RecordActionInput!) { actOnRecord(input: $input) { ok problemStatus version error { code } } }`;
const POST = `mutation($input: PostMessageInput!) { postMessage(input: $input) { ok id error { code } } }`;
const ANSWER = `mutation($input: AnswerProposalInput!) { answerProposal(input: $input) { ok error { code } } }`;
const ESCALATE = `mutation($input: EscalateInput!) { escalateProblem(input: $input) { ok error { code } } }`;
const REVIEW = `mutation($input: ReviewInput!) { reviewProblem(input: $input) { ok problemStatus error { code } } }`;

type Role = 'a' | 'b' | 'district' | 'city';

/**
 * The "what happens next" model (README): for each state a problem passes through, what each of
 * the two schools, the district of one of them and the reviewer over both are told, and that the
 * waitingForMe filter (the header's count) holds the problem exactly when it is the caller's turn.
 */
describe('next step: one rule for the detail page, the list and the inbox count', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let schoolA: { id: string; regionCode: string; name: string };
  let schoolB: { id: string; regionCode: string; name: string };
  const tokens: Record<Role, string> = { a: '', b: '', district: '', city: '' };

  beforeAll(async () => {
    app = await createTestApp();
    schoolA = { ...(await makeSchool(app, '330106', '文三街小学')), name: '文三街小学' };
    schoolB = { ...(await makeSchool(app, '330102', '胜利小学')), name: '胜利小学' };
    product = await startProduct(app);
    tokens.a = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolA.id })).username);
    tokens.b = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolB.id })).username);
    tokens.district = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330106' })).username);
    tokens.city = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330100' })).username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  let sequence = 0;
  /** The birth date and gender an 18-digit number carries, so a record's number is valid unless meant not to be. */
  const carried = (idNumber: string) => ({
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    gender: (Number(idNumber[16]) % 2 === 1 ? 'M' : 'F') as Gender,
  });
  /** Records inserted and detected as an import would; the ids and the open problem of the first. */
  async function records(rows: { school: { id: string }; name?: string; gender?: Gender; birthDate?: string; idNumber: string }[]) {
    const ids = await app.db.dataSource.transaction(async (m) => {
      const inserted = await app.services.students.insertMany(
        m,
        rows.map((r) => ({ schoolId: r.school.id, name: r.name ?? `学生${++sequence}`, ...carried(r.idNumber), ...(r.birthDate && { birthDate: r.birthDate, gender: r.gender! }), idType: IdType.RESIDENT_ID, idNumber: r.idNumber })),
      );
      await app.services.detection.detect(m, { kind: 'students', studentIds: inserted });
      return inserted;
    });
    const [row] = (await app.db.dataSource.query(
      `SELECT pm.problem_id::text AS id FROM problem_members pm JOIN problems p ON p.id = pm.problem_id WHERE pm.student_id = $1 AND p.status <> 'RESOLVED' ORDER BY p.id DESC LIMIT 1`,
      [ids[0]],
    )) as { id: string }[];
    return { ids, problemId: row!.id };
  }

  const step = async (problemId: string, role: Role) => {
    const { data, errors } = await product.gql(STEP, { id: problemId }, tokens[role]);
    expect(errors, role).toBeUndefined();
    return data.problem;
  };
  const gql = async (query: string, input: Record<string, unknown>, role: Role) => {
    const { data, errors } = await product.gql(query, { input }, tokens[role]);
    expect(errors).toBeUndefined();
    const outcome = Object.values(data as Record<string, { ok: boolean; error: unknown; id?: string }>)[0]!;
    expect(outcome.error).toBeNull();
    return outcome;
  };
  const material = async (role: Role) => {
    const response = await fetch(`${product.url}/materials?kind=HOUSEHOLD_REGISTER`, { method: 'POST', headers: { authorization: `Bearer ${tokens[role]}` }, body: new Uint8Array(PLAIN_PDF) });
    return ((await response.json()) as { materialId: string }).materialId;
  };

  /** Every role's step kind on the problem; each also checked against the role's waitingForMe list. */
  async function kinds(problemId: string, roles: Role[] = ['a', 'b', 'district', 'city']): Promise<Record<string, string>> {
    const seen: Record<string, string> = {};
    for (const role of roles) {
      const problem = await step(problemId, role);
      const waiting = (await product.gql(WAITING, {}, tokens[role])).data.problems.nodes.map((n: { id: string }) => n.id);
      expect(waiting.includes(problemId), `${role}: waitingForMe agrees with nextStep.yourTurn (${problem.nextStep.kind})`).toBe(problem.nextStep.yourTurn);
      seen[role] = problem.nextStep.kind;
    }
    return seen;
  }

  it('a cross-school duplicate settled by agreement: propose, accept, delete, review, resolved', async () => {
    const id = validId('330106', '2015-02-01', 'M', 11);
    const { ids, problemId } = await records([{ school: schoolA, idNumber: id }, { school: schoolB, idNumber: id }]);
    const [ours, theirs] = ids as [string, string];

    expect(await kinds(problemId)).toEqual({ a: 'ACT_ON_RECORD', b: 'ACT_ON_RECORD', district: 'WAIT_FOR_SCHOOLS', city: 'WAIT_FOR_SCHOOLS' });
    const fresh = await step(problemId, 'a');
    expect(fresh.nextStep.suggestion).toEqual({ studentId: ours, action: 'CORROBORATE', reason: 'STUDIES_HERE', deleteReason: null });
    expect(fresh.nextStep.waitingFor).toEqual([schoolB.name]);
    expect(fresh.members.map((m: { suggestedAction: unknown }) => m.suggestedAction)).toEqual([{ action: 'CORROBORATE', reason: 'STUDIES_HERE', deleteReason: null }, null]);

    // A concedes: "keep B's record". While the proposal waits, A waits and B answers.
    const proposal = await gql(POST, { problemId, body: '该生已转至贵校，请保留贵校学籍。', proposal: 'KEEP_ONE', keepStudentId: theirs }, 'a');
    expect(await kinds(problemId)).toEqual({ a: 'WAIT_FOR_ANSWER', b: 'ANSWER_PROPOSAL', district: 'WAIT_FOR_SCHOOLS', city: 'WAIT_FOR_SCHOOLS' });

    // B accepts and keeps its record: nothing left for B; A deletes its own as not studying there.
    await gql(ANSWER, { messageId: proposal.id, accept: true }, 'b');
    expect(await kinds(problemId)).toEqual({ a: 'ACT_ON_RECORD', b: 'WAIT_FOR_OTHER_SCHOOL', district: 'WAIT_FOR_SCHOOLS', city: 'WAIT_FOR_SCHOOLS' });
    expect((await step(problemId, 'a')).nextStep.suggestion).toEqual({ studentId: ours, action: 'DELETE', reason: 'AGREED_KEEP_OTHER', deleteReason: 'NOT_STUDYING_HERE' });
    expect((await step(problemId, 'b')).members.every((m: { suggestedAction: unknown }) => m.suggestedAction === null)).toBe(true);

    const { version } = await step(problemId, 'a');
    const deleted = await gql(ACT, { problemId, studentId: ours, action: 'DELETE', deleteReason: 'NOT_STUDYING_HERE', version }, 'a');
    expect(deleted).toMatchObject({ ok: true, problemStatus: 'PENDING_REVIEW' });
    expect(await kinds(problemId)).toEqual({ a: 'WAIT_FOR_REVIEW', b: 'WAIT_FOR_REVIEW', district: 'WAIT_FOR_REVIEW', city: 'REVIEW' });

    await gql(REVIEW, { problemId, decision: 'APPROVE', version: (await step(problemId, 'city')).version }, 'city');
    expect(await kinds(problemId)).toEqual({ a: 'DONE', b: 'DONE', district: 'DONE', city: 'DONE' });
  });

  it('a disagreement: corroborate, negotiate, reject, escalate, decide', async () => {
    const id = validId('330106', '2015-03-01', 'F', 12);
    const { ids, problemId } = await records([{ school: schoolA, idNumber: id }, { school: schoolB, idNumber: id }]);
    const [ours] = ids as [string, string];

    await gql(ACT, { problemId, studentId: ours, action: 'CORROBORATE', materialIds: [await material('a')], version: (await step(problemId, 'a')).version }, 'a');
    // A did its part; B has not answered at all yet, so A waits rather than being told to negotiate.
    expect(await kinds(problemId, ['a', 'b'])).toEqual({ a: 'WAIT_FOR_OTHER_SCHOOL', b: 'ACT_ON_RECORD' });

    const proposal = await gql(POST, { problemId, body: '该生在我校就读。', proposal: 'KEEP_ONE', keepStudentId: ours }, 'a');
    expect(await kinds(problemId, ['a', 'b'])).toEqual({ a: 'WAIT_FOR_ANSWER', b: 'ANSWER_PROPOSAL' });
    await gql(ANSWER, { messageId: proposal.id, accept: false, reason: '该生仍在我校上课' }, 'b');
    // A rejection is a disagreement: A may propose again or escalate; B still owes proof for its record.
    expect(await kinds(problemId, ['a', 'b'])).toEqual({ a: 'NEGOTIATE', b: 'ACT_ON_RECORD' });
    await gql(ACT, { problemId, studentId: ids[1], action: 'CORROBORATE', materialIds: [await material('b')], version: (await step(problemId, 'b')).version }, 'b');
    expect(await kinds(problemId, ['a', 'b'])).toEqual({ a: 'NEGOTIATE', b: 'NEGOTIATE' });

    await gql(ESCALATE, { problemId, version: (await step(problemId, 'a')).version, reason: '双方各执一词' }, 'a');
    expect(await kinds(problemId)).toEqual({ a: 'WAIT_FOR_DECISION', b: 'WAIT_FOR_DECISION', district: 'WAIT_FOR_DECISION', city: 'DECIDE' });
  });

  it('suggests the action that fits the problem: change an invalid number, corroborate a namesake, delete a later copy', async () => {
    const valid = validId('330106', '2015-04-01', 'M', 20);
    const invalid = await records([{ school: schoolA, idNumber: `${valid.slice(0, 17)}${valid.endsWith('1') ? '2' : '1'}` }]);
    expect((await step(invalid.problemId, 'a')).nextStep.suggestion).toMatchObject({ action: 'CHANGE', reason: 'ID_NUMBER_INVALID' });

    const namesake = { name: '王晓明', gender: 'M' as Gender, birthDate: '2015-05-05' };
    const identity = await records([
      { school: schoolA, ...namesake, idNumber: validId('330106', '2015-05-05', 'M', 21) },
      { school: schoolB, ...namesake, idNumber: validId('330102', '2015-05-05', 'M', 22) },
    ]);
    expect((await step(identity.problemId, 'b')).nextStep).toMatchObject({ kind: 'ACT_ON_RECORD', suggestion: { studentId: identity.ids[1], action: 'CORROBORATE', reason: 'SAME_IDENTITY' } });

    const id = validId('330106', '2015-06-06', 'F', 23);
    const copies = await records([{ school: schoolA, idNumber: id }, { school: schoolA, idNumber: id }]);
    const within = await step(copies.problemId, 'a');
    expect(within.nextStep.suggestion).toEqual({ studentId: copies.ids[1], action: 'DELETE', reason: 'LATER_COPY', deleteReason: 'REDUNDANT' });
    expect(within.members.map((m: { suggestedAction: { action: string } }) => m.suggestedAction.action)).toEqual(['CORROBORATE', 'DELETE']);
    expect(await kinds(copies.problemId, ['a', 'district', 'city'])).toEqual({ a: 'ACT_ON_RECORD', district: 'WAIT_FOR_SCHOOLS', city: 'WAIT_FOR_SCHOOLS' });

    // The later copy deleted, the first is left to corroborate; the deleted one offers nothing any more.
    await gql(ACT, { problemId: copies.problemId, studentId: copies.ids[1], action: 'DELETE', deleteReason: 'REDUNDANT', version: within.version }, 'a');
    const after = (await product.gql(`query($id: ID!) { problem(id: $id) { nextStep { suggestion { studentId action reason } } formerMembers { studentId allowedActions } } }`, { id: copies.problemId }, tokens.a)).data.problem;
    expect(after.nextStep.suggestion).toEqual({ studentId: copies.ids[0], action: 'CORROBORATE', reason: 'KEEP_FIRST' });
    expect(after.formerMembers).toEqual([{ studentId: copies.ids[1], allowedActions: [] }]);
  });
});
