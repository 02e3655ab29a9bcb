/**
 * Where a pupil studies, read from the registry's free text: the grade (年级) as a number and the
 * region code as district and city. Schools write grades several ways (七年级 and 初一 are the
 * same class), so grades are compared as numbers, never as text.
 */

const NUMERALS: Readonly<Record<string, number>> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12,
};

/** 初一…初三 follow the six primary years, 高一…高三 the nine years of compulsory schooling. */
const STAGE_OFFSET: Readonly<Record<string, number>> = { 小学: 0, 初: 6, 初中: 6, 高: 9, 高中: 9 };
const STAGE_YEARS: Readonly<Record<string, number>> = { 小学: 6, 初: 3, 初中: 3, 高: 3, 高中: 3 };

const STAGED = /^(小学|初中|高中|初|高)(十[一二]|[一二三四五六七八九十]|\d{1,2})(年级)?$/;
const PLAIN = /^(十[一二]|[一二三四五六七八九十]|\d{1,2})年级$/;

function numberOf(text: string): number {
  return NUMERALS[text] ?? Number(text);
}

/**
 * The grade as 1–12 (一年级 1 … 九年级 9, 初一 7 … 初三 9, 高一 10 … 高三 12, 十二年级 12),
 * null for an empty or unreadable grade: an unknown grade says nothing either way.
 */
export function parseGrade(grade: string | null | undefined): number | null {
  if (!grade) return null;
  const text = grade.replace(/\s+/g, '');
  const staged = STAGED.exec(text);
  if (staged) {
    const year = numberOf(staged[2]!);
    return year >= 1 && year <= STAGE_YEARS[staged[1]!]! ? STAGE_OFFSET[staged[1]!]! + year : null;
  }
  const plain = PLAIN.exec(text);
  if (!plain) return null;
  const year = numberOf(plain[1]!);
  return year >= 1 && year <= 12 ? year : null;
}

const REGION = /^\d{6}$/;

/** The 6-digit county code as a number, -1 when absent or malformed (then nothing is compared). */
export function parseRegion(code: string | null | undefined): number {
  const text = code?.trim() ?? '';
  return REGION.test(text) ? Number(text) : -1;
}

/** The city of a county code: its first four digits (330106 → 3301). */
export function cityOf(region: number): number {
  return Math.floor(region / 100);
}
