import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { makeSchool, makeUser } from './support/factories.js';
import { PLAIN_PDF } from './support/images.js';
import { errorCodes, startProduct } from './support/product.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Undo with a reason: a school withdraws its action before review; district staff reopen a resolved problem. */
describe('withdrawing an action and reopening a problem', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let school: { id: string; regionCode: string };
  const tokens = { a: '', b: '', district: '', farDistrict: '' };
  let sequence = 0;

  const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await product.gql(query, variables, token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const state = async (problemId: string) =>
    ((await app.db.dataSource.query(`SELECT status, version FROM problems WHERE id = $1`, [problemId])) as { status: string; version: number }[])[0]!;
  const material = async () => {
    const response = await fetch(`${product.url}/materials?kind=HOUSEHOLD_REGISTER`, { method: 'POST', headers: { authorization: `Bearer ${tokens.a}` }, body: new Uint8Array(PLAIN_PDF) });
    return ((await response.json()) as { materialId: string }).materialId;
  };
  const act = async (problemId: string, input: Record<string, unknown>) =>
    (await gql(`mutation($i: RecordActionInput!) { actOnRecord(input: $i) { ok problemStatus error { code } } }`, { i: { problemId, version: (await state(problemId)).version, ...input } }, tokens.a)).actOnRecord;
  const withdraw = async (problemId: string, studentId: string | undefined, reason = '操作有误，撤回', token = tokens.a) =>
    (await gql(`mutation($i: WithdrawActionInput!) { withdrawAction(input: $i) { ok problemStatus error { code field } } }`, { i: { problemId, version: (await state(problemId)).version, studentId, reason } }, token))
      .withdrawAction;
  const history = async (problemId: string) => ((await app.db.dataSource.query(`SELECT type, data FROM events WHERE problem_id = $1 ORDER BY id`, [problemId])) as { type: string; data: any }[]);

  /** Records of school A, detected; returns their ids and the problem of the first. */
  async function records(rows: { name: string; birthDate: string; idNumber: string }[], type: string) {
    const ids = await app.db.dataSource.transaction(async (m) => {
      const inserted = await app.services.students.insertMany(m, rows.map((r) => ({ schoolId: school.id, gender: Gender.M, idType: IdType.RESIDENT_ID, ...r })));
      await app.services.detection.detect(m, { kind: 'students', studentIds: inserted });
      return inserted;
    });
    const [problem] = (await app.db.dataSource.query(`SELECT p.id::text FROM problems p JOIN problem_members pm ON pm.problem_id = p.id WHERE pm.student_id = $1 AND p.type = $2`, [ids[0], type])) as {
      id: string;
    }[];
    return { ids, problemId: problem!.id };
  }
  function copies(count: number) {
    sequence += 1;
    const birthDate = `2016-02-${String(sequence).padStart(2, '0')}`;
    return Array.from({ length: count }, () => ({ name: `重复${sequence}`, birthDate, idNumber: validId('330102', birthDate, 'M', sequence) }));
  }

  beforeAll(async () => {
    app = await createTestApp();
    school = await makeSchool(app, '330102');
    const other = await makeSchool(app, '330102');
    product = await startProduct(app);
    tokens.a = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: school.id })).username);
    tokens.b = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: other.id })).username);
    tokens.district = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330102' })).username);
    tokens.farDistrict = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330106' })).username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  it('a corroboration that submitted the problem is withdrawn (back to OPEN), then the deletion before it (the copy is restored)', async () => {
    const { ids, problemId } = await records(copies(2), 'DUPLICATE_ID');
    expect(await act(problemId, { studentId: ids[1], action: 'DELETE', deleteReason: 'REDUNDANT' })).toMatchObject({ ok: true, problemStatus: 'OPEN' });
    expect(await act(problemId, { studentId: ids[0], action: 'CORROBORATE', materialIds: [await material()] })).toMatchObject({ ok: true, problemStatus: 'PENDING_REVIEW' });

    expect((await withdraw(problemId, ids[0], '  ')).error).toEqual({ code: 'REASON_REQUIRED', field: 'reason' });
    expect(errorCodes(await product.gql(`mutation($i: WithdrawActionInput!) { withdrawAction(input: $i) { ok } }`, { i: { problemId, version: (await state(problemId)).version, studentId: ids[0], reason: '不是我校' } }, tokens.b))).toEqual(['NOT_FOUND']);
    expect(await withdraw(problemId, ids[0])).toMatchObject({ ok: true, problemStatus: 'OPEN' });
    const [member] = (await app.db.dataSource.query(`SELECT corroborated_at FROM problem_members WHERE problem_id = $1 AND student_id = $2`, [problemId, ids[0]])) as { corroborated_at: Date | null }[];
    expect(member!.corroborated_at).toBeNull();
    expect((await withdraw(problemId, ids[0])).error.code).toBe('NOTHING_TO_WITHDRAW');

    expect(await withdraw(problemId, ids[1])).toEqual({ ok: true, problemStatus: "OPEN", error: null });
    const [restored] = (await app.db.dataSource.query(`SELECT status FROM students WHERE id = $1`, [ids[1]])) as { status: string }[];
    expect(restored!.status).toBe('ENROLLED');
    const events = (await history(problemId)).map((e) => e.type);
    expect(events.slice(-4)).toEqual(['ACTION_WITHDRAWN', 'PROBLEM_SUBMISSION_WITHDRAWN', 'ACTION_WITHDRAWN', 'MEMBER_JOINED']);
    const withdrawn = (await history(problemId)).filter((e) => e.type === 'ACTION_WITHDRAWN').map((e) => e.data);
    expect(withdrawn.map((d) => [d.action, d.studentId, d.reason])).toEqual([['CORROBORATE', ids[0], '操作有误，撤回'], ['DELETE', ids[1], '操作有误，撤回']]);
  });

  it('a change is changed back, and the wrong ID number is a problem again', async () => {
    sequence += 1;
    const good = validId('330102', '2016-03-03', 'M', sequence);
    const wrong = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
    const { ids, problemId } = await records([{ name: '错号生', birthDate: '2016-03-03', idNumber: wrong }], 'INVALID_ID');
    expect(await act(problemId, { studentId: ids[0], action: 'CHANGE', changes: { idNumber: good }, materialIds: [await material()] })).toMatchObject({ ok: true, problemStatus: 'PENDING_REVIEW' });
    expect(await withdraw(problemId, ids[0])).toMatchObject({ ok: true, problemStatus: 'OPEN' });
    const { student } = await gql(`query($id: ID!) { student(id: $id) { idNumber } }`, { id: ids[0] }, tokens.a);
    expect(student).toEqual({ idNumber: wrong });
    const [member] = (await app.db.dataSource.query(`SELECT left_at FROM problem_members WHERE problem_id = $1 AND student_id = $2`, [problemId, ids[0]])) as { left_at: Date | null }[];
    expect(member!.left_at).toBeNull();
  });

  it('only the latest action on a record, and only before the review', async () => {
    const { ids, problemId } = await records(copies(2), 'DUPLICATE_ID');
    await act(problemId, { studentId: ids[1], action: 'DELETE', deleteReason: 'REDUNDANT' });
    // The district restores the deleted copy: the deletion is no longer the record's latest change.
    await gql(`mutation($id: ID!) { restoreStudent(studentId: $id, reason: "误删") { ok } }`, { id: ids[1] }, tokens.district);
    expect((await withdraw(problemId, ids[1])).error.code).toBe('CHANGED_SINCE');

    const second = await records(copies(2), 'DUPLICATE_ID');
    await act(second.problemId, { studentId: second.ids[1], action: 'DELETE', deleteReason: 'REDUNDANT' });
    await act(second.problemId, { studentId: second.ids[0], action: 'CORROBORATE', materialIds: [await material()] });
    await gql(`mutation($i: ReviewInput!) { reviewProblem(input: $i) { ok } }`, { i: { problemId: second.problemId, version: (await state(second.problemId)).version, decision: 'APPROVE' } }, tokens.district);
    expect((await withdraw(second.problemId, second.ids[0])).error.code).toBe('ALREADY_REVIEWED');
  });

  it('district staff reopen a "different pupils" decision: the pair is compared again, and the problem is open for the schools', async () => {
    sequence += 1;
    const birthDate = `2016-04-${String(sequence).padStart(2, '0')}`;
    const pair = [0, 1].map((i) => ({ name: '同名生', birthDate, idNumber: validId('330102', birthDate, 'M', 40 + i) }));
    const { ids, problemId } = await records(pair, 'DUPLICATE_IDENTITY');
    for (const id of ids) await act(problemId, { studentId: id, action: 'CORROBORATE', materialIds: [await material()] });
    const review = (token: string, query: string, input: Record<string, unknown>) => gql(query, { i: input }, token);
    await review(tokens.district, `mutation($i: ReviewInput!) { reviewProblem(input: $i) { ok } }`, { problemId, version: (await state(problemId)).version, decision: 'APPROVE' });
    const REOPEN = `mutation($i: ReopenInput!) { reopenProblem(input: $i) { ok problemStatus error { code field } } }`;
    const canReopen = async (token: string) => (await gql(`query($id: ID!) { problem(id: $id) { viewerCan { reopen } } }`, { id: problemId }, token)).problem.viewerCan.reopen;
    expect([await canReopen(tokens.district), await canReopen(tokens.a)]).toEqual([true, false]);
    expect(errorCodes(await product.gql(REOPEN, { i: { problemId, version: (await state(problemId)).version, reason: '复查' } }, tokens.farDistrict))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await product.gql(REOPEN, { i: { problemId, version: (await state(problemId)).version, reason: '复查' } }, tokens.a))).toEqual(['FORBIDDEN']);
    expect((await review(tokens.district, REOPEN, { problemId, version: (await state(problemId)).version, reason: '' })).reopenProblem.error.code).toBe('REASON_REQUIRED');
    expect((await review(tokens.district, REOPEN, { problemId, version: (await state(problemId)).version, reason: '家长反映两人实为同一人' })).reopenProblem).toMatchObject({ ok: true, problemStatus: 'OPEN' });
    expect((await review(tokens.district, REOPEN, { problemId, version: (await state(problemId)).version, reason: '再次' })).reopenProblem.error.code).toBe('NOT_RESOLVED');

    const revoked = (await app.db.dataSource.query(`SELECT revoked_at IS NOT NULL AS revoked FROM distinct_pupils WHERE problem_id = $1`, [problemId])) as { revoked: boolean }[];
    expect(revoked).toEqual([{ revoked: true }]);
    const reopened = (await history(problemId)).find((e) => e.type === 'PROBLEM_REOPENED')!;
    expect(reopened.data).toMatchObject({ reason: '家长反映两人实为同一人', revokedPairs: [{ a: ids[0], b: ids[1] }], before: { status: 'RESOLVED' }, after: { status: 'OPEN' } });
    // A full rescan agrees: the pair collides again, in this problem, which stays open.
    await app.db.dataSource.transaction((m) => app.services.detection.detect(m, { kind: 'all' }));
    expect((await state(problemId)).status).toBe('OPEN');
    const live = (await app.db.dataSource.query(`SELECT count(*)::int AS n FROM problem_members WHERE problem_id = $1 AND left_at IS NULL`, [problemId])) as { n: number }[];
    expect(live[0]!.n).toBe(2);
  });
});
