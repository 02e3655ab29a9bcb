/**
 * Normalisation before comparing (DESIGN.md section 3). The raw value is always stored too; these
 * keys exist only so that "the same" values written differently group together.
 */

/** Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space map to their ASCII counterparts. */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

const WHITESPACE = /[\s\u00A0\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF]+/g;

/**
 * Dots people type between the parts of minority and foreign names (买买提·艾力): the middle dot
 * itself, bullet, katakana middle dot (full and half width), hyphenation point, bullet and dot
 * operators, Greek ano teleia, and the full-width full stop (already ASCII '.' after toHalfWidth).
 */
const NAME_DOTS = /[\u00B7\u2022\u30FB\uFF65\u2027\u2219\u22C5\u0387\u2E31\u16EB.]/g;

export function normalizeName(raw: string): string {
  return toHalfWidth(raw).replace(WHITESPACE, '').replace(NAME_DOTS, '\u00B7');
}

/** Drops all whitespace, maps full-width characters, upper-cases the check character `x`. */
export function normalizeIdNumber(raw: string): string {
  return toHalfWidth(raw).replace(WHITESPACE, '').toUpperCase();
}

/** The DUPLICATE_IDENTITY comparison key: normalised name, gender and birth date. */
export function identityKey(nameKey: string, gender: string, birthDate: string): string {
  return `${nameKey}|${gender}|${birthDate}`;
}
