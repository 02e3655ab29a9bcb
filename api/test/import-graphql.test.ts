import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSchool, makeUser } from './support/factories.js';
import { errorCodes, startProduct } from './support/product.js';
import { fixtureDir, validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const JOB = `query($id: ID!) { importJob(id: $id) { status progress { phase rowsDone rowsTotal }
  result { ok failure message rowsRead rowsImported errorCount errors { file row column value code params { name value } reason } problems { opened } } } }`;
const START = `mutation($input: ImportStudentsInput!) { importStudents(input: $input) { id status } }`;

describe('import through the portal path: upload, GraphQL job, progress', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let school: { id: string };
  let other: { id: string };
  const tokens = { reg: '', otherReg: '', district: '' };
  const files = fixtureDir();

  beforeAll(async () => {
    app = await createTestApp();
    school = await makeSchool(app, '330106');
    other = await makeSchool(app, '330106');
    product = await startProduct(app);
    tokens.reg = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: school.id })).username);
    tokens.otherReg = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: other.id })).username);
    tokens.district = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330106' })).username);
  });
  afterAll(async () => {
    files.cleanup();
    await product?.close();
    await app?.dispose();
  });

  const upload = async (path: string, token?: string) => {
    const response = await fetch(`${product.url}/uploads`, {
      method: 'POST',
      headers: { 'x-file-name': encodeURIComponent('学生名单.csv'), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: readFileSync(path),
    });
    return { status: response.status, body: (await response.json()) as { uploadId?: string; error?: { code: string } } };
  };
  const finish = async (id: string, token: string) => {
    for (let i = 0; i < 200; i++) {
      const job = (await product.gql(JOB, { id }, token)).data.importJob;
      if (job.status !== 'RUNNING') return job;
      await sleep(50);
    }
    throw new Error('import did not finish');
  };

  it('imports an uploaded file into the registrar\'s school and reports errors located by row and column', async () => {
    const bad = files.csv('bad.csv', [['甲', '男', '2015-01-01', '', validId('330106', '2015-01-01', 'M', 1)], ['乙', '不详', '2015-01-01', '', validId('330106', '2015-01-01', 'M', 2)]]);
    const up = await upload(bad, tokens.reg);
    expect(up.status).toBe(201);
    const started = await product.gql(START, { input: { uploadId: up.body.uploadId, schoolId: school.id } }, tokens.reg);
    expect(started.errors).toBeUndefined();
    const job = await finish(started.data.importStudents.id, tokens.reg);
    expect(job.status).toBe('DONE');
    expect(job.result).toMatchObject({ ok: false, failure: 'INVALID_ROWS', rowsImported: 0, errorCount: 1 });
    expect(job.result.errors).toEqual([{ file: '学生名单.csv', row: 3, column: '性别', value: '不详', code: 'BAD_GENDER', params: [], reason: 'gender must be 男 or 女 (or M / F)' }]);

    const fixed = files.csv('fixed.csv', [['甲', '男', '2015-01-01', '', validId('330106', '2015-01-01', 'M', 1)], ['甲', '男', '2015-01-01', '', validId('330106', '2015-01-01', 'M', 1)]]);
    const second = await upload(fixed, tokens.reg);
    const done = await finish((await product.gql(START, { input: { uploadId: second.body.uploadId, schoolId: school.id } }, tokens.reg)).data.importStudents.id, tokens.reg);
    expect(done.result).toMatchObject({ ok: true, rowsImported: 2, problems: { opened: 1 } });
    expect(done.progress).toEqual({ phase: 'DONE', rowsDone: 2, rowsTotal: 2 });
    const problems = await product.gql(`{ problems(filter: { type: DUPLICATE_ID }) { totalCount nodes { scope members { name inMyScope } } } }`, {}, tokens.reg);
    expect(problems.data.problems).toEqual({ totalCount: 1, nodes: [{ scope: 'WITHIN_SCHOOL', members: [{ name: '甲', inMyScope: true }, { name: '甲', inMyScope: true }] }] });
  });

  it('refuses other schools, other users\' uploads and anonymous uploads', async () => {
    const file = files.csv('one.csv', [['丙', '女', '2015-01-01', '', validId('330106', '2015-01-01', 'F', 3)]]);
    expect((await upload(file)).status).toBe(401);
    const up = await upload(file, tokens.reg);
    expect(errorCodes(await product.gql(START, { input: { uploadId: up.body.uploadId, schoolId: other.id } }, tokens.reg))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await product.gql(START, { input: { uploadId: up.body.uploadId, schoolId: other.id } }, tokens.otherReg))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await product.gql(START, { input: { uploadId: up.body.uploadId, schoolId: school.id } }, tokens.district))).toEqual(['FORBIDDEN']);
    const started = await product.gql(START, { input: { uploadId: up.body.uploadId, schoolId: school.id } }, tokens.reg);
    expect(errorCodes(await product.gql(JOB, { id: started.data.importStudents.id }, tokens.otherReg))).toEqual(['NOT_FOUND']);
    await finish(started.data.importStudents.id, tokens.reg);
  });

  it('shows INVALID_ID reasons and the ID checks of every member, with an unknown address code as a warning only', async () => {
    const unknownRegion = validId('990101', '2014-06-06', 'F', 5); // not a GB/T 2260 code, otherwise valid
    const wrongGender = validId('330106', '2014-07-07', 'M', 6);
    const file = files.csv('checks.csv', [
      ['丁香', '女', '2014-06-06', '', unknownRegion],
      ['丁香', '女', '2014-06-06', '', unknownRegion],
      ['戊辰', '女', '2014-07-07', '', wrongGender],
    ]);
    const up = await upload(file, tokens.reg);
    const job = await finish((await product.gql(START, { input: { uploadId: up.body.uploadId, schoolId: school.id } }, tokens.reg)).data.importStudents.id, tokens.reg);
    expect(job.result).toMatchObject({ ok: true, problems: { opened: 2 } });
    const query = `query($type: ProblemType) { problems(filter: { type: $type }) { nodes { reasons members { name idCheck { valid reasons messages addressCodeKnown } } } } }`;
    const invalid = (await product.gql(query, { type: 'INVALID_ID' }, tokens.reg)).data.problems.nodes;
    expect(invalid).toEqual([
      {
        reasons: ['GENDER_MISMATCH'],
        members: [{ name: '戊辰', idCheck: { valid: false, reasons: ['GENDER_MISMATCH'], messages: ["The ID number's gender digit differs from the record's gender."], addressCodeKnown: true } }],
      },
    ]);
    const duplicates = (await product.gql(query, { type: 'DUPLICATE_ID' }, tokens.reg)).data.problems.nodes;
    const unknown = duplicates.find((p: { members: { name: string }[] }) => p.members[0]!.name === '丁香');
    expect(unknown.members.map((m: { idCheck: unknown }) => m.idCheck)).toEqual([
      { valid: true, reasons: [], messages: [], addressCodeKnown: false },
      { valid: true, reasons: [], messages: [], addressCodeKnown: false },
    ]);
  });

  it('serves the blank template with the ID column formatted as text', async () => {
    const response = await fetch(`${product.url}/templates/students.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(['姓名', '性别', '出生日期', '身份证件类型', '身份证件号', '民族', '年级', '班级', '入学年月', '户口所在地', '联系电话']);
    expect(sheet.getColumn(5).numFmt).toBe('@');
    expect(workbook.worksheets[1]!.name).toBe('填写说明');
  });
});
