import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { neutralise } from '../src/reports/export/table.js';
import { makeSchool, makeUser } from './support/factories.js';
import { errorCodes, startProduct } from './support/product.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const SAVE = `mutation($i: SaveReportInput!) { saveReport(input: $i) { ok error { code field message } report { id name version mine sharedRegionCode ownerName document variables } } }`;
const STUDENTS = `query($after: String) { students(first: 3, after: $after) { nodes { name idNumberMasked school { name } } pageInfo { endCursor hasNextPage } } }`;

describe('saved reports and exports', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  const tokens = { district: '', neighbour: '', city: '', registrar: '', otherRegistrar: '' };

  beforeAll(async () => {
    app = await createTestApp();
    const school = await makeSchool(app, '330102', '西湖小学');
    const other = await makeSchool(app, '330105', '运河小学');
    product = await startProduct(app);
    tokens.district = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330102' })).username);
    tokens.neighbour = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330105' })).username);
    tokens.city = await product.login((await makeUser(app, 'CITY_ADMIN', { regionCode: '330100' })).username);
    tokens.registrar = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: school.id })).username);
    tokens.otherRegistrar = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: other.id })).username);
    // Names a spreadsheet would run as formulas, a comma, a quote and a line break, beside ordinary ones.
    const names = ['=HYPERLINK("http://evil","点我")', '+SUM(A1:A9)', '-1+2', '@cmd', '张三', '李四,王五', '赵"六"', '钱\n七'];
    await app.db.dataSource.transaction((m) =>
      app.services.students.insertMany(m, names.map((name, i) => ({
        schoolId: school.id, name, gender: Gender.M, birthDate: '2015-06-0' + (i + 1), idType: IdType.RESIDENT_ID, idNumber: validId('330102', `2015-06-0${i + 1}`, 'M', i + 1),
      }))),
    );
    await app.db.dataSource.transaction((m) =>
      app.services.students.insertMany(m, [{ schoolId: other.id, name: '孙八', gender: Gender.F, birthDate: '2014-01-01', idType: IdType.RESIDENT_ID, idNumber: validId('330105', '2014-01-01', 'F', 9) }]),
    );
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  const save = async (token: string, input: Record<string, unknown>) => (await product.gql(SAVE, { i: input }, token)).data.saveReport;
  const list = async (token: string) => ((await product.gql(`{ savedReports { id name mine } }`, {}, token)).data.savedReports as { id: string; name: string; mine: boolean }[]);
  const exportFile = (token: string | null, body: Record<string, unknown>) =>
    fetch(`${product.url}/exports`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

  it('saves, lists, edits with a version check, shares within a region and deletes (owner only, kept in the database)', async () => {
    const created = await save(tokens.district, { name: '上城区按类型', document: 'query($r: String) { problemStats(groupBy: [TYPE], filter: { regionCode: $r }) { type count } }', variables: { r: '330102' } });
    expect(created).toMatchObject({ ok: true, report: { name: '上城区按类型', version: 1, mine: true, sharedRegionCode: null, variables: { r: '330102' } } });
    const id = created.report.id;
    expect((await list(tokens.district)).map((r) => r.id)).toContain(id);
    expect((await list(tokens.registrar)).map((r) => r.id)).not.toContain(id);
    // Not shared with the registrar: it answers exactly like a report that does not exist (ids cannot be probed).
    const readReport = (reportId: string) => product.gql(`query($id: ID!) { savedReport(id: $id) { id } }`, { id: reportId }, tokens.registrar);
    const deleteReport = (reportId: string) => product.gql(`mutation($id: ID!) { deleteReport(id: $id) { ok } }`, { id: reportId }, tokens.registrar);
    const editReport = (reportId: string) => product.gql(SAVE, { i: { id: reportId, name: '改别人的', document: '{ me { id } }' } }, tokens.registrar);
    for (const attempt of [readReport, deleteReport, editReport]) {
      const [hidden, missing] = [await attempt(id), await attempt('999999')];
      expect(errorCodes(hidden)).toEqual(['NOT_FOUND']);
      expect(hidden.errors?.map((e: { message: string }) => e.message)).toEqual(missing.errors?.map((e: { message: string }) => e.message));
    }

    const shared = await save(tokens.district, { id, version: 1, name: '上城区按类型（共享）', document: created.report.document, sharedRegionCode: '330102' });
    expect(shared).toMatchObject({ ok: true, report: { version: 2, sharedRegionCode: '330102' } });
    expect((await list(tokens.registrar)).find((r) => r.id === id)).toMatchObject({ mine: false });
    // Shared with a district: not the neighbour district, not the city above it.
    expect((await list(tokens.neighbour)).map((r) => r.id)).not.toContain(id);
    expect((await list(tokens.city)).map((r) => r.id)).not.toContain(id);

    expect((await save(tokens.district, { id, version: 1, name: '旧版本', document: '{ me { id } }' })).error.code).toBe('STALE_VERSION');
    expect(errorCodes(await product.gql(SAVE, { i: { id, name: '改别人的', document: '{ me { id } }' } }, tokens.registrar))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await product.gql(`mutation($id: ID!) { deleteReport(id: $id) { ok } }`, { id }, tokens.registrar))).toEqual(['FORBIDDEN']);
    expect((await product.gql(`mutation($id: ID!) { deleteReport(id: $id) { ok } }`, { id }, tokens.district)).data.deleteReport.ok).toBe(true);
    expect((await list(tokens.district)).map((r) => r.id)).not.toContain(id);
    const [kept] = (await app.db.dataSource.query(`SELECT deleted_at IS NOT NULL AS deleted, name FROM saved_reports WHERE id = $1`, [id])) as object[];
    expect(kept).toEqual({ deleted: true, name: '上城区按类型（共享）' });
    const events = (await app.db.dataSource.query(`SELECT type FROM events WHERE subject_type = 'report' AND subject_id = $1 ORDER BY id`, [id])) as { type: string }[];
    expect(events.map((e) => e.type)).toEqual(['REPORT_CREATED', 'REPORT_UPDATED', 'REPORT_DELETED']);
  });

  it('refuses documents that do not parse, are not valid, or would change something, saying where', async () => {
    const broken = await save(tokens.district, { name: '坏', document: '{ problemStats { count ' });
    expect(broken).toMatchObject({ ok: false, error: { code: 'INVALID_DOCUMENT', field: 'document' } });
    expect(broken.error.message).toMatch(/parse/);
    const invalid = await save(tokens.district, { name: '坏', document: '{ problemStats { nonsense } }' });
    expect(invalid.error.message).toMatch(/nonsense.*line 1, column 18/);
    const mutation = await save(tokens.district, { name: '坏', document: 'mutation { deleteReport(id: "1") { ok } }' });
    expect(mutation.error.message).toMatch(/only reads/);
    expect((await save(tokens.registrar, { name: '分享', document: '{ me { id } }', sharedRegionCode: '330102' })).error.code).toBe('SHARING_NOT_ALLOWED');
    expect((await save(tokens.district, { name: '分享', document: '{ me { id } }', sharedRegionCode: '330100' })).error.code).toBe('SHARING_NOT_ALLOWED');
    expect((await save(tokens.district, { name: '', document: '{ me { id } }' })).error).toMatchObject({ code: 'INVALID_VALUE', field: 'name' });
  });

  it('refuses to share a report selecting revealing fields (directly, through fragments, under aliases) and stores nothing', async () => {
    const count = async () => Number(((await app.db.dataSource.query(`SELECT count(*) AS n FROM saved_reports`)) as { n: string }[])[0]!.n);
    const before = await count();
    const revealing = {
      direct: 'query($id: ID!) { student(id: $id) { name idNumber } }',
      fragment: 'query($id: ID!) { student(id: $id) { ...Pupil } } fragment Pupil on Student { name idNumber }',
      nestedFragment: 'query { students(first: 5) { nodes { ...Row } } } fragment Row on Student { name ...Contact } fragment Contact on Student { phone }',
      inlineFragment: 'query { problems(first: 5) { nodes { members { student { ... on Student { householdRegion } } } } } }',
      alias: 'query($id: ID!) { student(id: $id) { name masked: idNumber } }',
      history: 'query { problems(first: 5) { nodes { history { type data } } } }',
    };
    for (const [how, document] of Object.entries(revealing)) {
      const refused = await save(tokens.district, { name: `泄露-${how}`, document, variables: { id: '1' }, sharedRegionCode: '330102' });
      expect(refused, how).toMatchObject({ ok: false, report: null, error: { code: 'REVEALING_FIELD_NOT_SHAREABLE', field: 'sharedRegionCode' } });
    }
    const direct = await save(tokens.district, { name: '泄露', document: revealing.direct, variables: { id: '1' }, sharedRegionCode: '330102' });
    expect(direct.error.message).toContain('Student.idNumber at student.idNumber');
    const viaFragment = await save(tokens.district, { name: '泄露', document: revealing.fragment, sharedRegionCode: '330102' });
    expect(viaFragment.error.message).toContain('Student.idNumber at fragment Pupil.idNumber');
    expect(await count()).toBe(before);

    // Private, the same document is fine; turning sharing on later is refused and changes nothing.
    const mine = await save(tokens.district, { name: '我的身份证号', document: revealing.alias, variables: { id: '1' } });
    expect(mine).toMatchObject({ ok: true, report: { sharedRegionCode: null } });
    const share = await save(tokens.district, { id: mine.report.id, version: 1, name: '我的身份证号', document: revealing.alias, sharedRegionCode: '330102' });
    expect(share.error.code).toBe('REVEALING_FIELD_NOT_SHAREABLE');
    const [stored] = (await app.db.dataSource.query(`SELECT version, shared_region_code AS shared FROM saved_reports WHERE id = $1`, [mine.report.id])) as object[];
    expect(stored).toEqual({ version: 1, shared: null });

    const masked = await save(tokens.district, { name: '掩码', document: STUDENTS.replace('name idNumberMasked', 'name idNumberMasked idType'), sharedRegionCode: '330102' });
    expect(masked).toMatchObject({ ok: true, report: { sharedRegionCode: '330102' } });
    expect((await list(tokens.registrar)).map((r) => r.id)).toContain(masked.report.id);
  });

  it('keeps a report shared before the rule, that selects a revealing field, from everyone but its owner', async () => {
    const old = await save(tokens.district, { name: '旧的共享报表', document: 'query { students(first: 5) { nodes { name phone } } }' });
    // Data from before: shared in the database directly.
    await app.db.dataSource.query(`UPDATE saved_reports SET shared_region_code = '330102', shared_prefix = '330102' WHERE id = $1`, [old.report.id]);
    const read = `query($id: ID!) { savedReport(id: $id) { id document } }`;
    expect((await list(tokens.registrar)).map((r) => r.id)).not.toContain(old.report.id);
    expect(errorCodes(await product.gql(read, { id: old.report.id }, tokens.registrar))).toEqual(['FORBIDDEN']);
    expect((await list(tokens.district)).find((r) => r.id === old.report.id)).toMatchObject({ mine: true });
    expect((await product.gql(read, { id: old.report.id }, tokens.district)).data.savedReport.id).toBe(old.report.id);
  });

  it('exports a whole list as CSV: UTF-8 with BOM, every page, formulas neutralised, only what the exporter may see', async () => {
    const response = await exportFile(tokens.registrar, { document: STUDENTS, format: 'csv', name: '学生名单' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('学生名单.csv')}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8')) as string[][];
    // Headers in the default language, Chinese: the last part of `school.name` is the school itself.
    expect(header).toEqual(['姓名', '身份证件号（部分隐藏）', '学校']);
    // Eight records over three pages of three, none of the other school's.
    expect(rows.map((r) => r[0])).toEqual([`'=HYPERLINK("http://evil","点我")`, `'+SUM(A1:A9)`, `'-1+2`, `'@cmd`, '张三', '李四,王五', '赵"六"', '钱\n七']);
    expect(rows.every((r) => r[2] === '西湖小学' && /^\d{6}\*{11}[\dX]$/.test(r[1]!))).toBe(true);
  });

  it('exports XLSX with the right columns and text cells that stay text', async () => {
    const response = await exportFile(tokens.district, {
      document: 'query($after: String) { students(first: 200, after: $after) { nodes { name gender birthDate school { name region { name } } } pageInfo { endCursor hasNextPage } } }',
      format: 'xlsx',
      name: '上城区学生',
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('上城区学生');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['姓名', '性别', '出生日期', '学校', '学校 · 行政区划']);
    expect(sheet.rowCount).toBe(9);
    const first = sheet.getRow(2).getCell(1);
    expect(first.type).toBe(ExcelJS.ValueType.String);
    expect(first.value).toBe('=HYPERLINK("http://evil","点我")');
    // Values in words; the birth date a date cell, shown as a day.
    expect(sheet.getRow(6).values).toEqual([undefined, '张三', '男', new Date('2015-06-05T00:00:00Z'), '西湖小学', '上城区']);
    expect(sheet.getRow(6).getCell(3).numFmt).toBe('yyyy-mm-dd');
  });

  it('exports in the language asked for: headers, enum values, and times as China time', async () => {
    const document = 'query { students(first: 50) { nodes { gender status createdAt school { region { level } } } } }';
    const workbook = new ExcelJS.Workbook();
    const xlsx = await exportFile(tokens.district, { document, format: 'xlsx', name: 'students', locale: 'en' });
    expect(xlsx.status).toBe(200);
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Gender', 'Status', 'Created', 'School · Region · Level']);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(['Male', 'Female']).toContain(row[0]);
    expect(row[1]).toBe('Enrolled');
    expect(row[2]).toBeInstanceOf(Date);
    expect(sheet.getRow(2).getCell(3).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(row[3]).toBe('District');

    const csv = await exportFile(tokens.district, { document, format: 'csv', name: 'students' });
    const [header, first] = parseCsv(Buffer.from(await csv.arrayBuffer()).subarray(3).toString('utf8')) as string[][];
    expect(header).toEqual(['性别', '状态', '建档时间', '学校 · 行政区划 · 级别']);
    expect(['男', '女']).toContain(first![0]);
    expect(first!.slice(1, 2).concat(first!.slice(3))).toEqual(['在籍', '区县']);
    // The moment the API gives, as the wall clock in China (UTC+8) shows it.
    const api = (await product.gql(document, {}, tokens.district)).data.students.nodes[0].createdAt as string;
    expect(first![2]).toBe(new Date(Date.parse(api) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' '));

    const refused = await exportFile(tokens.district, { document, format: 'csv', locale: 'fr' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: { code: 'INVALID_VALUE', message: 'locale must be one of zh-CN, en.' } });
  });

  it('refuses exports without a session, of mutations, of queries that fail, and of results without a list', async () => {
    expect((await exportFile(null, { document: STUDENTS, format: 'csv' })).status).toBe(401);
    const refused = async (body: Record<string, unknown>) => {
      const response = await exportFile(tokens.district, body);
      expect(response.status).toBe(400);
      return ((await response.json()) as { error: { code: string } }).error.code;
    };
    expect(await refused({ document: 'mutation { deleteReport(id: "1") { ok } }', format: 'csv' })).toBe('INVALID_DOCUMENT');
    expect(await refused({ document: STUDENTS, format: 'pdf' })).toBe('INVALID_VALUE');
    expect(await refused({ document: '{ school(id: "999999") { name } }', format: 'csv' })).toBe('QUERY_FAILED');
    expect(await refused({ document: '{ me { username } }', format: 'csv' })).toBe('NO_LIST');
  });

  it('neutralises every formula lead character and leaves numbers and plain text alone', () => {
    expect(['=1', '+1', '-1', '@a', '\t=1', '\r=1'].map(neutralise)).toEqual(["'=1", "'+1", "'-1", "'@a", "'\t=1", "'\r=1"]);
    expect([-1, 0, 'a=b', '张三', null, true].map(neutralise)).toEqual([-1, 0, 'a=b', '张三', null, true]);
  });
});
