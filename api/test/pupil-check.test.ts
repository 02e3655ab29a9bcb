import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchesDisclosedToday } from '../src/registry/import/import-screening.js';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { makeSchool, makeUser } from './support/factories.js';
import { errorCodes, startProduct } from './support/product.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** 新生查重 through the gateway: what a school learns before enrolling, and what it may not. */
describe('checkPupil: the check before enrolling', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let ours: { id: string; name: string };
  let theirs: { id: string; name: string; code: string };
  let registrar: { id: string; username: string };
  let token: string;
  const pupils = {
    ownId: validId('330102', '2015-01-02', 'M', 1),
    otherId: validId('330106', '2015-03-04', 'F', 2),
  };
  let ownRecord = '';

  const CHECK = `query($i: CheckPupilInput!) { checkPupil(input: $i) { check { verdict idProblems studentId school { id name code } } error { code field } } }`;
  const check = async (input: Record<string, unknown>, as = token) => {
    const response = await product.gql(CHECK, { i: { gender: 'M', ...input } }, as);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data.checkPupil;
  };

  beforeAll(async () => {
    // A small daily cap, so the test reaches it.
    app = await createTestApp({ env: { IMPORT_DAILY_MATCH_CAP: '3' } });
    const a = await makeSchool(app, '330102', '胜利小学');
    const b = await makeSchool(app, '330106', '学军小学');
    ours = { id: a.id, name: '胜利小学' };
    theirs = { id: b.id, name: '学军小学', code: b.code };
    [ownRecord] = await app.db.dataSource.transaction((m) =>
      app.services.students.insertMany(m, [
        { schoolId: a.id, name: '王小明', gender: Gender.M, birthDate: '2015-01-02', idType: IdType.RESIDENT_ID, idNumber: pupils.ownId },
        { schoolId: b.id, name: '李小红', gender: Gender.F, birthDate: '2015-03-04', idType: IdType.RESIDENT_ID, idNumber: pupils.otherId },
        { schoolId: b.id, name: '赵一鸣', gender: Gender.M, birthDate: '2014-09-10', idType: IdType.RESIDENT_ID, idNumber: validId('330106', '2014-09-10', 'M', 3) },
      ]),
    ) as [string];
    product = await startProduct(app);
    registrar = await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: a.id });
    token = await product.login(registrar.username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  it('finds the school’s own record by ID number, or by name, gender and birth date without one', async () => {
    expect((await check({ name: '王小明', birthDate: '2015-01-02', idNumber: pupils.ownId })).check).toEqual({
      verdict: 'ALREADY_HERE', idProblems: [], studentId: ownRecord, school: { id: ours.id, name: ours.name, code: expect.any(String) },
    });
    expect((await check({ name: ' 王 小明', birthDate: '2015/1/2' })).check).toMatchObject({ verdict: 'ALREADY_HERE', studentId: ownRecord });
  });

  it('names the other school only when the ID number and the name both match', async () => {
    expect((await check({ name: '李小红', gender: 'F', birthDate: '2015-03-04', idNumber: pupils.otherId })).check).toEqual({
      verdict: 'ACTIVE_ELSEWHERE', idProblems: [], studentId: null, school: { id: theirs.id, name: theirs.name, code: theirs.code },
    });
    expect((await check({ name: '李晓红', gender: 'F', birthDate: '2015-03-04', idNumber: pupils.otherId })).check).toEqual({
      verdict: 'ID_ELSEWHERE_OTHER_NAME', idProblems: [], studentId: null, school: null,
    });
    expect((await check({ name: '赵一鸣', birthDate: '2014-09-10' })).check).toEqual({ verdict: 'SAME_IDENTITY_ELSEWHERE', idProblems: [], studentId: null, school: null });
  });

  it('says what is wrong with the number typed; a new pupil is NEW_PUPIL and counts for nothing', async () => {
    const before = await matchesDisclosedToday(app.db.dataSource.manager, registrar.id);
    const wrongCheck = pupils.ownId.slice(0, 17) + (pupils.ownId.endsWith('0') ? '1' : '0');
    expect((await check({ name: '新同学', birthDate: '2015-01-02', idNumber: wrongCheck })).check).toMatchObject({ verdict: 'NEW_PUPIL', idProblems: ['CHECKSUM'] });
    expect(await matchesDisclosedToday(app.db.dataSource.manager, registrar.id)).toBe(before);
    expect((await check({ name: '新同学', birthDate: '2015-13-40' })).error).toEqual({ code: 'INVALID_VALUE', field: 'birthDate' });
  });

  it('each match elsewhere counts towards the daily cap, is in the read log, and past the cap nothing is answered', async () => {
    // Three matches elsewhere so far (the test before last): the cap of 3 is reached.
    expect(await matchesDisclosedToday(app.db.dataSource.manager, registrar.id)).toBe(3);
    expect((await check({ name: '李小红', gender: 'F', birthDate: '2015-03-04', idNumber: pupils.otherId })).error).toEqual({ code: 'DAILY_CAP', field: null });
    // Its own pupils are still answered: they disclose nothing.
    expect((await check({ name: '王小明', birthDate: '2015-01-02' })).check.verdict).toBe('ALREADY_HERE');
    const logged = (await app.db.dataSource.query(`SELECT operation, subject_ids::text[] AS ids FROM access_log WHERE user_id = $1 AND operation = 'check-pupil'`, [registrar.id])) as {
      ids: string[];
    }[];
    // Every answered check that found a record, the school's own included; not the refused one, nor the new pupils.
    expect(logged.length).toBe(6);
  });

  it('is for school registrars only', async () => {
    const district = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330102' })).username);
    expect(errorCodes(await product.gql(CHECK, { i: { name: '王小明', gender: 'M', birthDate: '2015-01-02' } }, district))).toEqual(['FORBIDDEN']);
  });
});
