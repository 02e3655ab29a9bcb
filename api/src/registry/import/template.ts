import { STUDENT_FIELDS } from '../student/student-fields.js';
import { IdType } from '../student/student.entity.js';

/** The student template's columns: canonical Chinese header, English alias, whether a value is required. */
export const TEMPLATE_COLUMNS = STUDENT_FIELDS.map(({ template }) => ({ key: template.key, header: template.header, alias: template.key, required: template.required }));

export type ColumnKey = (typeof STUDENT_FIELDS)[number]['template']['key'];

const headerToKey = new Map<string, ColumnKey>(
  TEMPLATE_COLUMNS.flatMap((c) => [
    [c.header, c.key],
    [c.alias, c.key],
  ]),
);

/** Header cell → column key, tolerant of spaces, full-width forms and case ("出生日期 ", "Birth_Date"). */
export function columnForHeader(header: string): ColumnKey | undefined {
  const cleaned = header.replace(/[\s\u3000]+/g, '').replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  return headerToKey.get(cleaned) ?? headerToKey.get(cleaned.toLowerCase());
}

export const ID_TYPES: Record<string, IdType> = {
  '': IdType.RESIDENT_ID,
  居民身份证: IdType.RESIDENT_ID,
  身份证: IdType.RESIDENT_ID,
  香港特区护照: IdType.HK_PASS,
  香港特区身份证明: IdType.HK_PASS,
  '香港特区护照/身份证明': IdType.HK_PASS,
  澳门特区护照: IdType.MO_PASS,
  澳门特区身份证明: IdType.MO_PASS,
  '澳门特区护照/身份证明': IdType.MO_PASS,
  台湾居民来往大陆通行证: IdType.TW_PASS,
  外国人永久居留身份证: IdType.FOREIGN_PERMANENT,
  护照: IdType.PASSPORT,
  其他: IdType.OTHER,
  ...Object.fromEntries(Object.values(IdType).map((t) => [t, t])),
};

export const GENDERS: Record<string, 'M' | 'F'> = { 男: 'M', 女: 'F', M: 'M', F: 'F', m: 'M', f: 'F', 男性: 'M', 女性: 'F' };
