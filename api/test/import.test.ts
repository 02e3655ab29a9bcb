import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../src/registry/import/import.service.js';
import { makeSchool } from './support/factories.js';
import { fixtureDir, validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const R = '330106';

describe('student import', () => {
  let app: TestApp;
  let schoolA: { id: string; code: string };
  let schoolB: { id: string; code: string };
  const files = fixtureDir();

  beforeAll(async () => {
    app = await createTestApp();
    schoolA = await makeSchool(app, R, '甲校');
    schoolB = await makeSchool(app, '330203', '乙校');
  });
  afterAll(async () => {
    files.cleanup();
    await app?.dispose();
  });

  const importInto = (school: { id: string }, filePath: string, extra: { skipInvalid?: boolean; force?: boolean } = {}) =>
    app.services.imports.importStudents({ schoolId: school.id, filePath, ...extra });
  const count = async (sql: string) => ((await app.db.dataSource.query(sql)) as { n: number }[])[0]!.n;
  const problemsWith = async (idNumber: string) =>
    (await app.services.problems.exportAll(true)).filter((p) => p.members.some((m) => m.idNumber === idNumber));

  /** Every hard error rejects the whole file and writes nothing. */
  async function expectRejected(
    result: ImportResult,
    expected: Partial<{ row: number; column: string; value: string; code: string; params: { name: string; value: string }[] }> & { reason: RegExp },
  ) {
    expect(result.ok).toBe(false);
    expect(result.importId).toBeNull();
    expect(result.errors).toContainEqual(expect.objectContaining({ ...expected, reason: expect.stringMatching(expected.reason) }));
  }

  it('imports a UTF-8 CSV with BOM and detects each problem type within one school', async () => {
    const dup = validId(R, '2015-03-05', 'M', 1);
    const rows = [
      ['张伟', '男', '2015-03-05', '居民身份证', dup],
      ['张伟', '男', '2015/3/5', '', dup], // the same pupil entered twice
      ['李娜', '女', '20160101', '居民身份证', validId(R, '2016-01-01', 'F', 2)],
      ['李娜', '女', '2016-01-01', '居民身份证', validId(R, '2016-01-01', 'F', 3)], // same identity, other ID
      ['王芳', '女', '2014-07-07', '居民身份证', validId(R, '2014-07-07', 'F', 4).slice(0, 17) + 'Y'], // bad format
      ['赵强', '男', '2014-08-08', '居民身份证', `${validId(R, '2014-08-08', 'M', 5).slice(0, 17)}${validId(R, '2014-08-08', 'M', 5)[17] === '1' ? '2' : '1'}`],
      ['周杰', '男', '2013-02-02', '居民身份证', validId(R, '2013-02-03', 'M', 6)], // birth date disagrees
      ['吴敏', '女', '2013-04-04', '居民身份证', validId(R, '2013-04-04', 'M', 7)], // gender digit disagrees
      ['孙丽', '女', '2012-12-12', '', validId(R, '2012-12-12', 'F', 8)],
    ];
    const result = await importInto(schoolA, files.csvWithBom('a.csv', rows));
    expect(result).toMatchObject({ ok: true, format: 'csv', encoding: 'utf-8', rowsRead: 9, rowsImported: 9, rowsSkipped: 0, errorCount: 0 });
    expect(result.problems!.opened).toBe(6);

    const all = await app.services.problems.exportAll();
    const byType = (type: string) => all.filter((p) => p.type === type);
    expect(byType('DUPLICATE_ID')).toEqual([
      expect.objectContaining({ scope: 'WITHIN_SCHOOL', status: 'OPEN', members: [expect.objectContaining({ name: '张伟', idNumber: dup, birthDate: '2015-03-05', gender: 'M', schoolCode: schoolA.code }), expect.objectContaining({ name: '张伟' })] }),
    ]);
    expect(byType('DUPLICATE_IDENTITY')).toEqual([expect.objectContaining({ scope: 'WITHIN_SCHOOL', members: [expect.objectContaining({ name: '李娜' }), expect.objectContaining({ name: '李娜' })] })]);
    const invalid = (await app.db.dataSource.query(
      `SELECT st.name, p.reasons FROM problems p JOIN problem_members pm ON pm.problem_id = p.id JOIN students st ON st.id = pm.student_id
       WHERE p.type = 'INVALID_ID' ORDER BY st.id`,
    )) as { name: string; reasons: string[] }[];
    expect(invalid).toEqual([
      { name: '王芳', reasons: ['FORMAT'] },
      { name: '赵强', reasons: ['CHECKSUM'] },
      { name: '周杰', reasons: ['BIRTH_DATE_MISMATCH'] },
      { name: '吴敏', reasons: ['GENDER_MISMATCH'] },
    ]);
  });

  it('detects the same problems across schools, and a third copy joins the group', async () => {
    const dup = validId(R, '2015-03-05', 'M', 1);
    const result = await importInto(schoolB, files.csv('b.csv', [
      ['张伟', '男', '2015-03-05', '居民身份证', dup],
      ['李娜', '女', '2016-01-01', '居民身份证', validId('330203', '2016-01-01', 'F', 9)],
    ]));
    expect(result.ok).toBe(true);
    const [problem, ...others] = await problemsWith(dup);
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ type: 'DUPLICATE_ID', scope: 'CROSS_SCHOOL', status: 'OPEN' });
    expect(problem!.members.map((m) => m.schoolCode).sort()).toEqual([schoolA.code, schoolA.code, schoolB.code].sort());
    const identity = (await app.services.problems.exportAll()).filter((p) => p.type === 'DUPLICATE_IDENTITY');
    expect(identity).toHaveLength(1);
    expect(identity[0]).toMatchObject({ scope: 'CROSS_SCHOOL' });
    expect(identity[0]!.members).toHaveLength(3);
    const joined = await count(`SELECT count(*)::int AS n FROM events WHERE type = 'MEMBER_JOINED'`);
    expect(joined).toBe(2);
  });

  it('does not flag twins, or namesakes of the other gender', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM problems`);
    const result = await importInto(schoolA, files.csv('twins.csv', [
      ['陈一鸣', '男', '2017-05-05', '', validId(R, '2017-05-05', 'M', 20)],
      ['陈一航', '男', '2017-05-05', '', validId(R, '2017-05-05', 'M', 21)],
      ['刘洋', '男', '2016-06-06', '', validId(R, '2016-06-06', 'M', 22)],
      ['刘洋', '女', '2016-06-06', '', validId(R, '2016-06-06', 'F', 23)],
    ]));
    expect(result.ok).toBe(true);
    expect(await count(`SELECT count(*)::int AS n FROM problems`)).toBe(before);
  });

  it('normalises IDs and names before comparing', async () => {
    const id = validId(R, '2011-09-09', 'M', 30).slice(0, 17) + 'X';
    const fixed = (await import('../src/registry/student/id-number.js')).residentIdCheckChar(id.slice(0, 17));
    const real = id.slice(0, 17) + fixed;
    const fullWidth = [...real].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join('');
    const legacyBirth = '1999-09-09';
    const modern = validId(R, legacyBirth, 'F', 31);
    const legacy = modern.slice(0, 6) + modern.slice(8, 17); // the 15-digit form of the same number
    const result = await importInto(schoolB, files.csv('normalise.csv', [
      ['买买提·艾力', '男', '2011-09-09', '', real.toLowerCase()],
      ['买买提•艾力', '男', '2011-09-09', '', ` ${real.slice(0, 6)} ${real.slice(6)} `],
      ['买买提 ・艾力', '男', '2011-09-09', '', fullWidth],
      ['古丽', '女', legacyBirth, '', modern],
      ['古丽', '女', legacyBirth, '', legacy],
    ]));
    expect(result.ok).toBe(true);
    const groups = (await app.services.problems.exportAll())
      .filter((p) => p.members.some((m) => m.name.includes('艾力') || m.name === '古丽'))
      .sort((a, b) => b.members.length - a.members.length);
    expect(groups.map((g) => [g.type, g.members.length])).toEqual([
      ['DUPLICATE_ID', 3],
      ['DUPLICATE_ID', 2],
    ]);
    // Values stay exactly as imported.
    expect(groups[0]!.members.map((m) => m.idNumber)).toEqual([real.toLowerCase(), ` ${real.slice(0, 6)} ${real.slice(6)} `.trim(), fullWidth]);
  });

  it('reads a GBK CSV as Excel on a Chinese Windows saves it, without mojibake', async () => {
    const result = await importInto(schoolB, files.gbkCsv('gbk.csv', [['欧阳娜娜', '女', '2015-01-02', '居民身份证', validId('330203', '2015-01-02', 'F', 40)]]));
    expect(result).toMatchObject({ ok: true, encoding: 'gb18030', rowsImported: 1 });
    const names = (await app.db.dataSource.query(`SELECT name, id_type FROM students WHERE import_id = $1`, [result.importId])) as { name: string; id_type: string }[];
    expect(names).toEqual([{ name: '欧阳娜娜', id_type: 'RESIDENT_ID' }]);
  });

  it('reads xlsx with shared strings and date cells, and with inline strings', async () => {
    const shared = await importInto(schoolB, await files.xlsx('shared.xlsx', [
      ['何静', '女', new Date(Date.UTC(2014, 1, 3)), '居民身份证', validId('330203', '2014-02-03', 'F', 41)],
      ['何平', '男', 41675, '', validId('330203', '2014-02-05', 'M', 42)], // a date serial in a general cell
    ]));
    expect(shared).toMatchObject({ ok: true, format: 'xlsx', rowsImported: 2 });
    const dates = (await app.db.dataSource.query(`SELECT birth_date::text AS d FROM students WHERE import_id = $1 ORDER BY id`, [shared.importId])) as { d: string }[];
    expect(dates.map((r) => r.d)).toEqual(['2014-02-03', '2014-02-05']);

    const inline = await importInto(schoolB, files.inlineXlsx('inline.xlsx', [['韩梅', '女', '2013-03-03', '护照', 'E12345678']]));
    expect(inline).toMatchObject({ ok: true, format: 'xlsx', rowsImported: 1 });
    const [row] = (await app.db.dataSource.query(`SELECT name, id_type, id_key FROM students WHERE import_id = $1`, [inline.importId])) as object[];
    expect(row).toEqual({ name: '韩梅', id_type: 'PASSPORT', id_key: null });
  });

  describe('hard errors reject the whole file and write nothing', () => {
    let students: number;
    let imports: number;
    beforeAll(async () => {
      students = await count(`SELECT count(*)::int AS n FROM students`);
      imports = await count(`SELECT count(*)::int AS n FROM imports`);
    });
    afterAll(async () => {
      expect(await count(`SELECT count(*)::int AS n FROM students`)).toBe(students);
      expect(await count(`SELECT count(*)::int AS n FROM imports`)).toBe(imports);
    });
    const good = ['好学生', '男', '2015-05-05', '', validId(R, '2015-05-05', 'M', 50)];

    it('a missing required column', async () => {
      const result = await importInto(schoolA, files.csv('no-id.csv', [['甲', '男', '2015-01-01']], ['姓名', '性别', '出生日期']));
      await expectRejected(result, { row: 1, column: '身份证件号', code: 'MISSING_COLUMN', params: [{ name: 'header', value: '身份证件号' }, { name: 'accepted', value: '身份证件号 / id_number' }], reason: /required column 身份证件号 is missing/ });
    });

    it('missing values, unparseable dates and unknown genders, every one of them located', async () => {
      const result = await importInto(schoolA, files.csv('bad-rows.csv', [
        good,
        ['', '男', '2015-01-01', '', validId(R, '2015-01-01', 'M', 51)],
        ['乙', '男', '2015-13-40', '', validId(R, '2015-01-01', 'M', 52)],
        ['丙', '未知', '2015-01-01', '', validId(R, '2015-01-01', 'M', 53)],
        ['丁', '女', '2015-01-01', '', ''],
        ['戊', '女', '2015-01-01', '学生证', '123'],
      ]));
      expect(result.errorCount).toBe(5);
      await expectRejected(result, { row: 3, column: '姓名', code: 'REQUIRED', params: [{ name: 'header', value: '姓名' }], reason: /姓名 is required/ });
      await expectRejected(result, { row: 4, column: '出生日期', value: '2015-13-40', reason: /not a date/ });
      await expectRejected(result, { row: 5, column: '性别', value: '未知', reason: /男 or 女/ });
      await expectRejected(result, { row: 6, column: '身份证件号', reason: /身份证件号 is required/ });
      await expectRejected(result, { row: 7, column: '身份证件类型', value: '学生证', code: 'UNKNOWN_ID_TYPE', reason: /unknown document type/ });
    });

    it('an ID number in a numeric spreadsheet cell', async () => {
      const result = await importInto(schoolA, await files.xlsx('numeric-id.xlsx', [['己', '男', '2015-01-01', '', 330106201501010011]], undefined, false));
      await expectRejected(result, { row: 2, column: '身份证件号', reason: /stored as a number.*15 significant digits.*format the 身份证件号 column as text/ });
    });

    it('a file over the size limit, and a file that is not a spreadsheet', async () => {
      const small = new (await import('../src/registry/import/import.service.js')).ImportService(
        app.db.dataSource,
        async (manager, imported) => ({ crossSchool: { rows: 0, otherStudentIds: [] }, ...(await app.services.detection.detect(manager, { kind: 'import', ...imported })) }),
        app.db.mode,
        100,
        { policy: { matches: 20, share: 0.05, dailyCap: 50 }, heldDir: app.config.DATA_DIR, accessLog: app.services.accessLog },
      );
      const big = await small.importStudents({ schoolId: schoolA.id, filePath: files.csv('big.csv', [good, good, good]) });
      expect(big).toMatchObject({ ok: false, failure: 'FILE_TOO_LARGE' });
      expect(big.message).toMatch(/limit is/);
      expect(big.failureParams).toEqual([{ name: 'sizeMb', value: expect.stringMatching(/^0\.0$/) }, { name: 'limitMb', value: '0' }]);

      const pdf = await importInto(schoolA, files.raw('scan.csv', Buffer.from('%PDF-1.7\n\0\0binary')));
      await expectRejected(pdf, { row: 0, code: 'NOT_A_SPREADSHEET', reason: /not a spreadsheet/ });
      const xls = await importInto(schoolA, files.raw('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])));
      await expectRejected(xls, { reason: /Excel 97–2003.*save it as \.xlsx/ });
      const truncated = await importInto(schoolA, files.raw('broken.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])));
      expect(truncated).toMatchObject({ ok: false, failure: 'NOT_A_SPREADSHEET' });
    });
  });

  it('imports the valid rows with skipInvalid and reports the rest', async () => {
    const result = await importInto(schoolA, files.csv('partly.csv', [
      ['庚', '男', '2015-02-02', '', validId(R, '2015-02-02', 'M', 60)],
      ['辛', '男', 'yesterday', '', validId(R, '2015-02-03', 'M', 61)],
    ]), { skipInvalid: true });
    expect(result).toMatchObject({ ok: true, rowsRead: 2, rowsImported: 1, rowsSkipped: 1, errorCount: 1 });
    expect(result.errors[0]).toMatchObject({ row: 3, column: '出生日期', value: 'yesterday' });
  });

  it('refuses the same file twice for a school unless forced', async () => {
    const file = files.csv('twice.csv', [['壬', '女', '2016-02-02', '', validId(R, '2016-02-02', 'F', 70)]]);
    expect((await importInto(schoolA, file)).ok).toBe(true);
    const again = await importInto(schoolA, file);
    expect(again).toMatchObject({ ok: false, failure: 'DUPLICATE_FILE' });
    expect(again.message).toMatch(/already imported the same file/);
    // What the portal needs to say it in the user's language: which import it was, and when.
    const [earlier] = (await app.db.dataSource.query(`SELECT id::text, created_at AS "at" FROM imports WHERE school_id = $1 AND file_name = 'twice.csv' ORDER BY id LIMIT 1`, [schoolA.id])) as { id: string; at: Date }[];
    expect(again.failureParams).toEqual([
      { name: 'file', value: 'twice.csv' },
      { name: 'importId', value: earlier!.id },
      { name: 'importedAt', value: earlier!.at.toISOString() },
    ]);
    expect((await importInto(schoolB, file)).ok).toBe(true); // another school's import is not a repeat
    const forced = await importInto(schoolA, file, { force: true });
    expect(forced.ok).toBe(true);
    expect((await problemsWith(validId(R, '2016-02-02', 'F', 70)))[0]!.members).toHaveLength(3);
  });
});
