import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import type { ImportRow } from './rows.js';

/**
 * Rows that passed validation go straight into `students`, inside the import's transaction: a
 * rejected or interrupted import rolls them back, so no separate staging table (and no second
 * pass over the rows) is needed.
 */
const COLUMNS = [
  'school_id', 'import_id', 'source_row', 'name', 'gender', 'birth_date', 'id_type', 'id_number', 'ethnicity', 'grade',
  'class_name', 'enrollment_month', 'household_region', 'phone', 'name_key', 'id_key', 'id_problems', 'identity_key',
] as const;

type Value = string | number | null | string[];

function values(target: ImportTarget, r: ImportRow): Value[] {
  return [target.schoolId, target.importId, r.row, r.name, r.gender, r.birthDate, r.idType, r.idNumber, r.ethnicity, r.grade,
    r.className, r.enrollmentMonth, r.householdRegion, r.phone, r.nameKey, r.idKey, r.idProblems, r.identityKey];
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
      const columns = COLUMNS.map((_, i) => matrix.map((row) => (i === 16 ? (row[i] as string[]).join(',') : row[i])));
      await manager.query(
        `INSERT INTO students (${COLUMNS.join(', ')})
         SELECT s, i, r, n, g, b, it, num, e, gr, c, em, hr, p, nk, ik, string_to_array(ip, ','), idk
         FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[])
           AS t(s, i, r, n, g, b, it, num, e, gr, c, em, hr, p, nk, ik, ip, idk)`,
        columns,
      );
    },
    async finish() {},
  };
}
