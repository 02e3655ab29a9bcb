import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { makeSchool, makeUser } from './support/factories.js';
import { PLAIN_PDF } from './support/images.js';
import { errorCodes, startProduct } from './support/product.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/police/${name}`, import.meta.url));

/** 公安核查: district staff import the police's results; mismatches become INVALID_ID problems the school settles by CHANGE. */
describe('police verification results', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  const tokens = { registrar: '', district: '', city: '' };
  const ids: Record<string, string> = {};

  const upload = async (name: string, token: string) => {
    const response = await fetch(`${product.url}/uploads`, { method: 'POST', headers: { 'x-file-name': encodeURIComponent(name), authorization: `Bearer ${token}` }, body: fixture(name) });
    return ((await response.json()) as { uploadId: string }).uploadId;
  };
  const IMPORT = `mutation($i: ImportPoliceResultsInput!) { importPoliceResults(input: $i) {
    ok rowsRead matched consistent notFound nameMismatch unmatchedRows problemsOpened errors { row column code value } } }`;
  const problemOf = async (studentId: string) =>
    ((await app.db.dataSource.query(
      `SELECT p.id::text, p.status, p.reasons, p.version FROM problems p JOIN problem_members pm ON pm.problem_id = p.id WHERE pm.student_id = $1 AND p.type = 'INVALID_ID' ORDER BY p.id DESC LIMIT 1`,
      [studentId],
    )) as { id: string; status: string; reasons: string[]; version: number }[])[0];

  beforeAll(async () => {
    app = await createTestApp();
    const a = await makeSchool(app, '330102');
    const b = await makeSchool(app, '330106');
    const pupil = (schoolId: string, name: string, birthDate: string, gender: Gender, idNumber: string) => ({ schoolId, name, birthDate, gender, idType: IdType.RESIDENT_ID, idNumber });
    const inserted = await app.db.dataSource.transaction((m) =>
      app.services.students.insertMany(m, [
        pupil(a.id, '王一', '2015-01-01', Gender.M, '330102201501010035'),
        pupil(a.id, '李二', '2015-02-02', Gender.F, '330102201502020040'),
        pupil(a.id, '张三', '2015-03-03', Gender.M, '330102201503030072'),
        pupil(b.id, '赵四', '2015-04-04', Gender.F, '330106201504040083'),
      ]),
    );
    [ids.consistent, ids.notFound, ids.mismatch, ids.elsewhere] = inserted as [string, string, string, string];
    product = await startProduct(app);
    tokens.registrar = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: a.id })).username);
    tokens.district = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330102' })).username);
    tokens.city = await product.login((await makeUser(app, 'CITY_ADMIN', { regionCode: '330100' })).username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  it('refuses a bad file whole, each error at its row and column, writing nothing', async () => {
    const result = (await product.gql(IMPORT, { i: { uploadId: await upload('results-bad-gbk.csv', tokens.district) } }, tokens.district)).data.importPoliceResults;
    expect(result).toMatchObject({ ok: false, matched: 0 });
    expect(result.errors).toEqual([
      { row: 3, column: '公民身份号码', code: 'REQUIRED', value: '' },
      { row: 4, column: '核查结果', code: 'UNKNOWN_POLICE_RESULT', value: '待核实' },
    ]);
    expect(await app.db.dataSource.query(`SELECT count(*)::int AS n FROM police_checks`)).toEqual([{ n: 0 }]);
  });

  it('a GBK file from Windows: matches the district’s records, and each mismatch opens an INVALID_ID problem', async () => {
    const result = (await product.gql(IMPORT, { i: { uploadId: await upload('results-gbk.csv', tokens.district) } }, tokens.district)).data.importPoliceResults;
    expect(result).toEqual({ ok: true, rowsRead: 5, matched: 3, consistent: 1, notFound: 1, nameMismatch: 1, unmatchedRows: [5, 6], problemsOpened: 2, errors: [] });
    expect(await problemOf(ids.notFound!)).toMatchObject({ status: 'OPEN', reasons: ['POLICE_NOT_FOUND'] });
    expect(await problemOf(ids.mismatch!)).toMatchObject({ status: 'OPEN', reasons: ['POLICE_NAME_MISMATCH'] });
    expect(await problemOf(ids.consistent!)).toBeUndefined();
    // Another district's pupil is not this district's to verify.
    expect(await problemOf(ids.elsewhere!)).toBeUndefined();
    // A full rescan finds the same.
    await app.db.dataSource.transaction((m) => app.services.detection.detect(m, { kind: 'all' }));
    expect((await problemOf(ids.notFound!))!.status).toBe('OPEN');
  });

  it('the school settles a name mismatch by CHANGE with the corrected document; a change elsewhere does not', async () => {
    const material = ((await (await fetch(`${product.url}/materials?kind=HOUSEHOLD_REGISTER`, { method: 'POST', headers: { authorization: `Bearer ${tokens.registrar}` }, body: new Uint8Array(PLAIN_PDF) })).json()) as {
      materialId: string;
    }).materialId;
    const act = async (changes: Record<string, string>) => {
      const problem = (await problemOf(ids.mismatch!))!;
      return (await product.gql(`mutation($i: RecordActionInput!) { actOnRecord(input: $i) { ok problemStatus error { code } } }`,
        { i: { problemId: problem.id, version: problem.version, studentId: ids.mismatch, action: 'CHANGE', changes, materialIds: [material] } }, tokens.registrar)).data.actOnRecord;
    };
    // The class is not what the police checked: the problem stays open.
    expect(await act({ className: '三年级2班' })).toEqual({ ok: true, problemStatus: 'OPEN', error: null });
    expect(await act({ name: '张叁' })).toEqual({ ok: true, problemStatus: 'PENDING_REVIEW', error: null });
  });

  it('is for district and system staff only, and the file goes through POST /uploads', async () => {
    expect(errorCodes(await product.gql(IMPORT, { i: { uploadId: 'none' } }, tokens.registrar))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await product.gql(IMPORT, { i: { uploadId: 'none' } }, tokens.city))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await product.gql(IMPORT, { i: { uploadId: 'none' } }, tokens.district))).toEqual(['NOT_FOUND']);
  });
});
