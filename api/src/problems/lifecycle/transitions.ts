import { ProblemStatus } from '../problem/problem.entity.js';

export interface TransitionRule {
  from: readonly ProblemStatus[];
  to: ProblemStatus;
  /** The event every such change appends to the problem's history. */
  event: string;
  /** Who or what makes it, in the words of the README's diagram. */
  by: string;
  /** Columns the change sets besides status and version; `$reason` is the transition's reason. */
  sets?: string;
}

const { OPEN, PENDING_REVIEW, ESCALATED, RESOLVED } = ProblemStatus;

/**
 * The problem lifecycle (DESIGN.md section 3) as data: every status a problem may move to, from
 * where, and what records it. `changeStatus` is the only code that writes `problems.status`, and
 * it refuses anything not listed here; the README's diagram is drawn from this table.
 */
export const TRANSITIONS = {
  SUBMIT: {
    from: [OPEN],
    to: PENDING_REVIEW,
    event: 'PROBLEM_SUBMITTED_FOR_REVIEW',
    by: 'schools settled every record',
    sets: 'submitted_at = app_now(), rejected_reason = NULL',
  },
  WITHDRAW: {
    from: [PENDING_REVIEW],
    to: OPEN,
    event: 'PROBLEM_SUBMISSION_WITHDRAWN',
    by: 'a school withdraws its action before the review, with a reason',
    sets: 'submitted_at = NULL',
  },
  APPROVE: { from: [PENDING_REVIEW], to: RESOLVED, event: 'PROBLEM_APPROVED', by: 'district review approves', sets: `resolved_at = app_now(), closed_by = 'REVIEW'` },
  REJECT: { from: [PENDING_REVIEW], to: OPEN, event: 'PROBLEM_REJECTED', by: 'district review rejects, with a reason', sets: 'rejected_reason = $reason' },
  ESCALATE: { from: [OPEN], to: ESCALATED, event: 'PROBLEM_ESCALATED', by: 'a school after a rejected proposal, or the deadline' },
  ARBITRATE: {
    from: [ESCALATED],
    to: RESOLVED,
    event: 'ARBITRATION_DECIDED',
    by: 'district decides which records stay',
    sets: `resolved_at = app_now(), closed_by = 'ARBITRATION', acted_at = coalesce(acted_at, app_now())`,
  },
  TRANSFER: {
    from: [OPEN, ESCALATED],
    to: RESOLVED,
    event: 'PROBLEM_RESOLVED_BY_TRANSFER',
    by: 'the old school (or its district) confirmed that the pupil moved',
    sets: `resolved_at = app_now(), closed_by = 'TRANSFERRED', acted_at = coalesce(acted_at, app_now())`,
  },
  REOPEN: {
    from: [RESOLVED],
    to: OPEN,
    event: 'PROBLEM_REOPENED',
    by: 'district staff reopen it, with a reason',
    sets: 'resolved_at = NULL, closed_by = NULL, submitted_at = NULL, rejected_reason = $reason',
  },
  CLOSE: {
    from: [OPEN, PENDING_REVIEW, ESCALATED],
    to: RESOLVED,
    event: 'PROBLEM_CLOSED_BY_SYSTEM',
    by: 'detection: the records no longer collide and no school acted',
    sets: `resolved_at = app_now(), closed_by = 'SYSTEM'`,
  },
} as const satisfies Record<string, TransitionRule>;

export type Transition = keyof typeof TRANSITIONS;

/** Why a transition does not apply to a problem as the caller saw it, or null when it does. */
export function transitionRefusal(problem: { status: string; version: number }, on: Transition, expectedVersion?: number): 'STALE_VERSION' | 'WRONG_STATUS' | null {
  if (expectedVersion !== undefined && problem.version !== expectedVersion) return 'STALE_VERSION';
  return (TRANSITIONS[on].from as readonly string[]).includes(problem.status) ? null : 'WRONG_STATUS';
}

/** The lifecycle as a Mermaid state diagram, for the README. */
export function lifecycleDiagram(): string {
  const lines = ['stateDiagram-v2', '    [*] --> OPEN: detection finds a collision or an invalid ID'];
  for (const [name, rule] of Object.entries(TRANSITIONS) as [Transition, TransitionRule][]) {
    for (const from of rule.from) lines.push(`    ${from} --> ${rule.to}: ${name} (${rule.by})`);
  }
  lines.push('    RESOLVED --> [*]');
  return lines.join('\n');
}
