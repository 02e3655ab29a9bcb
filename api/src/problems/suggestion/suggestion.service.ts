import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { can } from '../../core/auth/permissions.js';
import { regionPrefix, type Caller } from '../../core/auth/caller.js';
import { keysetPage } from '../../core/db/keyset-page.js';
import { asSystem, widened } from '../../core/db/row-scope.js';
import { Forbidden, NotFound } from '../../core/errors.js';
import { appendEvents } from '../../core/events.js';
import type { Page, PageRequest } from '../../core/graphql/connection.js';
import { tooLong } from '../../core/text-limits.js';
import { activeStudentSql } from '../../registry/index.js';
import type { DetectionService } from '../detection/detection.service.js';
import { defaultParameters, findSuggestions, MODEL_VERSION, parseParameters, prepareRecords, type Explanation, type ModelParameters } from './model/index.js';
import { activeRecords, activeRecordsById, candidatesOf, copySink, insertKeys, insertSink, nameFrequencyOf, type StoredRecord } from './suggestion-records.js';
import { storeSuggestions, type StoreSummary } from './suggestion-store.js';

/** Why a decision on a suggested pair was not taken, each code with what it means. */
export const SUGGESTION_ERROR_CODES = {
  NOT_OPEN: 'The pair was already confirmed, dismissed, or is no longer suggested.',
  RECORD_INACTIVE: 'One of the two records is no longer active (deleted, transferred or graduated).',
  REASON_REQUIRED: 'Say why the pair is dismissed.',
  TOO_LONG: 'A text is over its limit; `field` names it.',
} as const;

export interface SuggestionError {
  code: keyof typeof SUGGESTION_ERROR_CODES;
  message: string;
  field?: string;
}
export type SuggestionOutcome = { ok: true; problemId: string | null } | { ok: false; error: SuggestionError };

export interface SuggestionRow {
  id: string;
  studentA: string;
  studentB: string;
  score: number;
  probability: number;
  explanation: Explanation[];
  status: 'OPEN' | 'CONFIRMED' | 'DISMISSED' | 'EXPIRED';
  suggestedAt: Date;
  decidedAt: Date | null;
  reason: string | null;
}

export interface RunSummary extends StoreSummary {
  records: number;
  candidatePairs: number;
  suggested: number;
  modelId: number | null;
  ms: number;
  /** Milliseconds per step of a full run: read (and open) the records, match, store keys, store pairs. */
  phases?: Record<string, number>;
}

/** An import of more records than this that is also a quarter of the registry or more is followed by a full run. */
const LARGE_IMPORT = 50_000;

// Serialises runs: a full run rebuilds the keys an incremental one reads.
const SUGGEST_LOCK = 7_310_202;

const ROW_FIELDS = `m.id::text, m.student_a::text AS "studentA", m.student_b::text AS "studentB", m.score, m.probability, m.explanation,
  m.status, m.suggested_at AS "suggestedAt", m.decided_at AS "decidedAt", m.reason`;

/**
 * Possible duplicates the exact rules miss (README, "Possible duplicates"): the matching model run
 * over the whole registry (`pnpm cli suggest`) or over the records an import or a change touched,
 * in the background, so an import never waits for it; district staff confirm a pair (one pupil: a
 * DUPLICATE_IDENTITY problem opens with the two) or dismiss it.
 */
export class SuggestionService {
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: DataSource,
    private readonly detection: DetectionService,
    private readonly onBackgroundError: (error: unknown) => void,
    /** A PostgreSQL server takes a full run's keys by COPY; the embedded database by INSERT. */
    private readonly mode: 'server' | 'embedded',
  ) {}

  /** The whole registry: the model estimated from it and saved, every record's keys rebuilt, the pairs stored. */
  runAll(): Promise<RunSummary> {
    return this.inTransaction(async (manager) => {
      const started = performance.now();
      const phases: Record<string, number> = {};
      const timed = async <T>(phase: string, fn: () => Promise<T> | T): Promise<T> => {
        const at = performance.now();
        const result = await fn();
        phases[phase] = Math.round(performance.now() - at);
        return result;
      };
      const records = await timed('read', async () => {
        const all: StoredRecord[] = [];
        for await (const batch of activeRecords(manager)) for (const record of batch) all.push(record);
        return all;
      });
      const run = await timed('match', () => findSuggestions(records, { estimation: { seed: 1 } }));
      const modelId = await saveModel(manager, run.parameters);
      await timed('keys', async () => {
        // A bulk load: the indexes are built once afterwards rather than kept up key by key.
        await manager.query(`TRUNCATE match_keys; DROP INDEX match_keys_key_idx, match_keys_student_idx`);
        const sink = this.mode === 'server' ? copySink((await manager.queryRunner!.connect()) as PoolClient) : insertSink(manager);
        await insertKeys(sink, run.prepared);
        await manager.query(`CREATE INDEX match_keys_key_idx ON match_keys (key); CREATE INDEX match_keys_student_idx ON match_keys (student_id)`);
      });
      const stored = await timed('store', () => storeSuggestions(manager, run.suggestions, new Map(records.map((r) => [r.id, r])), modelId, { kind: 'all' }));
      return { records: records.length, candidatePairs: run.pairs.count, suggested: run.suggestions.length, modelId, ...stored, ms: performance.now() - started, phases };
    });
  }

  /** The pairs touching these records (new, changed or gone), scored with the saved model. */
  runFor(studentIds: readonly string[]): Promise<RunSummary> {
    return this.inTransaction(async (manager) => {
      const started = performance.now();
      const targets = await activeRecordsById(manager, studentIds);
      await manager.query(`DELETE FROM match_keys WHERE student_id = ANY($1::bigint[])`, [studentIds]);
      await insertKeys(insertSink(manager), prepareRecords(targets));
      const others = await activeRecordsById(manager, await candidatesOf(manager, targets.map((t) => t.id)));
      const records = [...targets, ...others];
      const { parameters, modelId } = await currentModel(manager);
      const run = findSuggestions(records, { parameters, nameFrequency: await nameFrequencyOf(manager, records.map((r) => r.name), parameters.recordCount) });
      const wanted = new Set(targets.map((t) => t.id));
      const suggestions = run.suggestions.filter((s) => wanted.has(s.a) || wanted.has(s.b));
      const stored = await storeSuggestions(manager, suggestions, new Map(records.map((r) => [r.id, r])), modelId, { kind: 'records', ids: studentIds });
      return { records: records.length, candidatePairs: run.pairs.count, suggested: suggestions.length, modelId, ...stored, ms: performance.now() - started };
    });
  }

  private inTransaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    // Matching reads every school's records, as detection does: a system job, as the tables' owner.
    return this.db.transaction((manager) =>
      widened(manager, 'owner', async () => {
        await manager.query(`SELECT pg_advisory_xact_lock($1)`, [SUGGEST_LOCK]);
        return fn(manager);
      }),
    );
  }

  /**
   * Records to look at again soon (an import landed, a record changed): gathered for a moment and
   * run in the background, one run at a time; a failure is reported, never thrown at the caller.
   */
  notice(studentIds: readonly string[]): void {
    for (const id of studentIds) this.pending.add(id);
    if (this.timer || this.pending.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const ids = [...this.pending];
      this.pending.clear();
      this.queue = this.queue.then(() => asSystem(() => this.runFor(ids))).catch(this.onBackgroundError);
    }, 200);
    this.timer.unref();
  }

  /**
   * An import landed: its records are looked at in the background — or, when it is a large part
   * of the registry (a first load), the whole registry is run again, which then costs less.
   */
  noticeImport(importId: string): void {
    this.queue = this.queue
      .then(() =>
        asSystem(async () => {
          const ids = await this.db.transaction((manager) =>
            widened(manager, 'owner', async () => ((await manager.query(`SELECT id::text FROM students WHERE import_id = $1`, [importId])) as { id: string }[]).map((r) => r.id)),
          );
          const [{ total }] = (await this.db.query(`SELECT greatest(reltuples, 1)::float8 AS total FROM pg_class WHERE oid = 'students'::regclass`)) as [{ total: number }];
          if (ids.length > LARGE_IMPORT && ids.length > total / 4) await this.runAll();
          else this.notice(ids);
        }),
      )
      .catch(this.onBackgroundError);
  }

  /** Resolves once the records noticed so far have been looked at (tests, shutdown). */
  async settled(): Promise<void> {
    for (;;) {
      const queued = this.queue;
      await queued;
      if (!this.timer && this.pending.size === 0 && queued === this.queue) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The pairs in the caller's scope (both records in it), best first. */
  list(filter: { status?: SuggestionRow['status'] | null; regionCode?: string | null; minScore?: number | null }, page: PageRequest): Promise<Page<SuggestionRow>> {
    const params: unknown[] = [filter.status ?? 'OPEN'];
    const where = ['m.status = $1'];
    if (filter.regionCode) {
      params.push(regionPrefix(filter.regionCode));
      where.push(`m.region_a LIKE $${params.length} || '%' AND m.region_b LIKE $${params.length} || '%'`);
    }
    if (filter.minScore !== null && filter.minScore !== undefined) {
      params.push(filter.minScore);
      where.push(`m.score >= $${params.length}`);
    }
    // Row security keeps the pairs whose two records are both in the caller's region.
    return keysetPage(this.db, {
      select: ROW_FIELDS, from: 'FROM match_suggestions m', where, params, page, descending: true,
      orderBy: [{ sql: 'm.score', type: 'float8' }, { sql: 'm.id', type: 'bigint' }],
      hydrate: (row) => row as SuggestionRow,
    });
  }

  /** Staff over both records confirm the pair as one pupil: one event, and detection opens the problem. */
  confirm(caller: Caller, input: { id: string; note?: string | null }): Promise<SuggestionOutcome> {
    return this.decide(caller, input.id, 'CONFIRMED', input.note, async (manager, row) => {
      await this.detection.detect(manager, { kind: 'students', studentIds: [row.studentA, row.studentB] });
      const [problem] = (await manager.query(
        `SELECT a.problem_id::text AS id FROM problem_members a JOIN problem_members b ON b.problem_id = a.problem_id AND b.student_id = $2 AND b.left_at IS NULL
         JOIN problems p ON p.id = a.problem_id AND p.status <> 'RESOLVED'
         WHERE a.student_id = $1 AND a.left_at IS NULL ORDER BY a.problem_id DESC LIMIT 1`,
        [row.studentA, row.studentB],
      )) as { id: string }[];
      return problem?.id ?? null;
    });
  }

  /** Staff dismiss the pair as two pupils, with a reason: not suggested again until a compared field changes. */
  dismiss(caller: Caller, input: { id: string; reason: string }): Promise<SuggestionOutcome> {
    if (!input.reason.trim()) return Promise.resolve({ ok: false, error: { code: 'REASON_REQUIRED', message: SUGGESTION_ERROR_CODES.REASON_REQUIRED, field: 'reason' } });
    return this.decide(caller, input.id, 'DISMISSED', input.reason, async () => null);
  }

  private async decide(
    caller: Caller,
    id: string,
    status: 'CONFIRMED' | 'DISMISSED',
    text: string | null | undefined,
    then: (manager: EntityManager, row: SuggestionRow) => Promise<string | null>,
  ): Promise<SuggestionOutcome> {
    const reason = text?.trim() || null;
    const long = tooLong(status === 'CONFIRMED' ? 'note' : 'reason', reason, 'suggestionReason');
    if (long) return { ok: false, error: long as SuggestionError };
    if (!can(caller, 'suggestion.review')) throw new Forbidden('Staff over both records decide a suggested pair.');
    return this.db.transaction(async (manager) => {
      const [row] = (await manager.query(`SELECT ${ROW_FIELDS} FROM match_suggestions m WHERE m.id = $1 FOR UPDATE`, [id])) as SuggestionRow[];
      // Row security hides a pair unless both records are in the caller's region: out of scope reads as missing.
      if (!row) throw new NotFound('Possible duplicate');
      if (row.status !== 'OPEN') return { ok: false, error: { code: 'NOT_OPEN', message: SUGGESTION_ERROR_CODES.NOT_OPEN } };
      const active = (await widened(manager, 'all', () =>
        manager.query(`SELECT count(*)::int AS n FROM students s WHERE s.id IN ($1, $2) AND ${activeStudentSql('s')}`, [row.studentA, row.studentB]),
      )) as [{ n: number }];
      if (active[0].n < 2 && status === 'CONFIRMED') return { ok: false, error: { code: 'RECORD_INACTIVE', message: SUGGESTION_ERROR_CODES.RECORD_INACTIVE } };
      await manager.query(`UPDATE match_suggestions SET status = $2, decided_by = $3, decided_at = app_now(), reason = $4 WHERE id = $1`, [id, status, caller.userId, reason]);
      await appendEvents(manager, [
        {
          type: status === 'CONFIRMED' ? 'SUGGESTION_CONFIRMED' : 'SUGGESTION_DISMISSED',
          actorId: caller.userId,
          subjectType: 'suggestion',
          subjectId: id,
          data: { studentIds: [row.studentA, row.studentB], score: row.score, explanation: row.explanation, reason },
        },
      ]);
      return { ok: true, problemId: await then(manager, row) };
    });
  }
}

async function saveModel(manager: EntityManager, parameters: ModelParameters): Promise<number> {
  const [row] = (await manager.query(
    `INSERT INTO match_models (model_version, parameters, record_count, candidate_pairs) VALUES ($1, $2, $3, $4) RETURNING id`,
    [parameters.version, JSON.stringify(parameters), parameters.recordCount, parameters.candidatePairCount],
  )) as { id: number }[];
  return row!.id;
}

/** The latest saved parameters of this model version; the defaults before the first full run. */
async function currentModel(manager: EntityManager): Promise<{ parameters: ModelParameters; modelId: number | null }> {
  const [row] = (await manager.query(`SELECT id, parameters FROM match_models WHERE model_version = $1 ORDER BY id DESC LIMIT 1`, [MODEL_VERSION])) as { id: number; parameters: unknown }[];
  if (row) return { parameters: parseParameters(row.parameters), modelId: row.id };
  const [{ n }] = (await manager.query(`SELECT count(*)::int AS n FROM students s WHERE ${activeStudentSql('s')}`)) as [{ n: number }];
  return { parameters: defaultParameters(n), modelId: null };
}
