import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export type Cell = string | number | boolean | Date | null;

export interface Table {
  columns: string[];
  rows: Cell[][];
  /** Columns of times or days (localize.ts): date cells in a workbook. */
  formats?: ('datetime' | 'date' | null)[];
}

/** Where the rows of a result are: the first list in it, or a connection's `nodes`, and its paging. */
export interface FoundList {
  path: string[];
  items: unknown[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean } | null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first list in a GraphQL result, searching fields in the order the query selected them. */
export function findList(data: unknown, path: string[] = []): FoundList | null {
  if (Array.isArray(data)) return { path, items: data, pageInfo: null };
  if (!isObject(data)) return null;
  if (Array.isArray(data.nodes)) {
    const pageInfo = isObject(data.pageInfo) ? (data.pageInfo as FoundList['pageInfo']) : null;
    return { path: [...path, 'nodes'], items: data.nodes, pageInfo };
  }
  for (const [key, value] of Object.entries(data)) {
    const found = findList(value, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** Leaves of one row as dotted column names; lists of values or objects become `a; b` in one cell. */
function flatten(value: unknown, prefix: string, into: Map<string, unknown[]>): void {
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, prefix, into);
    if (value.length === 0 && !into.has(prefix)) into.set(prefix, []);
    return;
  }
  if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '__typename') continue;
      flatten(inner, prefix ? `${prefix}.${key}` : key, into);
    }
    return;
  }
  const cell = into.get(prefix) ?? [];
  cell.push(value);
  into.set(prefix, cell);
}

export function tabulate(items: unknown[]): Table {
  const columns: string[] = [];
  const flattened = items.map((item) => {
    const cells = new Map<string, unknown[]>();
    flatten(item, isObject(item) ? '' : 'value', cells);
    for (const key of cells.keys()) if (!columns.includes(key)) columns.push(key);
    return cells;
  });
  const rows = flattened.map((cells) =>
    columns.map((column) => {
      const values = (cells.get(column) ?? []).filter((v) => v !== null && v !== undefined);
      if (values.length === 0) return null;
      if (values.length === 1 && ['string', 'number', 'boolean'].includes(typeof values[0])) return values[0] as string | number | boolean;
      return values.map(String).join('; ');
    }),
  );
  return { columns, rows };
}

/**
 * A text cell a spreadsheet would read as a formula (= + - @, or a leading tab or carriage return
 * that some programs strip first) gets a leading apostrophe, so an exported name like
 * `=HYPERLINK(...)` is shown as text and never runs (OWASP "CSV injection").
 */
export function neutralise(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A time or day as a CSV cell: `2026-12-01 09:30` or `2026-12-01` (already China's wall clock). */
function csvCell(value: Cell, format: 'datetime' | 'date' | null | undefined): Cell {
  if (!(value instanceof Date)) return neutralise(value);
  const iso = value.toISOString();
  return format === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** UTF-8 with a byte-order mark: Excel on Chinese Windows otherwise opens the file as GBK and garbles it. */
export function toCsv(table: Table): Buffer {
  const rows = table.rows.map((row) => row.map((value, i) => csvCell(value, table.formats?.[i])));
  const body = stringify([table.columns.map(neutralise), ...rows], { record_delimiter: '\r\n' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}

export async function toXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Report');
  sheet.addRow(table.columns).font = { bold: true };
  // Values go in as typed cells (text stays text), so nothing in them is evaluated as a formula.
  for (const row of table.rows) sheet.addRow(row.map((v) => (v === null ? null : v)));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  table.columns.forEach((column, i) => {
    const format = table.formats?.[i];
    // Headers in Chinese are about twice as wide as their length in characters.
    const width = (text: string) => [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    const widest = format ? 16 : Math.max(width(column), ...table.rows.slice(0, 500).map((r) => width(String(r[i] ?? ''))));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, width(column), widest + 2));
    if (format) sheet.getColumn(i + 1).numFmt = format === 'date' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
