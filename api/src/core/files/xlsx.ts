import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { SaxesParser } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * Reads the first sheet of an .xlsx workbook as rows of typed cells.
 *
 * Why not exceljs's streaming WorkbookReader: it reads the zip front to back and parses each part
 * as it passes, so when a writer puts xl/sharedStrings.xml after the worksheet — a valid order —
 * cells can come out as unresolved `{ sharedString: n }` objects; it also takes sheets in zip order
 * rather than workbook order, ignores the workbook's 1904 date system (dates four years off), and
 * keeps the indentation of pretty-printed inline strings (Gnumeric) as part of the text. Here the
 * zip's central directory (yauzl) lets us read the workbook, its relationships, styles and shared
 * strings first, wherever they are in the file, and only then stream the worksheet XML (saxes):
 * memory holds the shared strings and a chunk of the sheet, never the whole sheet.
 *
 * The caller is expected to have vetted the zip with checkZip (zip.ts): yauzl checks that no entry
 * inflates past its declared size, but not CRC-32 or the compression ratio, which checkZip does.
 */

/** Why a workbook cannot be read; row 1-based (0: not a cell's fault), column 0-based (-1: the whole row or file). */
export class XlsxError extends Error {
  constructor(
    message: string,
    readonly row = 0,
    readonly column = -1,
  ) {
    super(message);
  }
}

/** A cell as the workbook stores it; dates are cells holding a number with a date format. */
export type XlsxCell =
  | { type: 'blank' }
  | { type: 'text'; text: string }
  | { type: 'number'; value: number }
  | { type: 'date'; date: string }
  | { type: 'boolean'; value: boolean };

export interface XlsxRow {
  /** 1-based, as the spreadsheet numbers it (rows the file leaves out are skipped, not yielded empty). */
  row: number;
  /** From column A up to the last cell holding a value; gaps are blank cells. */
  cells: XlsxCell[];
}

export interface XlsxReadOptions {
  /** A value further right than this many columns is an error, so a stray cell at XFD cannot cost 16,384 cells a row. */
  maxColumns: number;
}

const BLANK: XlsxCell = { type: 'blank' };

/**
 * Longest text of one cell. Well above what an importer accepts (it reports over-long values by
 * row and column itself), low enough that a crafted cell fails here instead of exhausting memory.
 */
const MAX_CELL_CHARS = 32 * 1024 * 1024;
/** All shared strings together: they are held in memory while the sheet is read. */
const MAX_SHARED_CHARS = 256 * 1024 * 1024;

/**
 * Number formats that ECMA-376 (18.8.30) and Excel's East Asian locales predefine as dates or
 * times: 14–22 (m/d/yyyy … h:mm), 27–36 and 50–58 (年月日 forms), 45–47 (mm:ss, [h]:mm:ss, mmss.0).
 * Writers use these ids without spelling the format out in styles.xml.
 */
const BUILT_IN_DATE_FORMATS: ReadonlySet<number> = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom number format shows a date or time: a y, m, d, h or s outside quotes, escapes and [brackets]. */
function isDateFormat(code: string): boolean {
  // "text", \x and _x/*x (padding and fill) show literal characters; [Red], [$-804], [h] are modifiers.
  return /[ymdhs]/i.test(code.replace(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]/g, ''));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A day serial to YYYY-MM-DD: the 1900 date system (with Lotus's phantom 1900-02-29, so serial 60
 * has no day of its own) or the 1904 one (day 0 = 1904-01-01) as a workbook flags it. Any time of
 * day is dropped. Null outside 1900-01-01 … 9999-12-31.
 */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (date1904) {
    if (!(serial >= 0)) return null;
    serial += 1462; // 1904-01-01 in the 1900 system
  }
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const days = Math.floor(serial) - (serial >= 60 ? 25569 : 25568);
  const date = new Date(days * 86_400_000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** t="d" cells hold an ISO 8601 date (or date-time); its day, when it is a real one. */
function isoDateOf(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(text.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** ECMA-376 ST_Xstring writes characters XML cannot carry as _xHHHH_ (and a literal "_x" as _x005F_x). */
function unescapeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_: string, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** xsd:double as a cell's <v> holds it; Number() alone would also take "", "0x1A" and "Infinity". */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * 0-based column of a reference such as "AB12"; null when it is not one (Excel stops at XFD).
 * Runs for every cell of the sheet, hence characters rather than a regular expression.
 */
function columnOf(reference: string): number | null {
  let column = 0;
  let letters = 0;
  for (; letters < reference.length; letters++) {
    const code = reference.charCodeAt(letters) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + code - 0x60;
  }
  if (letters === 0 || letters > 3 || column > 16_384) return null;
  for (let i = letters; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return null;
  }
  return column - 1;
}

/** Short enough to quote in a message whatever the file put there. */
function quoted(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/**
 * The text of a part, decoded as it streams. OPC allows UTF-8 or UTF-16 (told apart by the byte
 * order mark); bytes that are not valid in the encoding are an error, never replacement characters.
 */
async function* decodedText(stream: Readable): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let head: Buffer = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (decoder) {
      yield decoder.decode(chunk, { stream: true });
      continue;
    }
    // The byte order mark needs two bytes; a first chunk of one is possible in principle.
    head = Buffer.concat([head, chunk]);
    if (head.length < 2) continue;
    const encoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8';
    decoder = new TextDecoder(encoding, { fatal: true });
    yield decoder.decode(head, { stream: true });
  }
  if (decoder) yield decoder.decode();
  else yield new TextDecoder('utf-8', { fatal: true }).decode(head); // a part of fewer than two bytes
}

type Parser = SaxesParser<{ xmlns: false; position: false }>;

/**
 * Namespaces are not resolved: that took an eighth of the time on a 100,000-row sheet, and every
 * element the reader looks at lives in one namespace (transitional or strict), so elements are
 * matched by local name (x:c, as the OpenXML SDK writes it, reads as c). The one prefixed attribute
 * that matters, the r:id of a sheet, is resolved by hand (see locateFirstSheet).
 */
const newParser = (): Parser => new SaxesParser({ xmlns: false, position: false });

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

interface Relationship {
  type: string;
  /** The zip entry name the target resolves to. */
  part: string;
}

/** The entries of the zip, by lower-cased name: OPC part names compare without case. */
type Parts = Map<string, Entry>;

class Workbook {
  private constructor(
    private readonly zip: ZipFile,
    private readonly parts: Parts,
  ) {}

  static async open(path: string): Promise<Workbook> {
    const zip = await yauzl.openPromise(path, { autoClose: false, validateEntrySizes: true });
    try {
      const parts: Parts = new Map();
      for await (const entry of zip.eachEntry()) {
        const key = entry.fileName.toLowerCase();
        if (!parts.has(key)) parts.set(key, entry);
      }
      return new Workbook(zip, parts);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  close(): void {
    this.zip.close();
  }

  has(part: string): boolean {
    return this.parts.has(part.toLowerCase());
  }

  /**
   * Feeds one part through `parser`, yielding after each chunk so that a caller can hand out what
   * the chunk completed. Errors name the part.
   */
  async *parse(part: string, parser: Parser): AsyncGenerator<void> {
    const entry = this.parts.get(part.toLowerCase());
    if (!entry) throw new XlsxError(`${part} is missing`);
    try {
      const stream = await this.zip.openReadStreamPromise(entry);
      for await (const text of decodedText(stream)) {
        parser.write(text);
        yield;
      }
      parser.close();
    } catch (error) {
      if (error instanceof XlsxError) throw error;
      throw new XlsxError(`${part} cannot be read (${(error as Error).message.slice(0, 200)})`);
    }
  }

  /** Reads a part that is only needed whole (relationships, workbook, styles, shared strings). */
  async read(part: string, parser: Parser): Promise<void> {
    for await (const _ of this.parse(part, parser));
  }

  /** The relationships of a part, by id; none when it has no .rels part. */
  async relationships(part: string): Promise<Map<string, Relationship>> {
    const dir = posix.dirname(part);
    const relsPart = posix.join(dir, '_rels', `${posix.basename(part)}.rels`);
    const found = new Map<string, Relationship>();
    if (!this.has(relsPart)) return found;
    const parser = newParser();
    parser.on('opentag', (tag) => {
      if (localName(tag.name) !== 'Relationship' || tag.attributes['TargetMode'] === 'External') return;
      const id = tag.attributes['Id'];
      const target = tag.attributes['Target'];
      if (id === undefined || target === undefined) return;
      // Targets are URIs relative to the part's folder, or absolute from the package root.
      const decoded = decodeURIComponent(target);
      const resolved = decoded.startsWith('/') ? posix.normalize(decoded).slice(1) : posix.normalize(posix.join(dir, decoded));
      found.set(id, { type: tag.attributes['Type'] ?? '', part: resolved });
    });
    await this.read(relsPart, parser);
    return found;
  }
}

const byType = (relationships: Map<string, Relationship>, type: string): Relationship | undefined =>
  [...relationships.values()].find((r) => r.type.endsWith(`/${type}`));

/** The workbook part, its date system and its first sheet, as xl/workbook.xml and the relationships name them. */
async function locateFirstSheet(book: Workbook): Promise<{ workbookPart: string; date1904: boolean; sheetPart: string; related: Map<string, Relationship> }> {
  const office = byType(await book.relationships(''), 'officeDocument');
  if (!office) throw new XlsxError('_rels/.rels does not name the workbook part');
  const workbookPart = office.part;
  let date1904 = false;
  let firstSheetId: string | undefined;
  let sheets = 0;
  let inSheets = false;
  // Prefixes bound to the relationships namespace (transitional or strict), usually just "r".
  const relationshipPrefixes = new Set<string>();
  const parser = newParser();
  parser.on('opentag', (tag) => {
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (name.startsWith('xmlns:') && value.endsWith('/relationships')) relationshipPrefixes.add(name.slice(6));
    }
    const local = localName(tag.name);
    if (local === 'workbookPr') {
      const flag = tag.attributes['date1904'];
      date1904 = flag === '1' || flag === 'true';
    } else if (local === 'sheets') inSheets = true;
    else if (inSheets && local === 'sheet') {
      sheets += 1;
      if (sheets === 1) firstSheetId = [...relationshipPrefixes].map((prefix) => tag.attributes[`${prefix}:id`]).find((id) => id !== undefined);
    }
  });
  parser.on('closetag', (tag) => {
    if (localName(tag.name) === 'sheets') inSheets = false;
  });
  await book.read(workbookPart, parser);
  if (sheets === 0) throw new XlsxError(`${workbookPart} lists no sheets`);
  const related = await book.relationships(workbookPart);
  const first = firstSheetId === undefined ? undefined : related.get(firstSheetId);
  if (!first) throw new XlsxError(`the first sheet of ${workbookPart} has no part`);
  if (!first.type.endsWith('/worksheet')) throw new XlsxError('the first sheet is not a table of cells (a chart or dialog sheet?): put the pupils on the first sheet');
  return { workbookPart, date1904, sheetPart: first.part, related };
}

/** For each cell style (the s of a cell, an index into cellXfs), whether its number format is a date. */
async function readDateStyles(book: Workbook, part: string | undefined): Promise<boolean[]> {
  if (!part) return [];
  const customDate = new Map<number, boolean>();
  const dateStyles: boolean[] = [];
  // numFmt and xf also appear under dxfs and cellStyleXfs, which cells do not reference by s.
  let inside: 'numFmts' | 'cellXfs' | null = null;
  const parser = newParser();
  parser.on('opentag', (tag) => {
    const local = localName(tag.name);
    if (local === 'numFmts' || local === 'cellXfs') inside = local;
    else if (inside === 'numFmts' && local === 'numFmt') {
      customDate.set(Number(tag.attributes['numFmtId']), isDateFormat(tag.attributes['formatCode'] ?? ''));
    } else if (inside === 'cellXfs' && local === 'xf') {
      const id = Number(tag.attributes['numFmtId'] ?? 0);
      dateStyles.push(customDate.get(id) ?? BUILT_IN_DATE_FORMATS.has(id));
    }
  });
  parser.on('closetag', (tag) => {
    if (localName(tag.name) === inside) inside = null;
  });
  await book.read(part, parser);
  return dateStyles;
}

/**
 * Collects the visible text of a rich string (<si> or <is>): its <t>, or the <t> of each run <r>,
 * but not the <t> of phonetic guides <rPh>, which a spreadsheet does not show in the cell.
 */
class RichText {
  text = '';
  private inT = false;
  private phonetic = 0;

  constructor(private readonly where: () => XlsxError) {}

  open(local: string): void {
    if (local === 'rPh') this.phonetic += 1;
    else if (local === 't' && this.phonetic === 0) this.inT = true;
  }

  close(local: string): void {
    if (local === 'rPh') this.phonetic -= 1;
    else if (local === 't') this.inT = false;
  }

  add(text: string): void {
    if (!this.inT) return;
    if (this.text.length + text.length > MAX_CELL_CHARS) throw this.where();
    this.text += text;
  }

  take(): string {
    const text = unescapeXstring(this.text);
    this.text = '';
    return text;
  }
}

async function readSharedStrings(book: Workbook, part: string | undefined): Promise<string[]> {
  if (!part) return [];
  const strings: string[] = [];
  let total = 0;
  const tooLong = (): XlsxError => new XlsxError(`shared string ${strings.length} is longer than ${MAX_CELL_CHARS.toLocaleString('en')} characters`);
  const rich = new RichText(tooLong);
  const parser = newParser();
  parser.on('opentag', (tag) => rich.open(localName(tag.name)));
  parser.on('closetag', (tag) => {
    const local = localName(tag.name);
    if (local !== 'si') return rich.close(local);
    const text = rich.take();
    total += text.length;
    if (total > MAX_SHARED_CHARS) throw new XlsxError(`its shared strings exceed ${MAX_SHARED_CHARS.toLocaleString('en')} characters, far beyond any school template`);
    // The parser's text is a slice of the chunk it came in, and V8 keeps a whole chunk alive for
    // each slice kept; a copy holds just the string (half the memory on a 500,000-pupil sheet).
    strings.push(Buffer.from(text, 'utf8').toString('utf8'));
  });
  parser.on('text', (text) => rich.add(text));
  parser.on('cdata', (text) => rich.add(text));
  await book.read(part, parser);
  return strings;
}

/** The cell as its t attribute (ECMA-376 ST_CellType) says to read its <v> or inline string. */
interface CellContext {
  row: number;
  column: number;
  type: string;
  style: number;
  value: string | null;
  inline: string | null;
}

const cellError = (cell: CellContext, message: string): XlsxError => new XlsxError(message, cell.row, cell.column);

function cellValue(cell: CellContext, shared: string[], dateStyles: boolean[], date1904: boolean): XlsxCell {
  if (cell.inline !== null && cell.type !== 'inlineStr') throw cellError(cell, `this cell holds inline text but is marked t=${quoted(cell.type)}`);
  const v = cell.value === null ? null : cell.value.trim();
  switch (cell.type) {
    case 'n': {
      // No <v>: an empty styled cell, or a formula the writer did not calculate.
      if (v === null || v === '') return BLANK;
      if (!NUMBER.test(v)) throw cellError(cell, `this cell should hold a number but holds ${quoted(v)}`);
      const value = Number(v);
      if (dateStyles[cell.style]) {
        const date = excelSerialToIso(value, date1904);
        // A date format on a number outside the calendar (Excel shows ####): the number itself.
        if (date !== null) return { type: 'date', date };
      }
      return { type: 'number', value };
    }
    case 's': {
      if (v === null || v === '') return BLANK;
      const text = /^\d+$/.test(v) ? shared[Number(v)] : undefined;
      if (text === undefined) throw cellError(cell, `this cell refers to shared string ${quoted(v)}, which the workbook does not have`);
      return { type: 'text', text };
    }
    case 'inlineStr':
      return { type: 'text', text: cell.inline ?? '' };
    case 'str':
      // A formula's text result, as the user saw it; whitespace is part of it.
      return cell.value === null ? BLANK : { type: 'text', text: unescapeXstring(cell.value) };
    case 'b':
      if (v === null || v === '') return BLANK;
      if (v === '1' || v === 'true') return { type: 'boolean', value: true };
      if (v === '0' || v === 'false') return { type: 'boolean', value: false };
      throw cellError(cell, `this cell should hold TRUE or FALSE but holds ${quoted(v)}`);
    case 'd': {
      if (v === null || v === '') return BLANK;
      const date = isoDateOf(v);
      if (date === null) throw cellError(cell, `this cell should hold a date but holds ${quoted(v)}`);
      return { type: 'date', date };
    }
    case 'e':
      throw cellError(cell, `this cell shows the error ${v ?? ''} (a formula that failed or a broken reference): correct or clear it`);
    default:
      throw cellError(cell, `this cell is of a kind the importer does not read (t=${quoted(cell.type)})`);
  }
}

interface Tag {
  name: string;
  attributes: Record<string, string | undefined>;
}

/** Reads <sheetData> as the parser reports it: the row and cell under way, and the rows closed. */
class SheetData {
  /** Rows closed and not yet handed out. */
  readonly done: XlsxRow[] = [];
  private inSheetData = false;
  private rowNumber = 0;
  private cells: XlsxCell[] = [];
  private cell: CellContext | null = null;
  private lastColumn = -1;
  private inValue = false;
  private inInline = false;
  private readonly rich = new RichText(() => this.tooLong());

  constructor(
    private readonly shared: string[],
    private readonly dateStyles: boolean[],
    private readonly date1904: boolean,
    private readonly maxColumns: number,
  ) {}

  private tooLong(): XlsxError {
    return new XlsxError(`this cell is longer than ${MAX_CELL_CHARS.toLocaleString('en')} characters`, this.rowNumber, this.cell?.column ?? -1);
  }

  open(tag: Tag): void {
    const local = localName(tag.name);
    if (!this.inSheetData) {
      this.inSheetData = local === 'sheetData';
      return;
    }
    if (this.cell) this.openInCell(this.cell, local);
    else if (local === 'row') this.openRow(tag.attributes['r']);
    else if (local === 'c') this.openCell(tag.attributes);
  }

  private openInCell(cell: CellContext, local: string): void {
    if (local === 'v') {
      this.inValue = true;
      cell.value = '';
    } else if (local === 'is') {
      this.inInline = true;
      cell.inline = '';
    } else if (this.inInline) this.rich.open(local);
  }

  private openRow(r: string | undefined): void {
    // r is optional: a row without it follows the previous one.
    const next = r === undefined ? this.rowNumber + 1 : /^\d+$/.test(r) ? Number(r) : NaN;
    if (!(next >= 1)) throw new XlsxError(`a row is numbered ${quoted(r ?? '')}`, this.rowNumber + 1);
    this.rowNumber = next;
    this.cells = [];
    this.lastColumn = -1;
  }

  private openCell(attributes: Tag['attributes']): void {
    const r = attributes['r'];
    // r is optional here too: a cell without it follows the previous one in its row.
    const column = r === undefined ? this.lastColumn + 1 : columnOf(r);
    if (column === null) throw new XlsxError(`a cell has the reference ${quoted(r ?? '')}, which names no column`, this.rowNumber);
    this.lastColumn = column;
    const style = Number(attributes['s'] ?? 0);
    this.cell = { row: this.rowNumber, column, type: attributes['t'] ?? 'n', style, value: null, inline: null };
  }

  text(text: string): void {
    if (this.inInline) this.rich.add(text);
    else if (this.inValue && this.cell) {
      if (this.cell.value!.length + text.length > MAX_CELL_CHARS) throw this.tooLong();
      this.cell.value += text;
    }
  }

  close(tag: Tag): void {
    if (!this.inSheetData) return;
    const local = localName(tag.name);
    const cell = this.cell;
    if (local === 'sheetData') {
      this.inSheetData = false;
    } else if (cell && local === 'v') {
      this.inValue = false;
    } else if (cell && local === 'is') {
      this.inInline = false;
      cell.inline = this.rich.take();
    } else if (this.inInline) {
      this.rich.close(local);
    } else if (cell && local === 'c') {
      this.closeCell(cell);
    } else if (local === 'row') {
      this.done.push({ row: this.rowNumber, cells: this.cells });
    }
  }

  private closeCell(cell: CellContext): void {
    const value = cellValue(cell, this.shared, this.dateStyles, this.date1904);
    if (value.type !== 'blank') {
      if (cell.column >= this.maxColumns) {
        throw new XlsxError(`this row has a value past the first ${this.maxColumns.toLocaleString('en')} columns, which is all that is read`, cell.row, cell.column);
      }
      while (this.cells.length < cell.column) this.cells.push(BLANK);
      this.cells[cell.column] = value;
    }
    this.cell = null;
  }
}

/** Streams <sheetData>: one XlsxRow per <row>, handed out after the chunk that closed it. */
async function* sheetRows(book: Workbook, part: string, shared: string[], dateStyles: boolean[], date1904: boolean, options: XlsxReadOptions): AsyncGenerator<XlsxRow> {
  const sheet = new SheetData(shared, dateStyles, date1904, options.maxColumns);
  const parser = newParser();
  parser.on('opentag', (tag) => sheet.open(tag));
  parser.on('text', (text) => sheet.text(text));
  parser.on('cdata', (text) => sheet.text(text));
  parser.on('closetag', (tag) => sheet.close(tag));
  for await (const _ of book.parse(part, parser)) {
    if (sheet.done.length > 0) yield* sheet.done.splice(0);
  }
}

/** The rows of the workbook's first sheet, in file order. Errors are XlsxError. */
export async function* readFirstSheet(path: string, options: XlsxReadOptions): AsyncGenerator<XlsxRow> {
  let book: Workbook;
  try {
    book = await Workbook.open(path);
  } catch (error) {
    throw new XlsxError(`its zip directory cannot be read (${(error as Error).message.slice(0, 200)})`);
  }
  try {
    const { date1904, sheetPart, related } = await locateFirstSheet(book);
    const dateStyles = await readDateStyles(book, byType(related, 'styles')?.part);
    const shared = await readSharedStrings(book, byType(related, 'sharedStrings')?.part);
    yield* sheetRows(book, sheetPart, shared, dateStyles, date1904, options);
  } finally {
    book.close();
  }
}
