import { locatedError, type LocatedError } from '../../core/files/located-error.js';
import { openSheet, SheetError } from '../../registry/index.js';

export type PoliceResult = 'CONSISTENT' | 'NOT_FOUND' | 'NAME_MISMATCH';

/**
 * The police verification file (公安核查结果), as the public security office returns it: a sheet
 * (.xlsx, or .csv in UTF-8 or GBK) with a header row naming these columns, in any order, and one
 * pupil per row. Other columns are ignored.
 */
export const POLICE_COLUMNS = {
  idNumber: ['身份证件号', '身份证号', '身份证号码', '公民身份号码', 'id_number'],
  name: ['姓名', 'name'],
  result: ['核查结果', '结果', 'result'],
} as const;

/** The results as the office writes them (and their codes, accepted too). */
export const POLICE_RESULTS: Record<PoliceResult, readonly string[]> = {
  CONSISTENT: ['一致', '核查一致', 'CONSISTENT'],
  NOT_FOUND: ['身份证号不存在', '身份证号码不存在', '号码不存在', 'NOT_FOUND'],
  NAME_MISMATCH: ['姓名与身份证号不匹配', '姓名与身份证号码不匹配', '姓名不匹配', 'NAME_MISMATCH'],
};

/** A police file holds a district's pupils, not a province's: larger files are refused, as templates over IMPORT_MAX_MB are. */
export const MAX_POLICE_ROWS = 100_000;

export interface PoliceRow {
  row: number;
  idNumber: string;
  name: string;
  result: PoliceResult;
}

type Column = keyof typeof POLICE_COLUMNS;

function resultOf(text: string): PoliceResult | null {
  const value = text.trim();
  for (const [code, spellings] of Object.entries(POLICE_RESULTS) as [PoliceResult, readonly string[]][]) if (spellings.some((s) => s.toUpperCase() === value.toUpperCase())) return code;
  return null;
}

function headerOf(file: string, texts: string[]): { positions: Partial<Record<Column, number>>; errors: LocatedError[] } {
  const positions: Partial<Record<Column, number>> = {};
  texts.forEach((text, i) => {
    const column = (Object.keys(POLICE_COLUMNS) as Column[]).find((c) => (POLICE_COLUMNS[c] as readonly string[]).includes(text.trim()));
    if (column && positions[column] === undefined) positions[column] = i;
  });
  const errors = (Object.keys(POLICE_COLUMNS) as Column[])
    .filter((c) => positions[c] === undefined)
    .map((c) => locatedError({ file, row: 1, column: '', value: '' }, 'MISSING_COLUMN', { header: POLICE_COLUMNS[c][0], accepted: POLICE_COLUMNS[c].join(' / ') }));
  return { positions, errors };
}

/** Reads and checks the whole file: its rows, or every error with its place (then nothing is imported). */
export async function readPoliceFile(path: string, file: string): Promise<{ rows: PoliceRow[]; errors: LocatedError[] }> {
  const rows: PoliceRow[] = [];
  const errors: LocatedError[] = [];
  let positions: Partial<Record<Column, number>> | null = null;
  let headers: string[] = [];
  try {
    for await (const { row, cells } of (await openSheet(path)).rows) {
      if (!positions) {
        headers = cells.map((c) => c.text);
        const header = headerOf(file, headers);
        if (header.errors.length > 0) return { rows, errors: header.errors };
        positions = header.positions;
        continue;
      }
      if (cells.every((c) => c.text.trim() === '')) continue;
      const cell = (column: Column) => cells[positions![column]!];
      const text = (column: Column) => cell(column)?.text.trim() ?? '';
      // The column as the file names it, so the user finds it.
      const at = (column: Column) => ({ file, row, column: headers[positions![column]!]!.trim(), value: text(column) });
      if (cell('idNumber')?.kind === 'number') errors.push(locatedError(at('idNumber'), 'ID_NUMBER_AS_NUMBER'));
      else if (!text('idNumber')) errors.push(locatedError(at('idNumber'), 'REQUIRED', { header: '身份证件号' }));
      if (!text('name')) errors.push(locatedError(at('name'), 'REQUIRED', { header: '姓名' }));
      const result = resultOf(text('result'));
      if (!result) errors.push(locatedError(at('result'), 'UNKNOWN_POLICE_RESULT', { expected: Object.values(POLICE_RESULTS).map((s) => s[0]).join(' / ') }));
      else rows.push({ row, idNumber: text('idNumber'), name: text('name'), result });
      if (rows.length > MAX_POLICE_ROWS) return { rows: [], errors: [locatedError({ file, row, column: '', value: '' }, 'TOO_MANY_ROWS', { max: String(MAX_POLICE_ROWS) })] };
    }
  } catch (error) {
    if (error instanceof SheetError) return { rows: [], errors: [error.located(file)] };
    throw error;
  }
  if (!positions) errors.push(locatedError({ file, row: 1, column: '', value: '' }, 'NO_HEADER'));
  else if (rows.length === 0 && errors.length === 0) errors.push(locatedError({ file, row: 2, column: '', value: '' }, 'NO_ROWS'));
  return { rows: errors.length > 0 ? [] : rows, errors };
}
