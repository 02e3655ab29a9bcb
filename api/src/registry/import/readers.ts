import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { detectEncoding } from '../../core/files/text.js';
import { textCell, type Cell } from './cells.js';

export type SheetFormat = 'csv' | 'xlsx';

export interface SheetRow {
  /** 1-based row (line) of the file, as a spreadsheet program numbers it. */
  row: number;
  cells: Cell[];
}

export interface Sheet {
  format: SheetFormat;
  /** Only known for CSV (detected while reading the first bytes). */
  encoding?: 'utf-8' | 'gb18030';
  rows: AsyncIterable<SheetRow>;
}

export class SheetError extends Error {
  constructor(
    message: string,
    readonly row = 0,
  ) {
    super(message);
  }
}

const SNIFF_BYTES = 64 * 1024;

/** What kind of file this is, by its first bytes rather than its name. */
export async function sniffFormat(path: string): Promise<{ format: SheetFormat; head: Buffer }> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytes.length === 0) throw new SheetError('the file is empty');
    if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { format: 'xlsx', head: bytes };
    if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      throw new SheetError('this is an old Excel 97–2003 (.xls) workbook: open it in Excel or WPS and save it as .xlsx, then import that');
    }
    if (bytes.includes(0)) throw new SheetError('this is not a spreadsheet: expected an .xlsx workbook or a .csv text file');
    return { format: 'csv', head: bytes };
  } finally {
    await handle.close();
  }
}

function decoderStream(encoding: 'utf-8' | 'gb18030'): Transform {
  // fatal UTF-8: bytes that are not UTF-8 further into a file that began as UTF-8 are an error, never mojibake.
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(new SheetError('the file mixes encodings: it starts as UTF-8 but has bytes further on that are not; save it again as "CSV UTF-8"'));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new SheetError('the file ends in the middle of a character'));
      }
    },
  });
}

/**
 * Rows numbered as a spreadsheet shows the file: one row per record (a quoted cell may span lines),
 * empty lines counted, so "row 12" is where the user finds it after opening the CSV in Excel.
 */
async function* csvRows(path: string, encoding: 'utf-8' | 'gb18030'): AsyncIterable<SheetRow> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false, max_record_size: 64 * 1024 });
  const source = createReadStream(path).pipe(decoderStream(encoding));
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells: record.map(textCell) };
    }
  } catch (error) {
    if (error instanceof SheetError) throw error;
    const lines = (error as { lines?: number }).lines ?? 0;
    throw new SheetError(`not a readable CSV file: ${(error as Error).message}`, lines);
  }
}

function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return textCell('');
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number') return { kind: 'number', value, text: String(value) };
  if (typeof value === 'boolean') return textCell(value ? 'TRUE' : 'FALSE');
  if (value instanceof Date) {
    const iso = value.toISOString().slice(0, 10);
    return { kind: 'date', date: iso, text: iso };
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; formula?: string };
    if (v.richText) return textCell(v.richText.map((r) => r.text).join(''));
    // A formula's cached result is what the user saw in the cell.
    if ('result' in v || 'formula' in v) return xlsxCell(v.result ?? '');
    if (v.error) return textCell(v.error);
    if (typeof v.text === 'string') return textCell(v.text);
  }
  return textCell(String(value));
}

async function* xlsxRows(path: string): AsyncIterable<SheetRow> {
  // styles are needed to tell a date cell (a number with a date format) from a plain number.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' });
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values = (row.values as unknown[]) ?? [];
        // exceljs rows are 1-based: values[0] is always empty.
        yield { row: row.number, cells: values.slice(1).map(xlsxCell) };
      }
      return; // the template's data is on the first sheet
    }
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw new SheetError(`not a readable .xlsx workbook (${(error as Error).message})`);
  }
}

export async function openSheet(path: string): Promise<Sheet> {
  const { format, head } = await sniffFormat(path);
  if (format === 'xlsx') return { format, rows: xlsxRows(path) };
  const encoding = detectEncoding(head);
  return { format, encoding, rows: csvRows(path, encoding) };
}
