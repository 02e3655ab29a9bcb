import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import type { ImportRow } from './rows.js';

export const STAGING_TABLE = 'import_rows';

const COLUMNS = [
  'row', 'name', 'gender', 'birth_date', 'id_type', 'id_number', 'ethnicity', 'grade', 'class_name',
  'enrollment_month', 'household_region', 'phone', 'name_key', 'id_key', 'id_problems',
] as const;

export async function createStagingTable(manager: EntityManager): Promise<void> {
  await manager.query(`
    CREATE TEMP TABLE ${STAGING_TABLE} (
      row integer, name text, gender text, birth_date date, id_type text, id_number text, ethnicity text,
      grade text, class_name text, enrollment_month text, household_region text, phone text,
      name_key text, id_key text, id_problems text[]
    ) ON COMMIT DROP`);
}

function values(r: ImportRow): (string | number | null | string[])[] {
  return [r.row, r.name, r.gender, r.birthDate, r.idType, r.idNumber, r.ethnicity, r.grade, r.className,
    r.enrollmentMonth, r.householdRegion, r.phone, r.nameKey, r.idKey, r.idProblems];
}

/** COPY text format: backslash escapes, \N for null, arrays as {a,b} (reasons never need quoting). */
function copyField(value: string | number | null | string[]): string {
  if (value === null) return '\\N';
  if (Array.isArray(value)) return `{${value.join(',')}}`;
  return String(value).replace(/[\\\t\n\r]/g, (ch) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[ch]!);
}

export interface StagingWriter {
  write(rows: ImportRow[]): Promise<void>;
  finish(): Promise<void>;
}

/** PostgreSQL server: one COPY … FROM STDIN stream for the whole file. */
export function copyWriter(client: PoolClient): StagingWriter {
  const stream = client.query(copyFrom(`COPY ${STAGING_TABLE} (${COLUMNS.join(', ')}) FROM STDIN`));
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => {});
  return {
    async write(rows) {
      const text = rows.map((r) => values(r).map(copyField).join('\t')).join('\n') + '\n';
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
export function insertWriter(manager: EntityManager): StagingWriter {
  return {
    async write(rows) {
      const columns = COLUMNS.map((_, i) => rows.map((r) => values(r)[i]));
      await manager.query(
        `INSERT INTO ${STAGING_TABLE} (${COLUMNS.join(', ')})
         SELECT row, name, gender, birth_date, id_type, id_number, ethnicity, grade, class_name, enrollment_month,
                household_region, phone, name_key, id_key, string_to_array(id_problems, ',')
         FROM unnest($1::int[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
           AS t(row, name, gender, birth_date, id_type, id_number, ethnicity, grade, class_name, enrollment_month,
                household_region, phone, name_key, id_key, id_problems)`,
        columns.map((column, i) => (i === 14 ? (column as string[][]).map((reasons) => reasons.join(',')) : column)),
      );
    },
    async finish() {},
  };
}
