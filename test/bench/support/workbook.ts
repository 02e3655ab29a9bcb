import ExcelJS from 'exceljs';
import { TEMPLATE_COLUMNS } from '../../../api/src/registry/import/template.js';
import { generateRows } from '../../../api/src/seed/import-file.js';

/**
 * A school's template as a spreadsheet program saves it (ExcelJS's streaming writer: shared strings,
 * styles, birth dates as dates, ID numbers as text), `rows` generated pupils; `seed` picks them.
 */
export async function writeTemplateWorkbook(file: string, rows: number, seed = 1): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = book.addWorksheet('学生信息');
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c.header, key: c.key, style: c.key === 'birth_date' ? { numFmt: 'yyyy-mm-dd' } : c.key === 'id_number' ? { numFmt: '@' } : {} }));
  // One region holds about two million distinct ID numbers for primary-school ages; the generator
  // would search forever past that, so every 500,000 pupils come from another district.
  const REGIONS = ['330102', '330105', '330106', '330108', '330109', '330110', '330111', '330112'];
  for (let block = 0; block * 500_000 < rows; block++) {
    const students = Math.min(500_000, rows - block * 500_000);
    for (const r of generateRows({ students, seed: seed + block, regionCode: REGIONS[block % REGIONS.length] })) {
      sheet
        .addRow([r.name, r.gender, new Date(`${r.birthDate}T00:00:00Z`), r.idType, r.idNumber, r.ethnicity, r.grade, r.className, r.enrollmentMonth, r.householdRegion, r.phone])
        .commit();
    }
  }
  sheet.commit();
  await book.commit();
}
