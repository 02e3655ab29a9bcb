import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../../core/auth/caller.js';
import { can } from '../../core/auth/permissions.js';
import { appendEvents } from '../../core/events.js';
import { NotFound } from '../../core/errors.js';
import { tooLong, type TooLong } from '../../core/text-limits.js';
import { changeStatus, touchProblems } from '../lifecycle/index.js';

export type ProposalKind = 'KEEP_ONE' | 'DIFFERENT_PUPILS';

/** Why a message, answer or escalation was not accepted, each code with what it means. */
export const NEGOTIATION_ERROR_CODES = {
  STALE_VERSION: 'The problem changed since it was read: read it again.',
  NOT_OPEN: 'The problem is not open for negotiation.',
  NOT_CROSS_SCHOOL: 'Only problems between schools are negotiated.',
  NOT_A_MEMBER: 'The record to keep is not one of the problem’s members.',
  NOT_PENDING: 'The proposal was already answered.',
  OWN_PROPOSAL: 'A proposal is answered by the other school, not the one that made it.',
  NO_DISAGREEMENT: 'A problem is escalated only after a proposal was rejected or its deadline passed.',
  EMPTY_MESSAGE: 'The message is empty.',
  REASON_REQUIRED: 'A rejection or an escalation needs its reason.',
  TOO_LONG: 'A text is over its limit; `field` names it.',
} as const;

export interface NegotiationError {
  code: keyof typeof NEGOTIATION_ERROR_CODES;
  message: string;
  field?: string;
}
export type NegotiationOutcome = { ok: true; id: string } | { ok: false; error: NegotiationError };

export interface ProblemMessage {
  id: string;
  problemId: string;
  schoolId: string;
  authorName: string;
  body: string;
  proposal: ProposalKind | null;
  keepStudentId: string | null;
  proposalStatus: 'PENDING' | 'ACCEPTED' | 'REJECTED' | null;
  answerReason: string | null;
  answeredAt: Date | null;
  createdAt: Date;
}

class Refusal extends Error {
  constructor(readonly error: NegotiationError) {
    super(error.message);
  }
}

/** Refuses (as data, rolling back) a text longer than its limit. */
function refuseTooLong(check: TooLong | null): void {
  if (check) throw new Refusal(check);
}

/**
 * Negotiation between the schools of a cross-school problem: a thread of messages, some carrying a
 * structured proposal the other school accepts or rejects (with a reason). Accepting records the
 * agreement and tells the other school what to do; it never acts on a record for it. After a
 * rejection either school may escalate the problem to the district.
 */
export class NegotiationService {
  constructor(private readonly db: DataSource) {}

  private async run(fn: (manager: EntityManager) => Promise<string>): Promise<NegotiationOutcome> {
    try {
      return { ok: true, id: await this.db.transaction(fn) };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: error.error };
      throw error;
    }
  }

  /**
   * The problem, locked, and the caller's standing in it (a registrar of one of its schools). A
   * registrar sees only problems of its own school, so a problem it is not a party to answers like
   * a missing one, as `what` (the id the caller named): ids cannot be probed.
   */
  private async problemFor(manager: EntityManager, caller: Caller, problemId: string, what = 'Problem') {
    const [problem] = (await manager.query(`SELECT id::text, scope, status, version FROM problems WHERE id = $1 FOR UPDATE`, [problemId])) as {
      id: string;
      scope: string;
      status: string;
      version: number;
    }[];
    if (!problem) throw new NotFound(what);
    const schools = (await manager.query(`SELECT DISTINCT school_id::text AS id FROM problem_members WHERE problem_id = $1`, [problemId])) as { id: string }[];
    if (!can(caller, 'problem.negotiate', { schoolIds: schools.map((s) => s.id) })) throw new NotFound(what);
    if (problem.scope !== 'CROSS_SCHOOL') throw new Refusal({ code: 'NOT_CROSS_SCHOOL', message: 'Only problems between schools are negotiated.' });
    if (problem.status !== 'OPEN') throw new Refusal({ code: 'NOT_OPEN', message: `The problem is ${problem.status}.` });
    return problem;
  }

  post(caller: Caller, input: { problemId: string; body: string; proposal?: ProposalKind | null; keepStudentId?: string | null }): Promise<NegotiationOutcome> {
    return this.run(async (manager) => {
      const problem = await this.problemFor(manager, caller, input.problemId);
      refuseTooLong(tooLong('body', input.body, 'messageBody'));
      const body = input.body.trim();
      if (!body) throw new Refusal({ code: 'EMPTY_MESSAGE', message: 'Write a message.', field: 'body' });
      if (input.proposal === 'KEEP_ONE') {
        const member = (await manager.query(`SELECT 1 FROM problem_members WHERE problem_id = $1 AND student_id = $2 AND left_at IS NULL`, [
          problem.id,
          input.keepStudentId ?? '0',
        ])) as unknown[];
        if (member.length === 0) throw new Refusal({ code: 'NOT_A_MEMBER', message: 'Choose the record to keep among the records of this problem.', field: 'keepStudentId' });
      }
      const [row] = (await manager.query(
        `INSERT INTO problem_messages (problem_id, author_id, school_id, body, proposal, keep_student_id, proposal_status)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text`,
        [problem.id, caller.userId, caller.schoolId, body, input.proposal ?? null, input.proposal === 'KEEP_ONE' ? input.keepStudentId : null, input.proposal ? 'PENDING' : null],
      )) as { id: string }[];
      await touchProblems(manager, [problem.id]);
      await appendEvents(manager, [
        {
          type: input.proposal ? 'PROPOSAL_MADE' : 'MESSAGE_POSTED',
          actorId: caller.userId,
          subjectType: 'problem',
          subjectId: problem.id,
          problemId: problem.id,
          data: { messageId: row!.id, body, proposal: input.proposal ?? null, keepStudentId: input.proposal === 'KEEP_ONE' ? input.keepStudentId : null },
        },
      ]);
      return row!.id;
    });
  }

  answer(caller: Caller, input: { messageId: string; accept: boolean; reason?: string | null }): Promise<NegotiationOutcome> {
    return this.run(async (manager) => {
      const [message] = (await manager.query(
        `SELECT id::text, problem_id::text AS "problemId", school_id::text AS "schoolId", proposal, proposal_status AS status FROM problem_messages WHERE id = $1`,
        [input.messageId],
      )) as { id: string; problemId: string; schoolId: string; proposal: string | null; status: string | null }[];
      if (!message) throw new NotFound('Message');
      const problem = await this.problemFor(manager, caller, message.problemId, 'Message');
      if (message.status !== 'PENDING') throw new Refusal({ code: 'NOT_PENDING', message: 'This is not a proposal waiting for an answer.' });
      if (message.schoolId === caller.schoolId) throw new Refusal({ code: 'OWN_PROPOSAL', message: 'The other school answers a proposal, not the school that made it.' });
      refuseTooLong(tooLong('reason', input.reason, 'answerReason'));
      const reason = input.reason?.trim() || null;
      if (!input.accept && !reason) throw new Refusal({ code: 'REASON_REQUIRED', message: 'Say why you reject the proposal.', field: 'reason' });
      await manager.query(
        `UPDATE problem_messages SET proposal_status = $2, answered_by = $3, answered_at = app_now(), answer_reason = $4 WHERE id = $1`,
        [message.id, input.accept ? 'ACCEPTED' : 'REJECTED', caller.userId, reason],
      );
      await touchProblems(manager, [problem.id]);
      await appendEvents(manager, [
        {
          type: input.accept ? 'PROPOSAL_ACCEPTED' : 'PROPOSAL_REJECTED',
          actorId: caller.userId,
          subjectType: 'problem',
          subjectId: problem.id,
          problemId: problem.id,
          data: { messageId: message.id, proposal: message.proposal, reason, before: { status: 'PENDING' }, after: { status: input.accept ? 'ACCEPTED' : 'REJECTED' } },
        },
      ]);
      return message.id;
    });
  }

  /** Either school escalates a problem they disagree on (a proposal was rejected) to the district. */
  escalate(caller: Caller, input: { problemId: string; version: number; reason: string }): Promise<NegotiationOutcome> {
    return this.run(async (manager) => {
      const problem = await this.problemFor(manager, caller, input.problemId);
      if (problem.version !== input.version) throw new Refusal({ code: 'STALE_VERSION', message: 'Someone acted on this problem since you opened it; reload it.' });
      refuseTooLong(tooLong('reason', input.reason, 'escalationReason'));
      const reason = input.reason.trim();
      if (!reason) throw new Refusal({ code: 'REASON_REQUIRED', message: 'Say what the schools disagree on.', field: 'reason' });
      // A refused transfer is a disagreement too: the old school says the pupil did not move.
      const rejected = (await manager.query(
        `SELECT 1 FROM problem_messages WHERE problem_id = $1 AND proposal_status = 'REJECTED'
         UNION ALL SELECT 1 FROM transfers WHERE problem_id = $1 AND status = 'REJECTED'`,
        [problem.id],
      )) as unknown[];
      if (rejected.length === 0) throw new Refusal({ code: 'NO_DISAGREEMENT', message: 'Make a proposal first; a problem is escalated when a proposal was rejected (or its deadline passed).' });
      await changeStatus(manager, { on: 'ESCALATE', problemIds: [problem.id], actorId: caller.userId, data: { reason: 'DISAGREEMENT', note: reason } });
      return problem.id;
    });
  }

  async messagesOf(problemIds: readonly string[]): Promise<ProblemMessage[][]> {
    const rows = (await this.db.query(
      `SELECT m.id::text, m.problem_id::text AS "problemId", m.school_id::text AS "schoolId", u.display_name AS "authorName", m.body,
              m.proposal, m.keep_student_id::text AS "keepStudentId", m.proposal_status AS "proposalStatus",
              m.answer_reason AS "answerReason", m.answered_at AS "answeredAt", m.created_at AS "createdAt"
       FROM problem_messages m JOIN users u ON u.id = m.author_id WHERE m.problem_id = ANY($1::bigint[]) ORDER BY m.id`,
      [problemIds],
    )) as ProblemMessage[];
    const byProblem = new Map<string, ProblemMessage[]>(problemIds.map((id) => [id, []]));
    for (const row of rows) byProblem.get(row.problemId)?.push(row);
    return problemIds.map((id) => byProblem.get(id) ?? []);
  }
}
