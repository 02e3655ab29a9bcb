import { parse } from 'csv-parse/sync';
import { locatedError, type LocatedError } from './located-error.js';
import { decodeText } from './text.js';

export interface CsvTable {
  header: string[];
  /** Data rows with the 1-based line of the file they end on (the header is line 1). */
  rows: { row: number; cells: Record<string, string> }[];
}

/**
 * Reads a small CSV with a header row into records keyed by canonical column names. `columns`
 * maps each accepted header (Chinese canonical name or English alias) to its canonical key.
 * Returns every structural problem at once instead of stopping at the first.
 */
export function readCsv(
  file: string,
  bytes: Uint8Array,
  columns: Record<string, string>,
  required: string[],
): { table: CsvTable; errors: LocatedError[] } {
  const errors: LocatedError[] = [];
  const { text } = decodeText(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // Every line ending counts wherever it appears (see readers.ts): mixed files must not run rows together.
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true, record_delimiter: ['\r\n', '\n', '\r'] }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    errors.push(locatedError({ file, row: line, column: '', value: '' }, 'UNREADABLE_CSV', { detail: (error as Error).message }));
    return { table: { header: [], rows: [] }, errors };
  }
  const [head, ...body] = records;
  const headerRow = head?.record;
  if (!headerRow) {
    errors.push(locatedError({ file, row: 1, column: '', value: '' }, 'NO_HEADER'));
    return { table: { header: [], rows: [] }, errors };
  }
  const keys = headerRow.map((name) => columns[name.trim()] ?? columns[name.trim().toLowerCase()] ?? null);
  const known = Object.keys(columns).join(', ');
  headerRow.forEach((name, i) => {
    if (keys[i] === null) errors.push(locatedError({ file, row: 1, column: name, value: name }, 'UNKNOWN_COLUMN', { columns: known }));
  });
  for (const key of required) {
    if (!keys.includes(key)) {
      const accepted = Object.entries(columns).filter(([, k]) => k === key).map(([name]) => name).join(' / ');
      errors.push(locatedError({ file, row: 1, column: key, value: '' }, 'MISSING_COLUMN', { header: key, accepted }));
    }
  }
  const rows = body.map(({ record: cells, info }) => ({
    row: info.lines,
    cells: Object.fromEntries(keys.flatMap((key, c) => (key ? [[key, cells[c] ?? '']] : []))),
  }));
  return { table: { header: headerRow, rows }, errors };
}
