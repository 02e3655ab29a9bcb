import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import { blindKey } from '../../core/crypto/index.js';
import { activeStudentSql, openStudentRow } from '../../registry/index.js';
import { normalizeName, residentIdKey } from '../../registry/identity-rules.js';
import { blockingKeysAt, type NameFrequency, type PreparedRecords, type PupilRecord } from './model/index.js';

/** An active record as the matcher reads it, with what a suggestion stores of it. */
export interface StoredRecord extends PupilRecord {
  schoolId: string;
  regionCode: string;
  /** identity_fingerprint of the record: a dismissal holds while both records keep theirs. */
  fingerprint: string;
}

interface RecordRow {
  id: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  idType: string;
  idNumber: string | null;
  schoolId: string;
  regionCode: string;
  grade: string | null;
  fingerprint: string;
}

const ACTIVE = activeStudentSql('s');
const SELECT_RECORDS = `
  SELECT s.id::text, s.name, s.gender, s.birth_date::text AS "birthDate", s.id_type AS "idType", s.id_number AS "idNumber",
         s.school_id::text AS "schoolId", sc.region_code AS "regionCode", s.grade,
         identity_fingerprint(s.name_key, s.gender, s.birth_date, s.id_key) AS fingerprint
  FROM students s JOIN schools sc ON sc.id = s.school_id`;

/** The ID number opened and normalised as the exact detector keys it (legacy numbers expanded); null for other documents. */
function toRecord({ idType, idNumber, ...row }: RecordRow): StoredRecord {
  return { ...row, idNumber: residentIdKey(idType, openStudentRow({ idNumber }).idNumber) };
}

/** Every active record, in batches by id: a full run reads the registry once. */
export async function* activeRecords(manager: EntityManager, batchSize = 20_000): AsyncGenerator<StoredRecord[]> {
  let after = '0';
  for (;;) {
    const rows = (await manager.query(`${SELECT_RECORDS} WHERE ${ACTIVE} AND s.id > $1 ORDER BY s.id LIMIT $2`, [after, batchSize])) as RecordRow[];
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    yield rows.map(toRecord);
  }
}

/** The active ones of these records. */
export async function activeRecordsById(manager: EntityManager, ids: readonly string[]): Promise<StoredRecord[]> {
  if (ids.length === 0) return [];
  const rows = (await manager.query(`${SELECT_RECORDS} WHERE ${ACTIVE} AND s.id = ANY($1::bigint[]) ORDER BY s.id`, [ids])) as RecordRow[];
  return rows.map(toRecord);
}

const KEY_BATCH = 50_000;

/** Where a full run's keys go: one COPY stream (PostgreSQL server), or batched INSERTs (the embedded database takes no COPY). */
export type KeySink = (lines: AsyncIterable<{ keys: string[]; owners: string[] }>) => Promise<void>;

export function insertSink(manager: EntityManager): KeySink {
  return async (batches) => {
    for await (const { keys, owners } of batches) {
      await manager.query(`INSERT INTO match_keys (key, student_id) SELECT * FROM unnest($1::bigint[], $2::bigint[])`, [keys, owners]);
    }
  };
}

export function copySink(client: PoolClient): KeySink {
  return async (batches) => {
    const stream = client.query(copyFrom(`COPY match_keys (key, student_id) FROM STDIN`));
    const failed = new Promise<never>((_, reject) => stream.once('error', reject));
    failed.catch(() => {});
    for await (const { keys, owners } of batches) {
      let text = '';
      for (let k = 0; k < keys.length; k++) text += `${keys[k]}\t${owners[k]}\n`;
      if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
    }
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
  };
}

/** The prepared records' blocking keys in batches, blind: an ID number's keys hold most of its digits. */
async function* keyBatches(prepared: PreparedRecords): AsyncGenerator<{ keys: string[]; owners: string[] }> {
  let keys: string[] = [];
  let owners: string[] = [];
  for (let i = 0; i < prepared.size; i++) {
    for (const key of blockingKeysAt(prepared, i)) {
      keys.push(blindKey('match-key', key));
      owners.push(prepared.recordIds[i]!);
    }
    if (keys.length >= KEY_BATCH) {
      yield { keys, owners };
      [keys, owners] = [[], []];
    }
  }
  if (keys.length > 0) yield { keys, owners };
}

/** Stores the prepared records' keys (their old ones dropped by the caller). */
export function insertKeys(sink: KeySink, prepared: PreparedRecords): Promise<void> {
  return sink(keyBatches(prepared));
}

/**
 * Blocks larger than this are left out of an incremental run: only the names of very common
 * pupils reach it, and the full run pairs those by a sorted window instead.
 */
const MAX_INCREMENTAL_BLOCK = 500;

/** The active records sharing a blocking key with one of these: the candidates of an incremental run. */
export async function candidatesOf(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
  const rows = (await manager.query(
    `WITH mine AS (SELECT DISTINCT key FROM match_keys WHERE student_id = ANY($1::bigint[])),
          sized AS (SELECT m.key FROM mine m JOIN match_keys k ON k.key = m.key GROUP BY m.key HAVING count(*) <= $2)
     SELECT DISTINCT k.student_id::text AS id FROM sized z JOIN match_keys k ON k.key = z.key
     WHERE k.student_id <> ALL($1::bigint[])`,
    [ids, MAX_INCREMENTAL_BLOCK],
  )) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * How common each of these names is among the `total` active records (the term-frequency
 * adjustment). The caller knows the total from the saved model: counting every active record
 * again for each import's run would cost a full scan of the registry.
 */
export async function nameFrequencyOf(manager: EntityManager, rawNames: readonly string[], total: number): Promise<NameFrequency> {
  const names = rawNames.map(normalizeName);
  const rows = (await manager.query(
    `SELECT name_key AS name, count(*)::int AS n FROM students s WHERE ${ACTIVE} AND name_key = ANY($1::text[]) GROUP BY name_key`,
    [[...new Set(names)]],
  )) as { name: string; n: number }[];
  const counts = new Map(rows.map((r) => [r.name, r.n]));
  return (name) => (counts.get(normalizeName(name)) ?? 0) / Math.max(1, total);
}
