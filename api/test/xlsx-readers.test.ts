import path from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textCell, type Cell } from '../src/registry/import/cells.js';
import { openSheet, SheetError, type SheetRow } from '../src/registry/import/readers.js';
import { makeSchool } from './support/factories.js';
import { fixtureDir } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { openStudentRow } from './support/sealed.js';

/**
 * The .xlsx reader: any valid workbook reads the same whatever the order of its zip entries and
 * whichever program wrote it, and a cell it cannot read is a located error, never the text of a
 * JavaScript object.
 */

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'xlsx');
const files = fixtureDir();
let written = 0;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const xml = (body: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;
const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

async function readAll(file: string): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of (await openSheet(file)).rows) rows.push(row);
  return rows;
}

/** Writes a workbook whose parts are zipped in exactly the order given. */
function zipFile(parts: [string, string][], level: 0 | 6 = 6): string {
  written += 1;
  return files.raw(`book-${written}.xlsx`, zipSync(Object.fromEntries(parts.map(([name, text]) => [name, strToU8(text)])), { level }));
}

const date = (iso: string): Cell => ({ kind: 'date', date: iso, text: iso });
const num = (value: number): Cell => ({ kind: 'number', value, text: String(value) });

/** Rows as a workbook with every kind of cell in it should read, whatever its date system. */
const EXPECTED: SheetRow[] = [
  { row: 1, cells: ['姓名', '性别', '出生日期', '身份证件类型', '身份证件号', '民族', '年级', '入学年月', '户口所在地'].map(textCell) },
  {
    row: 2,
    cells: [textCell('张伟'), textCell('男'), date('2015-03-05'), textCell('居民身份证'), textCell('330106201503050036'), textCell('汉族'), num(3), date('2021-09-01'), textCell('第一行\n第二行')],
  },
  { row: 3, cells: [textCell('买买提·艾力'), textCell('男'), date('2014-07-07'), textCell(''), textCell(' 653101201407070059 '), num(3), textCell('TRUE')] },
  { row: 5, cells: [textCell('  李 娜  '), textCell('女'), date('2013-12-31'), textCell('护照'), textCell('E12345678')] },
  { row: 6, cells: [textCell('张三'), textCell('男'), date('2015-03-05')] },
];

/**
 * One workbook holding every kind of cell the importer meets: shared strings (plain, rich-text runs,
 * xml:space="preserve", a phonetic guide, an _x000A_ escape), inline strings, date serials under a
 * built-in, a custom and a locale-tagged date format, an ISO date cell, formulas with cached text
 * and number results, a boolean, an empty styled cell, a gap in the rows, rows and cells without r.
 * The data is the first sheet in workbook order but is stored as sheet2.xml, after the notes sheet.
 */
function workbookParts(date1904: boolean): Record<string, string> {
  // The same days in either date system: the 1904 system counts from 1904-01-01 (1900 serial 1462).
  const serial = (days1900: number): number => (date1904 ? days1900 - 1462 : days1900);
  const sharedStrings = [
    '<si><t>姓名</t></si>',
    '<si><t>性别</t></si>',
    '<si><t>出生日期</t></si>',
    '<si><t>身份证件类型</t></si>',
    '<si><t>身份证件号</t></si>',
    '<si><t>张伟</t></si>',
    '<si><r><rPr><b/></rPr><t>买买提</t></r><r><rPr><i/></rPr><t>·艾力</t></r></si>',
    '<si><t xml:space="preserve">  李 娜  </t></si>',
    '<si><t>居民身份证</t></si>',
    '<si><t>330106201503050036</t></si>',
    '<si><t>张三</t><rPh sb="0" eb="2"><t>ZHANG SAN</t></rPh><phoneticPr fontId="0"/></si>',
    '<si><t>第一行_x000A_第二行</t></si>',
    '<si><t>护照</t></si>',
  ];
  const inline = (ref: string, body: string): string => `<c r="${ref}" t="inlineStr"><is>${body}</is></c>`;
  const data = [
    '<row r="1">',
    ...[0, 1, 2, 3, 4].map((i) => `<c r="${'ABCDE'[i]}1" t="s"><v>${i}</v></c>`),
    inline('F1', '<r><t>民</t></r><r><rPr><b/></rPr><t>族</t></r>'),
    inline('G1', '<t>年级</t>'),
    inline('H1', '<t>入学年月</t>'),
    inline('I1', '<t>户口所在地</t>'),
    '</row>',
    '<row r="2">',
    '<c r="A2" t="s"><v>5</v></c>',
    inline('B2', '<t>男</t>'),
    `<c r="C2" s="1"><v>${serial(42068)}</v></c>`,
    '<c r="D2" t="s"><v>8</v></c>',
    '<c r="E2" s="3" t="s"><v>9</v></c>',
    '<c r="F2" t="str"><f>CONCATENATE("汉","族")</f><v>汉族</v></c>',
    '<c r="G2"><v>3</v></c>',
    '<c r="H2" t="d"><v>2021-09-01T00:00:00</v></c>',
    '<c r="I2" t="s"><v>11</v></c>',
    '</row>',
    '<row r="3">',
    '<c r="A3" t="s"><v>6</v></c>',
    inline('B3', '<t>男</t>'),
    `<c r="C3" s="2"><v>${serial(41827)}</v></c>`,
    '<c r="D3" s="3"/>',
    inline('E3', '<t xml:space="preserve"> 653101201407070059 </t>'),
    '<c r="F3" s="4"><f>1+2</f><v>3</v></c>',
    '<c r="G3" t="b"><v>1</v></c>',
    '</row>',
    // Row 4 is left out; row 5's cells and row 6 itself carry no r.
    '<row r="5"><c t="s"><v>7</v></c><c t="inlineStr"><is><t>女</t></is></c>',
    `<c s="5"><v>${serial(41639)}</v></c><c t="s"><v>12</v></c><c t="inlineStr"><is><t>E12345678</t></is></c></row>`,
    `<row><c r="A6" t="s"><v>10</v></c>${inline('B6', '<t>男</t>')}<c r="C6" s="6"><v>${serial(42068) + 0.75}</v></c><c r="XFD6" s="1"/></row>`,
  ].join('');
  return {
    '[Content_Types].xml': xml(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    '_rels/.rels': xml(`<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': xml(
      `<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><workbookPr${date1904 ? ' date1904="1"' : ''}/>` +
        '<sheets><sheet name="学生信息" sheetId="2" r:id="rId2"/><sheet name="说明" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': xml(
      `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${OFFICE_RELS}/worksheet" Target="worksheets/sheet2.xml"/>` +
        `<Relationship Id="rId3" Type="${OFFICE_RELS}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId4" Type="${OFFICE_RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    // cellStyleXfs and dxfs also hold xf and numFmt elements; cells' s indexes cellXfs only.
    'xl/styles.xml': xml(
      `<styleSheet xmlns="${MAIN}"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>` +
        '<numFmt numFmtId="165" formatCode="0.00"/><numFmt numFmtId="166" formatCode="[$-804]yyyy/mm/dd;@"/></numFmts>' +
        '<cellStyleXfs count="2"><xf numFmtId="14"/><xf numFmtId="14"/></cellStyleXfs>' +
        '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="49"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="22"/></cellXfs>' +
        '<dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></dxf></dxfs></styleSheet>',
    ),
    'xl/sharedStrings.xml': xml(`<sst xmlns="${MAIN}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.join('')}</sst>`),
    'xl/worksheets/sheet1.xml': xml(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row><row r="2"><c r="A2"><v>12345</v></c></row></sheetData></worksheet>`),
    'xl/worksheets/sheet2.xml': xml(`<worksheet xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><dimension ref="A1:XFD6"/><sheetData>${data}</sheetData><mergeCells count="1"><mergeCell ref="J1:K1"/></mergeCells></worksheet>`),
  };
}

const PART_NAMES = Object.keys(workbookParts(false));

/** A seeded shuffle, so that a failing order can be named and reproduced. */
function shuffled(names: string[], seed: number): string[] {
  const out = [...names];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Entry orders: as Excel, LibreOffice, Gnumeric and openpyxl lay them out, the extremes, each reversed, and seeded shuffles. */
function entryOrders(): [string, string[]][] {
  const [types, rootRels, workbook, workbookRels, styles, strings, notes, data] = PART_NAMES as [string, string, string, string, string, string, string, string];
  const named: [string, string[]][] = [
    ['sheets before styles and shared strings (Excel)', [types, rootRels, workbook, workbookRels, notes, data, styles, strings]],
    ['shared strings and styles before the sheets', [types, rootRels, workbook, workbookRels, strings, styles, notes, data]],
    ['styles before, shared strings after the sheets (LibreOffice)', [rootRels, workbook, styles, notes, data, workbookRels, strings, types]],
    ['sheets first, workbook and relationships last (Gnumeric)', [notes, data, strings, styles, workbook, workbookRels, types, rootRels]],
    ['the data sheet before the notes sheet', [types, rootRels, workbook, workbookRels, styles, strings, data, notes]],
    ['the data sheet first of all, workbook.xml last', [data, strings, styles, notes, workbookRels, rootRels, types, workbook]],
  ];
  const reversed = named.map(([name, order]): [string, string[]] => [`${name}, reversed`, [...order].reverse()]);
  const random = [1, 2, 3, 4, 5, 6, 7, 8].map((seed): [string, string[]] => [`shuffle ${seed}`, shuffled(PART_NAMES, seed)]);
  return [...named, ...reversed, ...random];
}

afterAll(() => files.cleanup());

describe('xlsx reader', () => {
  it.each([false, true])('reads one workbook the same in every zip entry order, 20 times each (1904 date system: %s)', async (date1904) => {
    const parts = workbookParts(date1904);
    for (const [name, order] of entryOrders()) {
      expect(new Set(order)).toEqual(new Set(PART_NAMES));
      // Stored and deflated entries alternate, so both ways of reading an entry are covered.
      const file = zipFile(order.map((part): [string, string] => [part, parts[part]!]), written % 2 === 0 ? 0 : 6);
      for (let attempt = 1; attempt <= 20; attempt++) {
        const rows = await readAll(file);
        expect(rows, `${name}, attempt ${attempt}`).toEqual(EXPECTED);
      }
    }
  });

  it('finds the workbook, its sheets, styles and strings through the relationships, whatever the part names and prefixes', async () => {
    const parts = workbookParts(false);
    // The OpenXML SDK writes the main namespace with a prefix (x:row); the relationships prefix is free too.
    const prefixed = (text: string): string => text.replace(/<(\/?)([A-Za-z]+)([ />])/g, '<$1x:$2$3').replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
    const book: [string, string][] = [
      ['_rels/.rels', xml(`<Relationships xmlns="${RELS}"><Relationship Id="a" Type="${OFFICE_RELS}/officeDocument" Target="/book/main.xml"/></Relationships>`)],
      ['book/main.xml', parts['xl/workbook.xml']!.replace(/xmlns:r=/, 'xmlns:rel=').replace(/r:id=/g, 'rel:id=')],
      [
        'book/_rels/main.xml.rels',
        xml(
          `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/worksheet" Target="other/notes.xml"/>` +
            `<Relationship Id="rId2" Type="${OFFICE_RELS}/worksheet" Target="/data/pupils.xml"/>` +
            `<Relationship Id="rId3" Type="${OFFICE_RELS}/styles" Target="../look.xml"/>` +
            `<Relationship Id="rId4" Type="${OFFICE_RELS}/sharedStrings" Target="text%20table.xml"/>` +
            `<Relationship Id="rId5" Type="${OFFICE_RELS}/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`,
        ),
      ],
      ['data/pupils.xml', prefixed(parts['xl/worksheets/sheet2.xml']!)],
      ['look.xml', parts['xl/styles.xml']!],
      ['book/text table.xml', prefixed(parts['xl/sharedStrings.xml']!)],
      ['book/other/notes.xml', parts['xl/worksheets/sheet1.xml']!],
    ];
    expect(await readAll(zipFile(book))).toEqual(EXPECTED);
  });

  it('reads UTF-16 parts, as the packaging standard allows', async () => {
    const parts = workbookParts(false);
    const utf16 = (text: string): string => text.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const bytes = Object.fromEntries(
      Object.entries(parts).map(([name, text]) => [name, name.endsWith('sheet2.xml') || name.endsWith('sharedStrings.xml') ? new Uint8Array(Buffer.from(`\ufeff${utf16(text)}`, 'utf16le')) : strToU8(text)]),
    );
    expect(await readAll(files.raw('utf16.xlsx', zipSync(bytes)))).toEqual(EXPECTED);
  });

  /** A workbook whose data sheet holds just these cells in row 2 under a one-cell header, zipped in the given order. */
  function oneRowBook(cells: string, order: string[] = PART_NAMES): string {
    const parts = workbookParts(false);
    parts['xl/worksheets/sheet2.xml'] = xml(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2">${cells}</row></sheetData></worksheet>`);
    return zipFile(order.map((part): [string, string] => [part, parts[part]!]));
  }

  it('a cell it does not understand is a SheetError located by row and column', async () => {
    const cases: [string, RegExp][] = [
      ['<c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c>', /shows the error #DIV\/0!/],
      ['<c r="C2" t="sharedString"><v>0</v></c>', /kind the importer does not read \(t="sharedString"\)/],
      ['<c r="C2" t="s"><v>99</v></c>', /shared string "99", which the workbook does not have/],
      ['<c r="C2"><v>twelve</v></c>', /should hold a number but holds "twelve"/],
      ['<c r="C2" t="b"><v>yes</v></c>', /TRUE or FALSE/],
      ['<c r="C2" t="d"><v>yesterday</v></c>', /should hold a date/],
      ['<c r="C2"><is><t>text</t></is></c>', /inline text but is marked t="n"/],
    ];
    for (const [cell, message] of cases) {
      const error = await readAll(oneRowBook(`<c r="A2" t="inlineStr"><is><t>ok</t></is></c>${cell}`)).catch((e: unknown) => e);
      expect(error, cell).toBeInstanceOf(SheetError);
      expect(error, cell).toMatchObject({ row: 2, column: 'C', message: expect.stringMatching(message) });
    }
    const wide = await readAll(oneRowBook('<c r="AMK2" t="inlineStr"><is><t>far</t></is></c>')).catch((e: unknown) => e);
    expect(wide).toMatchObject({ row: 2, column: 'AMK', message: expect.stringMatching(/past the first 1,024 columns/) });
  });

  it('never turns a cell into the text of a JavaScript object: any cell reads as text, a number, a date, or a located error', async () => {
    const type = fc.constantFrom<string | null>(null, 'n', 's', 'str', 'inlineStr', 'b', 'd', 'e', 'sharedString', 'x', '');
    const content = fc.record({
      type,
      value: fc.option(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('0', '3', '12', '1', '42068', '-1', '1e300', '2015-03-05', 'true')), { nil: undefined }),
      inline: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
      style: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(content, { minLength: 1, maxLength: 6 }), fc.shuffledSubarray(PART_NAMES, { minLength: PART_NAMES.length }), async (cells, order) => {
        const body = cells
          .map(({ type: t, value, inline, style }, i) => {
            const attributes = `r="${'ABCDEF'[i]}2"${t === null ? '' : ` t="${t}"`}${style === undefined ? '' : ` s="${style}"`}`;
            return `<c ${attributes}>${value === undefined ? '' : `<v>${escape(value)}</v>`}${inline === undefined ? '' : `<is><t>${escape(inline)}</t></is>`}</c>`;
          })
          .join('');
        try {
          const rows = await readAll(oneRowBook(body, order));
          for (const cell of rows.flatMap((r) => r.cells)) {
            expect(typeof cell.text).toBe('string');
            expect(cell.text).not.toMatch(/\[object /);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(SheetError);
          expect(error).toMatchObject({ row: 2, column: expect.stringMatching(/^[A-F]$/) });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a workbook without its parts is refused as a whole, naming what is missing', async () => {
    const parts = workbookParts(false);
    const without = (name: string): string => zipFile(Object.entries(parts).filter(([part]) => part !== name));
    await expect(readAll(without('xl/workbook.xml'))).rejects.toMatchObject({ row: 0, message: expect.stringMatching(/not a readable \.xlsx workbook \(xl\/workbook\.xml is missing\)/) });
    await expect(readAll(without('_rels/.rels'))).rejects.toMatchObject({ row: 0, message: expect.stringMatching(/does not name the workbook/) });
    await expect(readAll(without('xl/worksheets/sheet2.xml'))).rejects.toMatchObject({ row: 0, message: expect.stringMatching(/sheet2\.xml is missing/) });
    await expect(readAll(without('xl/sharedStrings.xml'))).rejects.toMatchObject({ row: 0, message: expect.stringMatching(/sharedStrings\.xml is missing/) });
    // A workbook without styles is valid: its date serials then read as the plain numbers they are.
    const unstyledParts = Object.entries(parts).filter(([part]) => part !== 'xl/styles.xml');
    const rels = unstyledParts.find(([part]) => part === 'xl/_rels/workbook.xml.rels')!;
    rels[1] = rels[1].replace(/<Relationship Id="rId3"[^>]*\/>/, '');
    const unstyled = await readAll(zipFile(unstyledParts));
    expect(unstyled[1]!.cells[2]).toEqual(num(42068));
  });
});

/** The same template saved by other programs (see fixtures/xlsx/README.md): the checked-in files, not the programs. */
describe('xlsx files written by other programs', () => {
  const WRITERS = ['libreoffice.xlsx', 'libreoffice-1904.xlsx', 'gnumeric.xlsx', 'openpyxl.xlsx'];
  const HEADER = ['姓名', '性别', '出生日期', '身份证件类型', '身份证件号', '民族', '年级', '班级', '入学年月', '户口所在地', '联系电话'];
  const FIXTURE_ROWS: SheetRow[] = [
    { row: 1, cells: HEADER.map(textCell) },
    {
      row: 2,
      cells: [textCell('张伟'), textCell('男'), date('2015-03-05'), ...['居民身份证', '330106201503050036', '汉族', '三年级', '3班'].map(textCell), date('2021-09-01'), textCell('浙江省杭州市西湖区'), textCell('13800138000')],
    },
    { row: 3, cells: [textCell('买买提·艾力'), textCell('男'), date('2014-07-07'), ...['', '653101201407070059', '维吾尔族', '四年级', '1班', '2020-09', '新疆喀什市'].map(textCell)] },
    { row: 4, cells: [textCell('李娜'), textCell('女'), date('2013-12-31'), ...['护照', 'E12345678', '汉族', '五年级', '2班', '2019-09', '', '13900139000'].map(textCell)] },
  ];

  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it.each(WRITERS)('%s reads as the template it is', async (name) => {
    // Trailing empty cells are a writer's choice: compare up to the last value of each row.
    const rows = (await readAll(path.join(FIXTURES, name))).map(({ row, cells }) => {
      let end = cells.length;
      while (end > 0 && cells[end - 1]!.text === '') end -= 1;
      return { row, cells: cells.slice(0, end) };
    });
    expect(rows).toEqual(FIXTURE_ROWS);
  });

  it.each(WRITERS)('%s imports its pupils with every field', async (name) => {
    const school = await makeSchool(app, '330106');
    const result = await app.services.imports.importStudents({ schoolId: school.id, filePath: path.join(FIXTURES, name) });
    expect(result).toMatchObject({ ok: true, format: 'xlsx', rowsRead: 3, rowsImported: 3, errorCount: 0 });
    const students = ((await app.db.dataSource.query(
      `SELECT name, gender, birth_date::text AS "birthDate", id_type AS "idType", id_number AS "idNumber", ethnicity, grade,
              class_name AS "className", enrollment_month AS "enrollmentMonth", household_region AS "householdRegion", phone
       FROM students WHERE import_id = $1 ORDER BY source_row`,
      [result.importId],
    )) as { idNumber: string | null }[]).map(openStudentRow);
    expect(students).toEqual([
      { name: '张伟', gender: 'M', birthDate: '2015-03-05', idType: 'RESIDENT_ID', idNumber: '330106201503050036', ethnicity: '汉族', grade: '三年级', className: '3班', enrollmentMonth: '2021-09', householdRegion: '浙江省杭州市西湖区', phone: '13800138000' },
      { name: '买买提·艾力', gender: 'M', birthDate: '2014-07-07', idType: 'RESIDENT_ID', idNumber: '653101201407070059', ethnicity: '维吾尔族', grade: '四年级', className: '1班', enrollmentMonth: '2020-09', householdRegion: '新疆喀什市', phone: null },
      { name: '李娜', gender: 'F', birthDate: '2013-12-31', idType: 'PASSPORT', idNumber: 'E12345678', ethnicity: '汉族', grade: '五年级', className: '2班', enrollmentMonth: '2019-09', householdRegion: null, phone: '13900139000' },
    ]);
  });

  it('an error cell refuses the import at its row and column', async () => {
    const school = await makeSchool(app, '330106');
    const parts = {
      ...Object.fromEntries(
        Object.entries(workbookParts(false)).map(([name, text]) => [name, strToU8(text)]),
      ),
      'xl/worksheets/sheet2.xml': strToU8(
        xml(
          `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${HEADER.slice(0, 5).map((h, i) => `<c r="${'ABCDE'[i]}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>` +
            `<row r="2"><c r="A2" t="inlineStr"><is><t>张伟</t></is></c><c r="B2" t="inlineStr"><is><t>男</t></is></c><c r="C2" t="e"><f>DATE(2015,13,"x")</f><v>#VALUE!</v></c>` +
            '<c r="E2" t="inlineStr"><is><t>330106201503050036</t></is></c></row></sheetData></worksheet>',
        ),
      ),
    };
    const result = await app.services.imports.importStudents({ schoolId: school.id, filePath: files.raw('error-cell.xlsx', zipSync(parts)) });
    expect(result).toMatchObject({ ok: false, failure: 'NOT_A_SPREADSHEET', importId: null });
    expect(result.errors).toEqual([expect.objectContaining({ row: 2, column: 'C', reason: expect.stringMatching(/shows the error #VALUE!/) })]);
  });
});
