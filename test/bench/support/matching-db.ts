import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { App } from '../../../api/src/app.js';
import type { PupilRecord } from '../../../api/src/problems/suggestion/model/index.js';
import { comparisonKeys } from '../../../api/src/registry/student/comparison-keys.js';
import { storedValue } from '../../../api/src/registry/student/sealed-fields.js';

const escape = (value: string) => value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

/** COPY lines for `students`: keys computed and values sealed by the product's code; the record's index in `source_row`. */
async function* copyLines(records: readonly PupilRecord[], schoolIds: ReadonlyMap<string, string>): AsyncGenerator<string> {
  let buffer = '';
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const idType = r.idNumber ? 'RESIDENT_ID' : 'OTHER';
    const keys = comparisonKeys({ name: r.name, gender: r.gender, birthDate: r.birthDate, idType, idNumber: r.idNumber });
    const cells = [
      schoolIds.get(r.schoolId!)!, r.name, r.gender, r.birthDate, idType, r.idNumber ? storedValue('idNumber', r.idNumber)! : '\\N', r.grade ?? '\\N',
      'ENROLLED', keys.nameKey, keys.idKey ?? '\\N', keys.identityKey, `{${keys.idProblems.join(',')}}`, String(i),
    ];
    buffer += `${cells.map((c) => (c === '\\N' ? c : escape(c))).join('\t')}\n`;
    if (buffer.length > 1 << 16) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/**
 * The synthetic registry as the product's tables: one school per synthetic school (in its county),
 * the records by one COPY (ID numbers sealed), statistics fresh, as after a school year of imports.
 * Returns each record's database id by its index.
 */
export async function loadRegistry(app: App, url: string, records: readonly PupilRecord[]): Promise<string[]> {
  const db = app.db.dataSource;
  const schools = [...new Map(records.map((r) => [r.schoolId!, r.regionCode!])).entries()];
  const rows = (await db.query(
    `INSERT INTO schools (code, name, region_code, kind)
     SELECT '9' || lpad(n::text, 9, '0'), '匹配基准学校' || n, region, 'NINE_YEAR' FROM unnest($1::text[]) WITH ORDINALITY AS s(region, n)
     RETURNING id::text`,
    [schools.map(([, region]) => region)],
  )) as { id: string }[];
  const schoolIds = new Map(schools.map(([synthetic], i) => [synthetic, rows[i]!.id]));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await pipeline(
      Readable.from(copyLines(records, schoolIds)),
      client.query(copyFrom(`COPY students (school_id, name, gender, birth_date, id_type, id_number, grade, status, name_key, id_key, identity_key, id_problems, source_row) FROM STDIN`)),
    );
    await client.query('VACUUM (ANALYZE) students');
  } finally {
    await client.end();
  }
  const ids = new Array<string>(records.length);
  for (const row of (await db.query(`SELECT id::text, source_row FROM students`)) as { id: string; source_row: number }[]) ids[row.source_row] = row.id;
  return ids;
}

/** The open suggestions as pairs of record indexes. */
export async function suggestedIndexPairs(app: App, ids: readonly string[]): Promise<[number, number][]> {
  const index = new Map(ids.map((id, i) => [id, i]));
  const rows = (await app.db.dataSource.query(`SELECT student_a::text AS a, student_b::text AS b FROM match_suggestions WHERE status = 'OPEN'`)) as { a: string; b: string }[];
  return rows.map((r) => [index.get(r.a)!, index.get(r.b)!]);
}
