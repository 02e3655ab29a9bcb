import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import { storedValue } from '../student/sealed-fields.js';
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

function values(target: ImportTarget, r: ImportRow): Value[] {
  return [target.schoolId, target.importId, r.row, ...STUDENT_FIELDS.map((f) => storedValue(f.key, r[f.key])), ...KEY_COLUMNS.map((k) => r[k.key])];
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
  write(rows: ImportRow[]): Promise<void>;
  finish(): Promise<void>;
}

/** PostgreSQL server: one COPY … FROM STDIN stream for the whole file. */
export function copyWriter(client: PoolClient, target: ImportTarget): StudentWriter {
  const stream = client.query(copyFrom(`COPY students (${COLUMNS.join(', ')}) FROM STDIN`));
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => {});
  return {
    async write(rows) {
      let text = '';
      for (const row of rows) text += `${values(target, row).map(copyField).join('\t')}\n`;
      if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
    },
    async finish() {
      stream.end();
      await Promise.race([once(stream, 'finish'), failed]);
    },
  };
}

/**
 * The embedded database cannot take COPY FROM STDIN over its socket, so rows go in as one
 * multi-row INSERT per batch (arrays unnested server-side): still set-based, one statement a batch.
 */
export function insertWriter(manager: EntityManager, target: ImportTarget): StudentWriter {
  return {
    async write(rows) {
      const matrix = rows.map((r) => values(target, r));
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
    async finish() {},
  };
}
