import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { locate, type LocatedError, type LocatedErrorCode } from '../../core/files/located-error.js';
import { detectEncoding } from '../../core/files/text.js';
import { readFirstSheet, XlsxError, type XlsxCell } from '../../core/files/xlsx.js';
import { checkZip, ZipError } from '../../core/files/zip.js';
import { textCell, type Cell } from './cells.js';
import { columnLetter } from './rows.js';

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

type SheetErrorCode = Extract<
  LocatedErrorCode,
  'EMPTY_FILE' | 'OLD_XLS' | 'NOT_A_SPREADSHEET' | 'MIXED_ENCODING' | 'CUT_CHARACTER' | 'UNREADABLE_CSV' | 'UNREADABLE_WORKBOOK' | 'UNREADABLE_CELL' | 'TOO_MANY_CELLS'
>;

/** A file the importer cannot read, located as closely as the failure allows (row 0: the whole file). */
export class SheetError extends Error {
  constructor(
    readonly code: SheetErrorCode,
    readonly params: Record<string, string> = {},
    readonly row = 0,
    readonly column = '',
  ) {
    super(locate({ file: '', row, column, value: '' }, code, params).reason);
  }

  /** The error as the import reports it, in the file it was found in. */
  located(file: string): LocatedError {
    return locate({ file, row: this.row, column: this.column, value: '' }, this.code, this.params);
  }

  /** The same error found at another place. */
  at(row: number, column = this.column): SheetError {
    return new SheetError(this.code, this.params, row, column);
  }
}

/**
 * The template has 11 columns. Spreadsheet programs pad rows with empty cells, so trailing empty
 * cells are dropped; a row that still has more cells than this is not a template (a million-column
 * line would otherwise cost a million cells per row all the way down).
 */
export const MAX_COLUMNS = 1024;

/** Keeps a parser's message short: some quote the whole offending field, which may be megabytes. */
function brief(message: string): string {
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}

function withoutTrailingEmpty(record: string[]): string[] {
  let end = record.length;
  while (end > 0 && record[end - 1] === '') end -= 1;
  return end === record.length ? record : record.slice(0, end);
}

const SNIFF_BYTES = 64 * 1024;

/** What kind of file this is, by its first bytes rather than its name. */
export async function sniffFormat(path: string): Promise<{ format: SheetFormat; head: Buffer }> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytes.length === 0) throw new SheetError('EMPTY_FILE');
    if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { format: 'xlsx', head: bytes };
    if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      throw new SheetError('OLD_XLS');
    }
    if (bytes.includes(0)) throw new SheetError('NOT_A_SPREADSHEET');
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
        done(new SheetError('MIXED_ENCODING'));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new SheetError('CUT_CHARACTER'));
      }
    },
  });
}

/**
 * Rows numbered as a spreadsheet shows the file: one row per record (a quoted cell may span lines),
 * empty lines counted, so "row 12" is where the user finds it after opening the CSV in Excel.
 */
async function* csvRows(path: string, encoding: 'utf-8' | 'gb18030'): AsyncIterable<SheetRow> {
  // Every line ending counts wherever it appears: left to detect it, csv-parse fixes on the first one
  // it meets, and a file whose lines were pasted together from Windows and elsewhere (CRLF then LF)
  // would have its rows silently run together into cells.
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false, max_record_size: 64 * 1024, record_delimiter: ['\r\n', '\n', '\r'] });
  const source = createReadStream(path).pipe(decoderStream(encoding));
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      const cells = record.length > MAX_COLUMNS ? withoutTrailingEmpty(record) : record;
      if (cells.length > MAX_COLUMNS) {
        throw new SheetError('TOO_MANY_CELLS', { cells: String(cells.length), max: String(MAX_COLUMNS) }, row, columnLetter(MAX_COLUMNS));
      }
      yield { row, cells: cells.map(textCell) };
    }
  } catch (error) {
    if (error instanceof SheetError) {
      // The decoder knows bytes, not lines: find the line of the first byte that is not UTF-8.
      if (error.row === 0 && encoding === 'utf-8') throw error.at(await firstBadUtf8Line(path));
      throw error;
    }
    const { lines, index } = error as { lines?: number; index?: number };
    throw new SheetError('UNREADABLE_CSV', { detail: brief((error as Error).message) }, lines ?? 0, typeof index === 'number' ? columnLetter(index) : '');
  }
}

/**
 * The line (1-based) holding the first byte sequence that is not UTF-8, or the last line when the
 * file ends inside a character. Runs only after a decoding failure, so it may read the file again.
 */
export async function firstBadUtf8Line(path: string): Promise<number> {
  let line = 1;
  // Bytes of a character begun at the end of the previous chunk.
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i]!;
      if (b < 0x80) {
        if (b === 0x0a) line += 1;
        i += 1;
        continue;
      }
      const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
      if (need < 0) return line;
      if (i + need >= bytes.length) break;
      const second = bytes[i + 1]!;
      // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
      const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
      const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
      if (second < low || second > high) return line;
      for (let k = 2; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return line;
      i += need + 1;
    }
    carry = Buffer.from(bytes.subarray(i));
  }
  return line;
}

function xlsxCell(cell: XlsxCell): Cell {
  switch (cell.type) {
    case 'blank':
      return textCell('');
    case 'text':
      return textCell(cell.text);
    case 'number':
      return { kind: 'number', value: cell.value, text: String(cell.value) };
    case 'date':
      return { kind: 'date', date: cell.date, text: cell.date };
    case 'boolean':
      return textCell(cell.value ? 'TRUE' : 'FALSE');
  }
}

async function* xlsxRows(path: string): AsyncIterable<SheetRow> {
  try {
    for await (const { row, cells } of readFirstSheet(path, { maxColumns: MAX_COLUMNS })) yield { row, cells: cells.map(xlsxCell) };
  } catch (error) {
    if (!(error instanceof XlsxError)) throw error;
    // A cell's own fault is located and says what is wrong; anything else is the workbook's.
    if (error.row > 0) throw new SheetError('UNREADABLE_CELL', { detail: error.message }, error.row, error.column >= 0 ? columnLetter(error.column) : '');
    throw new SheetError('UNREADABLE_WORKBOOK', { detail: error.message });
  }
}

export async function openSheet(path: string): Promise<Sheet> {
  const { format, head } = await sniffFormat(path);
  if (format === 'xlsx') {
    // checkZip first: it refuses zip bombs by their expansion ratio and checks every entry's CRC-32,
    // which the xlsx reader's zip library (yauzl) does not.
    try {
      await checkZip(path);
    } catch (error) {
      if (error instanceof ZipError) throw new SheetError('UNREADABLE_WORKBOOK', { detail: error.message });
      throw error;
    }
    return { format, rows: xlsxRows(path) };
  }
  const encoding = detectEncoding(head);
  return { format, encoding, rows: csvRows(path, encoding) };
}
