import type { DataSource } from 'typeorm';
import { scopeOf, type Caller } from '../../core/auth/caller.js';
import { can } from '../../core/auth/permissions.js';
import { activeStudentSql } from '../../registry/index.js';

/**
 * Where a problem stands for one caller (README, "What happens next"). Four kinds are the caller's
 * turn; the rest say whom the problem waits for. The problem list's "waiting for me" filter, the
 * header's count and the detail page all read this one rule.
 */
export const NEXT_STEPS = {
  ANSWER_PROPOSAL: 'Your turn: the other school made a proposal; accept or reject it (with a reason).',
  ACT_ON_RECORD: "Your turn: a record of your school needs an action (suggestion says which fits).",
  NEGOTIATE: 'Your turn: both schools stand by their records (or a proposal was rejected); propose which record stays, or escalate after a rejection.',
  REVIEW: 'Your turn: the schools settled the problem; approve or reject it.',
  DECIDE: 'Your turn: the problem was escalated; decide which records stay.',
  ANSWER_TRANSFER: 'Your turn: the other school asks for your record as a transfer (the pupil moved to it); confirm or refuse with a reason.',
  DECIDE_TRANSFER: 'Your turn: a school has not answered a transfer request in time; confirm or refuse it for that school.',
  WAIT_FOR_TRANSFER: 'Your transfer request waits for the other school (or, once overdue, its district).',
  WAIT_FOR_ANSWER: "Your proposal waits for the other school's answer.",
  WAIT_FOR_OTHER_SCHOOL: 'Your part is done; the other school still acts.',
  WAIT_FOR_SCHOOLS: 'The schools are settling their records.',
  WAIT_FOR_REVIEW: 'Settled; district staff review it.',
  WAIT_FOR_DECISION: 'Escalated; district staff decide it.',
  DONE: 'Resolved: nothing left to do.',
} as const;
export type NextStepKind = keyof typeof NEXT_STEPS;

export const YOUR_TURN: readonly NextStepKind[] = ['ANSWER_PROPOSAL', 'ANSWER_TRANSFER', 'ACT_ON_RECORD', 'NEGOTIATE', 'REVIEW', 'DECIDE', 'DECIDE_TRANSFER'];

/** A transfer requested in problem `p` that waits for the old school's answer, and also meets `condition`. */
const waitingTransfer = (condition: string) => `EXISTS (SELECT 1 FROM transfers wt WHERE wt.problem_id = p.id AND wt.status = 'REQUESTED' AND ${condition})`;

/** Why an action is the one that fits a record (the portal explains each in a sentence). */
export const SUGGESTION_REASONS = {
  ID_NUMBER_INVALID: 'The ID number fails its checks: change it to the number on the household register.',
  AGREED_KEEP_OTHER: "The schools agreed to keep the other school's record: delete this one (not studying here).",
  LATER_COPY: 'A later copy of a record of your school with the same ID number: delete it as redundant.',
  KEEP_FIRST: 'The first record of your school with this ID number: corroborate it once the copies are gone.',
  SAME_IDENTITY: 'Different pupils who share a name, gender and birth date: corroborate with the household register.',
  STUDIES_HERE: 'If the pupil studies at your school, corroborate with a school certificate; if not, delete the record.',
} as const;
export type SuggestionReason = keyof typeof SUGGESTION_REASONS;

export interface Suggestion {
  studentId: string;
  action: 'CHANGE' | 'CORROBORATE' | 'DELETE';
  reason: SuggestionReason;
  deleteReason: 'REDUNDANT' | 'NOT_STUDYING_HERE' | null;
}

export interface NextStepState {
  kind: NextStepKind;
  since: Date;
  /** While the problem is open: the other schools in it (every school, for district staff); names are disclosed to all of them. */
  waitingFor: string[];
  /** ACT_ON_RECORD: the first of the caller's records that needs an action, and the action that fits. */
  suggestion: Suggestion | null;
}

/**
 * Each current member of problem `alias`, with the action its school still owes on it (null when
 * none), mirroring what settles a problem (ActionService.submitIfSettled): an invalid number is
 * changed; a record another school agreed to keep from is deleted; within a school the later copies
 * of one ID number are deleted and the first corroborated; anything else uncorroborated is
 * corroborated (the pupil studies here) — the other actions stay available.
 */
function memberStepsSql(alias: string): string {
  const active = activeStudentSql('st');
  const facts = `
    SELECT pm.student_id, pm.school_id, ${active} AS active, pm.corroborated_at IS NOT NULL AS corroborated,
           cardinality(st.id_problems) > 0 AS invalid, ${active} AND 'ID:' || st.id_key = ${alias}.group_key AS carries,
           count(*) FILTER (WHERE ${active} AND 'ID:' || st.id_key = ${alias}.group_key) OVER () AS carrying,
           min(pm.student_id) FILTER (WHERE ${active} AND 'ID:' || st.id_key = ${alias}.group_key) OVER () AS first_copy,
           (SELECT km.keep_student_id FROM problem_messages km
            WHERE km.problem_id = ${alias}.id AND km.proposal = 'KEEP_ONE' AND km.proposal_status = 'ACCEPTED'
            ORDER BY km.id DESC LIMIT 1) AS kept
    FROM problem_members pm JOIN students st ON st.id = pm.student_id
    WHERE pm.problem_id = ${alias}.id AND pm.left_at IS NULL`;
  const step = `CASE
      WHEN NOT f.active OR ${alias}.status <> 'OPEN' THEN NULL
      WHEN ${alias}.type = 'INVALID_ID' THEN CASE WHEN f.invalid THEN 'CHANGE:ID_NUMBER_INVALID' END
      WHEN f.kept IS NOT NULL AND f.kept <> f.student_id THEN 'DELETE:AGREED_KEEP_OTHER'
      WHEN ${alias}.type = 'DUPLICATE_IDENTITY' THEN CASE WHEN NOT f.corroborated THEN 'CORROBORATE:SAME_IDENTITY' END
      WHEN NOT f.carries THEN NULL
      WHEN f.carrying > 1 AND f.invalid THEN 'CHANGE:ID_NUMBER_INVALID'
      WHEN ${alias}.scope = 'WITHIN_SCHOOL' AND f.student_id <> f.first_copy THEN 'DELETE:LATER_COPY'
      WHEN ${alias}.scope = 'WITHIN_SCHOOL' THEN CASE WHEN NOT f.corroborated THEN 'CORROBORATE:KEEP_FIRST' END
      WHEN f.carrying > 1 AND f.kept IS NULL AND NOT f.corroborated THEN 'CORROBORATE:STUDIES_HERE'
    END`;
  return `SELECT f.student_id, f.school_id, f.carries, f.kept, f.carrying, ${step} AS step FROM (${facts}) f`;
}

/** The SQL of the caller's next step on problem `p` (text of a NextStepKind). */
function kindSql(caller: Caller, params: unknown[]): string {
  const scope = scopeOf(caller);
  if (can(caller, 'record.act') && scope.kind === 'school') {
    params.push(scope.schoolId);
    const school = `$${params.length}`;
    const proposal = (from: string) =>
      `EXISTS (SELECT 1 FROM problem_messages nm WHERE nm.problem_id = p.id AND nm.proposal_status = 'PENDING' AND nm.school_id ${from} ${school})`;
    const mine = `SELECT 1 FROM (${memberStepsSql('p')}) ms WHERE ms.school_id = ${school}`;
    return `CASE p.status WHEN 'RESOLVED' THEN 'DONE' WHEN 'PENDING_REVIEW' THEN 'WAIT_FOR_REVIEW' WHEN 'ESCALATED' THEN 'WAIT_FOR_DECISION' ELSE CASE
      WHEN NOT EXISTS (${mine}) THEN 'WAIT_FOR_SCHOOLS'
      WHEN ${waitingTransfer(`wt.from_school_id = ${school}`)} THEN 'ANSWER_TRANSFER'
      WHEN ${waitingTransfer(`wt.to_school_id = ${school}`)} THEN 'WAIT_FOR_TRANSFER'
      WHEN ${proposal('<>')} THEN 'ANSWER_PROPOSAL'
      WHEN ${proposal('=')} THEN 'WAIT_FOR_ANSWER'
      WHEN EXISTS (${mine} AND ms.step IS NOT NULL) THEN 'ACT_ON_RECORD'
      WHEN p.type = 'DUPLICATE_ID' AND p.scope = 'CROSS_SCHOOL' AND EXISTS (${mine} AND ms.carries AND ms.carrying > 1 AND ms.kept IS NULL)
           AND (NOT EXISTS (SELECT 1 FROM (${memberStepsSql('p')}) os WHERE os.step IS NOT NULL)
                OR EXISTS (SELECT 1 FROM problem_messages rm WHERE rm.problem_id = p.id AND rm.proposal_status = 'REJECTED')) THEN 'NEGOTIATE'
      ELSE 'WAIT_FOR_OTHER_SCHOOL' END END`;
  }
  const reviewer = reviewerSql(caller, params);
  return `CASE p.status WHEN 'RESOLVED' THEN 'DONE'
    WHEN 'OPEN' THEN CASE WHEN ${reviewer} AND ${waitingTransfer('wt.due_at <= app_now()')} THEN 'DECIDE_TRANSFER' ELSE 'WAIT_FOR_SCHOOLS' END
    WHEN 'PENDING_REVIEW' THEN CASE WHEN ${reviewer} THEN 'REVIEW' ELSE 'WAIT_FOR_REVIEW' END
    ELSE CASE WHEN ${reviewer} THEN 'DECIDE' ELSE 'WAIT_FOR_DECISION' END END`;
}

/** District staff review a problem when every school it ever had lies in their region. */
function reviewerSql(caller: Caller, params: unknown[]): string {
  if (!can(caller, 'problem.review')) return 'FALSE';
  const scope = scopeOf(caller);
  if (scope.kind === 'all') return 'TRUE';
  if (scope.kind !== 'region') return 'FALSE';
  params.push(`${scope.prefix}%`);
  return `NOT EXISTS (SELECT 1 FROM problem_members rm JOIN schools rs ON rs.id = rm.school_id
                      WHERE rm.problem_id = p.id AND rs.region_code NOT LIKE $${params.length})`;
}

/** Which of several owed actions leads: copies go first, then wrong numbers, then corroboration. */
const ACTION_ORDER = `CASE split_part(ms.step, ':', 1) WHEN 'DELETE' THEN 0 WHEN 'CHANGE' THEN 1 ELSE 2 END`;

const SUGGESTION_DELETE_REASON: Partial<Record<SuggestionReason, Suggestion['deleteReason']>> = { LATER_COPY: 'REDUNDANT', AGREED_KEEP_OTHER: 'NOT_STUDYING_HERE' };

function suggestionOf(studentId: string, step: string): Suggestion {
  const [action, reason] = step.split(':') as [Suggestion['action'], SuggestionReason];
  return { studentId, action, reason, deleteReason: action === 'DELETE' ? (SUGGESTION_DELETE_REASON[reason] ?? 'REDUNDANT') : null };
}

/** The problem-list condition "waiting for me": the caller's turn on problem `p`. */
export function yourTurnSql(caller: Caller, params: unknown[]): string {
  return `(${kindSql(caller, params)}) IN (${YOUR_TURN.map((k) => `'${k}'`).join(', ')})`;
}

export class NextStepService {
  constructor(private readonly db: DataSource) {}

  /** The next step of each problem for the caller (problems it cannot see answer null). */
  async stepsOf(caller: Caller, problemIds: readonly string[]): Promise<(NextStepState | null)[]> {
    const params: unknown[] = [problemIds];
    const kind = kindSql(caller, params);
    const schoolId = scopeOf(caller).kind === 'school' && caller.schoolId ? caller.schoolId : '0';
    params.push(schoolId);
    const rows = (await this.db.query(
      `SELECT p.id::text, p.status, k.kind,
              CASE WHEN k.kind IN ('ANSWER_TRANSFER', 'WAIT_FOR_TRANSFER', 'DECIDE_TRANSFER')
                     THEN (SELECT max(st.requested_at) FROM transfers st WHERE st.problem_id = p.id AND st.status = 'REQUESTED')
                   WHEN k.kind IN ('ANSWER_PROPOSAL', 'WAIT_FOR_ANSWER')
                     THEN (SELECT max(sm.created_at) FROM problem_messages sm WHERE sm.problem_id = p.id AND sm.proposal_status = 'PENDING')
                   WHEN k.kind IN ('WAIT_FOR_REVIEW', 'REVIEW') THEN coalesce(p.submitted_at, p.updated_at)
                   ELSE p.updated_at END AS since,
              array(SELECT DISTINCT ws.name FROM problem_members wm JOIN schools ws ON ws.id = wm.school_id
                    WHERE wm.problem_id = p.id AND wm.left_at IS NULL AND wm.school_id <> $${params.length}
                    ORDER BY ws.name) AS "waitingFor",
              (SELECT ms.student_id::text || '|' || ms.step FROM (${memberStepsSql('p')}) ms
               WHERE ms.school_id = $${params.length} AND ms.step IS NOT NULL
               ORDER BY ${ACTION_ORDER}, ms.student_id LIMIT 1) AS suggestion
       FROM problems p CROSS JOIN LATERAL (SELECT ${kind} AS kind) k
       WHERE p.id = ANY($1::bigint[])`,
      params,
    )) as { id: string; status: string; kind: NextStepKind; since: Date; waitingFor: string[]; suggestion: string | null }[];
    const byId = new Map(
      rows.map((row) => {
        const [studentId, step] = row.suggestion?.split('|') ?? [];
        const suggestion = row.kind === 'ACT_ON_RECORD' && studentId && step ? suggestionOf(studentId, step) : null;
        return [row.id, { kind: row.kind, since: row.since, waitingFor: row.status === 'OPEN' ? row.waitingFor : [], suggestion }];
      }),
    );
    return problemIds.map((id) => byId.get(id) ?? null);
  }

  /** The action that fits each current member of each problem, for its own school (a map by record). */
  async suggestionsOf(problemIds: readonly string[]): Promise<Map<string, Suggestion>[]> {
    const rows = (await this.db.query(
      `SELECT p.id::text AS "problemId", ms.student_id::text AS "studentId", ms.step
       FROM problems p CROSS JOIN LATERAL (${memberStepsSql('p')}) ms
       WHERE p.id = ANY($1::bigint[]) AND ms.step IS NOT NULL`,
      [problemIds],
    )) as { problemId: string; studentId: string; step: string }[];
    const byProblem = new Map<string, Map<string, Suggestion>>();
    for (const row of rows) {
      const map = byProblem.get(row.problemId) ?? new Map<string, Suggestion>();
      map.set(row.studentId, suggestionOf(row.studentId, row.step));
      byProblem.set(row.problemId, map);
    }
    return problemIds.map((id) => byProblem.get(id) ?? new Map());
  }
}
