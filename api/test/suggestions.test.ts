import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../src/core/auth/caller.js';
import { changeStudent, lockStudent } from '../src/registry/index.js';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { makeSchool, makeStudents, makeUser } from './support/factories.js';
import { errorCodes, startProduct } from './support/product.js';
import { HEADER, validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** One digit of an ID number changed: the check character no longer fits. */
const mistyped = (id: string, at: number) => `${id.slice(0, at)}${id[at] === '9' ? '0' : String(Number(id[at]) + 1)}${id.slice(at + 1)}`;

/**
 * Possible duplicates through the API: a full run suggests the pairs the exact rules miss, staff
 * over both records confirm one (a problem opens) or dismiss one (not suggested again until a
 * compared field changes), and an import's records are looked at in the background.
 */
describe('possible duplicates', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  const schools = {} as Record<'a' | 'b' | 'c', { id: string; code: string; regionCode: string }>;
  const tokens = { district: '', farDistrict: '', city: '', registrar: '' };
  const ids = {} as Record<'typo' | 'typoCopy' | 'twin1' | 'twin2' | 'chen' | 'chenCopy', string>;

  const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await product.gql(query, variables, token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const LIST = `query($f: PossibleDuplicateFilter) { possibleDuplicates(filter: $f, first: 50) { totalCount nodes { id score status records { id } explanation { field level weight } } } }`;
  const list = async (token: string, filter: Record<string, unknown> = {}) => (await gql(LIST, { f: filter }, token)).possibleDuplicates;
  interface Suggested {
    id: string;
    score: number;
    status: string;
    records: { id: string }[];
    explanation: { field: string; level: string; weight: number }[];
  }
  const pairOf = (nodes: Suggested[], a: string, b: string) => nodes.find((n) => n.records.some((r) => r.id === a) && n.records.some((r) => r.id === b));
  const CONFIRM = `mutation($i: ConfirmPossibleDuplicateInput!) { confirmPossibleDuplicate(input: $i) { ok problemId error { code field } } }`;
  const DISMISS = `mutation($i: DismissPossibleDuplicateInput!) { dismissPossibleDuplicate(input: $i) { ok error { code field } } }`;

  beforeAll(async () => {
    app = await createTestApp();
    schools.a = await makeSchool(app, '330102');
    schools.b = await makeSchool(app, '330102');
    schools.c = await makeSchool(app, '330106');
    // A registry around them, so names and dates are not all alike.
    await makeStudents(app, schools.a, 120);
    await makeStudents(app, schools.c, 120);
    const typoId = validId('330102', '2019-03-08', 'M', 11);
    const chenId = validId('330106', '2018-07-21', 'F', 12);
    const record = (schoolId: string, name: string, gender: 'M' | 'F', birthDate: string, idNumber: string | null) => ({
      schoolId, name, gender: gender as Gender, birthDate, idType: idNumber ? IdType.RESIDENT_ID : IdType.PASSPORT, idNumber: idNumber ?? 'E12345678',
    });
    const inserted = await app.db.dataSource.transaction((m) =>
      app.services.students.insertMany(m, [
        record(schools.a.id, '王晓明', 'M', '2019-03-08', typoId),
        // Imported again at another school of the district with one digit mistyped and a homophone
        // in the name (with the name alike, the exact rules would already report the two).
        record(schools.b.id, '王小明', 'M', '2019-03-08', mistyped(typoId, 15)),
        // Twins: same surname, birth date and school, consecutive valid numbers: two pupils.
        record(schools.a.id, '李文博', 'M', '2018-11-02', validId('330102', '2018-11-02', 'M', 21)),
        record(schools.a.id, '李文轩', 'M', '2018-11-02', validId('330102', '2018-11-02', 'M', 23)),
        // One pupil in two districts, the second record in traditional characters with a mistyped number.
        record(schools.c.id, '陈静怡', 'F', '2018-07-21', chenId),
        record(schools.a.id, '陳静怡', 'F', '2018-07-21', mistyped(chenId, 12)),
      ]),
    );
    (['typo', 'typoCopy', 'twin1', 'twin2', 'chen', 'chenCopy'] as const).forEach((key, i) => (ids[key] = inserted[i]!));
    product = await startProduct(app);
    tokens.district = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330102' })).username);
    tokens.farDistrict = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330106' })).username);
    tokens.city = await product.login((await makeUser(app, 'CITY_ADMIN', { regionCode: '330100' })).username);
    tokens.registrar = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schools.a.id })).username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  it('a full run suggests the pairs the exact rules miss, with the reason per field, to the staff over both records', async () => {
    const run = await app.services.suggestions.runAll();
    expect(run.records).toBe(246);
    expect(run.modelId).not.toBeNull();

    const district = await list(tokens.district);
    const typo = pairOf(district.nodes, ids.typo, ids.typoCopy);
    expect(typo).toBeDefined();
    expect(typo!.status).toBe('OPEN');
    expect(typo!.explanation.find((e: { field: string }) => e.field === 'ID_NUMBER')).toMatchObject({ level: 'ONE_SUBSTITUTION' });
    expect(typo!.explanation.find((e: { field: string }) => e.field === 'NAME')).toMatchObject({ level: 'SAME_PINYIN' });
    expect(typo!.explanation.every((e: { weight: number }) => Number.isFinite(e.weight))).toBe(true);
    // The twins are two pupils; the pair across districts is the city's, not one district's.
    expect(pairOf(district.nodes, ids.twin1, ids.twin2)).toBeUndefined();
    expect(pairOf(district.nodes, ids.chen, ids.chenCopy)).toBeUndefined();
    expect(pairOf((await list(tokens.farDistrict)).nodes, ids.chen, ids.chenCopy)).toBeUndefined();
    const chen = pairOf((await list(tokens.city)).nodes, ids.chen, ids.chenCopy);
    expect(chen!.explanation.find((e: { field: string }) => e.field === 'NAME')).toMatchObject({ level: 'TRADITIONAL_SIMPLIFIED' });
    // Best first.
    const scores = (await list(tokens.city)).nodes.map((n: { score: number }) => n.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(errorCodes(await product.gql(LIST, {}, tokens.registrar))).toEqual(['FORBIDDEN']);
  });

  it('staff confirm a pair as one pupil: a problem opens with the two records and stays through a rescan', async () => {
    const typo = pairOf((await list(tokens.district)).nodes, ids.typo, ids.typoCopy)!;
    expect(errorCodes(await product.gql(CONFIRM, { i: { id: typo.id } }, tokens.registrar))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await product.gql(CONFIRM, { i: { id: typo.id } }, tokens.farDistrict))).toEqual(['NOT_FOUND']);
    const confirmed = (await gql(CONFIRM, { i: { id: typo.id, note: '同一学生重复建籍' } }, tokens.district)).confirmPossibleDuplicate;
    expect(confirmed).toMatchObject({ ok: true, error: null });
    const problem = async () =>
      (await app.db.dataSource.query(
        `SELECT p.type, p.status, array_agg(m.student_id::text ORDER BY m.student_id) AS members FROM problems p JOIN problem_members m ON m.problem_id = p.id AND m.left_at IS NULL WHERE p.id = $1 GROUP BY p.id`,
        [confirmed.problemId],
      )) as { type: string; status: string; members: string[] }[];
    expect(await problem()).toEqual([{ type: 'DUPLICATE_IDENTITY', status: 'OPEN', members: [ids.typo, ids.typoCopy] }]);
    const [event] = (await app.db.dataSource.query(`SELECT type, data FROM events WHERE subject_type = 'suggestion' AND subject_id = $1`, [typo.id])) as { type: string; data: any }[];
    expect(event).toMatchObject({ type: 'SUGGESTION_CONFIRMED', data: { studentIds: [ids.typo, ids.typoCopy], reason: '同一学生重复建籍' } });
    expect((await gql(CONFIRM, { i: { id: typo.id } }, tokens.district)).confirmPossibleDuplicate.error).toEqual({ code: 'NOT_OPEN', field: null });

    await app.db.dataSource.transaction((m) => app.services.detection.detect(m, { kind: 'all' }));
    expect((await problem())[0]!.status).toBe('OPEN');
    // A confirmed pair is not suggested again.
    await app.services.suggestions.runAll();
    expect(pairOf((await list(tokens.district, { status: 'CONFIRMED' })).nodes, ids.typo, ids.typoCopy)).toBeDefined();
  });

  it('a dismissed pair stays dismissed until a compared field of either record changes', async () => {
    const chen = pairOf((await list(tokens.city)).nodes, ids.chen, ids.chenCopy)!;
    expect((await gql(DISMISS, { i: { id: chen.id, reason: '  ' } }, tokens.city)).dismissPossibleDuplicate.error).toEqual({ code: 'REASON_REQUIRED', field: 'reason' });
    expect((await gql(DISMISS, { i: { id: chen.id, reason: '两名学生，已核实户口簿' } }, tokens.city)).dismissPossibleDuplicate).toEqual({ ok: true, error: null });
    await app.services.suggestions.runAll();
    expect(pairOf((await list(tokens.city)).nodes, ids.chen, ids.chenCopy)).toBeUndefined();
    expect(pairOf((await list(tokens.city, { status: 'DISMISSED' })).nodes, ids.chen, ids.chenCopy)).toBeDefined();

    await app.db.dataSource.transaction(async (m) => {
      const record = await lockStudent(m, ids.chenCopy);
      await changeStudent(m, record!, { birthDate: '2018-07-22' }, { actorId: null, context: {} });
    });
    await app.services.suggestions.runAll();
    const again = pairOf((await list(tokens.city)).nodes, ids.chen, ids.chenCopy);
    expect(again?.status).toBe('OPEN');
    expect(again!.explanation.find((e: { field: string }) => e.field === 'BIRTH_DATE')).toMatchObject({ level: 'ONE_DAY_APART' });
  });

  it('an import’s records are looked at in the background, with the saved model, and the import does not wait', async () => {
    const registrar: Caller = { userId: (await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schools.b.id })).id, username: 'r', role: 'SCHOOL_REGISTRAR', schoolId: schools.b.id };
    const twinId = validId('330102', '2018-11-02', 'M', 21);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pss-suggest-')), 'class.csv');
    writeFileSync(file, [HEADER, ['李文搏', '男', '2018-11-02', '居民身份证', mistyped(twinId, 9)]].map((r) => r.join(',')).join('\n'));
    const result = await app.services.imports.importStudents({ schoolId: schools.b.id, filePath: file, importer: registrar, actorId: registrar.userId });
    expect(result.ok).toBe(true);
    await app.services.suggestions.settled();
    const [imported] = (await app.db.dataSource.query(`SELECT id::text FROM students WHERE import_id = $1`, [result.importId])) as { id: string }[];
    const pair = pairOf((await list(tokens.district)).nodes, ids.twin1, imported!.id);
    expect(pair?.status).toBe('OPEN');
    expect(pair!.explanation.find((e: { field: string }) => e.field === 'ID_NUMBER')).toMatchObject({ level: 'ONE_SUBSTITUTION' });
    const keys = (await app.db.dataSource.query(`SELECT count(*)::int AS n FROM match_keys WHERE student_id = $1`, [imported!.id])) as [{ n: number }];
    expect(keys[0].n).toBeGreaterThan(0);
  });
});
