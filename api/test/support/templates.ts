import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { residentIdCheckChar } from '../../src/registry/student/id-number.js';

export const HEADER = ['姓名', '性别', '出生日期', '身份证件类型', '身份证件号'];

/** A valid resident ID for a region, birth date (YYYY-MM-DD), gender and a sequence number. */
export function validId(region: string, birthDate: string, gender: 'M' | 'F', sequence = 1): string {
  let seq = sequence * 2 + (gender === 'M' ? 1 : 0);
  seq %= 1000;
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A folder of fixture files for one test file, removed by `cleanup`. */
export function fixtureDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'pss-import-'));
  const file = (name: string, content: string | Uint8Array) => {
    const target = path.join(dir, name);
    writeFileSync(target, content);
    return target;
  };
  const csvText = (rows: string[][], header = HEADER) =>
    [header, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
  return {
    dir,
    csv: (name: string, rows: string[][], header = HEADER) => file(name, csvText(rows, header)),
    csvWithBom: (name: string, rows: string[][]) => file(name, `\uFEFF${csvText(rows)}`),
    gbkCsv: (name: string, rows: string[][]) => file(name, iconv.encode(csvText(rows), 'gbk')),
    raw: file,
    /** As Excel writes it: shared strings, dates as serial numbers with a date format. */
    async xlsx(name: string, rows: (string | number | Date)[][], header = HEADER, idAsText = true) {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Sheet1');
      sheet.addRow(header);
      for (const row of rows) sheet.addRow(row);
      sheet.getColumn(3).numFmt = 'yyyy-mm-dd';
      if (idAsText) sheet.getColumn(5).numFmt = '@';
      return file(name, Buffer.from(await workbook.xlsx.writeBuffer()));
    },
    /** As WPS and some generators write it: inline strings, no shared-strings part. */
    inlineXlsx(name: string, rows: string[][]) {
      const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
      const letters = 'ABCDEFGHIJK';
      const sheetRows = [HEADER, ...rows]
        .map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(`${letters[c]}${i + 1}`, v)).join('')}</row>`)
        .join('');
      const files = {
        '[Content_Types].xml': strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        ),
        '_rels/.rels': strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        ),
        'xl/workbook.xml': strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
        'xl/_rels/workbook.xml.rels': strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
        'xl/worksheets/sheet1.xml': strToU8(
          `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
        ),
      };
      return file(name, zipSync(files));
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
