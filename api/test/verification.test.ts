import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { makeSchool, makeUser } from './support/factories.js';
import { PLAIN_PDF } from './support/images.js';
import { errorCodes, startProduct } from './support/product.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** 学期核查: a district opens a campaign; schools confirm class by class; who left is followed up. */
describe('semester verification', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  const schools = {} as Record<'a' | 'b' | 'c', { id: string; code: string; regionCode: string }>;
  const tokens = { a: '', b: '', c: '', district: '', farDistrict: '' };
  let pupils: string[] = [];
  let campaignId = '';

  const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await product.gql(query, variables, token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const OPEN = `mutation($i: OpenCampaignInput!) { openVerificationCampaign(input: $i) { ok campaignId error { code field } } }`;
  const CONFIRM = `mutation($i: ConfirmClassInput!) { confirmClass(input: $i) { ok error { code field } } }`;
  const confirm = async (input: Record<string, unknown>, token = tokens.a) => (await gql(CONFIRM, { i: { campaignId, ...input } }, token)).confirmClass;
  const campaign = async (token: string, fields: string) =>
    ((await gql(`{ verificationCampaigns { id ${fields} } }`, {}, token)).verificationCampaigns as { id: string }[]).find((c) => c.id === campaignId) as any;

  beforeAll(async () => {
    app = await createTestApp();
    schools.a = await makeSchool(app, '330102');
    schools.b = await makeSchool(app, '330102');
    schools.c = await makeSchool(app, '330106');
    const pupil = (schoolId: string, n: number, grade: string, className: string) => ({
      schoolId, name: `学生${n}`, gender: Gender.M, birthDate: `2019-01-${String(n).padStart(2, '0')}`, idType: IdType.RESIDENT_ID,
      idNumber: validId('330102', `2019-01-${String(n).padStart(2, '0')}`, 'M', n), grade, className,
    });
    pupils = await app.db.dataSource.transaction((m) =>
      app.services.students.insertMany(m, [
        pupil(schools.a.id, 1, '一年级', '1班'), pupil(schools.a.id, 2, '一年级', '1班'), pupil(schools.a.id, 3, '一年级', '1班'),
        pupil(schools.a.id, 4, '一年级', '2班'), pupil(schools.b.id, 5, '二年级', '1班'),
      ]),
    );
    product = await startProduct(app);
    for (const key of ['a', 'b', 'c'] as const) tokens[key] = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schools[key].id })).username);
    tokens.district = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330102' })).username);
    tokens.farDistrict = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330106' })).username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  it('district staff open one campaign per semester for their region', async () => {
    const opened = (await gql(OPEN, { i: { semester: '2026-2027-1', dueDate: '2027-01-15' } }, tokens.district)).openVerificationCampaign;
    expect(opened).toMatchObject({ ok: true, error: null });
    campaignId = opened.campaignId;
    expect((await gql(OPEN, { i: { semester: '2026-2027-1', dueDate: '2027-01-15' } }, tokens.district)).openVerificationCampaign.error).toEqual({ code: 'ALREADY_OPEN', field: 'semester' });
    expect((await gql(OPEN, { i: { semester: '2026秋', dueDate: '2027-01-15' } }, tokens.district)).openVerificationCampaign.error).toEqual({ code: 'INVALID_VALUE', field: 'semester' });
    expect(errorCodes(await product.gql(OPEN, { i: { semester: '2026-2027-1', dueDate: '2027-01-15', regionCode: '330102' } }, tokens.farDistrict))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await product.gql(OPEN, { i: { semester: '2026-2027-1', dueDate: '2027-01-15' } }, tokens.a))).toEqual(['FORBIDDEN']);
    // The schools of the region see it; a school elsewhere does not.
    expect(await campaign(tokens.a, 'title status')).toEqual({ id: campaignId, title: '2026-2027-1 学期学籍核查', status: 'OPEN' });
    expect(await campaign(tokens.c, 'title')).toBeUndefined();
  });

  it('a school confirms a class: who left for a known school is expected there, who left for none is deleted', async () => {
    expect((await campaign(tokens.a, 'myClasses { grade className pupils confirmedAt }')).myClasses).toEqual([
      { grade: '一年级', className: '1班', pupils: 3, confirmedAt: null },
      { grade: '一年级', className: '2班', pupils: 1, confirmedAt: null },
    ]);
    const roster = (await campaign(tokens.a, 'classRoster(grade: "一年级", className: "1班") { id name }')).classRoster;
    expect(roster.map((s: { name: string }) => s.name)).toEqual(['学生1', '学生2', '学生3']);

    expect((await confirm({ grade: '一年级', className: '1班', marks: [{ studentId: pupils[3], mark: 'LEFT' }] })).error).toEqual({ code: 'NOT_IN_CLASS', field: 'marks.0' });
    expect((await confirm({ grade: '一年级', className: '1班', marks: [{ studentId: pupils[1], mark: 'LEFT', leftToSchoolCode: '0000000000' }] })).error.code).toBe('UNKNOWN_SCHOOL');
    expect((await confirm({ grade: '三年级', className: '9班' })).error.code).toBe('NO_SUCH_CLASS');
    const marks = [
      { studentId: pupils[1], mark: 'LEFT', leftToSchoolCode: schools.c.code, note: '随父母迁往西湖区' },
      { studentId: pupils[2], mark: 'LEFT', note: '出国' },
      { studentId: pupils[0], mark: 'CHANGED', note: '姓名有误' },
    ];
    expect(await confirm({ grade: '一年级', className: '1班', marks })).toEqual({ ok: true, error: null });
    expect((await confirm({ grade: '一年级', className: '1班' })).error.code).toBe('ALREADY_CONFIRMED');
    const statuses = (await app.db.dataSource.query(`SELECT status, delete_reason AS reason FROM students WHERE id = ANY($1) ORDER BY id`, [pupils.slice(0, 3)])) as unknown[];
    expect(statuses).toEqual([{ status: 'ENROLLED', reason: null }, { status: 'ENROLLED', reason: null }, { status: 'DELETED', reason: 'NOT_STUDYING_HERE' }]);
    expect((await campaign(tokens.a, 'myClasses { className confirmedAt left changed }')).myClasses[0]).toMatchObject({ className: '1班', confirmedAt: expect.any(String), left: 2, changed: 1 });

    // The school the pupil went to is told to ask for the transfer; no other school is.
    const arrivals = (await gql(`{ expectedArrivals { pupilName note fromSchool { id } } }`, {}, tokens.c)).expectedArrivals;
    expect(arrivals).toEqual([{ pupilName: '学生2', note: '随父母迁往西湖区', fromSchool: { id: schools.a.id } }]);
    expect((await gql(`{ expectedArrivals { pupilName } }`, {}, tokens.b)).expectedArrivals).toEqual([]);
  });

  it('a changed pupil is corrected with materials, outside any problem', async () => {
    const CORRECT = `mutation($i: CorrectRecordInput!) { correctRecord(input: $i) { ok error { code field } } }`;
    const changed = async (token: string) => (await campaign(token, 'changedPupils { student { id } note correctedAt }')).changedPupils;
    expect(await changed(tokens.a)).toEqual([{ student: { id: pupils[0] }, note: '姓名有误', correctedAt: null }]);
    expect(await changed(tokens.district)).toEqual([]);
    const [{ version }] = (await app.db.dataSource.query(`SELECT version FROM students WHERE id = $1`, [pupils[0]])) as [{ version: number }];
    const base = { campaignId, studentId: pupils[0], version, changes: { name: '学生壹' } };
    expect((await gql(CORRECT, { i: { ...base, materialIds: [] } }, tokens.a)).correctRecord.error).toEqual({ code: 'MATERIAL_REQUIRED', field: 'materialIds' });
    const material = ((await (await fetch(`${product.url}/materials?kind=HOUSEHOLD_REGISTER`, { method: 'POST', headers: { authorization: `Bearer ${tokens.a}` }, body: new Uint8Array(PLAIN_PDF) })).json()) as {
      materialId: string;
    }).materialId;
    expect((await gql(CORRECT, { i: { ...base, version: version + 1, materialIds: [material] } }, tokens.a)).correctRecord.error.code).toBe('STALE_VERSION');
    expect(errorCodes(await product.gql(CORRECT, { i: { ...base, materialIds: [material] } }, tokens.b))).toEqual(['NOT_FOUND']);
    expect((await gql(CORRECT, { i: { ...base, materialIds: [material] } }, tokens.a)).correctRecord).toEqual({ ok: true, error: null });
    const [event] = (await app.db.dataSource.query(`SELECT data FROM events WHERE type = 'STUDENT_CHANGED' AND subject_id = $1`, [pupils[0]])) as { data: any }[];
    expect(event!.data).toMatchObject({ campaignId, materialIds: [material], before: { name: '学生1' }, after: { name: '学生壹' } });
    // The list says it is done.
    expect((await changed(tokens.a))[0].correctedAt).not.toBeNull();
  });

  it('district staff see each school’s progress; past the deadline the unfinished are overdue; a closed campaign takes no more', async () => {
    const progress = async () => (await campaign(tokens.district, 'overdue schools { school { id } classes classesDone pupils left changed done overdue }'));
    expect((await progress()).schools).toEqual([
      { school: { id: schools.a.id }, classes: 2, classesDone: 1, pupils: 3, left: 2, changed: 1, done: false, overdue: false },
      { school: { id: schools.b.id }, classes: 1, classesDone: 0, pupils: 1, left: 0, changed: 0, done: false, overdue: false },
    ]);
    expect((await confirm({ grade: '二年级', className: '1班' }, tokens.b)).ok).toBe(true);
    await app.db.dataSource.query(`UPDATE verification_campaigns SET due_at = now() - interval '1 hour' WHERE id = $1`, [campaignId]);
    const late = await progress();
    expect(late.overdue).toBe(true);
    expect(late.schools.map((s: { done: boolean; overdue: boolean }) => [s.done, s.overdue])).toEqual([[false, true], [true, false]]);

    // The hourly deadline check escalates the unfinished school once, with an event; not the finished one.
    const now = new Date();
    expect(await app.services.verification.escalateOverdue(now)).toEqual([{ campaignId, schoolId: schools.a.id, classes: 2, classesDone: 1 }]);
    expect(await app.services.verification.escalateOverdue(new Date(now.getTime() + 3_600_000))).toEqual([]);
    const escalations = (await app.db.dataSource.query(`SELECT actor_id, data FROM events WHERE type = 'CAMPAIGN_SCHOOL_ESCALATED' AND subject_id = $1`, [campaignId])) as { actor_id: string | null; data: unknown }[];
    expect(escalations).toEqual([{ actor_id: null, data: { schoolId: schools.a.id, classes: 2, classesDone: 1, reason: 'DEADLINE' } }]);
    const seen = (await campaign(tokens.district, 'schools { school { id } escalatedAt }')).schools as { school: { id: string }; escalatedAt: string | null }[];
    expect(seen.map((s) => [s.school.id, s.escalatedAt === null ? null : new Date(s.escalatedAt).getTime()])).toEqual([[schools.a.id, now.getTime()], [schools.b.id, null]]);
    // A school sees only its own row.
    expect((await campaign(tokens.b, 'schools { school { id } done }')).schools).toEqual([{ school: { id: schools.b.id }, done: true }]);

    const CLOSE = `mutation($id: ID!) { closeVerificationCampaign(campaignId: $id) { ok error { code } } }`;
    expect(errorCodes(await product.gql(CLOSE, { id: campaignId }, tokens.a))).toEqual(['FORBIDDEN']);
    expect((await gql(CLOSE, { id: campaignId }, tokens.district)).closeVerificationCampaign).toEqual({ ok: true, error: null });
    expect((await confirm({ grade: '一年级', className: '2班' })).error.code).toBe('NOT_OPEN');
  });
});
