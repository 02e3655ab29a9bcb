import { excelSerialToIso } from '../../core/files/xlsx.js';
import { toHalfWidth } from '../student/normalize.js';

/** A spreadsheet cell as the importer sees it: its text, and whether the spreadsheet held a number or a date. */
export type Cell = { kind: 'text'; text: string } | { kind: 'number'; value: number; text: string } | { kind: 'date'; date: string; text: string };

export const textCell = (text: string): Cell => ({ kind: 'text', text });

const pad = (n: number) => String(n).padStart(2, '0');

function isoIfReal(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Dates as schools write them: 2014-03-05, 20140305, 2014/3/5 (also with dots or Chinese 年月日),
 * or a spreadsheet date cell. Null when it is none of these or not a real day.
 */
export function parseDateCell(cell: Cell): string | null {
  if (cell.kind === 'date') return cell.date;
  if (cell.kind === 'number') {
    if (/^\d{8}$/.test(String(cell.value))) return parseDateText(String(cell.value));
    return excelSerialToIso(cell.value);
  }
  return parseDateText(cell.text);
}

export function parseDateText(raw: string): string | null {
  const text = toHalfWidth(raw).trim();
  let match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return null;
  return isoIfReal(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** 入学年月: 2020-09, 202009, 2020/9, 2020年9月, or a date cell. */
export function parseMonthCell(cell: Cell): string | null {
  if (cell.kind === 'date') return cell.date.slice(0, 7);
  const text = toHalfWidth(cell.kind === 'number' ? String(cell.value) : cell.text).trim();
  const match = /^(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*月?$/.exec(text);
  if (!match) return parseDateText(text)?.slice(0, 7) ?? null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `${match[1]}-${pad(month)}` : null;
}
