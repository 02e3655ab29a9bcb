import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { makeSchool, makeUser } from './support/factories.js';
import { errorCodes, startProduct } from './support/product.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Transfers between schools (学籍转接), through the gateway, as each party sees them. */
describe('transfers', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let sequence = 0;
  const schools = {} as Record<'a' | 'b' | 'd' | 'far', { id: string; code: string; regionCode: string }>;
  const tokens = {} as Record<'a' | 'b' | 'd' | 'far' | 'district102' | 'district105' | 'district106' | 'city', string>;

  const TRANSFER_FIELDS = `id status version pupilName problemId steps approvalsNeeded approved overdue answerReason fromSchool { id } toSchool { id } history { type reason actorName }`;
  const q = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await product.gql(query, variables, token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const step = async (mutation: string, input: Record<string, unknown>, token: string) =>
    (await q(`mutation($i: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $i) { ok transferId error { code field } } }`, { i: input }, token))[mutation];
  const transfer = async (id: string, token: string) =>
    ((await q(`{ transfers(first: 200) { ${TRANSFER_FIELDS} } }`, {}, token)).transfers as any[]).find((t) => t.id === id);
  const record = async (id: string) =>
    ((await app.db.dataSource.query(`SELECT status, school_id::text AS "schoolId", transferred_to::text AS "transferredTo", name FROM students WHERE id = $1`, [id])) as any[])[0];

  /** The same pupil at two schools: a cross-school DUPLICATE_ID problem. */
  async function pupilAtBoth(first: { id: string; regionCode: string }, second: { id: string }) {
    sequence += 1;
    const birthDate = `2015-04-${String(sequence).padStart(2, '0')}`;
    const idNumber = validId(first.regionCode, birthDate, 'F', sequence);
    const name = `转学生${sequence}`;
    const ids = await app.db.dataSource.transaction(async (m) => {
      const inserted = await app.services.students.insertMany(m, [first, second].map((s) => ({ schoolId: s.id, name, gender: Gender.F, birthDate, idType: IdType.RESIDENT_ID, idNumber })));
      await app.services.detection.detect(m, { kind: 'students', studentIds: inserted });
      return inserted;
    });
    const [problem] = (await app.db.dataSource.query(`SELECT p.id::text, p.version FROM problems p JOIN problem_members pm ON pm.problem_id = p.id WHERE pm.student_id = $1`, [ids[0]])) as {
      id: string;
      version: number;
    }[];
    return { problem: problem!, oldId: ids[0]!, newId: ids[1]!, idNumber, name };
  }

  /** One pupil at one school only. */
  async function pupilAt(school: { id: string; regionCode: string }) {
    sequence += 1;
    const birthDate = `2016-05-${String(sequence).padStart(2, '0')}`;
    const idNumber = validId(school.regionCode, birthDate, 'M', sequence);
    const name = `插班生${sequence}`;
    const [id] = await app.db.dataSource.transaction((m) => app.services.students.insertMany(m, [{ schoolId: school.id, name, gender: Gender.M, birthDate, idType: IdType.RESIDENT_ID, idNumber }]));
    return { id: id!, idNumber, name };
  }

  beforeAll(async () => {
    app = await createTestApp();
    schools.a = await makeSchool(app, '330102');
    schools.b = await makeSchool(app, '330102');
    schools.d = await makeSchool(app, '330106');
    schools.far = await makeSchool(app, '330105');
    product = await startProduct(app);
    for (const key of ['a', 'b', 'd', 'far'] as const) tokens[key] = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schools[key].id })).username);
    tokens.district102 = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330102' })).username);
    tokens.district105 = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330105' })).username);
    tokens.district106 = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330106' })).username);
    tokens.city = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330100' })).username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  it('inside a duplicate: the new school asks, the old one confirms, the old record is TRANSFERRED_OUT and the problem resolves as TRANSFERRED', async () => {
    const { problem, oldId, newId, name } = await pupilAtBoth(schools.a, schools.b);
    // The new school spelt the name its own way: each side is shown its own record's name, never the other's.
    await app.db.dataSource.query(`UPDATE students SET name = $2 WHERE id = $1`, [newId, `${name}乙`]);
    const requested = await step('requestTransfer', { problemId: problem.id, version: problem.version, fromStudentId: oldId, toStudentId: newId, note: '该生已随父母转来我校' }, tokens.b);
    expect(requested).toMatchObject({ ok: true, error: null });
    const id = requested.transferId;

    // Whose turn it is, in the problem and in each school's "waiting for me" list.
    const next = async (token: string) => (await q(`query($id: ID!) { problem(id: $id) { nextStep { kind yourTurn } } }`, { id: problem.id }, token)).problem.nextStep;
    const waiting = async (token: string) =>
      ((await q(`{ problems(filter: { waitingForMe: true }, first: 100) { nodes { id } } }`, {}, token)).problems.nodes as { id: string }[]).some((n) => n.id === problem.id);
    expect(await next(tokens.a)).toEqual({ kind: 'ANSWER_TRANSFER', yourTurn: true });
    expect(await next(tokens.b)).toEqual({ kind: 'WAIT_FOR_TRANSFER', yourTurn: false });
    expect([await waiting(tokens.a), await waiting(tokens.b)]).toEqual([true, false]);
    // The old school sees what to do; the new one may only withdraw; another school sees nothing.
    const seenByA = await transfer(id, tokens.a);
    expect(seenByA).toMatchObject({ status: 'REQUESTED', steps: ['ANSWER'], problemId: problem.id, approvalsNeeded: [], fromSchool: { id: schools.a.id }, pupilName: name });
    expect((await transfer(id, tokens.b)).pupilName).toBe(`${name}乙`);
    expect((await transfer(id, tokens.b)).steps).toEqual(['WITHDRAW']);
    // 转出 for the old school, 转入 for the new one, for schools and districts alike.
    const listed = async (direction: string, token: string) =>
      ((await q(`query($d: TransferDirection) { transfers(filter: { direction: $d }) { id } }`, { d: direction }, token)).transfers as { id: string }[]).some((t) => t.id === id);
    expect([await listed('OUTGOING', tokens.a), await listed('INCOMING', tokens.a), await listed('INCOMING', tokens.b), await listed('OUTGOING', tokens.b)]).toEqual([true, false, true, false]);
    expect([await listed('OUTGOING', tokens.district102), await listed('INCOMING', tokens.district102)]).toEqual([true, true]);
    expect(await transfer(id, tokens.far)).toBeUndefined();

    expect((await step('answerTransfer', { transferId: id, version: seenByA.version + 1, accept: true }, tokens.a)).error.code).toBe('STALE_VERSION');
    expect(await step('answerTransfer', { transferId: id, version: seenByA.version, accept: true }, tokens.a)).toMatchObject({ ok: true });

    expect(await record(oldId)).toMatchObject({ status: 'TRANSFERRED_OUT', transferredTo: newId });
    expect(await record(newId)).toMatchObject({ status: 'ENROLLED', schoolId: schools.b.id });
    const after = await q(`query($id: ID!) { problem(id: $id) { status closedBy transfers { status } history { type } } }`, { id: problem.id }, tokens.b);
    expect(after.problem).toMatchObject({ status: 'RESOLVED', closedBy: 'TRANSFERRED', transfers: [{ status: 'COMPLETED' }] });
    const types = after.problem.history.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['TRANSFER_REQUESTED', 'TRANSFER_CONFIRMED', 'TRANSFER_COMPLETED', 'PROBLEM_RESOLVED_BY_TRANSFER']));
    expect((await transfer(id, tokens.b)).history.map((e: { type: string }) => e.type)).toEqual(['TRANSFER_REQUESTED', 'TRANSFER_CONFIRMED', 'TRANSFER_COMPLETED']);
    const studentEvents = (await app.db.dataSource.query(`SELECT type, data FROM events WHERE subject_type = 'student' AND subject_id = ANY($1) ORDER BY id`, [[oldId, newId]])) as {
      type: string;
      data: Record<string, unknown>;
    }[];
    expect(studentEvents).toEqual([
      { type: 'STUDENT_TRANSFERRED_OUT', data: expect.objectContaining({ transferId: id, toSchoolId: schools.b.id, toStudentId: newId, before: { status: 'ENROLLED' }, after: { status: 'TRANSFERRED_OUT' } }) },
      { type: 'STUDENT_TRANSFERRED_IN', data: expect.objectContaining({ transferId: id, fromSchoolId: schools.a.id, fromStudentId: oldId, created: false }) },
    ]);

    // A full rescan agrees: one active record carries the number, nothing reopens.
    await app.db.dataSource.transaction((m) => app.services.detection.detect(m, { kind: 'all' }));
    const open = (await app.db.dataSource.query(`SELECT count(*)::int AS n FROM problem_members pm JOIN problems p ON p.id = pm.problem_id WHERE pm.student_id = $1 AND p.status <> 'RESOLVED'`, [newId])) as { n: number }[];
    expect(open[0]!.n).toBe(0);
  });

  it('refusals: only a DUPLICATE_ID, only the right sides, one open request per record, a reason to refuse; a refused transfer lets the schools escalate', async () => {
    const { problem, oldId, newId } = await pupilAtBoth(schools.a, schools.b);
    const base = { problemId: problem.id, version: problem.version, fromStudentId: oldId, toStudentId: newId };
    expect((await step('requestTransfer', { ...base, fromStudentId: newId, toStudentId: oldId }, tokens.b)).error.code).toBe('NOT_A_MEMBER');
    expect((await step('requestTransfer', { ...base, version: problem.version + 5 }, tokens.b)).error.code).toBe('STALE_VERSION');
    const refusedAsOutsider = await product.gql(`mutation($i: RequestTransferInput!) { requestTransfer(input: $i) { ok } }`, { i: base }, tokens.far);
    expect(errorCodes(refusedAsOutsider)).toEqual(['NOT_FOUND']);
    const abilities = async (token: string) => (await q(`query($id: ID!) { problem(id: $id) { viewerCan { requestTransfer escalate } } }`, { id: problem.id }, token)).problem.viewerCan;
    expect(await abilities(tokens.b)).toEqual({ requestTransfer: true, escalate: false });
    const { transferId } = await step('requestTransfer', base, tokens.b);
    // One transfer waits at a time.
    expect(await abilities(tokens.b)).toEqual({ requestTransfer: false, escalate: false });
    const version = (await transfer(transferId, tokens.a)).version;
    expect((await step('requestTransfer', { ...base, version: problem.version + 1 }, tokens.b)).error.code).toBe('ALREADY_REQUESTED');
    // The new school cannot answer its own request.
    expect(errorCodes(await product.gql(`mutation($i: AnswerTransferInput!) { answerTransfer(input: $i) { ok } }`, { i: { transferId, version, accept: true } }, tokens.b))).toEqual(['FORBIDDEN']);
    expect((await step('answerTransfer', { transferId, version, accept: false, reason: '  ' }, tokens.a)).error).toEqual({ code: 'VALUE_REQUIRED', field: 'reason' });
    expect(await step('answerTransfer', { transferId, version, accept: false, reason: '该生仍在我校就读' }, tokens.a)).toMatchObject({ ok: true });
    expect(await record(oldId)).toMatchObject({ status: 'ENROLLED', transferredTo: null });
    const [current] = (await app.db.dataSource.query(`SELECT status, version FROM problems WHERE id = $1`, [problem.id])) as { status: string; version: number }[];
    expect(current!.status).toBe('OPEN');
    expect(await abilities(tokens.b)).toEqual({ requestTransfer: true, escalate: true });
    const escalated = await q(`mutation($i: EscalateInput!) { escalateProblem(input: $i) { ok error { code } } }`, { i: { problemId: problem.id, version: current!.version, reason: '两校意见不一致' } }, tokens.b);
    expect(escalated.escalateProblem).toMatchObject({ ok: true });
    expect((await transfer(transferId, tokens.b)).answerReason).toBe('该生仍在我校就读');
  });

  it('an unanswered request: the district decides only after the deadline, and other districts cannot', async () => {
    const { problem, oldId, newId } = await pupilAtBoth(schools.a, schools.b);
    const { transferId } = await step('requestTransfer', { problemId: problem.id, version: problem.version, fromStudentId: oldId, toStudentId: newId }, tokens.b);
    let version = (await transfer(transferId, tokens.district102)).version;
    expect((await transfer(transferId, tokens.district102)).steps).toEqual([]);
    expect((await step('answerTransfer', { transferId, version, accept: true }, tokens.district102)).error.code).toBe('NOT_DUE');
    await app.db.dataSource.query(`UPDATE transfers SET due_at = now() - interval '1 day' WHERE id = $1`, [transferId]);
    const overdue = await transfer(transferId, tokens.district102);
    expect(overdue).toMatchObject({ overdue: true, steps: ['DECIDE'] });
    const decide = (await q(`query($id: ID!) { problem(id: $id) { nextStep { kind yourTurn } } }`, { id: problem.id }, tokens.district102)).problem.nextStep;
    expect(decide).toEqual({ kind: 'DECIDE_TRANSFER', yourTurn: true });
    version = overdue.version;
    expect(errorCodes(await product.gql(`mutation($i: AnswerTransferInput!) { answerTransfer(input: $i) { ok } }`, { i: { transferId, version, accept: true } }, tokens.district105))).toEqual(['NOT_FOUND']);
    expect(await step('answerTransfer', { transferId, version, accept: true, reason: '逾期未答复，区县确认' }, tokens.district102)).toMatchObject({ ok: true });
    expect(await record(oldId)).toMatchObject({ status: 'TRANSFERRED_OUT', transferredTo: newId });
    const [confirmed] = (await app.db.dataSource.query(`SELECT data FROM events WHERE subject_type = 'transfer' AND subject_id = $1 AND type = 'TRANSFER_CONFIRMED'`, [transferId])) as { data: any }[];
    expect(confirmed!.data).toMatchObject({ byDistrict: true, reason: '逾期未答复，区县确认' });
  });

  it('转入申请 between two districts: the old school confirms, both districts approve, a record is made at the new school', async () => {
    const pupil = await pupilAt(schools.a);
    const ask = (input: Record<string, unknown>) => step('requestTransferIn', { fromSchoolCode: schools.a.code, idNumber: pupil.idNumber, name: pupil.name, ...input }, tokens.d);
    expect((await ask({ name: '别的名字' })).error.code).toBe('NO_SUCH_PUPIL');
    expect((await ask({ fromSchoolCode: '0000000000' })).error.code).toBe('UNKNOWN_SCHOOL');
    expect((await step('requestTransferIn', { fromSchoolCode: schools.d.code, idNumber: pupil.idNumber, name: pupil.name }, tokens.d)).error.code).toBe('SAME_SCHOOL');
    const { transferId } = await ask({ note: '随迁子女' });
    let seen = await transfer(transferId, tokens.a);
    expect(seen).toMatchObject({ status: 'REQUESTED', problemId: null, approvalsNeeded: ['330106', '330102'], pupilName: pupil.name, steps: ['ANSWER'] });

    expect(await step('answerTransfer', { transferId, version: seen.version, accept: true }, tokens.a)).toMatchObject({ ok: true });
    seen = await transfer(transferId, tokens.district102);
    expect(seen).toMatchObject({ status: 'CONFIRMED', steps: ['APPROVE'] });
    // A school's registrar never approves; a district the move does not touch does not see it.
    expect(errorCodes(await product.gql(`mutation($i: ApproveTransferInput!) { approveTransfer(input: $i) { ok } }`, { i: { transferId, version: seen.version, approve: true } }, tokens.a))).toEqual(['FORBIDDEN']);
    expect(await transfer(transferId, tokens.district105)).toBeUndefined();

    expect(await step('approveTransfer', { transferId, version: seen.version, approve: true }, tokens.district102)).toMatchObject({ ok: true });
    seen = await transfer(transferId, tokens.district106);
    expect(seen).toMatchObject({ status: 'CONFIRMED', approved: ['330102'], steps: ['APPROVE'] });
    // Each district approves once; an approval on what was read before it is stale.
    expect((await step('approveTransfer', { transferId, version: seen.version, approve: true }, tokens.district102)).error.code).toBe('NOT_WAITING');
    expect((await step('approveTransfer', { transferId, version: seen.version - 1, approve: true }, tokens.district106)).error.code).toBe('STALE_VERSION');
    expect(await step('approveTransfer', { transferId, version: seen.version, approve: true }, tokens.district106)).toMatchObject({ ok: true });

    const old = await record(pupil.id);
    expect(old.status).toBe('TRANSFERRED_OUT');
    expect(await record(old.transferredTo)).toMatchObject({ status: 'ENROLLED', schoolId: schools.d.id, name: pupil.name });
    const done = await transfer(transferId, tokens.d);
    expect(done).toMatchObject({ status: 'COMPLETED', steps: [] });
    expect(done.history.map((e: { type: string }) => e.type)).toEqual(['TRANSFER_REQUESTED', 'TRANSFER_CONFIRMED', 'TRANSFER_APPROVED', 'TRANSFER_APPROVED', 'TRANSFER_COMPLETED']);
    // The copy is the same pupil by the same comparison keys: no problem between the two records.
    const problems = (await app.db.dataSource.query(`SELECT count(*)::int AS n FROM problem_members WHERE student_id = ANY($1)`, [[pupil.id, old.transferredTo]])) as { n: number }[];
    expect(problems[0]!.n).toBe(0);
    // Asked for again, the pupil is already the new school's.
    expect((await ask({})).error.code).toBe('ALREADY_HERE');
  });

  it('withdrawal by the new school, with a reason; a district refusal ends a transfer between districts', async () => {
    const pupil = await pupilAt(schools.a);
    const ask = () => step('requestTransferIn', { fromSchoolCode: schools.a.code, idNumber: pupil.idNumber, name: pupil.name }, tokens.d);
    const first = await ask();
    let version = (await transfer(first.transferId, tokens.d)).version;
    expect((await step('withdrawTransfer', { transferId: first.transferId, version, reason: '' }, tokens.d)).error.code).toBe('VALUE_REQUIRED');
    expect(await step('withdrawTransfer', { transferId: first.transferId, version, reason: '家长改变主意' }, tokens.d)).toMatchObject({ ok: true });
    expect((await step('answerTransfer', { transferId: first.transferId, version: version + 1, accept: true }, tokens.a)).error.code).toBe('NOT_WAITING');

    const second = await ask();
    expect(second.ok).toBe(true);
    version = (await transfer(second.transferId, tokens.a)).version;
    await step('answerTransfer', { transferId: second.transferId, version, accept: true }, tokens.a);
    version = (await transfer(second.transferId, tokens.district106)).version;
    expect(await step('approveTransfer', { transferId: second.transferId, version, approve: false, reason: '材料不全' }, tokens.district106)).toMatchObject({ ok: true });
    expect(await transfer(second.transferId, tokens.d)).toMatchObject({ status: 'REJECTED', answerReason: '材料不全', steps: [] });
    expect(await record(pupil.id)).toMatchObject({ status: 'ENROLLED' });
  });

  it('statistics count each scope’s transfers by status, month and district pair (after the flows above)', async () => {
    const STATS = `query($r: String) { transferStats(regionCode: $r) { requested open overdue completed rejected withdrawn medianDaysToComplete
      byMonth { month requested completed } byRegionPair { fromRegionCode toRegionCode completed medianDays } } }`;
    const city = (await q(STATS, {}, tokens.city)).transferStats;
    expect(city).toMatchObject({ requested: 6, open: 0, overdue: 0, completed: 3, rejected: 2, withdrawn: 1 });
    expect(city.byRegionPair).toEqual([
      { fromRegionCode: '330102', toRegionCode: '330102', completed: 2, medianDays: expect.any(Number) },
      { fromRegionCode: '330102', toRegionCode: '330106', completed: 1, medianDays: expect.any(Number) },
    ]);
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
    expect(city.byMonth).toEqual([{ month, requested: 6, completed: 3 }]);
    // A district sees the transfers that leave or enter it; a region filter narrows within the scope.
    expect((await q(STATS, {}, tokens.district106)).transferStats).toMatchObject({ requested: 3, completed: 1, rejected: 1, withdrawn: 1 });
    expect((await q(STATS, { r: '330106' }, tokens.city)).transferStats).toMatchObject({ requested: 3, completed: 1 });
    expect((await q(STATS, {}, tokens.far)).transferStats).toMatchObject({ requested: 0, completed: 0, medianDaysToComplete: null, byMonth: [], byRegionPair: [] });
  });
});
