import ExcelJS from 'exceljs';
import { ID_TYPES, TEMPLATE_COLUMNS } from './template.js';

/**
 * The blank student template: the header row, the ID number column formatted as text (so Excel
 * keeps all 18 digits), drop-down lists for 性别 and 身份证件类型, and a sheet of instructions.
 */
export async function studentTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'pss';
  const sheet = workbook.addWorksheet('学生信息');
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === 'id_number' ? 22 : c.key === 'household_region' ? 24 : 14,
    style: c.key === 'id_number' || c.key === 'phone' ? { numFmt: '@' } : c.key === 'birth_date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  TEMPLATE_COLUMNS.forEach((c, i) => {
    if (c.required) header.getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const letter = (key: string) => String.fromCharCode(65 + TEMPLATE_COLUMNS.findIndex((c) => c.key === key));
  const idTypes = Object.keys(ID_TYPES).filter((k) => /[\u4e00-\u9fa5]/.test(k) && !['身份证', '香港特区护照', '香港特区身份证明', '澳门特区护照', '澳门特区身份证明'].includes(k));
  for (let row = 2; row <= 5000; row++) {
    sheet.getCell(`${letter('gender')}${row}`).dataValidation = { type: 'list', allowBlank: false, formulae: ['"男,女"'] };
    sheet.getCell(`${letter('id_type')}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${idTypes.join(',')}"`] };
  }
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [{ header: '列', width: 16 }, { header: '必填', width: 8 }, { header: '说明', width: 80 }];
  const explain: Record<string, string> = {
    name: '与户口簿一致；少数民族姓名中的间隔号写作 ·',
    gender: '男 或 女',
    birth_date: '2014-03-05、20140305 或 2014/3/5，或日期格式的单元格',
    id_type: `留空即为居民身份证；可选：${idTypes.join('、')}`,
    id_number: '本列已设为文本格式，请勿改为数字（Excel 只保留 15 位有效数字，18 位证件号会丢失末尾数字）',
    enrollment_month: '如 2020-09',
    household_region: '户口所在地',
    phone: '监护人联系电话',
  };
  for (const c of TEMPLATE_COLUMNS) notes.addRow([`${c.header} (${c.alias})`, c.required ? '是' : '', explain[c.key] ?? '']);
  notes.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
