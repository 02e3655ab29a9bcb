import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import type { Caller } from '../../core/auth/caller.js';
import { appendEvents } from '../../core/events.js';
import type { LocatedError } from '../../core/files/located-error.js';
import { activeStudentSql, residentIdIndex } from '../../registry/index.js';
import type { DetectionService } from '../detection/detection.service.js';
import { readPoliceFile, type PoliceRow } from './police-file.js';

export interface PoliceImportResult {
  ok: boolean;
  rowsRead: number;
  /** Rows whose ID number is an active record of the caller's region (several records count once each). */
  matched: number;
  consistent: number;
  notFound: number;
  nameMismatch: number;
  /** Rows whose ID number no active record of the region carries (the pupil left, or another region's). */
  unmatchedRows: number[];
  problemsOpened: number;
  errors: LocatedError[];
}

const EMPTY = { rowsRead: 0, matched: 0, consistent: 0, notFound: 0, nameMismatch: 0, unmatchedRows: [], problemsOpened: 0 };

/**
 * Imports the public security office's verification results (公安核查) for the records of the
 * importer's region, all or nothing: each row's ID number is matched to the region's active records
 * by its blind index, the result is kept with the values the office checked, and detection opens
 * an INVALID_ID problem (reason POLICE_NOT_FOUND or POLICE_NAME_MISMATCH) for each mismatch —
 * settled by the school's CHANGE with the corrected document. A later CONSISTENT result clears it.
 */
export class PoliceService {
  constructor(
    private readonly db: DataSource,
    private readonly detection: DetectionService,
  ) {}

  async importResults(caller: Caller, upload: { path: string; fileName: string }): Promise<PoliceImportResult> {
    const { rows, errors } = await readPoliceFile(upload.path, upload.fileName);
    if (errors.length > 0) return { ok: false, ...EMPTY, errors };
    const hash = createHash('sha256').update(await readFile(upload.path)).digest('hex');
    return this.db.transaction(async (manager) => {
      // Row security limits the records to the importer's region.
      const keys = rows.map((r) => residentIdIndex('RESIDENT_ID', r.idNumber));
      const records = (await manager.query(
        `SELECT st.id::text, st.id_key AS "idKey", st.name_key AS "nameKey" FROM students st WHERE st.id_key = ANY($1::text[]) AND ${activeStudentSql('st')}`,
        [keys.filter(Boolean)],
      )) as { id: string; idKey: string; nameKey: string }[];
      const byKey = new Map<string, typeof records>();
      for (const record of records) byKey.set(record.idKey, [...(byKey.get(record.idKey) ?? []), record]);
      const checks = rows.flatMap((r, i) => (byKey.get(keys[i]!) ?? []).map((record) => ({ ...record, row: r })));
      const [created] = (await manager.query(
        `INSERT INTO police_imports (actor_id, file_name, content_hash, rows_read, matched) VALUES ($1, $2, $3, $4, $5) RETURNING id::text`,
        [caller.userId, upload.fileName, hash, rows.length, checks.length],
      )) as { id: string }[];
      await manager.query(
        `INSERT INTO police_checks (police_import_id, student_id, result, id_key, name_key, source_row)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::int[])`,
        [created!.id, checks.map((c) => c.id), checks.map((c) => c.row.result), checks.map((c) => c.idKey), checks.map((c) => c.nameKey), checks.map((c) => c.row.row)],
      );
      const count = (result: PoliceRow['result']) => checks.filter((c) => c.row.result === result).length;
      const summary = { rowsRead: rows.length, matched: checks.length, consistent: count('CONSISTENT'), notFound: count('NOT_FOUND'), nameMismatch: count('NAME_MISMATCH') };
      await appendEvents(manager, [{ type: 'POLICE_RESULTS_IMPORTED', actorId: caller.userId, subjectType: 'police_import', subjectId: created!.id, data: { file: upload.fileName, hash, ...summary } }]);
      const detected = await this.detection.detect(manager, { kind: 'students', studentIds: checks.map((c) => c.id) });
      const unmatchedRows = rows.filter((_, i) => !byKey.has(keys[i]!)).map((r) => r.row);
      return { ok: true, ...summary, unmatchedRows, problemsOpened: detected.opened, errors: [] };
    });
  }
}
