import { describe, expect, it } from 'vitest';
import { enumValues } from '@/test/api-schema';
import en from './en';
import { SUPPORTED_LOCALES, createAppI18n, messages } from './index';
import zhCN from './zh-CN';

/** Every leaf key of a nested catalogue, as dotted paths. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}


describe('message catalogues', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(zhCN).sort());
  });

  it('has a catalogue for every supported locale, and no empty messages', () => {
    expect(Object.keys(messages).sort()).toEqual([...SUPPORTED_LOCALES].sort());
    for (const locale of SUPPORTED_LOCALES) {
      for (const [key, text] of leaves(messages[locale])) {
        expect(typeof text, `${locale}: ${key}`).toBe('string');
        expect((text as string).trim(), `${locale}: ${key}`).not.toBe('');
      }
    }
  });

  it.each([
    ['Role', 'roles'],
    ['Gender', 'students.gender'],
    ['StudentStatus', 'students.status'],
    ['ImportRowErrorCode', 'import.rowErrors'],
    ['NextStepKind', 'problems.detail.nextStep.tag'],
    ['NextStepKind', 'problems.detail.nextStep.text'],
    ['ProblemClosure', 'problems.closedBy'],
    ['TransferStatus', 'transfers.status'],
    ['CampaignStatus', 'verification.status'],
    ['PupilMarkKind', 'verification.markKind'],
    ['PupilVerdict', 'studentRecord.check.verdict'],
    // ImportPreviewRow.problemType and .scope are strings holding these values.
    ['ProblemType', 'problems.type'],
    ['ProblemScope', 'problems.scope'],
    ['PupilVerdict', 'studentRecord.check.next'],
    ['PossibleDuplicateStatus', 'duplicates.status'],
    ['MatchField', 'duplicates.field'],
  ] as const)('translates every %s value of the API schema', (enumName, prefix) => {
    const keys = leafKeys(zhCN).filter((key) => key.startsWith(`${prefix}.`)).map((key) => key.slice(prefix.length + 1));
    expect(keys.sort()).toEqual(enumValues(enumName).sort());
  });

  it.each([
    ['ActionErrorCode', 'problems.errors'],
    ['ReviewErrorCode', 'problems.errors'],
    ['NegotiationErrorCode', 'problems.errors'],
    ['SuggestionReason', 'problems.suggestion'],
    ['TransferErrorCode', 'transfers.errors'],
    ['VerificationErrorCode', 'verification.errors'],
    ['PupilCheckErrorCode', 'studentRecord.check.errors'],
    ['IdProblemReason', 'problems.idReason'],
    ['PossibleDuplicateErrorCode', 'duplicates.errors'],
  ] as const)('says every %s the API can return, in both languages', (enumName, prefix) => {
    const keys = new Set(leafKeys(zhCN));
    const missing = enumValues(enumName).filter((code) => !keys.has(`${prefix}.${code}`));
    expect(missing, `${prefix}.* lacks`).toEqual([]);
  });

  it('uses the required role names', () => {
    expect(zhCN.roles).toEqual({
      SCHOOL_REGISTRAR: '学校学籍管理员',
      DISTRICT_ADMIN: '区县学籍管理员',
      CITY_ADMIN: '市级管理员',
      PROVINCE_ADMIN: '省级管理员',
      SYSTEM_ADMIN: '系统管理员',
    });
  });

  it('compiles every message in both languages (no vue-i18n syntax errors)', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const i18n = createAppI18n(locale);
      for (const key of leafKeys(zhCN)) {
        // A broken message (an unescaped `{`, `@` or `|`) throws or comes back as its key.
        const text = i18n.global.t(key, { count: 1, search: 'x', page: 1, pages: 2, size: 20, name: 'n' });
        expect(text, `${locale}: ${key}`).not.toBe(key);
      }
    }
  });

  it('starts in Chinese unless another language was chosen', () => {
    expect(createAppI18n().global.locale.value).toBe('zh-CN');
    localStorage.setItem('psp.locale', 'en');
    expect(createAppI18n().global.locale.value).toBe('en');
    localStorage.setItem('psp.locale', 'fr');
    expect(createAppI18n().global.locale.value).toBe('zh-CN');
  });
});
