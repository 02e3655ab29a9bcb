/**
 * The resident ID checks of GB 11643, as the API applies them (api/src/registry/student/id-number.ts),
 * so that the change form refuses a number before it is sent rather than after.
 */

/** Weights of the first 17 digits, and the check character for each sum mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Why a typed resident ID number is refused, most basic first; each has a message in `problems.idInput`. */
export type IdInputProblem = 'required' | 'length' | 'format' | 'birthDate' | 'checkChar' | 'birthDateMismatch' | 'genderMismatch';

/** Drops whitespace, maps full-width digits and letters to ASCII and upper-cases the check character, as the API does. */
export function normalizeIdInput(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00A0\uFEFF]+/g, '')
    .toUpperCase();
}

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Whether `YYYY-MM-DD` (or `YYYYMMDD`) names a day that exists. */
export function isRealDate(text: string): boolean {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A birth date as the form takes it: `YYYY-MM-DD`, a real day, not in the future. */
export function isBirthDate(text: string, today: Date = new Date()): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && isRealDate(text) && text <= today.toISOString().slice(0, 10);
}

/**
 * The first problem with a typed resident ID number, or null when it passes: 18 characters
 * (17 digits and a digit or X), a real embedded birth date, the right check character, and
 * birth date and gender digit matching the record being saved (when those are known).
 */
export function residentIdProblem(raw: string, record: { birthDate?: string | null; gender?: 'M' | 'F' | null } = {}): IdInputProblem | null {
  const id = normalizeIdInput(raw);
  if (id === '') return 'required';
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const birth = id.slice(6, 14);
  if (!isRealDate(birth)) return 'birthDate';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'checkChar';
  if (record.birthDate && isRealDate(record.birthDate) && record.birthDate.replaceAll('-', '') !== birth) return 'birthDateMismatch';
  if (record.gender && (Number(id[16]) % 2 === 1 ? 'M' : 'F') !== record.gender) return 'genderMismatch';
  return null;
}

/**
 * The address code (first 6) and the check character (last), the rest hidden, as the API masks
 * numbers: the birth date and gender are shown beside it, so the digits between would rebuild it.
 * Masking a masked number again leaves it as it is.
 */
export function maskIdNumber(raw: string): string {
  const id = normalizeIdInput(raw);
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 7)}${id.slice(-1)}`;
}
