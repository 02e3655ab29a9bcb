import type { EntityManager } from 'typeorm';
import type { ScoredPair } from './model/index.js';
import type { StoredRecord } from './suggestion-records.js';

const BATCH = 10_000;

/** Where a run looked: the whole registry, or the pairs touching some records. */
export type RunScope = { kind: 'all' } | { kind: 'records'; ids: readonly string[] };

export interface StoreSummary {
  /** Pairs suggested for the first time, or again after a compared field changed. */
  opened: number;
  /** Open suggestions the run no longer finds (a record changed, left or is now caught exactly). */
  expired: number;
}

/**
 * Brings match_suggestions in line with a run's scored pairs: new pairs open, open ones take the new
 * score, a dismissed pair opens again only when a compared field of either record changed, a
 * confirmed one stays; pairs proven different pupils (distinct_pupils, fields unchanged) are left
 * out; open pairs of the scope the run no longer finds expire. The one writer of the table besides
 * the staff's decisions.
 */
export async function storeSuggestions(manager: EntityManager, pairs: readonly ScoredPair[], records: ReadonlyMap<string, StoredRecord>, modelId: number | null, scope: RunScope): Promise<StoreSummary> {
  await manager.query(`
    CREATE TEMP TABLE IF NOT EXISTS run_pairs (a bigint, b bigint, score float8, probability float8, explanation jsonb, region_a text, region_b text, fp_a text, fp_b text) ON COMMIT DROP;
    TRUNCATE run_pairs`);
  for (let start = 0; start < pairs.length; start += BATCH) await insertRunPairs(manager, pairs.slice(start, start + BATCH), records);
  await manager.query(`
    DELETE FROM run_pairs r USING distinct_pupils p
    WHERE p.student_a = r.a AND p.student_b = r.b AND p.revoked_at IS NULL AND p.fingerprint_a = r.fp_a AND p.fingerprint_b = r.fp_b`);
  const [{ opened }] = (await manager.query(UPSERT, [modelId])) as [{ opened: number }];
  const inScope = scope.kind === 'all' ? 'TRUE' : 'm.student_a = ANY($1::bigint[]) OR m.student_b = ANY($1::bigint[])';
  const [{ expired }] = (await manager.query(
    `WITH gone AS (
       UPDATE match_suggestions m SET status = 'EXPIRED'
       WHERE m.status = 'OPEN' AND (${inScope}) AND NOT EXISTS (SELECT 1 FROM run_pairs r WHERE r.a = m.student_a AND r.b = m.student_b)
       RETURNING 1)
     SELECT count(*)::int AS expired FROM gone`,
    scope.kind === 'all' ? [] : [scope.ids],
  )) as [{ expired: number }];
  return { opened, expired };
}

async function insertRunPairs(manager: EntityManager, pairs: readonly ScoredPair[], records: ReadonlyMap<string, StoredRecord>): Promise<void> {
  const ordered = pairs.map((p) => (BigInt(p.a) < BigInt(p.b) ? { ...p, first: records.get(p.a)!, second: records.get(p.b)! } : { ...p, a: p.b, b: p.a, first: records.get(p.b)!, second: records.get(p.a)! }));
  await manager.query(
    `INSERT INTO run_pairs SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::float8[], $4::float8[], $5::jsonb[], $6::text[], $7::text[], $8::text[], $9::text[])`,
    [
      ordered.map((p) => p.a),
      ordered.map((p) => p.b),
      ordered.map((p) => p.score),
      ordered.map((p) => p.probability),
      ordered.map((p) => JSON.stringify(p.explanation)),
      ordered.map((p) => p.first.regionCode),
      ordered.map((p) => p.second.regionCode),
      ordered.map((p) => p.first.fingerprint),
      ordered.map((p) => p.second.fingerprint),
    ],
  );
}

const CHANGED = `(m.fingerprint_a, m.fingerprint_b) IS DISTINCT FROM (EXCLUDED.fingerprint_a, EXCLUDED.fingerprint_b)`;
const REOPENS = `(m.status = 'EXPIRED' OR (m.status = 'DISMISSED' AND ${CHANGED}))`;

const UPSERT = `
  WITH upserted AS (
    INSERT INTO match_suggestions AS m (student_a, student_b, region_a, region_b, score, probability, explanation, model_id, fingerprint_a, fingerprint_b)
    SELECT r.a, r.b, r.region_a, r.region_b, r.score, r.probability, r.explanation, $1, r.fp_a, r.fp_b FROM run_pairs r
    ON CONFLICT (student_a, student_b) DO UPDATE SET
      score = EXCLUDED.score, probability = EXCLUDED.probability, explanation = EXCLUDED.explanation, model_id = EXCLUDED.model_id,
      region_a = EXCLUDED.region_a, region_b = EXCLUDED.region_b,
      fingerprint_a = EXCLUDED.fingerprint_a, fingerprint_b = EXCLUDED.fingerprint_b,
      status = CASE WHEN ${REOPENS} THEN 'OPEN' ELSE m.status END,
      suggested_at = CASE WHEN ${REOPENS} THEN app_now() ELSE m.suggested_at END,
      decided_by = CASE WHEN ${REOPENS} THEN NULL ELSE m.decided_by END,
      decided_at = CASE WHEN ${REOPENS} THEN NULL ELSE m.decided_at END,
      reason = CASE WHEN ${REOPENS} THEN NULL ELSE m.reason END
    RETURNING m.status, m.suggested_at)
  SELECT count(*) FILTER (WHERE status = 'OPEN' AND suggested_at = app_now())::int AS opened FROM upserted`;
