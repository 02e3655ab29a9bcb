import { describe, expect, it } from 'vitest';
import { checkResidentId, maskIdNumber, residentIdCheckChar, residentIdKey, upgradeLegacyId } from '../src/registry/student/id-number.js';
import { normalizeIdNumber, normalizeName, toHalfWidth } from '../src/registry/student/normalize.js';

describe('resident ID numbers (GB 11643)', () => {
  it('computes the MOD 11-2 check character', () => {
    // The standard's own example number.
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });

  it('accepts a number that agrees with the record', () => {
    expect(checkResidentId('11010519491231002X', { birthDate: '1949-12-31', gender: 'F' })).toEqual({ valid: true, reasons: [], messages: [] });
  });

  it('names every disagreement', () => {
    const check = checkResidentId('110105194912310021', { birthDate: '1950-01-01', gender: 'M' });
    expect(check.reasons).toEqual(['CHECKSUM', 'BIRTH_DATE_MISMATCH', 'GENDER_MISMATCH']);
    expect(check.messages[0]).toContain('should be X');
  });

  it('refuses malformed numbers and impossible dates as FORMAT', () => {
    expect(checkResidentId('12345', { birthDate: '2015-01-01', gender: 'M' }).reasons).toEqual(['FORMAT']);
    expect(checkResidentId('110105201502300019', { birthDate: '2015-02-30', gender: 'M' }).reasons).toEqual(['FORMAT']);
  });

  it('reads legacy 15-digit numbers and upgrades them for comparison', () => {
    expect(upgradeLegacyId('110105491231002')).toBe('11010519491231002X');
    expect(checkResidentId('110105491231002', { birthDate: '1949-12-31', gender: 'F' }).valid).toBe(true);
    expect(residentIdKey('RESIDENT_ID', '110105491231002')).toBe(residentIdKey('RESIDENT_ID', '11010519491231002x'));
  });

  it('gives non-resident documents no resident ID key', () => {
    expect(residentIdKey('PASSPORT', 'E12345678')).toBeNull();
    expect(residentIdKey('RESIDENT_ID', '  ')).toBeNull();
  });

  it('masks all but the address code and the check character (the birth date and sequence stay hidden)', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105***********X');
    expect(maskIdNumber(null)).toBeNull();
  });
});

describe('normalisation', () => {
  it('maps full-width forms to ASCII', () => {
    expect(toHalfWidth('１１０１０５ＡＢｃ　')).toBe('110105ABc ');
  });

  it('drops whitespace and upper-cases the check character of ID numbers', () => {
    expect(normalizeIdNumber(' 110105 1949 1231 002x ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
  });

  it('drops whitespace in names and unifies middle dots', () => {
    expect(normalizeName(' 张 三 ')).toBe('张三');
    for (const dot of ['·', '•', '・', '．', '‧', '･', '.']) {
      expect(normalizeName(`阿卜杜拉${dot}艾力`)).toBe('阿卜杜拉·艾力');
    }
  });
});
