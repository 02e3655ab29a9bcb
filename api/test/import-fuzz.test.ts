import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../src/registry/import/import.service.js';
import { makeSchool } from './support/factories.js';
import { openStudentRow } from './support/sealed.js';
import { fixtureDir, HEADER, validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The importer under malformed input, generated (fast-check) and hand-made: whatever the file, the
 * import neither throws nor hangs, it either lands cleanly or is refused with errors that name the
 * file, a row (0 only when the whole file is unreadable), a column and a reason, and a refusal
 * writes nothing at all.
 */

const R = '330106';
// A hang is a failure too: no import of these small files takes anywhere near this long.
const HANG_MS = 30_000;

interface Snapshot {
  students: number;
  imports: number;
  events: number;
  problems: number;
  members: number;
  versions: number;
}

describe('importer fuzzing: never a crash, always a clean result or a located refusal', () => {
  let app: TestApp;
  let school: { id: string };
  const files = fixtureDir();
  let seq = 0;
  const figures = { clean: 0, refused: 0 };

  beforeAll(async () => {
    app = await createTestApp();
    school = await makeSchool(app, R);
  });
  afterAll(async () => {
    console.info(`importer fuzzing: ${figures.clean + figures.refused} imports, ${figures.clean} clean, ${figures.refused} refused with located errors`);
    files.cleanup();
    await app?.dispose();
  });

  async function snapshot(): Promise<Snapshot> {
    const [row] = (await app.db.dataSource.query(
      `SELECT (SELECT count(*) FROM students)::int AS students, (SELECT count(*) FROM imports)::int AS imports,
              (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM problems)::int AS problems,
              (SELECT count(*) FROM problem_members)::int AS members,
              (SELECT coalesce(sum(version), 0) FROM problems)::int AS versions`,
    )) as Snapshot[];
    return row!;
  }

  /** Imports `bytes` as `name` and checks everything the importer promises about any file. */
  async function attempt(name: string, bytes: Uint8Array | string, options: { skipInvalid?: boolean } = {}): Promise<ImportResult> {
    seq += 1;
    const fileName = `${seq}-${name}`;
    const path = files.raw(fileName, bytes);
    const before = await snapshot();
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      app.services.imports.importStudents({ schoolId: school.id, filePath: path, fileName, force: true, ...options }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${fileName}: the import hung for ${HANG_MS} ms`)), HANG_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    const after = await snapshot();
    if (result.ok) {
      figures.clean += 1;
      expect(result.failure).toBeNull();
      expect(after.students - before.students).toBe(result.rowsImported);
      expect(after.imports - before.imports).toBe(1);
      expect(result.rowsRead).toBe(result.rowsImported + result.rowsSkipped);
      if (!options.skipInvalid) expect(result.errorCount).toBe(0);
    } else {
      figures.refused += 1;
      expect(result.failure).not.toBeNull();
      expect(result.importId).toBeNull();
      expect(result.errors.length).toBeGreaterThan(0);
      expect(result.errorCount).toBeGreaterThanOrEqual(result.errors.length);
      // Nothing of a refused file lands: no record, no import, no event, no problem touched.
      expect(after).toEqual(before);
    }
    for (const error of result.errors) {
      expect(error.file).toBe(fileName);
      expect(Number.isInteger(error.row) && error.row >= 0).toBe(true);
      // Row 0 means the whole file (not a spreadsheet, an unreadable workbook, an empty file).
      if (result.failure === 'INVALID_ROWS') expect(error.row).toBeGreaterThanOrEqual(1);
      expect(typeof error.column).toBe('string');
      expect(error.reason.trim()).not.toBe('');
      // A megabyte cell is quoted by its start, not echoed into the report.
      expect(error.value.length).toBeLessThanOrEqual(101);
      expect(error.reason.length).toBeLessThan(1_000);
    }
    return result;
  }

  const id = (birthDate: string, gender: 'M' | 'F', n: number) => validId(R, birthDate, gender, n);
  const csvLine = (cells: string[]) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');

  // Cells a school's file may hold: good values, near misses, and garbage.
  const cell = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('张伟', '买买提·艾力', '李 娜', '男', '女', 'M', 'f', '2015-03-05', '20160101', '2014/3/5', '2014年3月5日', '居民身份证', '', ' ') },
    { weight: 2, arbitrary: fc.constantFrom(id('2015-03-05', 'M', 1), id('2016-01-01', 'F', 2), `${id('2014-07-07', 'F', 3).slice(0, 17)}Y`, '１１０１０５１９４９１２３１００２Ｘ') },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom('"', '""', 'a"b', ',', '\n', '\r\n', '"unclosed', '=1+1', '\uFEFF', '\u3000', '２０１５－０３－０５') },
  );
  const goodRow = fc
    .record({ n: fc.integer({ min: 1, max: 400 }), male: fc.boolean(), day: fc.integer({ min: 1, max: 28 }) })
    .map(({ n, male, day }) => {
      const birth = `2015-04-${String(day).padStart(2, '0')}`;
      return [`学生${n}`, male ? '男' : '女', birth, '', id(birth, male ? 'M' : 'F', n)];
    });
  const header = fc.oneof(
    { weight: 4, arbitrary: fc.constant(HEADER) },
    { weight: 1, arbitrary: fc.shuffledSubarray([...HEADER, '民族', 'name', 'gender', '联系电话'], { minLength: 1 }) },
    { weight: 1, arbitrary: fc.array(cell, { minLength: 1, maxLength: 8 }) },
  );
  const csvFile = fc.record({
    header,
    rows: fc.array(fc.oneof(goodRow, fc.array(cell, { maxLength: 8 })), { maxLength: 12 }),
    endings: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 13, maxLength: 13 }),
    // Raw cells skip CSV quoting, so quotes and separators in them break the structure on purpose.
    raw: fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030'),
    trailingNewline: fc.boolean(),
  });

  it('any generated CSV: lands cleanly or is refused with located errors, and a refusal writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, fc.boolean(), async (file, skipInvalid) => {
        const lines = [file.header, ...file.rows].map((cells, i) => (file.raw[i] ? cells.join(',') : csvLine(cells)));
        let text = lines.map((line, i) => line + (i < lines.length - 1 || file.trailingNewline ? file.endings[i] : '')).join('');
        if (file.encoding === 'utf-8-bom') text = `\uFEFF${text}`;
        const bytes = file.encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
        await attempt('generated.csv', bytes, { skipInvalid });
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('random bytes, bare or behind a zip, BOM or quote header', async () => {
    const prefix = fc.constantFrom(Buffer.alloc(0), Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('姓名,性别,"'));
    await fc.assert(
      fc.asyncProperty(prefix, fc.uint8Array({ maxLength: 4096 }), async (head, body) => {
        await attempt('random.bin', Buffer.concat([head, body]));
      }),
      { numRuns: 80 },
    );
  });

  async function workbook(rows: unknown[][], header: unknown[] = HEADER): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sheet1');
    sheet.addRow(header);
    for (const row of rows) sheet.addRow(row);
    sheet.getColumn(3).numFmt = 'yyyy-mm-dd';
    sheet.getColumn(5).numFmt = '@';
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('xlsx cut short or with bytes flipped anywhere', async () => {
    const good = await workbook(Array.from({ length: 40 }, (_, i) => [`学生${i}`, '男', new Date(Date.UTC(2015, 3, 1 + (i % 28))), '', id(`2015-04-${String(1 + (i % 28)).padStart(2, '0')}`, 'M', 500 + i)]));
    const damage = fc.oneof(
      fc.record({ cut: fc.integer({ min: 0, max: good.length - 1 }) }),
      fc.record({ flips: fc.array(fc.tuple(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }) }),
    );
    await fc.assert(
      fc.asyncProperty(damage, async (how) => {
        const bytes = Buffer.from(good);
        if ('cut' in how) return void (await attempt('cut.xlsx', bytes.subarray(0, how.cut)));
        for (const [at, value] of how.flips) bytes[at] = value;
        await attempt('flipped.xlsx', bytes);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('xlsx whose parts are damaged inside an intact zip: broken XML, cut or missing parts', async () => {
    const parts = unzipSync(await workbook(Array.from({ length: 10 }, (_, i) => [`学生${i}`, '女', '2015-05-05', '', id('2015-05-05', 'F', 600 + i)])));
    const names = Object.keys(parts);
    const damage = fc.record({
      part: fc.constantFrom(...names),
      edits: fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...'<>&"\'/= x'), fc.integer({ min: 0, max: 255 }).map((b) => String.fromCharCode(b)))), { minLength: 1, maxLength: 4 }),
      cut: fc.option(fc.nat()),
      drop: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(damage, async ({ part, edits, cut, drop }) => {
        const copy = Object.fromEntries(names.map((n) => [n, new Uint8Array(parts[n]!)]));
        const data = copy[part]!;
        for (const [at, ch] of edits) if (data.length > 0) data[at % data.length] = ch.charCodeAt(0);
        if (cut !== null) copy[part] = data.subarray(0, cut % (data.length + 1));
        if (drop) delete copy[part];
        await attempt('parts.xlsx', zipSync(copy));
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('xlsx cells of every kind: formulas with and without results, far-off dates, numbers, rich text', async () => {
    const xlsxCell = fc.oneof(
      cell,
      fc.double({ noNaN: false }),
      fc.integer({ min: -3_000_000, max: 3_000_000 }),
      fc.date({ noInvalidDate: false, min: new Date(-8.64e15), max: new Date(8.64e15) }),
      fc.constantFrom<unknown>(
        { formula: 'CONCATENATE("王","五")', result: '王五' },
        { formula: 'DATE(2015,3,5)', result: new Date(Date.UTC(2015, 2, 5)) },
        { formula: 'A1' },
        { formula: '1/0', result: { error: '#DIV/0!' } },
        { richText: [{ text: '张' }, { text: '三' }] },
        { text: 'link', hyperlink: 'https://example.org' },
        true,
        null,
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(goodRow, fc.array(xlsxCell, { maxLength: 7 })), { minLength: 1, maxLength: 6 }), async (rows) => {
        await attempt('cells.xlsx', await workbook(rows));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('a 10 MB cell in a CSV and in an xlsx is refused at its row and column', async () => {
    const huge = '张'.repeat(10 * 1024 * 1024);
    const csv = await attempt('huge.csv', [csvLine(HEADER), csvLine(['张伟', '男', '2015-03-05', '', id('2015-03-05', 'M', 1)]), csvLine([huge, '男', '2015-03-05', '', id('2015-03-05', 'M', 2)])].join('\n'));
    expect(csv.errors).toEqual([expect.objectContaining({ row: 3, column: 'A', reason: expect.stringMatching(/Max Record Size/) })]);
    for (const column of [0, 4]) {
      const row: unknown[] = ['张伟', '男', '2015-03-05', '', id('2015-03-05', 'M', 3)];
      row[column] = 'x'.repeat(10 * 1024 * 1024);
      const xlsx = await attempt(`huge-${column}.xlsx`, await workbook([row]));
      expect(xlsx.errors).toEqual([expect.objectContaining({ row: 2, column: HEADER[column], reason: expect.stringMatching(/too long: 10,485,760 characters/) })]);
    }
  });

  it('a header row with a million columns', async () => {
    const named = await attempt('wide.csv', `${HEADER.join(',')}${',x'.repeat(1_000_000)}\n张伟,男,2015-03-05,,${id('2015-03-05', 'M', 4)}\n`);
    expect(named.errors).toEqual([expect.objectContaining({ row: 1, reason: expect.stringMatching(/Max Record Size/) })]);
    // Empty trailing cells are padding, whatever their number.
    const padded = await attempt('padded.csv', `${HEADER.join(',')}${','.repeat(1_000_000)}\n张伟,男,2015-03-05,,${id('2015-03-05', 'M', 5)}\n`);
    expect(padded).toMatchObject({ ok: true, rowsImported: 1 });
    const cells = await attempt('cells.csv', `${HEADER.join(',')}\n张伟,男,2015-03-05,,${id('2015-03-05', 'M', 6)}${',1'.repeat(2_000)}\n`);
    expect(cells.errors).toEqual([expect.objectContaining({ row: 2, column: 'AMK', reason: expect.stringMatching(/2,005 cells/) })]);
  });

  it('an empty file, a BOM alone, and a header with no rows under it', async () => {
    expect((await attempt('empty.csv', '')).errors).toEqual([expect.objectContaining({ row: 0, reason: 'the file is empty' })]);
    expect((await attempt('bom.csv', '\uFEFF')).errors).toEqual([expect.objectContaining({ row: 1, reason: 'the file has no header row' })]);
    expect((await attempt('header.csv', `${HEADER.join(',')}\r\n`)).errors).toEqual([expect.objectContaining({ row: 2, reason: expect.stringMatching(/no pupils/) })]);
    expect((await attempt('header.xlsx', await workbook([]))).errors).toEqual([expect.objectContaining({ row: 2, reason: expect.stringMatching(/no pupils/) })]);
  });

  it('CRLF, LF and CR mixed: every row read, and errors located on the line a spreadsheet shows', async () => {
    const rows = ['张一', '张二', '张三', '张四'].map((name, i) => `${name},男,2015-03-05,,${id('2015-03-05', 'M', 10 + i)}`);
    const mixed = await attempt('mixed.csv', `${HEADER.join(',')}\r\n${rows[0]}\n${rows[1]}\r\n\r\n${rows[2]}\r${rows[3]}\n`);
    expect(mixed).toMatchObject({ ok: true, rowsImported: 4 });
    const located = await attempt('mixed-bad.csv', `${HEADER.join(',')}\r\n${rows[0]}\n\r\n张五,男,not a date,,${id('2015-03-05', 'M', 20)}\r\n`);
    expect(located.errors).toEqual([expect.objectContaining({ row: 4, column: '出生日期', value: 'not a date' })]);
  });

  it('unbalanced quotes are located', async () => {
    const open = await attempt('open-quote.csv', `${HEADER.join(',')}\n张一,男,2015-03-05,,${id('2015-03-05', 'M', 30)}\n"张二,男,2015-03-05,,${id('2015-03-05', 'M', 31)}\n`);
    expect(open.errors).toEqual([expect.objectContaining({ row: 3, column: 'A', reason: expect.stringMatching(/Quote Not Closed/) })]);
    const stray = await attempt('stray-quote.csv', `${HEADER.join(',')}\n张一,男,"2015"-03-05,,${id('2015-03-05', 'M', 32)}\n`);
    expect(stray.errors).toEqual([expect.objectContaining({ row: 2, column: 'C' })]);
  });

  it('GBK, GB18030 and UTF-8 with or without BOM read the same names; a file that switches encoding is located', async () => {
    const rows = [['欧阳娜娜', '女', '2015-03-05', '', id('2015-03-05', 'F', 40)], ['𠀀丽', '女', '2015-03-06', '', id('2015-03-06', 'F', 41)]];
    const text = [HEADER, ...rows].map(csvLine).join('\r\n');
    const variants: [string, Buffer][] = [
      ['utf8.csv', Buffer.from(text)],
      ['utf8-bom.csv', Buffer.from(`\uFEFF${text}`)],
      ['gb18030.csv', iconv.encode(text, 'gb18030')],
      ['gbk.csv', iconv.encode([HEADER, rows[0]!].map(csvLine).join('\r\n'), 'gbk')],
    ];
    for (const [name, bytes] of variants) {
      const result = await attempt(name, bytes);
      expect(result.ok).toBe(true);
      const names = (await app.db.dataSource.query(`SELECT name FROM students WHERE import_id = $1 ORDER BY source_row`, [result.importId])) as { name: string }[];
      expect(names.map((n) => n.name)).toEqual(name === 'gbk.csv' ? ['欧阳娜娜'] : ['欧阳娜娜', '𠀀丽']);
    }
    // UTF-8 for 3,000 lines, then a line saved as GBK: refused, at that line.
    const switched = Buffer.concat([Buffer.from(`${HEADER.join(',')}\n${`张一,男,2015-03-05,,${id('2015-03-05', 'M', 42)}\n`.repeat(3_000)}`), iconv.encode(`张二,男,2015-03-05,,${id('2015-03-05', 'M', 43)}\n`, 'gbk')]);
    expect((await attempt('switched.csv', switched)).errors).toEqual([expect.objectContaining({ row: 3_002, reason: expect.stringMatching(/mixes encodings/) })]);
    // A BOM promising UTF-8 in front of GBK bytes: read as GB18030, the header is not the template's.
    const lying = await attempt('bom-gbk.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text, 'gbk')]));
    expect(lying.errors[0]).toMatchObject({ row: 1, column: 'A', reason: expect.stringMatching(/unknown column/) });
  });

  it('formula cells: the cached result is imported, a formula with none is a located missing value', async () => {
    const good = await attempt('formulas.xlsx', await workbook([[{ formula: 'CONCATENATE("王","五")', result: '王五' }, '男', { formula: 'DATE(2015,3,5)', result: new Date(Date.UTC(2015, 2, 5)) }, '', { formula: 'T("x")', result: id('2015-03-05', 'M', 50) }]]));
    expect(good).toMatchObject({ ok: true, rowsImported: 1 });
    const [student] = ((await app.db.dataSource.query(`SELECT name, birth_date AS "birthDate", id_number AS "idNumber" FROM students WHERE import_id = $1`, [good.importId])) as { idNumber: string }[]).map(openStudentRow);
    expect(student).toEqual({ name: '王五', birthDate: '2015-03-05', idNumber: id('2015-03-05', 'M', 50) });
    const blank = await attempt('formula-blank.xlsx', await workbook([[{ formula: 'B9' }, '男', '2015-03-05', '', id('2015-03-05', 'M', 51)]]));
    expect(blank.errors).toEqual([expect.objectContaining({ row: 2, column: '姓名', reason: '姓名 is required' })]);
  });

  it('date cells outside the calendar are located, not sent to the database', async () => {
    for (const serial of [3_000_000, -800_000, 1e300]) {
      const result = await attempt(`far-date-${serial}.xlsx`, await workbook([['张伟', '男', serial, '', id('2015-03-05', 'M', 60)]]));
      expect(result.errors).toEqual([expect.objectContaining({ row: 2, column: '出生日期', reason: expect.stringMatching(/not a date/) })]);
    }
  });
});
