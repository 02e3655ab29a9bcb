import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import { isSealedField, storedColumns, type StoredColumns } from '../student/sealed-fields.js';
import { KEY_COLUMNS, STUDENT_FIELDS } from '../student/student-fields.js';
import type { ImportRow } from './rows.js';

/**
 * Rows that passed validation go straight into `students`, inside the import's transaction: a
 * rejected or interrupted import rolls them back, so no separate staging table (and no second
 * pass over the rows) is needed. ID number, phone and address are sealed here, on their way in.
 */
const COLUMNS = ['school_id', 'import_id', 'source_row', ...STUDENT_FIELDS.map((f) => f.column), ...KEY_COLUMNS.map((k) => k.column)];
const SQL_TYPES = ['bigint', 'bigint', 'int', ...STUDENT_FIELDS.map((f) => f.sqlType), ...KEY_COLUMNS.map(() => 'text')];
const ID_PROBLEMS = COLUMNS.indexOf('id_problems');

type Value = string | number | null | string[];

/** Row `i` of a batch as stored: its sealed fields taken from the batch's sealed columns. */
function values(target: ImportTarget, r: ImportRow, stored: StoredColumns, i: number): Value[] {
  const fields = STUDENT_FIELDS.map((f) => (isSealedField(f.key) ? stored[f.key][i]! : r[f.key]));
  return [target.schoolId, target.importId, r.row, ...fields, ...KEY_COLUMNS.map((k) => (k.key === 'idKey' ? stored.idKey[i]! : r[k.key]))];
}

/** COPY text format: backslash escapes, \N for null, arrays as {a,b} (reasons never need quoting). */
function copyField(value: Value): string {
  if (value === null) return '\\N';
  if (Array.isArray(value)) return `{${value.join(',')}}`;
  return String(value).replace(/[\\\t\n\r]/g, (ch) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[ch]!);
}

export interface ImportTarget {
  schoolId: string;
  importId: string;
}

export interface StudentWriter {
  /** Takes a batch; returns once the batch before it is stored (one batch is sealed meanwhile). */
  write(rows: ImportRow[]): Promise<void>;
  /** Stores what is left and ends the writer, also after a failure. */
  finish(): Promise<void>;
}

/**
 * Batches in order, each sealed on the sealing thread while the caller parses the next one: a
 * batch is stored once it is sealed and the one before it is stored.
 */
function pipelined(store: (rows: ImportRow[], stored: StoredColumns) => Promise<void>, end: () => Promise<void>): StudentWriter {
  let landed: Promise<void> = Promise.resolve();
  return {
    async write(rows) {
      const sealing = storedColumns(rows);
      const previous = landed;
      landed = previous.then(async () => store(rows, await sealing));
      // Both are awaited later (next write or finish); until then a failure is not "unhandled".
      sealing.catch(() => {});
      landed.catch(() => {});
      await previous;
    },
    async finish() {
      try {
        await landed;
      } finally {
        await end();
      }
    },
  };
}

/** PostgreSQL server: one COPY … FROM STDIN stream for the whole file. */
export function copyWriter(client: PoolClient, target: ImportTarget): StudentWriter {
  const stream = client.query(copyFrom(`COPY students (${COLUMNS.join(', ')}) FROM STDIN`));
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => {});
  return pipelined(
    async (rows, stored) => {
      let text = '';
      for (let i = 0; i < rows.length; i++) text += `${values(target, rows[i]!, stored, i).map(copyField).join('\t')}\n`;
      if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
    },
    async () => {
      stream.end();
      await Promise.race([once(stream, 'finish'), failed]);
    },
  );
}

/**
 * The embedded database cannot take COPY FROM STDIN over its socket, so rows go in as one
 * multi-row INSERT per batch (arrays unnested server-side): still set-based, one statement a batch.
 */
export function insertWriter(manager: EntityManager, target: ImportTarget): StudentWriter {
  return pipelined(
    async (rows, stored) => {
      const matrix = rows.map((r, i) => values(target, r, stored, i));
      const columns = COLUMNS.map((_, i) => matrix.map((row) => (i === ID_PROBLEMS ? (row[i] as string[]).join(',') : row[i])));
      // Arrays go in as comma-joined text: unnest cannot take an array of arrays of uneven length.
      const unnested = COLUMNS.map((_, i) => (i === ID_PROBLEMS ? `string_to_array(c${i}, ',')` : `c${i}`));
      await manager.query(
        `INSERT INTO students (${COLUMNS.join(', ')})
         SELECT ${unnested.join(', ')}
         FROM unnest(${SQL_TYPES.map((type, i) => `$${i + 1}::${type}[]`).join(', ')}) AS t(${COLUMNS.map((_, i) => `c${i}`).join(', ')})`,
        columns,
      );
    },
    async () => {},
  );
}
