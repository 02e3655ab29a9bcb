import { prepareRecords, type PreparedRecords, type PupilRecord } from './prepared.js';

/**
 * Blocking rules. The first five each drop one window of the 18-character ID key; consecutive
 * windows overlap by one position, so two numbers one substitution or one adjacent transposition
 * apart (check character included, legacy numbers expanded) agree outside at least one window and
 * share that rule's key. Windows are narrow where the digits carry the most information (date,
 * sequence, check) so every block stays small. The last three catch records whose numbers are
 * missing or further apart, through the name and the birth date. Pinyin goes with the birth
 * month twice, the second time with the month of the date 16 days later, so dates one day apart
 * across a month end still share a key while blocks of common names stay small.
 */
export const BLOCKING_RULES = [
  'ID_WITHOUT_1_9',
  'ID_WITHOUT_9_12',
  'ID_WITHOUT_12_14',
  'ID_WITHOUT_14_16',
  'ID_WITHOUT_16_18',
  'SURNAME_DATE_ANY_ORDER',
  'GIVEN_NAME_DATE',
  'PINYIN_MONTH',
  'PINYIN_SHIFTED_MONTH',
] as const;

/** Rules before this one block on the ID number; the rest on name and birth date. */
export const FIRST_NAME_RULE = 5;
export type BlockingRule = (typeof BLOCKING_RULES)[number];

/** Positions [from, to) left out of the ID key by each ID rule (0-based). */
const ID_WINDOWS: readonly (readonly [number, number])[] = [
  [0, 9],
  [8, 12],
  [11, 14],
  [13, 16],
  [15, 18],
];

function idRuleKey(key: string | null, [from, to]: readonly [number, number]): string | null {
  if (key === null || key.length !== 18) return null;
  return key.slice(0, from) + key.slice(to);
}

/** Year and the two other date parts in ascending order, so a day/month swap keeps the key. */
function orderFreeDate(ymd: number): string {
  const [month, day] = [Math.floor(ymd / 100) % 100, ymd % 100];
  return `${Math.floor(ymd / 10000)}-${Math.min(month, day)}-${Math.max(month, day)}`;
}

const SHIFT_DAYS = 16;

function monthOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 7);
}

function nameRuleKey(p: PreparedRecords, rule: number, i: number): string | null {
  const ymd = p.birth[i]!;
  const simplified = p.simplified[i]!;
  if (ymd < 0 || simplified.length === 0) return null;
  if (rule === 5) return `${simplified.slice(0, 1)}|${orderFreeDate(ymd)}`;
  if (rule === 6) return simplified.length > 1 ? `${simplified.slice(1)}|${ymd}` : null;
  if (rule === 7) return `${p.pinyin[i]}|${Math.floor(ymd / 100)}`;
  return `${p.pinyin[i]}|${monthOfDay(p.birthDay[i]! + SHIFT_DAYS)}`;
}

/** Record i's key for one rule (index into BLOCKING_RULES), null when the rule does not apply. */
export function ruleKeyAt(p: PreparedRecords, rule: number, i: number): string | null {
  const window = ID_WINDOWS[rule];
  return window ? idRuleKey(p.idKey[i] ?? null, window) : nameRuleKey(p, rule, i);
}

/**
 * Record i's blocking keys, each prefixed with its rule's number: at most nine, always in rule
 * order, deterministic (they are stored, hashed, to find a new record's candidates).
 */
export function blockingKeysAt(prepared: PreparedRecords, i: number): string[] {
  const keys: string[] = [];
  for (let rule = 0; rule < BLOCKING_RULES.length; rule++) {
    const key = ruleKeyAt(prepared, rule, i);
    if (key !== null) keys.push(`${rule}:${key}`);
  }
  return keys;
}

/** One record's blocking keys (blockingKeysAt). */
export function blockingKeys(record: PupilRecord): string[] {
  return blockingKeysAt(prepareRecords([record]), 0);
}
