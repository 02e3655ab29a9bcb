import { residentIdCheckChar } from '../registry/index.js';
import type { Random } from './random.js';

// Common surnames, most frequent first, repeated roughly by frequency so picks look natural.
const SURNAMES = [
  ...'王王王李李李张张张刘刘陈陈杨杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
  '欧阳',
  '司马',
  '诸葛',
];
const GIVEN_MALE = '伟浩宇轩子涵睿博文杰俊辰泽昊天明鑫磊铭瑞航晨阳一诺思远嘉豪梓皓宸逸鹏志强家乐晟煜';
const GIVEN_FEMALE = '欣怡梓涵若曦雨萱语桐诗琪思彤佳怡可馨一诺紫萱梦瑶婉清欣妍雅静芷若晓彤心怡依琳佳琪';
const MINORITY_NAMES = ['阿卜杜拉·艾力', '买买提·吐尔逊', '古丽娜尔·阿不都', '热依拉·买买提', '艾合买提·尼亚孜', '迪丽努尔·阿布力孜'];

export const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '回族', '满族', '畲族'];

export function chineseName(random: Random, gender: 'M' | 'F'): string {
  const given = gender === 'M' ? GIVEN_MALE : GIVEN_FEMALE;
  const length = random.next() < 0.7 ? 2 : 1;
  let name = random.pick(SURNAMES);
  for (let i = 0; i < length; i++) name += random.pick([...given]);
  return name;
}

export function minorityName(random: Random): { name: string; gender: 'M' | 'F'; ethnicity: string } {
  const name = random.pick(MINORITY_NAMES);
  return { name, gender: /古丽|热依拉|迪丽/.test(name) ? 'F' : 'M', ethnicity: '维吾尔族' };
}

/**
 * A valid 18-digit resident ID: address code, birth date, sequence (odd male, even female), check.
 * With `used`, never one handed out before: real numbers are unique, and an accidental repeat
 * would be a duplicate nobody planted.
 */
export function residentId(random: Random, regionCode: string, birthDate: string, gender: 'M' | 'F', used?: Set<string>): string {
  for (;;) {
    let sequence = random.int(0, 998);
    if ((sequence % 2 === 1) !== (gender === 'M')) sequence += 1;
    const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    const id = first17 + residentIdCheckChar(first17);
    if (!used || !used.has(id)) {
      used?.add(id);
      return id;
    }
  }
}

/**
 * A pupil of grade 1–9 in the school year that starts in September of `schoolYear`: born between
 * September and August of the cohort, so ages run from 6 to 15.
 */
export function birthDateForGrade(random: Random, grade: number, schoolYear: number): string {
  const cohort = schoolYear - grade - 5;
  const month = random.int(1, 12);
  const year = month >= 9 ? cohort - 1 : cohort;
  const day = random.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
