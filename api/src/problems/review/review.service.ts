import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../../core/auth/caller.js';
import { can } from '../../core/auth/permissions.js';
import { widened } from '../../core/db/row-scope.js';
import { Forbidden, NotFound } from '../../core/errors.js';
import { tooLong } from '../../core/text-limits.js';
import { activeStudentSql, deleteStudents, type DeleteReason } from '../../registry/index.js';
import type { DetectionService } from '../detection/detection.service.js';
import { changeStatus, problemState, transitionRefusal } from '../lifecycle/index.js';

export type ReviewDecision = 'APPROVE' | 'REJECT';

export interface ReviewInput {
  problemId: string;
  version: number;
  decision: ReviewDecision;
  reason?: string | null;
}

export type ReviewOutcome =
  | { ok: true; problemStatus: string; version: number }
  | { ok: false; error: { code: 'STALE_VERSION' | 'NOT_PENDING_REVIEW' | 'NOT_RESOLVED' | 'SUPERSEDED' | 'REASON_REQUIRED' | 'TOO_LONG'; message: string; field?: string } };

export interface Decision {
  problemId: string;
  version: number;
  /** Records that stay (marked corroborated by the decision). */
  keepStudentIds: string[];
  deletions: { studentId: string; reason: DeleteReason }[];
  note?: string | null;
}

export type DecisionOutcome =
  | { ok: true; problemStatus: string; version: number }
  | { ok: false; error: { code: 'STALE_VERSION' | 'NOT_ESCALATED' | 'INVALID_DECISION' | 'TOO_LONG'; message: string; field?: string } };

const REVIEWERS_ONLY = 'Only district staff of the region containing every school of this problem review and decide it.';

/** Why a review, decision or restore was not taken, each code with what it means. */
export const REVIEW_ERROR_CODES = {
  STALE_VERSION: 'The problem changed since it was read: read it again.',
  NOT_PENDING_REVIEW: 'The problem is not waiting for review.',
  NOT_ESCALATED: 'The problem is not escalated for a decision.',
  NOT_RESOLVED: 'The problem is not resolved, so there is nothing to reopen.',
  SUPERSEDED: 'A newer open problem has the same records’ collision: work on that one instead.',
  INVALID_DECISION: 'A decision must keep or delete each record of the problem.',
  NOT_DELETED: 'The record to restore is not deleted.',
  REASON_REQUIRED: 'A rejection or a restore needs its reason.',
  TOO_LONG: 'A reason or note is over its limit; `field` names it.',
} as const;

type ReviewError = Extract<ReviewOutcome, { ok: false }>['error'];

export type BulkReviewOutcome = { ok: true; done: number } | { ok: false; failedIndex: number; error: ReviewError };

/** At most this many problems in one bulk review. */
export const BULK_REVIEW_LIMIT = 200;

/** Rolls a bulk review back at the first refusal. */
class BulkRefusal extends Error {
  constructor(
    readonly index: number,
    readonly error: ReviewError,
  ) {
    super(error.message);
  }
}

/** Significant prefix shared by every code: the smallest region containing them all ('' = the whole country). */
export function commonRegionPrefix(codes: string[]): string {
  for (const length of [6, 4, 2]) {
    const prefix = codes[0]?.slice(0, length) ?? '';
    if (codes.every((code) => code.startsWith(prefix))) return prefix;
  }
  return '';
}

/**
 * District review (DESIGN.md section 3): a problem the schools have settled waits in PENDING_REVIEW
 * for the district staff of the smallest region containing every school involved, who approve it
 * (RESOLVED) or reject it with a reason (back to OPEN for the schools to act again).
 */
export class ReviewService {
  constructor(
    private readonly db: DataSource,
    private readonly detection: DetectionService,
  ) {}

  /** The smallest region prefix over every school that has had a record in the problem. */
  async reviewRegion(manager: EntityManager, problemId: string): Promise<string> {
    const rows = (await manager.query(
      `SELECT DISTINCT sc.region_code AS code FROM problem_members pm JOIN schools sc ON sc.id = pm.school_id WHERE pm.problem_id = $1`,
      [problemId],
    )) as { code: string }[];
    return commonRegionPrefix(rows.map((r) => r.code));
  }

  canReview(caller: Caller, region: string): boolean {
    return can(caller, 'problem.review', { region });
  }

  /** The problem, locked for this transaction, if the caller is one of its reviewers. */
  private async lockForReviewer(manager: EntityManager, caller: Caller, problemId: string) {
    const [problem] = (await manager.query(`SELECT id::text, type, status, version FROM problems WHERE id = $1 FOR UPDATE`, [problemId])) as {
      id: string;
      type: string;
      status: string;
      version: number;
    }[];
    // Row security hides what the caller may not see: that answers like a missing problem. A problem
    // the caller sees (one of its schools is in the region) but does not review is FORBIDDEN.
    if (!problem) throw new NotFound('Problem');
    if (!this.canReview(caller, await this.reviewRegion(manager, problem.id))) {
      throw new Forbidden(REVIEWERS_ONLY);
    }
    return problem;
  }

  /**
   * Arbitration of an ESCALATED problem: the reviewer says which records stay and which are
   * deleted, and the system applies it — every current record named exactly once.
   */
  async decide(caller: Caller, input: Decision): Promise<DecisionOutcome> {
    return this.db.transaction(async (manager) => {
      const problem = await this.lockForReviewer(manager, caller, input.problemId);
      const longNote = tooLong('note', input.note, 'decisionNote');
      if (longNote) return { ok: false, error: longNote };
      const refuse = (code: 'STALE_VERSION' | 'NOT_ESCALATED' | 'INVALID_DECISION', message: string) => ({ ok: false as const, error: { code, message } });
      const refusal = transitionRefusal(problem, 'ARBITRATE', input.version);
      if (refusal === 'STALE_VERSION') return refuse('STALE_VERSION', 'Someone acted on this problem since you opened it; reload it.');
      if (refusal === 'WRONG_STATUS') return refuse('NOT_ESCALATED', `The problem is ${problem.status}; decisions are for escalated problems.`);
      const members = ((await manager.query(
        `SELECT pm.student_id::text AS id FROM problem_members pm JOIN students st ON st.id = pm.student_id
         WHERE pm.problem_id = $1 AND pm.left_at IS NULL AND ${activeStudentSql('st')}`,
        [problem.id],
      )) as { id: string }[]).map((m) => m.id);
      const named = [...input.keepStudentIds, ...input.deletions.map((d) => d.studentId)];
      if (named.length !== members.length || new Set(named).size !== named.length || !named.every((id) => members.includes(id))) {
        return refuse('INVALID_DECISION', 'Name every current record of the problem exactly once: to keep or to delete.');
      }
      if (problem.type === 'DUPLICATE_ID' && input.keepStudentIds.length > 1) return refuse('INVALID_DECISION', 'Records sharing an ID number cannot all stay: keep at most one.');
      if (problem.type === 'INVALID_ID' && input.keepStudentIds.length > 0) return refuse('INVALID_DECISION', 'A wrong ID number is corrected by its school (CHANGE); a decision can only delete the record.');
      await deleteStudents(manager, input.deletions, { actorId: caller.userId, context: { problemId: problem.id, by: 'ARBITRATION' } });
      await manager.query(
        `UPDATE problem_members SET corroborated_at = app_now(), corroborated_by = $3 WHERE problem_id = $1 AND student_id = ANY($2::bigint[])`,
        [problem.id, input.keepStudentIds, caller.userId],
      );
      await changeStatus(manager, {
        on: 'ARBITRATE',
        problemIds: [problem.id],
        actorId: caller.userId,
        data: { keep: input.keepStudentIds, deletions: input.deletions, note: input.note ?? null },
      });
      if (problem.type === 'DUPLICATE_IDENTITY') await this.rememberDifferentPupils(manager, problem.id);
      return { ok: true, ...(await problemState(manager, problem.id)) };
    });
  }

  /** Proven different pupils: never flagged together again unless a compared field changes. */
  private async rememberDifferentPupils(manager: EntityManager, problemId: string): Promise<void> {
    await manager.query(
      `INSERT INTO distinct_pupils (student_a, student_b, fingerprint_a, fingerprint_b, problem_id)
       SELECT a.id, b.id, identity_fingerprint(a.name_key, a.gender, a.birth_date, a.id_key),
              identity_fingerprint(b.name_key, b.gender, b.birth_date, b.id_key), $1
       FROM problem_members ma JOIN students a ON a.id = ma.student_id
       JOIN problem_members mb ON mb.problem_id = ma.problem_id JOIN students b ON b.id = mb.student_id
       WHERE ma.problem_id = $1 AND ma.left_at IS NULL AND mb.left_at IS NULL AND a.id < b.id
         AND ${activeStudentSql('a')} AND ${activeStudentSql('b')}
       ON CONFLICT (student_a, student_b) DO UPDATE
         SET fingerprint_a = EXCLUDED.fingerprint_a, fingerprint_b = EXCLUDED.fingerprint_b, problem_id = EXCLUDED.problem_id,
             revoked_at = NULL, revoked_by = NULL`,
      [problemId],
    );
  }

  review(caller: Caller, input: ReviewInput): Promise<ReviewOutcome> {
    return this.db.transaction((manager) => this.reviewIn(manager, caller, input));
  }

  /**
   * The same decision on several problems of the review queue, all or nothing: each is exactly a
   * single review (its checks and its event). Returns which one was refused, and why.
   */
  async reviewMany(caller: Caller, input: { items: { problemId: string; version: number }[]; decision: ReviewDecision; reason?: string | null }): Promise<BulkReviewOutcome> {
    if (input.items.length === 0 || input.items.length > BULK_REVIEW_LIMIT) {
      return { ok: false, failedIndex: -1, error: { code: 'NOT_PENDING_REVIEW', message: `name 1 to ${BULK_REVIEW_LIMIT} problems` } };
    }
    try {
      await this.db.transaction(async (manager) => {
        for (const [index, item] of input.items.entries()) {
          const outcome = await this.reviewIn(manager, caller, { ...item, decision: input.decision, reason: input.reason });
          if (!outcome.ok) throw new BulkRefusal(index, outcome.error);
        }
      });
      return { ok: true, done: input.items.length };
    } catch (error) {
      if (error instanceof BulkRefusal) return { ok: false, failedIndex: error.index, error: error.error };
      throw error;
    }
  }

  private async reviewIn(manager: EntityManager, caller: Caller, input: ReviewInput): Promise<ReviewOutcome> {
    const problem = await this.lockForReviewer(manager, caller, input.problemId);
    const longReason = tooLong('reason', input.reason, 'reviewReason');
    if (longReason) return { ok: false, error: longReason };
    const refusal = transitionRefusal(problem, input.decision, input.version);
    if (refusal === 'STALE_VERSION') {
      return { ok: false, error: { code: 'STALE_VERSION', message: 'Someone acted on this problem since you opened it; reload it and try again.' } };
    }
    if (refusal === 'WRONG_STATUS') {
      return { ok: false, error: { code: 'NOT_PENDING_REVIEW', message: `The problem is ${problem.status}, not waiting for review.` } };
    }
    const reason = input.reason?.trim() || null;
    if (input.decision === 'REJECT' && !reason) {
      return { ok: false, error: { code: 'REASON_REQUIRED', message: 'Say why the schools must act again.', field: 'reason' } };
    }
    await changeStatus(manager, { on: input.decision, problemIds: [problem.id], actorId: caller.userId, reason, data: { reason } });
    if (input.decision === 'APPROVE' && problem.type === 'DUPLICATE_IDENTITY') await this.rememberDifferentPupils(manager, problem.id);
    return { ok: true, ...(await problemState(manager, problem.id)) };
  }

  /**
   * Reopens a resolved problem for the schools to act again, with a reason. A "different pupils"
   * decision it carried is revoked (kept, marked revoked): its records are compared again, so the
   * pair may collide once more. One event, with the pairs revoked.
   */
  async reopen(caller: Caller, input: { problemId: string; version: number; reason: string }): Promise<ReviewOutcome> {
    return this.db.transaction(async (manager) => {
      const problem = await this.lockForReviewer(manager, caller, input.problemId);
      const longReason = tooLong('reason', input.reason, 'reviewReason');
      if (longReason) return { ok: false, error: longReason };
      const refusal = transitionRefusal(problem, 'REOPEN', input.version);
      if (refusal === 'STALE_VERSION') return { ok: false, error: { code: 'STALE_VERSION', message: 'Someone acted on this problem since you opened it; reload it.' } };
      if (refusal === 'WRONG_STATUS') return { ok: false, error: { code: 'NOT_RESOLVED', message: `The problem is ${problem.status}, not resolved.` } };
      const reason = input.reason.trim();
      if (!reason) return { ok: false, error: { code: 'REASON_REQUIRED', message: 'Say why the problem is reopened.', field: 'reason' } };
      // One live problem per collision: detection may have opened a new one for it since.
      const newer = (await widened(manager, 'all', () =>
        manager.query(`SELECT 1 FROM problems o JOIN problems p ON p.id = $1 WHERE o.type = p.type AND o.group_key = p.group_key AND o.status <> 'RESOLVED'`, [problem.id]),
      )) as unknown[];
      if (newer.length > 0) return { ok: false, error: { code: 'SUPERSEDED', message: REVIEW_ERROR_CODES.SUPERSEDED } };
      const revoked = (await manager.query(
        `WITH revoked AS (
           UPDATE distinct_pupils SET revoked_at = app_now(), revoked_by = $2 WHERE problem_id = $1 AND revoked_at IS NULL
           RETURNING student_a::text AS a, student_b::text AS b
         )
         SELECT a, b FROM revoked ORDER BY a, b`,
        [problem.id, caller.userId],
      )) as { a: string; b: string }[];
      await changeStatus(manager, { on: 'REOPEN', problemIds: [problem.id], actorId: caller.userId, reason, data: { reason, revokedPairs: revoked } });
      const members = (await manager.query(`SELECT student_id::text AS id FROM problem_members WHERE problem_id = $1`, [problem.id])) as { id: string }[];
      await this.detection.detect(manager, { kind: 'students', studentIds: members.map((m) => m.id) });
      return { ok: true, ...(await problemState(manager, problem.id)) };
    });
  }
}
