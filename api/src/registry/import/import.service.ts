import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { PoolClient } from 'pg';
import type { AccessLog } from '../../core/audit/access-log.js';
import { scopeOf, type Caller } from '../../core/auth/caller.js';
import { widened } from '../../core/db/row-scope.js';
import { appendEvents } from '../../core/events.js';
import { locatedError, type LocatedError } from '../../core/files/located-error.js';
import { openSheet, SheetError, type Sheet, type SheetFormat } from './readers.js';
import { readHeader, readRow, type ColumnPositions, type ImportRow } from './rows.js';
import { copyWriter, insertWriter, type StudentWriter } from './student-writer.js';
import { holdReason, keepHeldImport, matchesDisclosedToday, recordDisclosure, type HoldPolicy, type HoldReason } from './import-screening.js';

export const MAX_REPORTED_ERRORS = 10_000;
const BATCH_ROWS = 2_000;

export type ImportFailure = 'INVALID_ROWS' | 'DUPLICATE_FILE' | 'FILE_TOO_LARGE' | 'NOT_A_SPREADSHEET' | 'UNKNOWN_SCHOOL' | 'HELD_FOR_REVIEW' | 'WOULD_BE_HELD';

/** What a held import tells its importer: that it waits, and nothing of what it matched. */
/** A dry run of a file an import would hold: it shows nothing of what the file matched either. */
export const WOULD_BE_HELD_MESSAGE =
  'dry run, nothing written: an import of this file would be held for the district education office to review, so a dry run shows none of its matches.';

export const HELD_MESSAGE =
  'nothing imported yet: this file is held for review, and the district education office must approve it before it is imported. You can follow it in the list of held imports.';

export interface ImportProgress {
  phase: 'READING' | 'SAVING' | 'DETECTING' | 'DONE';
  rowsDone: number;
  /** Known up front for CSV (lines counted while hashing); null for xlsx until read. */
  rowsTotal: number | null;
}

export interface ImportOptions {
  schoolId: string;
  filePath: string;
  /** The name the user knows the file by (shown in errors); defaults to the path's base name. */
  fileName?: string;
  skipInvalid?: boolean;
  force?: boolean;
  actorId?: string | null;
  /**
   * The signed-in user importing (the portal; absent for the operator's CLI): the other schools'
   * records the import matched go to this user's read log, and a user who sees only part of the
   * registry has the import screened (held above the thresholds or the daily cap).
   */
  importer?: Caller;
  /** The request the import was started from, for the read log. */
  requestId?: string | null;
  /** The district approved this held file: it lands whatever it matches. */
  approved?: boolean;
  /** Do everything but keep it: report per row the problems the file would open or join, then roll back. */
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportResult {
  ok: boolean;
  failure: ImportFailure | null;
  message: string;
  /** The values a failure's message names (which earlier import, how large), for clients to say in their language. */
  failureParams: { name: string; value: string }[];
  importId: string | null;
  format: SheetFormat | null;
  encoding: string | null;
  rowsRead: number;
  rowsImported: number;
  rowsSkipped: number;
  /** Every problem with a location, up to MAX_REPORTED_ERRORS; errorCount has them all. */
  errors: LocatedError[];
  errorCount: number;
  problems: ImportedProblems | null;
  /** Set when the import was held for the district (failure HELD_FOR_REVIEW). */
  heldImportId: string | null;
  /** A dry run: nothing was written; the counts and `preview` say what an import would do. */
  dryRun: boolean;
  /** A dry run's rows that would be in a problem, in file order; null for an import. */
  preview: ImportPreviewRow[] | null;
}

/** One row of a dry run that would be in a problem: which, and whether the problem exists already. */
export interface ImportPreviewRow {
  row: number;
  problemType: string;
  /** WITHIN_SCHOOL (another row of the file or a record of the school) or CROSS_SCHOOL (another school's record; never which). */
  scope: string;
  /** True when the import would open the problem, false when the row would join one that is open. */
  opens: boolean;
}

/** What the problems subgraph found among an import's records (its detection counts). */
export interface ImportedProblems {
  opened: number;
  closed: number;
  joined: number;
  left: number;
}

/** The import's records that detection grouped with another school's active record (DUPLICATE_ID or DUPLICATE_IDENTITY). */
export interface CrossSchoolMatches {
  /** How many of the import's records (rows of its file) matched another school's. */
  rows: number;
  /** The other schools' records they matched. */
  otherStudentIds: string[];
}

/**
 * Runs in the import's transaction once its rows are in: the registry does not know about problems,
 * the composition root hands it detection as this callback.
 */
export type AfterImport = (
  manager: EntityManager,
  imported: { importId: string; afterId: string; preview?: boolean },
) => Promise<ImportedProblems & { crossSchool: CrossSchoolMatches; preview?: ImportPreviewRow[] }>;

/** How imports are screened for cross-school matches, and where held files are kept. */
export interface ImportScreening {
  policy: HoldPolicy;
  heldDir: string;
  accessLog: AccessLog;
}

/** The answer for a held file; the same whether it was held just now or is still waiting from before. */
function heldResult(heldImportId: string): ImportResult {
  return {
    ok: false, failure: 'HELD_FOR_REVIEW', message: HELD_MESSAGE, failureParams: [], importId: null, format: null, encoding: null,
    rowsRead: 0, rowsImported: 0, rowsSkipped: 0, errors: [], errorCount: 0, problems: null, heldImportId, dryRun: false, preview: null,
  };
}

/**
 * The importer whose cross-school matches are held above the rule, if any: not the operator's CLI
 * (no importer) nor a system admin, who read every school already, nor a file the district approved.
 */
function screenedImporter(options: ImportOptions): Caller | null {
  const importer = options.importer;
  return importer && scopeOf(importer).kind !== 'all' && !options.approved ? importer : null;
}

interface LandRun {
  file: string;
  hash: string;
  sheet: Sheet;
  result: ImportResult;
  progress: (phase: ImportProgress['phase'], rowsDone: number) => void;
}

/** Rolled back on purpose: the file had errors and nothing may land. */
class RejectedImport extends Error {}

/** Rolled back on purpose: a dry run, with what the import would have done. */
class DryRun extends Error {
  constructor(
    readonly matches: CrossSchoolMatches,
    readonly preview: ImportPreviewRow[],
  ) {
    super('dry run');
  }
}

/** Rolled back on purpose: the file matched other schools too often and waits for the district. */
class HeldImport extends Error {
  constructor(
    readonly reason: HoldReason,
    readonly matches: number,
  ) {
    super('held for review');
  }
}

export class ImportService {
  constructor(
    private readonly db: DataSource,
    private readonly afterImport: AfterImport,
    private readonly mode: 'server' | 'embedded',
    private readonly maxBytes: number,
    private readonly screening: ImportScreening,
    /** Told of each import once it has landed (committed), to look at its records again in the background. */
    private readonly onImported: (importId: string) => void = () => {},
  ) {}

  /** sha256 of the content and, for text, its number of lines: one pass over the file. */
  private async fingerprint(filePath: string): Promise<{ hash: string; lines: number }> {
    const hash = createHash('sha256');
    let lines = 0;
    for await (const chunk of createReadStream(filePath) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
    }
    return { hash: hash.digest('hex'), lines };
  }

  /**
   * Imports one school's template in a single transaction: it lands whole or not at all (a killed
   * process leaves nothing behind), then problems are detected for the new records.
   */
  async importStudents(options: ImportOptions): Promise<ImportResult> {
    const file = options.fileName ?? path.basename(options.filePath);
    const result: ImportResult = {
      ok: false, failure: null, message: '', failureParams: [], importId: null, format: null, encoding: null,
      rowsRead: 0, rowsImported: 0, rowsSkipped: 0, errors: [], errorCount: 0, problems: null, heldImportId: null,
      dryRun: options.dryRun ?? false, preview: null,
    };
    const refuse = (failure: ImportFailure, message: string, located?: LocatedError, params: Record<string, string> = {}): ImportResult => {
      const errors = located ? [located] : [];
      const failureParams = Object.entries(params).map(([name, value]) => ({ name, value }));
      return { ...result, failure, message, failureParams, errors, errorCount: errors.length };
    };
    const checked = await this.preflight(options, file, refuse);
    if ('failure' in checked) return checked;
    result.format = checked.sheet.format;
    result.encoding = checked.sheet.encoding ?? null;
    const rowsTotal = checked.sheet.format === 'csv' ? Math.max(checked.lines - 1, 0) : null;
    const progress = (phase: ImportProgress['phase'], rowsDone: number) => options.onProgress?.({ phase, rowsDone, rowsTotal });
    progress('READING', 0);

    const landed = await this.transact(options, { file, hash: checked.hash, sheet: checked.sheet, result, progress }, refuse);
    if (landed instanceof HeldImport) {
      if (options.dryRun) return { ...refuse('WOULD_BE_HELD', WOULD_BE_HELD_MESSAGE), rowsRead: result.rowsRead };
      return this.hold(options, { file, hash: checked.hash, rowsRead: result.rowsRead }, landed);
    }
    if (landed instanceof DryRun) return this.dryRunResult(options, result, landed);
    if ('ok' in landed) return landed;
    // The matched records reached the importer as problems: the read log says who learned of them.
    if (options.importer) await this.screening.accessLog.record(options.importer, 'student', landed.otherStudentIds, 'import-match', options.requestId ?? null);
    progress('DONE', result.rowsRead);
    this.onImported(result.importId!);
    result.ok = true;
    result.message = `imported ${result.rowsImported} of ${result.rowsRead} rows${result.rowsSkipped ? ` (${result.rowsSkipped} skipped)` : ''}; ${result.problems?.opened ?? 0} problems opened`;
    return result;
  }

  /**
   * A dry run's answer, once its transaction was rolled back: what it disclosed of other schools'
   * pupils counts towards the importer's daily cap and goes to the read log, as an import's would.
   */
  private async dryRunResult(options: ImportOptions, result: ImportResult, dryRun: DryRun): Promise<ImportResult> {
    const importer = screenedImporter(options);
    if (importer) await this.db.transaction((manager) => recordDisclosure(manager, importer.userId, 'IMPORT_DRY_RUN', dryRun.matches.rows));
    if (options.importer) await this.screening.accessLog.record(options.importer, 'student', dryRun.matches.otherStudentIds, 'import-dry-run', options.requestId ?? null);
    const rows = new Set(dryRun.preview.map((p) => p.row)).size;
    const rowsOpening = new Set(dryRun.preview.filter((p) => p.opens).map((p) => p.row)).size;
    return {
      ...result,
      ok: true,
      importId: null,
      preview: dryRun.preview,
      message: `dry run, nothing written: ${result.rowsImported} of ${result.rowsRead} rows would be imported${result.rowsSkipped ? ` (${result.rowsSkipped} skipped)` : ''}; ${rows} rows would be in problems, ${rowsOpening} of them in new ones`,
    };
  }

  /** The import's one transaction: what it matched when it landed, the hold that rolled it back, or why the file was refused. */
  private async transact(
    options: ImportOptions,
    run: LandRun,
    refuse: (failure: ImportFailure, message: string, located?: LocatedError) => ImportResult,
  ): Promise<CrossSchoolMatches | HeldImport | DryRun | ImportResult> {
    const { result, file } = run;
    const runner = this.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const matches = await this.land(runner, options, run);
      await runner.commitTransaction();
      return matches;
    } catch (error) {
      await runner.rollbackTransaction();
      if (error instanceof HeldImport || error instanceof DryRun) return error;
      if (error instanceof RejectedImport) {
        return { ...result, failure: 'INVALID_ROWS', importId: null, rowsImported: 0, message: `nothing imported: ${result.errorCount} problem(s) in ${file}` };
      }
      if (error instanceof SheetError) return { ...refuse('NOT_A_SPREADSHEET', error.message, error.located(file)), rowsRead: result.rowsRead };
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Keeps a held file for the district and answers its importer: held, and nothing more — not which
   * rows matched, nor how many, nor detection's counts (each would say where pupils are at school).
   */
  private async hold(options: ImportOptions, file: { file: string; hash: string; rowsRead: number }, held: HeldImport): Promise<ImportResult> {
    const heldImportId = await this.db.transaction((manager) =>
      keepHeldImport(manager, this.screening.heldDir, options.filePath, {
        schoolId: options.schoolId, actorId: options.importer!.userId, fileName: file.file, hash: file.hash,
        skipInvalid: options.skipInvalid ?? false, forced: options.force ?? false, rowsRead: file.rowsRead, matches: held.matches, reason: held.reason,
      }),
    );
    return heldResult(heldImportId);
  }

  /** Whether this import is held, in its transaction after detection: the rule, the user's day so far. */
  private async screen(manager: EntityManager, options: ImportOptions, matches: number, rows: number): Promise<void> {
    const importer = screenedImporter(options);
    if (!importer) return;
    const reason = holdReason(this.screening.policy, matches, rows, matches > 0 ? await matchesDisclosedToday(manager, importer.userId) : 0);
    if (reason) throw new HeldImport(reason, matches);
  }

  /** What is refused before anything is written: size, school, the same file again, not a spreadsheet. */
  private async preflight(
    options: ImportOptions,
    file: string,
    refuse: (failure: ImportFailure, message: string, located?: LocatedError, params?: Record<string, string>) => ImportResult,
  ): Promise<ImportResult | { hash: string; lines: number; sheet: Sheet }> {
    const { size } = await stat(options.filePath);
    if (size > this.maxBytes) {
      const sizeMb = (size / 1048576).toFixed(1);
      const limitMb = (this.maxBytes / 1048576).toFixed(0);
      return refuse('FILE_TOO_LARGE', `${file} is ${sizeMb} MB; the limit is ${limitMb} MB. Split it into several files.`, undefined, { sizeMb, limitMb });
    }
    const schools = (await this.db.query(`SELECT id FROM schools WHERE id = $1 AND deleted_at IS NULL`, [options.schoolId])) as unknown[];
    if (schools.length === 0) return refuse('UNKNOWN_SCHOOL', `no school with id ${options.schoolId}`, undefined, { schoolId: options.schoolId });
    const { hash, lines } = await this.fingerprint(options.filePath);
    if (screenedImporter(options)) {
      // The same file again while it waits would only make a second hold of it for the district.
      const [waiting] = (await this.db.query(`SELECT id::text FROM import_holds WHERE school_id = $1 AND content_hash = $2 AND status = 'HELD' ORDER BY id LIMIT 1`, [
        options.schoolId,
        hash,
      ])) as { id: string }[];
      if (waiting) return heldResult(waiting.id);
    }
    if (!options.force) {
      const [earlier] = (await this.db.query(
        `SELECT id::text, file_name AS "fileName", created_at AS "createdAt" FROM imports WHERE school_id = $1 AND content_hash = $2 ORDER BY id LIMIT 1`,
        [options.schoolId, hash],
      )) as { id: string; fileName: string; createdAt: Date }[];
      if (earlier) {
        return refuse(
          'DUPLICATE_FILE',
          `this school already imported the same file (${earlier.fileName}, import ${earlier.id}, ${earlier.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC); importing it again would duplicate every pupil. Use --force if you really mean to.`,
          undefined,
          { file: earlier.fileName, importId: earlier.id, importedAt: earlier.createdAt.toISOString() },
        );
      }
    }
    try {
      return { hash, lines, sheet: await openSheet(options.filePath) };
    } catch (error) {
      if (error instanceof SheetError) return refuse('NOT_A_SPREADSHEET', error.message, error.located(file));
      throw error;
    }
  }

  /** Inside the import's transaction: the import row, the records, the scope check, detection and the event. */
  private async land(runner: QueryRunner, options: ImportOptions, run: LandRun): Promise<CrossSchoolMatches> {
    const { file, sheet, result, progress } = run;
    const manager = runner.manager;
    // One COPY of a million rows is one statement: the pool's 60 s statement limit is for requests.
    await manager.query(`SET LOCAL statement_timeout = '30min'`);
    // Records of this import get ids above this one; detection starts from them.
    const [{ lastId }] = (await widened(manager, 'all', () => manager.query(`SELECT coalesce(max(id), 0)::text AS "lastId" FROM students`))) as [{ lastId: string }];
    const [created] = (await manager.query(
      `INSERT INTO imports (school_id, file_name, content_hash, format, encoding, rows_read, rows_imported, rows_skipped, forced, actor_id)
       VALUES ($1, $2, $3, $4, $5, 0, 0, 0, $6, $7) RETURNING id::text`,
      [options.schoolId, file, run.hash, sheet.format, result.encoding, options.force ?? false, options.actorId ?? null],
    )) as { id: string }[];
    const importId = created!.id;
    const target = { schoolId: options.schoolId, importId };
    const stage = (writer: StudentWriter) => this.stage(file, sheet.rows, writer, result, options.skipInvalid ?? false, (n) => progress('READING', n));
    // PostgreSQL refuses COPY into a table with row security to anyone but its owner; the rows
    // written are checked against the importer's scope below instead.
    const headerless =
      this.mode === 'server'
        ? await widened(manager, 'owner', async () => stage(copyWriter((await runner.connect()) as PoolClient, target)))
        : await stage(insertWriter(manager, target));
    if (headerless || (result.errorCount > 0 && !options.skipInvalid)) throw new RejectedImport();
    await this.checkWrittenInScope(manager, importId, lastId, result.rowsRead - result.rowsSkipped);

    progress('SAVING', result.rowsRead);
    result.importId = importId;
    result.rowsImported = result.rowsRead - result.rowsSkipped;
    await manager.query(`UPDATE imports SET rows_read = $2, rows_imported = $3, rows_skipped = $4 WHERE id = $1`, [importId, result.rowsRead, result.rowsImported, result.rowsSkipped]);
    progress('DETECTING', result.rowsRead);
    const { crossSchool, preview, ...problems } = await this.afterImport(manager, { importId, afterId: lastId, preview: options.dryRun });
    result.problems = problems;
    await this.screen(manager, options, crossSchool.rows, result.rowsImported);
    if (options.dryRun) throw new DryRun(crossSchool, preview ?? []);
    await manager.query(`UPDATE imports SET cross_school_matches = $2 WHERE id = $1`, [importId, crossSchool.rows]);
    const data = { schoolId: options.schoolId, file, hash: run.hash, rowsImported: result.rowsImported, rowsSkipped: result.rowsSkipped, forced: options.force ?? false, problems: result.problems };
    await appendEvents(manager, [{ type: 'STUDENTS_IMPORTED', actorId: options.actorId ?? null, subjectType: 'import', subjectId: importId, data }]);
    return crossSchool;
  }

  /** Every row the import wrote must be one the importer's own scope can see: else nothing is kept. */
  private async checkWrittenInScope(manager: EntityManager, importId: string, afterId: string, written: number): Promise<void> {
    const [{ visible }] = (await manager.query(`SELECT count(*)::int AS visible FROM students WHERE id > $2 AND import_id = $1`, [importId, afterId])) as [
      { visible: number },
    ];
    if (visible !== written) throw new Error(`import ${importId} wrote ${written} rows but its scope sees ${visible}`);
  }

  /** Streams the sheet's valid rows into `students`; returns true when the header itself was unusable. */
  private async stage(
    file: string,
    rows: AsyncIterable<{ row: number; cells: import('./cells.js').Cell[] }>,
    writer: StudentWriter,
    result: ImportResult,
    skipInvalid: boolean,
    onRows: (n: number) => void,
  ): Promise<boolean> {
    const report = (errors: LocatedError[]) => {
      result.errorCount += errors.length;
      for (const e of errors) if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push(e);
    };
    let columns: ColumnPositions | null = null;
    let batch: ImportRow[] = [];
    try {
      for await (const { row, cells } of rows) {
        if (!columns) {
          const header = readHeader(file, cells);
          report(header.errors);
          if (header.errors.some((e) => e.code === 'MISSING_COLUMN')) return true;
          columns = header.positions;
          continue;
        }
        if (cells.every((c) => c.text.trim() === '')) continue;
        result.rowsRead += 1;
        const { value, errors } = readRow(file, row, cells, columns);
        if (errors.length > 0) {
          report(errors);
          result.rowsSkipped += 1;
          continue;
        }
        // Once the file is known to be rejected, only the error report is still being built.
        if (result.errorCount > 0 && !skipInvalid) continue;
        batch.push(value!);
        if (batch.length >= BATCH_ROWS) {
          await writer.write(batch);
          batch = [];
          onRows(result.rowsRead);
        }
      }
      if (batch.length > 0) await writer.write(batch);
    } finally {
      // A COPY in progress must end before the transaction can commit or roll back.
      await writer.finish();
    }
    if (!columns) {
      report([locatedError({ file, row: 1, column: '', value: '' }, 'NO_HEADER')]);
      return true;
    }
    // A template with headers only is the wrong file more often than an intended no-op, and
    // recording it would make the same empty file a "duplicate" of itself next time.
    if (result.rowsRead === 0) {
      report([locatedError({ file, row: 2, column: '', value: '' }, 'NO_ROWS')]);
      return true;
    }
    onRows(result.rowsRead);
    return false;
  }
}
