import type { DataSource, EntityManager } from 'typeorm';
import { blindText, isSealed, keyIdOf, keyRing, openText, sealText } from '../../core/crypto/index.js';
import { asOwner } from '../../core/db/row-scope.js';
import { blindResidentKey, historyPlace, residentIdIndex, SEALED_COLUMNS as COLUMNS, SEALED_FIELDS, studentPlace } from './sealed-fields.js';

/**
 * Brings every stored value under the current data key (README, "Encryption at rest"): values
 * sealed with another key id, and values stored before encryption (no key id), are sealed again;
 * for the latter the ID number's comparison key becomes its blind index, and what was made from
 * the plain key follows (DUPLICATE_ID problems' group keys, proven-different fingerprints). Runs
 * after the migrations at every start (a no-op once the state says all is sealed with the current
 * key) and from `pnpm cli keys:rotate`. Batches of rows, each in its own transaction, picked by
 * what they hold and not by a position kept elsewhere, so it is idempotent and can be interrupted
 * anywhere: the next run takes up what is left.
 *
 * Rotating BLIND_INDEX_KEY is refused (the stored indexes cannot be recomputed without opening
 * every number, and a half-rotated registry would stop matching): a changed key stops the start.
 */

const BATCH = 1000;

export interface ResealReport {
  keyId: string;
  /** Values sealed again, per column. */
  students: Record<'id_number' | 'household_region' | 'phone', number>;
  /** ID numbers stored before encryption whose comparison key became a blind index. */
  indexed: number;
  /** History entries whose before/after values were sealed again. */
  events: number;
  /** DUPLICATE_ID problems whose group key became a blind index. */
  problems: number;
  ms: number;
}

const BLIND_INDEX_CHECK = () => blindText('key-check', 'BLIND_INDEX_KEY');

/** `$n` matches values not sealed with the current key: `v1.<id>.%`, LIKE's `_` escaped. */
const currentPattern = (keyId: string) => `v1.${keyId.replace(/[_%\\]/g, '\\$&')}.%`;
const stale = (sql: string, param: string) => `(${sql} <> '' AND ${sql} NOT LIKE ${param})`;

export async function resealAll(db: DataSource, options: { force?: boolean } = {}): Promise<ResealReport> {
  const started = performance.now();
  const keyId = keyRing().currentKeyId;
  const report: ResealReport = { keyId, students: { id_number: 0, household_region: 0, phone: 0 }, indexed: 0, events: 0, problems: 0, ms: 0 };
  await asOwner(async () => {
    const state = await readState(db);
    if (state && state.check !== BLIND_INDEX_CHECK()) {
      throw new Error('BLIND_INDEX_KEY is not the key the stored ID-number indexes were made with: start with the original key (rotating it is not supported)');
    }
    if (state?.sealedWith === keyId && !options.force) return;
    // Ids only carry a batch's scan on from where the last one ended (the rows done no longer match).
    for (let after: string | null = '0'; after !== null; ) after = await resealStudents(db, keyId, report, after);
    for (let after: string | null = '0'; after !== null; ) after = await resealEvents(db, keyId, report, after);
    await db.transaction(async (m) => {
      if (!state) report.problems = await reindexProblems(m);
      await m.query(
        `INSERT INTO data_key_state (blind_index_check, sealed_with) VALUES ($1, $2)
         ON CONFLICT (singleton) DO UPDATE SET sealed_with = EXCLUDED.sealed_with, updated_at = app_now()`,
        [BLIND_INDEX_CHECK(), keyId],
      );
    });
  });
  report.ms = performance.now() - started;
  return report;
}

async function readState(db: DataSource): Promise<{ check: string; sealedWith: string | null } | null> {
  const [row] = (await db.query(`SELECT blind_index_check AS "check", sealed_with AS "sealedWith" FROM data_key_state`)) as { check: string; sealedWith: string | null }[];
  return row ?? null;
}

/** A value under the current key; `plain` is set when it was stored before encryption. */
function resealed(value: string, place: string): { sealed: string; plain: string | null } {
  if (!isSealed(value)) return { sealed: sealText(value, place)!, plain: value };
  return { sealed: sealText(openText(value, place), place)!, plain: null };
}

interface StoredRow {
  id: string;
  idType: string;
  idKey: string | null;
  idNumber: string | null;
  householdRegion: string | null;
  phone: string | null;
}

/** One batch of students after the id `after`; the last id done, or null when none was left. */
async function resealStudents(db: DataSource, keyId: string, report: ResealReport, after: string): Promise<string | null> {
  return db.transaction(async (m) => {
    const rows = (await m.query(
      `SELECT id::text, id_type AS "idType", id_key AS "idKey", id_number AS "idNumber", household_region AS "householdRegion", phone
       FROM students WHERE id > $2 AND (${SEALED_FIELDS.map((f) => stale(COLUMNS[f], '$1')).join(' OR ')})
       ORDER BY id LIMIT ${BATCH} FOR UPDATE`,
      [currentPattern(keyId), after],
    )) as StoredRow[];
    if (rows.length === 0) return null;
    const reindexed: { id: string; key: string | null }[] = [];
    for (const row of rows) {
      for (const field of SEALED_FIELDS) {
        const value = row[field];
        if (!value || keyIdOf(value) === keyId) continue;
        const { sealed, plain } = resealed(value, studentPlace(field));
        row[field] = sealed;
        report.students[COLUMNS[field]] += 1;
        if (field === 'idNumber' && plain !== null) reindexed.push({ id: row.id, key: (row.idKey = residentIdIndex(row.idType, plain)) });
      }
    }
    await refingerprint(m, reindexed);
    report.indexed += reindexed.length;
    await m.query(
      `UPDATE students s SET id_number = v.id_number, household_region = v.household_region, phone = v.phone, id_key = v.id_key
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(id, id_number, household_region, phone, id_key)
       WHERE s.id = v.id`,
      [rows.map((r) => r.id), rows.map((r) => r.idNumber), rows.map((r) => r.householdRegion), rows.map((r) => r.phone), rows.map((r) => r.idKey)],
    );
    return rows.at(-1)!.id;
  });
}

/**
 * Pairs proven different keep their proof across the re-index: a fingerprint that was of the record
 * as it is (old key) becomes the fingerprint with the new key; one already stale stays stale.
 * Runs before the students' keys change, while the old key is still there to compare with.
 */
async function refingerprint(m: EntityManager, reindexed: { id: string; key: string | null }[]): Promise<void> {
  if (reindexed.length === 0) return;
  for (const side of ['a', 'b']) {
    await m.query(
      `UPDATE distinct_pupils d SET fingerprint_${side} = identity_fingerprint(s.name_key, s.gender, s.birth_date, v.id_key)
       FROM students s JOIN unnest($1::bigint[], $2::text[]) AS v(id, id_key) ON v.id = s.id
       WHERE d.student_${side} = s.id AND d.fingerprint_${side} = identity_fingerprint(s.name_key, s.gender, s.birth_date, s.id_key)`,
      [reindexed.map((r) => r.id), reindexed.map((r) => r.key)],
    );
  }
}

const HISTORY_SIDES = ['before', 'after'] as const;

/**
 * One batch of history entries carrying values of the sealed fields. The events table refuses
 * UPDATE (append-only, a trigger): for these rows alone, and only in this transaction, the owner
 * turns the trigger off and on again — the entries keep their content, only its encryption changes.
 */
async function resealEvents(db: DataSource, keyId: string, report: ResealReport, after: string): Promise<string | null> {
  return db.transaction(async (m) => {
    const holds = HISTORY_SIDES.flatMap((side) => SEALED_FIELDS.map((f) => stale(`(data->'${side}'->>'${f}')`, '$1')));
    const rows = (await m.query(`SELECT id::text, data FROM events WHERE id > $2 AND (${holds.join(' OR ')}) ORDER BY id LIMIT ${BATCH}`, [
      currentPattern(keyId),
      after,
    ])) as { id: string; data: Record<string, Record<string, unknown>> }[];
    if (rows.length === 0) return null;
    for (const row of rows) {
      for (const side of HISTORY_SIDES) {
        const values = row.data[side];
        if (!values || typeof values !== 'object') continue;
        for (const field of SEALED_FIELDS) {
          const value = values[field];
          if (typeof value === 'string' && value !== '' && keyIdOf(value) !== keyId) values[field] = resealed(value, historyPlace(field)).sealed;
        }
      }
    }
    await m.query(`ALTER TABLE events DISABLE TRIGGER events_no_update_delete`);
    await m.query(`UPDATE events e SET data = v.data FROM unnest($1::bigint[], $2::jsonb[]) AS v(id, data) WHERE e.id = v.id`, [
      rows.map((r) => r.id),
      rows.map((r) => JSON.stringify(r.data)),
    ]);
    await m.query(`ALTER TABLE events ENABLE TRIGGER events_no_update_delete`);
    report.events += rows.length;
    return rows.at(-1)!.id;
  });
}

/** DUPLICATE_ID group keys made from plain numbers ('ID:' || number) become 'ID:' || blind index, in one statement. */
async function reindexProblems(m: EntityManager): Promise<number> {
  const rows = (await m.query(`SELECT id::text, substr(group_key, 4) AS key FROM problems WHERE type = 'DUPLICATE_ID' AND group_key LIKE 'ID:%'`)) as { id: string; key: string }[];
  if (rows.length === 0) return 0;
  await m.query(`UPDATE problems p SET group_key = v.group_key FROM unnest($1::bigint[], $2::text[]) AS v(id, group_key) WHERE p.id = v.id`, [
    rows.map((r) => r.id),
    rows.map((r) => `ID:${blindResidentKey(r.key)}`),
  ]);
  return rows.length;
}
