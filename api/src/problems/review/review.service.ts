import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../../core/auth/caller.js';
import { appendEvents } from '../../core/events.js';

export type ReviewDecision = 'APPROVE' | 'REJECT';

export interface ReviewInput {
  problemId: string;
  version: number;
  decision: ReviewDecision;
  reason?: string | null;
}

export type ReviewOutcome =
  | { ok: true; problemStatus: string; version: number }
  | { ok: false; error: { code: 'STALE_VERSION' | 'NOT_PENDING_REVIEW' | 'REASON_REQUIRED'; message: string; field?: string } };

export class ReviewForbidden extends Error {}
export class ReviewTargetMissing extends Error {}

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
  constructor(private readonly db: DataSource) {}

  /** The smallest region prefix over every school that has had a record in the problem. */
  async reviewRegion(manager: EntityManager, problemId: string): Promise<string> {
    const rows = (await manager.query(
      `SELECT DISTINCT sc.region_code AS code FROM problem_members pm JOIN schools sc ON sc.id = pm.school_id WHERE pm.problem_id = $1`,
      [problemId],
    )) as { code: string }[];
    return commonRegionPrefix(rows.map((r) => r.code));
  }

  canReview(caller: Caller, region: string): boolean {
    if (caller.role === 'SYSTEM_ADMIN') return true;
    return caller.role === 'DISTRICT_ADMIN' && caller.regionPrefix !== undefined && region.startsWith(caller.regionPrefix);
  }

  async review(caller: Caller, input: ReviewInput): Promise<ReviewOutcome> {
    return this.db.transaction(async (manager) => {
      const [problem] = (await manager.query(`SELECT id::text, type, status, version FROM problems WHERE id = $1 FOR UPDATE`, [input.problemId])) as {
        id: string;
        type: string;
        status: string;
        version: number;
      }[];
      if (!problem) throw new ReviewTargetMissing('Problem');
      if (!this.canReview(caller, await this.reviewRegion(manager, problem.id))) {
        throw new ReviewForbidden('Only district staff of the region containing every school of this problem review it.');
      }
      if (problem.version !== input.version) {
        return { ok: false, error: { code: 'STALE_VERSION', message: 'Someone acted on this problem since you opened it; reload it and try again.' } };
      }
      if (problem.status !== 'PENDING_REVIEW') {
        return { ok: false, error: { code: 'NOT_PENDING_REVIEW', message: `The problem is ${problem.status}, not waiting for review.` } };
      }
      const reason = input.reason?.trim() || null;
      if (input.decision === 'REJECT' && !reason) {
        return { ok: false, error: { code: 'REASON_REQUIRED', message: 'Say why the schools must act again.', field: 'reason' } };
      }
      if (input.decision === 'APPROVE') {
        await manager.query(
          `UPDATE problems SET status = 'RESOLVED', resolved_at = now(), closed_by = 'REVIEW', version = version + 1, updated_at = now() WHERE id = $1`,
          [problem.id],
        );
        if (problem.type === 'DUPLICATE_IDENTITY') {
          // Proven different pupils: never flagged together again unless a compared field changes.
          await manager.query(
            `INSERT INTO distinct_pupils (student_a, student_b, fingerprint_a, fingerprint_b, problem_id)
             SELECT a.id, b.id, identity_fingerprint(a.name_key, a.gender, a.birth_date, a.id_key),
                    identity_fingerprint(b.name_key, b.gender, b.birth_date, b.id_key), $1
             FROM problem_members ma JOIN students a ON a.id = ma.student_id
             JOIN problem_members mb ON mb.problem_id = ma.problem_id JOIN students b ON b.id = mb.student_id
             WHERE ma.problem_id = $1 AND ma.left_at IS NULL AND mb.left_at IS NULL AND a.id < b.id
               AND a.status IN ('ENROLLED', 'SUSPENDED') AND b.status IN ('ENROLLED', 'SUSPENDED')
             ON CONFLICT (student_a, student_b) DO UPDATE
               SET fingerprint_a = EXCLUDED.fingerprint_a, fingerprint_b = EXCLUDED.fingerprint_b, problem_id = EXCLUDED.problem_id`,
            [problem.id],
          );
        }
      } else {
        await manager.query(
          `UPDATE problems SET status = 'OPEN', rejected_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`,
          [problem.id, reason],
        );
      }
      await appendEvents(manager, [
        {
          type: input.decision === 'APPROVE' ? 'PROBLEM_APPROVED' : 'PROBLEM_REJECTED',
          actorId: caller.userId,
          subjectType: 'problem',
          subjectId: problem.id,
          problemId: problem.id,
          data: { reason, before: { status: 'PENDING_REVIEW' }, after: { status: input.decision === 'APPROVE' ? 'RESOLVED' : 'OPEN' } },
        },
      ]);
      const [after] = (await manager.query(`SELECT status, version FROM problems WHERE id = $1`, [problem.id])) as { status: string; version: number }[];
      return { ok: true, problemStatus: after!.status, version: after!.version };
    });
  }
}
