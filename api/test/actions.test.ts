import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../src/registry/student/id-number.js';
import { IdType, type Gender } from '../src/registry/student/student.entity.js';
import { makeSchool, makeUser } from './support/factories.js';
import { PLAIN_PDF } from './support/images.js';
import { errorCodes, startProduct } from './support/product.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { openStudentRow, storedResidentId } from './support/sealed.js';

const ACT = `mutation($input: RecordActionInput!) { actOnRecord(input: $input) { ok problemStatus version error { code message field } } }`;
const PROBLEM = `query($id: ID!) { problem(id: $id) { id type scope status version
  members { studentId inMyScope corroborated name idNumberMasked } history { type actorName data } } }`;

describe('school actions on problem records (change, corroborate, delete) and district review', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let schoolA: { id: string; regionCode: string };
  let schoolB: { id: string; regionCode: string };
  const tokens = { a: '', b: '', district: '', city: '' };

  beforeAll(async () => {
    app = await createTestApp();
    schoolA = await makeSchool(app, '330106');
    schoolB = await makeSchool(app, '330102');
    product = await startProduct(app);
    tokens.a = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolA.id })).username);
    tokens.b = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolB.id })).username);
    tokens.district = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330106' })).username);
    // A reviewer serving the city: problems spanning its districts go to it.
    tokens.city = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330100' })).username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  /** Records inserted and detected as an import would; returns the student ids and the problem of the first. */
  async function records(rows: { school: { id: string }; name: string; gender: Gender; birthDate: string; idNumber: string }[]) {
    const ids = await app.db.dataSource.transaction(async (m) => {
      const inserted = await app.services.students.insertMany(m, rows.map((r) => ({ schoolId: r.school.id, name: r.name, gender: r.gender, birthDate: r.birthDate, idType: IdType.RESIDENT_ID, idNumber: r.idNumber })));
      await app.services.detection.detect(m, { kind: 'students', studentIds: inserted });
      return inserted;
    });
    const [row] = (await app.db.dataSource.query(
      `SELECT pm.problem_id::text AS id FROM problem_members pm JOIN problems p ON p.id = pm.problem_id WHERE pm.student_id = $1 AND p.status <> 'RESOLVED' ORDER BY p.id DESC LIMIT 1`,
      [ids[0]],
    )) as { id: string }[];
    return { ids, problemId: row!.id };
  }
  const problem = async (id: string, token = tokens.a) => (await product.gql(PROBLEM, { id }, token)).data.problem;
  const act = async (token: string, input: Record<string, unknown>) => (await product.gql(ACT, { input }, token));
  const material = async (token: string) => {
    const response = await fetch(`${product.url}/materials?kind=HOUSEHOLD_REGISTER`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(PLAIN_PDF) });
    return ((await response.json()) as { materialId: string }).materialId;
  };

  it('within one school: delete the redundant copy, corroborate the one that stays, then it goes to review', async () => {
    const id = validId('330106', '2015-01-01', 'M', 1);
    const { ids, problemId } = await records([
      { school: schoolA, name: '吴一', gender: 'M' as Gender, birthDate: '2015-01-01', idNumber: id },
      { school: schoolA, name: '吴一', gender: 'M' as Gender, birthDate: '2015-01-01', idNumber: id },
    ]);
    let p = await problem(problemId);
    expect(p).toMatchObject({ type: 'DUPLICATE_ID', scope: 'WITHIN_SCHOOL', status: 'OPEN' });

    const deleted = await act(tokens.a, { problemId, version: p.version, studentId: ids[1], action: 'DELETE', deleteReason: 'REDUNDANT' });
    expect(deleted.data.actOnRecord).toMatchObject({ ok: true, problemStatus: 'OPEN' });
    p = await problem(problemId);
    expect(p.members.map((m: { studentId: string }) => m.studentId)).toEqual([ids[0]]);
    const [gone] = (await app.db.dataSource.query(`SELECT status, delete_reason, deleted_at IS NOT NULL AS soft FROM students WHERE id = $1`, [ids[1]])) as object[];
    expect(gone).toEqual({ status: 'DELETED', delete_reason: 'REDUNDANT', soft: true });

    const corroborated = await act(tokens.a, { problemId, version: p.version, studentId: ids[0], action: 'CORROBORATE', materialIds: [await material(tokens.a)] });
    expect(corroborated.data.actOnRecord).toMatchObject({ ok: true, problemStatus: 'PENDING_REVIEW' });
    p = await problem(problemId);
    expect(p.members).toEqual([expect.objectContaining({ studentId: ids[0], corroborated: true })]);
    expect(p.history.map((e: { type: string }) => e.type)).toEqual(['PROBLEM_OPENED', 'ACTION_DELETE', 'MEMBER_LEFT', 'ACTION_CORROBORATE', 'PROBLEM_SUBMITTED_FOR_REVIEW']);
    expect(p.history[1]).toMatchObject({ actorName: expect.any(String), data: { studentId: ids[1], reason: 'REDUNDANT', before: { status: 'ENROLLED' } } });
  });

  it('across schools: the school the pupil left deletes its record, and the problem goes to review', async () => {
    const id = validId('330106', '2014-02-02', 'F', 2);
    const { ids, problemId } = await records([
      { school: schoolA, name: '郑二', gender: 'F' as Gender, birthDate: '2014-02-02', idNumber: id },
      { school: schoolB, name: '郑二', gender: 'F' as Gender, birthDate: '2014-02-02', idNumber: id },
    ]);
    const p = await problem(problemId, tokens.b);
    expect(p).toMatchObject({ scope: 'CROSS_SCHOOL' });
    expect(p.members.map((m: { inMyScope: boolean }) => m.inMyScope)).toEqual([false, true]);
    // A school cannot act on the other school's record, whatever the portal shows.
    expect(errorCodes(await act(tokens.b, { problemId, version: p.version, studentId: ids[0], action: 'DELETE', deleteReason: 'NOT_STUDYING_HERE' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await act(tokens.district, { problemId, version: p.version, studentId: ids[1], action: 'DELETE', deleteReason: 'NOT_STUDYING_HERE' }))).toEqual(['FORBIDDEN']);
    const done = await act(tokens.b, { problemId, version: p.version, studentId: ids[1], action: 'DELETE', deleteReason: 'NOT_STUDYING_HERE' });
    expect(done.data.actOnRecord).toMatchObject({ ok: true, problemStatus: 'PENDING_REVIEW' });
  });

  it('a change fixes an invalid ID number, with the before and after in the history (masked)', async () => {
    const good = validId('330106', '2013-03-03', 'M', 3);
    const typo = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const { ids, problemId } = await records([{ school: schoolA, name: '王三', gender: 'M' as Gender, birthDate: '2013-03-03', idNumber: typo }]);
    const p = await problem(problemId);
    expect(p).toMatchObject({ type: 'INVALID_ID', status: 'OPEN' });
    const changed = await act(tokens.a, { problemId, version: p.version, studentId: ids[0], action: 'CHANGE', changes: { idNumber: good }, materialIds: [await material(tokens.a)] });
    expect(changed.data.actOnRecord).toMatchObject({ ok: true, problemStatus: 'PENDING_REVIEW' });
    const change = (await problem(problemId)).history.find((e: { type: string }) => e.type === 'ACTION_CHANGE');
    expect(change.data).toMatchObject({ studentId: ids[0], before: { idNumber: maskIdNumber(typo) }, after: { idNumber: maskIdNumber(good) } });
    const [student] = (await app.db.dataSource.query(`SELECT id_number AS "idNumber", id_key, id_problems, version FROM students WHERE id = $1`, [ids[0]])) as { idNumber: string }[];
    expect(openStudentRow(student!)).toEqual({ idNumber: good, id_key: storedResidentId(good).idKey, id_problems: [], version: 2 });
  });

  it('the same name, gender and birth date: each school corroborates its own record, then review', async () => {
    const { ids, problemId } = await records([
      { school: schoolA, name: '李四', gender: 'F' as Gender, birthDate: '2016-04-04', idNumber: validId('330106', '2016-04-04', 'F', 4) },
      { school: schoolB, name: '李四', gender: 'F' as Gender, birthDate: '2016-04-04', idNumber: validId('330102', '2016-04-04', 'F', 5) },
    ]);
    let p = await problem(problemId);
    expect(p).toMatchObject({ type: 'DUPLICATE_IDENTITY', scope: 'CROSS_SCHOOL' });
    const first = await act(tokens.a, { problemId, version: p.version, studentId: ids[0], action: 'CORROBORATE', materialIds: [await material(tokens.a)] });
    expect(first.data.actOnRecord).toMatchObject({ ok: true, problemStatus: 'OPEN' });
    p = await problem(problemId, tokens.b);
    const second = await act(tokens.b, { problemId, version: p.version, studentId: ids[1], action: 'CORROBORATE', materialIds: [await material(tokens.b)] });
    expect(second.data.actOnRecord).toMatchObject({ ok: true, problemStatus: 'PENDING_REVIEW' });
    // The material school A cited is read by the reviewers, not by school B: a scan shows every value
    // the comparison keeps from it. B sees that A cited one, not which.
    const cited = ((await app.db.dataSource.query(`SELECT material_id::text AS id FROM problem_materials WHERE problem_id = $1 ORDER BY 1 LIMIT 1`, [problemId])) as { id: string }[])[0]!.id;
    expect((await fetch(`${product.url}/materials/${cited}`, { headers: { authorization: `Bearer ${tokens.b}` } })).status).toBe(404);
    expect((await fetch(`${product.url}/materials/${cited}`, { headers: { authorization: `Bearer ${tokens.city}` } })).status).toBe(200);
    const seenByB = (await problem(problemId, tokens.b)).history.find((e: { type: string; data: { studentId?: string } }) => e.type === 'ACTION_CORROBORATE' && e.data.studentId === ids[0]);
    expect(seenByB.data).toMatchObject({ materialCount: 1 });
    expect(seenByB.data).not.toHaveProperty('materialIds');
  });

  it('refuses bad actions as data and changes nothing', async () => {
    const id = validId('330106', '2012-05-05', 'M', 6);
    const { ids, problemId } = await records([
      { school: schoolA, name: '赵五', gender: 'M' as Gender, birthDate: '2012-05-05', idNumber: id },
      { school: schoolA, name: '赵五', gender: 'M' as Gender, birthDate: '2012-05-05', idNumber: id },
    ]);
    const p = await problem(problemId);
    const otherSchoolsMaterial = await material(tokens.b);
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ action: 'CHANGE', changes: { name: '赵六' } }, 'MATERIAL_REQUIRED', 'materialIds'],
      [{ action: 'CORROBORATE' }, 'MATERIAL_REQUIRED', 'materialIds'],
      [{ action: 'DELETE', deleteReason: 'REDUNDANT', materialIds: [await material(tokens.a)] }, 'NO_MATERIALS_FOR_DELETE', 'materialIds'],
      [{ action: 'DELETE' }, 'REASON_REQUIRED', 'deleteReason'],
      [{ action: 'CORROBORATE', materialIds: [otherSchoolsMaterial] }, 'UNKNOWN_MATERIAL', 'materialIds'],
      [{ action: 'CHANGE', changes: { birthDate: '2012-02-30' }, materialIds: [await material(tokens.a)] }, 'INVALID_VALUE', 'birthDate'],
      [{ action: 'CHANGE', changes: { name: '赵五' }, materialIds: [await material(tokens.a)] }, 'NOTHING_CHANGED'],
      [{ action: 'CORROBORATE', version: p.version - 1, materialIds: [await material(tokens.a)] }, 'STALE_VERSION'],
    ];
    for (const [input, code, field] of cases) {
      const result = await act(tokens.a, { problemId, version: p.version, studentId: ids[0], ...input });
      expect(result.errors, code).toBeUndefined();
      expect(result.data.actOnRecord.ok).toBe(false);
      expect(result.data.actOnRecord.error).toMatchObject({ code, ...(field ? { field } : {}) });
    }
    const after = await problem(problemId);
    expect(after.version).toBe(p.version);
    expect(after.history).toEqual(p.history);
    expect(((await app.db.dataSource.query(`SELECT count(*)::int AS n FROM problem_materials WHERE problem_id = $1`, [problemId])) as { n: number }[])[0]!.n).toBe(0);
  });

  it('lets only one of two concurrent actions on the same version through, in 200 pairs', async () => {
    for (let round = 0; round < 200; round++) {
      const id = validId('330106', '2011-06-06', 'F', 100 + round);
      const { ids, problemId } = await records([
        { school: schoolA, name: `并发${round}`, gender: 'F' as Gender, birthDate: '2011-06-06', idNumber: id },
        { school: schoolA, name: `并发${round}`, gender: 'F' as Gender, birthDate: '2011-06-06', idNumber: id },
      ]);
      const { version } = await problem(problemId);
      const [x, y] = await Promise.all([
        act(tokens.a, { problemId, version, studentId: ids[0], action: 'DELETE', deleteReason: 'REDUNDANT' }),
        act(tokens.a, { problemId, version, studentId: ids[1], action: 'DELETE', deleteReason: 'REDUNDANT' }),
      ]);
      const outcomes = [x.data.actOnRecord, y.data.actOnRecord];
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(outcomes.find((o) => !o.ok).error.code).toBe('STALE_VERSION');
      const active = ((await app.db.dataSource.query(`SELECT count(*)::int AS n FROM students WHERE id = ANY($1::bigint[]) AND status = 'ENROLLED'`, [ids])) as { n: number }[])[0]!.n;
      expect(active).toBe(1);
    }
  }, 180_000); // 400 actions in sequence: about 20 s alone, more on a busy machine

  const REVIEW = `mutation($input: ReviewInput!) { reviewProblem(input: $input) { ok problemStatus version error { code field } } }`;
  const review = async (token: string, input: Record<string, unknown>) => product.gql(REVIEW, { input }, token);

  it('district review: approve, or reject with a reason and see the school resubmit', async () => {
    const id = validId('330106', '2015-07-07', 'M', 7);
    const { ids, problemId } = await records([
      { school: schoolA, name: '孙七', gender: 'M' as Gender, birthDate: '2015-07-07', idNumber: id },
      { school: schoolA, name: '孙七', gender: 'M' as Gender, birthDate: '2015-07-07', idNumber: id },
    ]);
    let p = await problem(problemId);
    expect((await review(tokens.district, { problemId, version: p.version, decision: 'APPROVE' })).data.reviewProblem.error.code).toBe('NOT_PENDING_REVIEW');
    p = await problem(problemId);
    await act(tokens.a, { problemId, version: p.version, studentId: ids[1], action: 'DELETE', deleteReason: 'REDUNDANT' });
    p = await problem(problemId);
    const submitted = await act(tokens.a, { problemId, version: p.version, studentId: ids[0], action: 'CORROBORATE', materialIds: [await material(tokens.a)] });
    expect(submitted.data.actOnRecord.problemStatus).toBe('PENDING_REVIEW');
    p = await problem(problemId);

    expect(errorCodes(await review(tokens.a, { problemId, version: p.version, decision: 'APPROVE' }))).toEqual(['FORBIDDEN']);
    expect((await review(tokens.district, { problemId, version: p.version, decision: 'REJECT' })).data.reviewProblem.error).toEqual({ code: 'REASON_REQUIRED', field: 'reason' });
    const rejected = await review(tokens.district, { problemId, version: p.version, decision: 'REJECT', reason: '户口簿扫描件不清晰' });
    expect(rejected.data.reviewProblem).toMatchObject({ ok: true, problemStatus: 'OPEN' });
    expect((await review(tokens.district, { problemId, version: p.version, decision: 'APPROVE' })).data.reviewProblem.error.code).toBe('STALE_VERSION');

    p = await problem(problemId);
    const again = await act(tokens.a, { problemId, version: p.version, studentId: ids[0], action: 'CORROBORATE', materialIds: [await material(tokens.a)] });
    expect(again.data.actOnRecord.problemStatus).toBe('PENDING_REVIEW');
    p = await problem(problemId);
    const approved = await review(tokens.district, { problemId, version: p.version, decision: 'APPROVE' });
    expect(approved.data.reviewProblem).toMatchObject({ ok: true, problemStatus: 'RESOLVED' });
    const history = (await problem(problemId)).history.map((e: { type: string }) => e.type);
    expect(history.slice(-4)).toEqual(['PROBLEM_REJECTED', 'ACTION_CORROBORATE', 'PROBLEM_SUBMITTED_FOR_REVIEW', 'PROBLEM_APPROVED']);
  });

  it('a problem spanning two districts is reviewed at the level containing both; approved different pupils stay apart', async () => {
    const { ids, problemId } = await records([
      { school: schoolA, name: '周八', gender: 'F' as Gender, birthDate: '2016-08-08', idNumber: validId('330106', '2016-08-08', 'F', 8) },
      { school: schoolB, name: '周八', gender: 'F' as Gender, birthDate: '2016-08-08', idNumber: validId('330102', '2016-08-08', 'F', 9) },
    ]);
    let p = await problem(problemId);
    await act(tokens.a, { problemId, version: p.version, studentId: ids[0], action: 'CORROBORATE', materialIds: [await material(tokens.a)] });
    p = await problem(problemId, tokens.b);
    await act(tokens.b, { problemId, version: p.version, studentId: ids[1], action: 'CORROBORATE', materialIds: [await material(tokens.b)] });
    p = await problem(problemId, tokens.b);
    expect(p.status).toBe('PENDING_REVIEW');
    expect(errorCodes(await review(tokens.district, { problemId, version: p.version, decision: 'APPROVE' }))).toEqual(['FORBIDDEN']);
    expect((await review(tokens.city, { problemId, version: p.version, decision: 'APPROVE' })).data.reviewProblem).toMatchObject({ ok: true, problemStatus: 'RESOLVED' });

    // Remembered as different pupils: a full rescan does not flag them again…
    await app.db.dataSource.transaction((m) => app.services.detection.detect(m, { kind: 'all' }));
    const open = async () => ((await app.db.dataSource.query(
      `SELECT count(*)::int AS n FROM problems p JOIN problem_members pm ON pm.problem_id = p.id WHERE pm.student_id = $1 AND p.status <> 'RESOLVED'`,
      [ids[0]],
    )) as { n: number }[])[0]!.n;
    expect(await open()).toBe(0);
    // …until a compared field of one of them changes.
    const changedId = validId('330102', '2016-08-08', 'F', 10);
    const stored = storedResidentId(changedId);
    await app.db.dataSource.query(`UPDATE students SET id_number = $2, id_key = $3 WHERE id = $1`, [ids[1], stored.idNumber, stored.idKey]);
    await app.db.dataSource.transaction((m) => app.services.detection.detect(m, { kind: 'students', studentIds: [ids[1]!] }));
    expect(await open()).toBe(1);
  });

  it('escalates a problem still open past its deadline, and schools can no longer act on it', async () => {
    const id = validId('330106', '2014-09-09', 'M', 11);
    const { ids, problemId } = await records([
      { school: schoolA, name: '冯九', gender: 'M' as Gender, birthDate: '2014-09-09', idNumber: id },
      { school: schoolB, name: '冯九', gender: 'M' as Gender, birthDate: '2014-09-09', idNumber: id },
    ]);
    const days = app.config.PROBLEM_DEADLINE_DAYS;
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);
    expect(await app.services.escalation.escalateOverdue(inDays(days - 1))).not.toContain(problemId);
    expect(await app.services.escalation.escalateOverdue(inDays(days + 1))).toContain(problemId);
    const p = await problem(problemId);
    expect(p.status).toBe('ESCALATED');
    expect(p.history.at(-1)).toMatchObject({ type: 'PROBLEM_ESCALATED', actorName: null, data: { reason: 'DEADLINE', before: { status: 'OPEN' } } });
    const refused = await act(tokens.a, { problemId, version: p.version, studentId: ids[0], action: 'DELETE', deleteReason: 'NOT_STUDYING_HERE' });
    expect(refused.data.actOnRecord.error.code).toBe('NOT_OPEN');
    expect(await app.services.escalation.escalateOverdue(inDays(days + 2))).not.toContain(problemId);
  });

  it('district staff restore a deleted record, which is compared again', async () => {
    const id = validId('330106', '2013-10-10', 'F', 12);
    const { ids, problemId } = await records([
      { school: schoolA, name: '陈十', gender: 'F' as Gender, birthDate: '2013-10-10', idNumber: id },
      { school: schoolA, name: '陈十', gender: 'F' as Gender, birthDate: '2013-10-10', idNumber: id },
    ]);
    const p = await problem(problemId);
    await act(tokens.a, { problemId, version: p.version, studentId: ids[1], action: 'DELETE', deleteReason: 'REDUNDANT' });
    const RESTORE = `mutation($id: ID!, $reason: String!) { restoreStudent(studentId: $id, reason: $reason) { ok error { code } } }`;
    expect(errorCodes(await product.gql(RESTORE, { id: ids[1], reason: '误删' }, tokens.a))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await product.gql(RESTORE, { id: ids[1], reason: '误删' }, tokens.b))).toEqual(['FORBIDDEN']);
    expect((await product.gql(RESTORE, { id: ids[1], reason: ' ' }, tokens.district)).data.restoreStudent.error.code).toBe('REASON_REQUIRED');
    expect((await product.gql(RESTORE, { id: ids[1], reason: '误删，学生仍在本校' }, tokens.district)).data.restoreStudent).toEqual({ ok: true, error: null });
    expect((await product.gql(RESTORE, { id: ids[1], reason: 'again' }, tokens.district)).data.restoreStudent.error.code).toBe('NOT_DELETED');
    const after = await problem(problemId);
    expect(after.members.map((m: { studentId: string }) => m.studentId).sort()).toEqual([...ids].sort());
    expect(after.history.map((e: { type: string }) => e.type)).toContain('RECORD_RESTORED');
  });

  const POST = `mutation($input: PostMessageInput!) { postMessage(input: $input) { ok id error { code field } } }`;
  const ANSWER = `mutation($input: AnswerProposalInput!) { answerProposal(input: $input) { ok id error { code field } } }`;
  const ESCALATE = `mutation($input: EscalateInput!) { escalateProblem(input: $input) { ok error { code } } }`;
  const DECIDE = `mutation($input: DecisionInput!) { decideProblem(input: $input) { ok problemStatus error { code } } }`;

  it('story 1: a proposal, a rejection, escalation, and the district decides', async () => {
    const id = validId('330106', '2012-11-11', 'M', 13);
    const { ids, problemId } = await records([
      { school: schoolA, name: '蒋十一', gender: 'M' as Gender, birthDate: '2012-11-11', idNumber: id },
      { school: schoolB, name: '蒋十一', gender: 'M' as Gender, birthDate: '2012-11-11', idNumber: id },
    ]);
    const proposal = await product.gql(POST, { input: { problemId, body: '该生在我校就读，请贵校删除记录。', proposal: 'KEEP_ONE', keepStudentId: ids[0] } }, tokens.a);
    expect(proposal.data.postMessage).toMatchObject({ ok: true });
    const messageId = proposal.data.postMessage.id;
    expect((await product.gql(ANSWER, { input: { messageId, accept: false, reason: 'nope' } }, tokens.a)).data.answerProposal.error.code).toBe('OWN_PROPOSAL');
    expect((await product.gql(ANSWER, { input: { messageId, accept: false } }, tokens.b)).data.answerProposal.error).toEqual({ code: 'REASON_REQUIRED', field: 'reason' });
    let p = await problem(problemId, tokens.b);
    expect((await product.gql(ESCALATE, { input: { problemId, version: p.version, reason: '分歧' } }, tokens.a)).data.escalateProblem.error.code).toBe('NO_DISAGREEMENT');
    expect((await product.gql(ANSWER, { input: { messageId, accept: false, reason: '学生仍在我校上课' } }, tokens.b)).data.answerProposal.ok).toBe(true);

    const thread = (await product.gql(`query($id: ID!) { problem(id: $id) { messages { body proposal keepStudentId proposalStatus answerReason school { id } } } }`, { id: problemId }, tokens.b)).data.problem.messages;
    expect(thread).toEqual([{ body: '该生在我校就读，请贵校删除记录。', proposal: 'KEEP_ONE', keepStudentId: ids[0], proposalStatus: 'REJECTED', answerReason: '学生仍在我校上课', school: { id: schoolA.id } }]);

    p = await problem(problemId);
    expect((await product.gql(ESCALATE, { input: { problemId, version: p.version, reason: '双方各执一词' } }, tokens.a)).data.escalateProblem.ok).toBe(true);
    p = await problem(problemId);
    expect(p.status).toBe('ESCALATED');
    const decision = { problemId, version: p.version, keepStudentIds: [ids[0]], deletions: [{ studentId: ids[1], reason: 'NOT_STUDYING_HERE' }], note: '经公安核查，学生在甲校就读' };
    expect(errorCodes(await product.gql(DECIDE, { input: decision }, tokens.district))).toEqual(['FORBIDDEN']); // spans two districts
    expect((await product.gql(DECIDE, { input: { ...decision, deletions: [] } }, tokens.city)).data.decideProblem.error.code).toBe('INVALID_DECISION');
    expect((await product.gql(DECIDE, { input: decision }, tokens.city)).data.decideProblem).toMatchObject({ ok: true, problemStatus: 'RESOLVED' });
    const [deleted] = (await app.db.dataSource.query(`SELECT status, delete_reason FROM students WHERE id = $1`, [ids[1]])) as object[];
    expect(deleted).toEqual({ status: 'DELETED', delete_reason: 'NOT_STUDYING_HERE' });
    expect((await problem(problemId)).history.map((e: { type: string }) => e.type)).toEqual(['PROBLEM_OPENED', 'PROPOSAL_MADE', 'PROPOSAL_REJECTED', 'PROBLEM_ESCALATED', 'ARBITRATION_DECIDED']);
  });

  it('an accepted proposal records agreement but does not act for the other school', async () => {
    const id = validId('330106', '2012-12-12', 'F', 14);
    const { ids, problemId } = await records([
      { school: schoolA, name: '沈十二', gender: 'F' as Gender, birthDate: '2012-12-12', idNumber: id },
      { school: schoolB, name: '沈十二', gender: 'F' as Gender, birthDate: '2012-12-12', idNumber: id },
    ]);
    const messageId = (await product.gql(POST, { input: { problemId, body: '请删除', proposal: 'KEEP_ONE', keepStudentId: ids[0] } }, tokens.a)).data.postMessage.id;
    expect((await product.gql(ANSWER, { input: { messageId, accept: true } }, tokens.b)).data.answerProposal.ok).toBe(true);
    const [record] = (await app.db.dataSource.query(`SELECT status FROM students WHERE id = $1`, [ids[1]])) as object[];
    expect(record).toEqual({ status: 'ENROLLED' });
    expect((await problem(problemId)).status).toBe('OPEN');
    expect(errorCodes(await product.gql(POST, { input: { problemId, body: 'hi' } }, tokens.district))).toEqual(['FORBIDDEN']);
  });

  it('shows each user what waits for them: an action, an answer, or a review', async () => {
    const WAITING = `{ problems(filter: { waitingForMe: true, scope: CROSS_SCHOOL }, first: 200) { totalCount nodes { id } } }`;
    const waiting = async (token: string) => ((await product.gql(WAITING, {}, token)).data.problems.nodes as { id: string }[]).map((n) => n.id);
    const id = validId('330106', '2011-01-11', 'M', 15);
    const { ids, problemId } = await records([
      { school: schoolA, name: '韩十三', gender: 'M' as Gender, birthDate: '2011-01-11', idNumber: id },
      { school: schoolB, name: '韩十三', gender: 'M' as Gender, birthDate: '2011-01-11', idNumber: id },
    ]);
    expect(await waiting(tokens.a)).toContain(problemId);
    expect(await waiting(tokens.b)).toContain(problemId);
    expect(await waiting(tokens.city)).not.toContain(problemId);

    let p = await problem(problemId);
    await act(tokens.a, { problemId, version: p.version, studentId: ids[0], action: 'CORROBORATE', materialIds: [await material(tokens.a)] });
    expect(await waiting(tokens.a)).not.toContain(problemId); // A has done its part
    expect(await waiting(tokens.b)).toContain(problemId);

    p = await problem(problemId, tokens.b);
    await act(tokens.b, { problemId, version: p.version, studentId: ids[1], action: 'DELETE', deleteReason: 'NOT_STUDYING_HERE' });
    expect(await waiting(tokens.b)).not.toContain(problemId);
    expect(await waiting(tokens.city)).toContain(problemId); // now a review for the reviewer over both districts
    expect(await waiting(tokens.district)).not.toContain(problemId);
  });

  it('within one school, two different pupils with the same identity: corroborate both, approve, never flagged again', async () => {
    const { ids, problemId } = await records([
      { school: schoolA, name: '杨帆', gender: 'M' as Gender, birthDate: '2015-05-15', idNumber: validId('330106', '2015-05-15', 'M', 16) },
      { school: schoolA, name: '杨帆', gender: 'M' as Gender, birthDate: '2015-05-15', idNumber: validId('330106', '2015-05-15', 'M', 17) },
    ]);
    let p = await problem(problemId);
    expect(p).toMatchObject({ type: 'DUPLICATE_IDENTITY', scope: 'WITHIN_SCHOOL' });
    for (const studentId of ids) {
      p = await problem(problemId);
      await act(tokens.a, { problemId, version: p.version, studentId, action: 'CORROBORATE', materialIds: [await material(tokens.a)] });
    }
    p = await problem(problemId);
    expect(p.status).toBe('PENDING_REVIEW');
    expect((await review(tokens.district, { problemId, version: p.version, decision: 'APPROVE' })).data.reviewProblem.problemStatus).toBe('RESOLVED');
    const rescan = await app.db.dataSource.transaction((m) => app.services.detection.detect(m, { kind: 'all' }));
    expect(rescan.opened).toBe(0);
  });

  it("a change of a mistyped ID leaves one collision (the problem goes to review) and joins the record to the pupil it really collides with", async () => {
    const shared = validId('330106', '2014-08-08', 'F', 20);
    const real = validId('330106', '2014-08-08', 'F', 21);
    // School B typed another pupil's number; the pupil with the number B meant is already at school A.
    const { ids, problemId } = await records([
      { school: schoolA, name: '陈晨', gender: 'F' as Gender, birthDate: '2014-08-08', idNumber: shared },
      { school: schoolB, name: '陈晨', gender: 'F' as Gender, birthDate: '2014-08-08', idNumber: shared },
    ]);
    const other = {
      ids: await app.db.dataSource.transaction((m) =>
        app.services.students.insertMany(m, [{ schoolId: schoolA.id, name: '周周', gender: 'F' as Gender, birthDate: '2014-08-08', idType: IdType.RESIDENT_ID, idNumber: real }]),
      ),
    };
    let p = await problem(problemId, tokens.b);
    expect(p).toMatchObject({ type: 'DUPLICATE_ID', scope: 'CROSS_SCHOOL', status: 'OPEN' });
    const changed = await act(tokens.b, {
      problemId, version: p.version, studentId: ids[1], action: 'CHANGE', changes: { idNumber: real, phone: '13800001111' }, materialIds: [await material(tokens.b)],
    });
    expect(changed.data.actOnRecord).toMatchObject({ ok: true, problemStatus: 'PENDING_REVIEW' });
    // School A sees that B changed its record, and which fields, but no value of it.
    const seenByA = (await problem(problemId, tokens.a)).history.find((e: { type: string }) => e.type === 'ACTION_CHANGE');
    // Another school's record: which fields changed, never their values (the disclosure model).
    expect(seenByA.data).not.toHaveProperty('before');
    expect(seenByA.data).not.toHaveProperty('after');
    expect(seenByA.data.changedFields).toEqual(['idNumber', 'phone']);
    const seenByB = (await problem(problemId, tokens.b)).history.find((e: { type: string }) => e.type === 'ACTION_CHANGE');
    expect(seenByB.data.after).toEqual({ idNumber: maskIdNumber(real), phone: '13800001111' });
    p = await problem(problemId, tokens.b);
    expect(p.members.map((m: { studentId: string }) => m.studentId)).toEqual([ids[0]]);
    expect(p.history.map((e: { type: string }) => e.type)).toEqual(['PROBLEM_OPENED', 'ACTION_CHANGE', 'MEMBER_LEFT', 'PROBLEM_SUBMITTED_FOR_REVIEW']);
    // Detection ran for the changed record: it now shares a number with the other pupil.
    const moved = (await app.db.dataSource.query(
      `SELECT p.id::text, p.type, p.scope, array_agg(pm.student_id::text ORDER BY pm.student_id) AS members
       FROM problems p JOIN problem_members pm ON pm.problem_id = p.id AND pm.left_at IS NULL
       WHERE p.status = 'OPEN' AND p.type = 'DUPLICATE_ID' AND pm.problem_id IN (SELECT problem_id FROM problem_members WHERE student_id = $1)
       GROUP BY p.id`,
      [other.ids[0]],
    )) as { type: string; scope: string; members: string[] }[];
    expect(moved).toEqual([expect.objectContaining({ type: 'DUPLICATE_ID', scope: 'CROSS_SCHOOL', members: [other.ids[0], ids[1]].sort((x, y) => Number(x) - Number(y)) })]);
    const city = await problem(problemId, tokens.city);
    expect((await review(tokens.city, { problemId, version: city.version, decision: 'APPROVE' })).data.reviewProblem.problemStatus).toBe('RESOLVED');
  });

  it('the same identity across schools, settled by the school the pupil left deleting its record, then approved', async () => {
    const { ids, problemId } = await records([
      { school: schoolA, name: '刘洋', gender: 'M' as Gender, birthDate: '2013-09-09', idNumber: validId('330106', '2013-09-09', 'M', 22) },
      { school: schoolB, name: '刘洋', gender: 'M' as Gender, birthDate: '2013-09-09', idNumber: validId('330102', '2013-09-09', 'M', 23) },
    ]);
    let p = await problem(problemId, tokens.b);
    expect(p).toMatchObject({ type: 'DUPLICATE_IDENTITY', scope: 'CROSS_SCHOOL' });
    const deleted = await act(tokens.b, { problemId, version: p.version, studentId: ids[1], action: 'DELETE', deleteReason: 'NOT_STUDYING_HERE' });
    // One record remains, and it still has to be corroborated by its school.
    expect(deleted.data.actOnRecord).toMatchObject({ ok: true, problemStatus: 'OPEN' });
    p = await problem(problemId);
    const kept = await act(tokens.a, { problemId, version: p.version, studentId: ids[0], action: 'CORROBORATE', materialIds: [await material(tokens.a)] });
    expect(kept.data.actOnRecord).toMatchObject({ ok: true, problemStatus: 'PENDING_REVIEW' });
    p = await problem(problemId, tokens.city);
    expect((await review(tokens.city, { problemId, version: p.version, decision: 'APPROVE' })).data.reviewProblem.problemStatus).toBe('RESOLVED');
    expect((await problem(problemId)).history.map((e: { type: string }) => e.type)).toEqual([
      'PROBLEM_OPENED', 'ACTION_DELETE', 'MEMBER_LEFT', 'ACTION_CORROBORATE', 'PROBLEM_SUBMITTED_FOR_REVIEW', 'PROBLEM_APPROVED',
    ]);
  });
});
