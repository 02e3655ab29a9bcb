import { describe, expect, it } from 'vitest';
import { isBirthDate, maskIdNumber, normalizeIdInput, residentIdCheckChar, residentIdProblem } from './id-number';

// 11010519491231002X is the worked example of GB 11643 (a woman born 1949-12-31).
const VALID = '11010519491231002X';

describe('residentIdProblem', () => {
  it('accepts a valid number, also typed in lower case, full width or with spaces', () => {
    expect(residentIdProblem(VALID)).toBeNull();
    expect(residentIdProblem('110105 19491231 002x')).toBeNull();
    expect(residentIdProblem('１１０１０５１９４９１２３１００２Ｘ')).toBeNull();
    expect(residentIdProblem(VALID, { birthDate: '1949-12-31', gender: 'F' })).toBeNull();
  });

  it.each([
    ['', 'required'],
    ['11010519491231002', 'length'],
    ['110105194912310021X', 'length'],
    ['1101051949123100AX', 'format'],
    ['110105194913310027', 'birthDate'],
    ['110105194912310021', 'checkChar'],
  ] as const)('refuses %j (%s)', (input, problem) => {
    expect(residentIdProblem(input)).toBe(problem);
  });

  it('refuses a number whose birth date or gender disagrees with the record', () => {
    expect(residentIdProblem(VALID, { birthDate: '1949-12-30', gender: 'F' })).toBe('birthDateMismatch');
    expect(residentIdProblem(VALID, { birthDate: '1949-12-31', gender: 'M' })).toBe('genderMismatch');
  });

  it('computes the check character of the standard', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('33010620140315003')).toMatch(/^[\dX]$/);
  });
});

describe('helpers', () => {
  it('normalises like the API', () => {
    expect(normalizeIdInput(' 1101 0519491231002x ')).toBe(VALID);
  });

  it('masks all but the address code and the check character', () => {
    expect(maskIdNumber(VALID)).toBe('110105***********X');
    // The API sends numbers masked already: masking them again changes nothing.
    expect(maskIdNumber('110105***********X')).toBe('110105***********X');
  });

  it('takes birth dates as real past days written YYYY-MM-DD', () => {
    const today = new Date('2026-11-29T00:00:00Z');
    expect(isBirthDate('2014-03-05', today)).toBe(true);
    expect(isBirthDate('2014-02-30', today)).toBe(false);
    expect(isBirthDate('20140305', today)).toBe(false);
    expect(isBirthDate('2027-01-01', today)).toBe(false);
  });
});
