import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkResidentId, IdProblemReason, maskIdNumber, residentIdCheckChar, residentIdKey } from '../src/registry/student/id-number.js';
import { normalizeIdNumber, normalizeName, toHalfWidth } from '../src/registry/student/normalize.js';

/**
 * Property-based tests of the resident ID validator and the normalisation in front of it: whatever
 * a school's spreadsheet holds, checking it never throws, every well-formed number is accepted
 * however it is spaced or typed (full width, lower-case x), and any one wrong character is caught.
 */

const RUNS = { numRuns: 2_000 };
const REASONS = new Set<string>(Object.values(IdProblemReason));

// What a pasted ID cell may contain, weighted towards the characters an ID is made of.
const WHITESPACE = [' ', '\t', '\n', '\r', '\u00A0', '\u2002', '\u200B', '\u3000', '\uFEFF', '\u202F'];
const idChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'0123456789Xx') },
  { weight: 2, arbitrary: fc.constantFrom(...'０１２３４５６７８９Ｘｘ') },
  { weight: 2, arbitrary: fc.constantFrom(...WHITESPACE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('\uD800', '\uDFFF', 'ß', 'ﬃ', 'İ', '\u0000', '·', '，') },
);
const anyIdText = fc.oneof(fc.string({ unit: idChar, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }));
const gender = fc.constantFrom<'M' | 'F'>('M', 'F');

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A well-formed number and the record it belongs to: any six-digit area, a real birth date, the gender in digit 17. */
const validNumber = fc
  .record({
    area: fc.integer({ min: 0, max: 999_999 }),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
    order: fc.integer({ min: 0, max: 99 }),
    gender,
  })
  .map(({ area, birth, order, gender }) => {
    const birthDate = birth.toISOString().slice(0, 10);
    const first17 = `${pad(area, 6)}${birthDate.replaceAll('-', '')}${pad(order, 2)}${gender === 'M' ? '1' : '0'}`;
    return { id: first17 + residentIdCheckChar(first17), record: { birthDate, gender } };
  });

/** The same number as people type it: spaces between digit groups, full-width digits, a lower-case x. */
function decorated(id: string, choices: { wide: boolean[]; spaces: string[] }): string {
  return [...id]
    .map((ch, i) => {
      let out = ch === 'X' && choices.wide[i] ? 'x' : ch;
      if (choices.wide[(i + 7) % choices.wide.length]) out = String.fromCharCode(out.charCodeAt(0) + 0xfee0);
      return (choices.spaces[i] ?? '') + out;
    })
    .join('');
}
const decorations = fc.record({
  wide: fc.array(fc.boolean(), { minLength: 18, maxLength: 18 }),
  spaces: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(...WHITESPACE) }), { minLength: 19, maxLength: 19 }),
});

describe('resident ID validation under random input (fast-check)', () => {
  it('never throws, and always answers with reasons it knows and one message each', () => {
    fc.assert(
      fc.property(anyIdText, fc.oneof(fc.string(), fc.constantFrom('2015-03-05', '1949-12-31', '')), gender, (raw, birthDate, g) => {
        const check = checkResidentId(raw, { birthDate, gender: g });
        expect(check.valid).toBe(check.reasons.length === 0);
        expect(check.messages).toHaveLength(check.reasons.length);
        for (const reason of check.reasons) expect(REASONS.has(reason)).toBe(true);
        expect(() => maskIdNumber(raw)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('normalises to a key with no whitespace and no full-width forms, and normalising twice changes nothing', () => {
    fc.assert(
      fc.property(anyIdText, fc.constantFrom('RESIDENT_ID', 'PASSPORT', 'OTHER'), (raw, idType) => {
        const once = normalizeIdNumber(raw);
        expect(normalizeIdNumber(once)).toBe(once);
        expect(once).not.toMatch(/[\s\u00A0\u2000-\u200B\u3000\uFEFF\uFF01-\uFF5E]/);
        const key = residentIdKey(idType, raw);
        if (idType !== 'RESIDENT_ID') expect(key).toBeNull();
        else if (key !== null) expect(key).toBe(/^\d{15}$/.test(once) ? key : once);
        const name = normalizeName(raw);
        expect(normalizeName(name)).toBe(name);
        expect(toHalfWidth(toHalfWidth(raw))).toBe(toHalfWidth(raw));
      }),
      RUNS,
    );
  });

  it('accepts every number built with its check character, however it is spaced or typed', () => {
    fc.assert(
      fc.property(validNumber, decorations, ({ id, record }, choices) => {
        expect(checkResidentId(id, record)).toEqual({ valid: true, reasons: [], messages: [] });
        const typed = decorated(id, choices);
        expect(checkResidentId(typed, record).valid).toBe(true);
        // Every spelling of one number groups with the others.
        expect(residentIdKey('RESIDENT_ID', typed)).toBe(id);
      }),
      RUNS,
    );
  });

  it('gives a legacy 15-digit number the key of its 18-digit form', () => {
    const born19xx = validNumber.filter(({ record }) => record.birthDate < '2000');
    fc.assert(
      fc.property(born19xx, ({ id, record }) => {
        const legacy = id.slice(0, 6) + id.slice(8, 17);
        expect(residentIdKey('RESIDENT_ID', legacy)).toBe(id);
        expect(checkResidentId(legacy, record).valid).toBe(true);
      }),
      RUNS,
    );
  });

  it('rejects any single-character change to a valid number', () => {
    const change = fc.record({ position: fc.integer({ min: 0, max: 17 }), replacement: idChar });
    fc.assert(
      fc.property(validNumber, change, ({ id, record }, { position, replacement }) => {
        // A replacement that normalises to the same character (full-width 5 for 5, x for X) is no change.
        fc.pre(normalizeIdNumber(replacement) !== id[position]);
        const changed = id.slice(0, position) + replacement + id.slice(position + 1);
        expect(checkResidentId(changed, record).valid).toBe(false);
      }),
      RUNS,
    );
  });

  it('rejects a number with a character dropped, one added, or two different neighbours swapped', () => {
    const edit = fc.record({ position: fc.integer({ min: 0, max: 17 }), digit: fc.constantFrom(...'0123456789X') });
    fc.assert(
      fc.property(validNumber, edit, ({ id, record }, { position, digit }) => {
        expect(checkResidentId(id.slice(0, position) + id.slice(position + 1), record).valid).toBe(false);
        expect(checkResidentId(id.slice(0, position) + digit + id.slice(position), record).valid).toBe(false);
        // MOD 11-2 weights differ for every pair of neighbours, so swapping two different digits
        // among the first 17 always changes the sum; the check character is outside that guarantee.
        if (position < 16 && id[position] !== id[position + 1]) {
          const swapped = id.slice(0, position) + id[position + 1] + id[position] + id.slice(position + 2);
          expect(checkResidentId(swapped, record).valid).toBe(false);
        }
      }),
      RUNS,
    );
  });
});
