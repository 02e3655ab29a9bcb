import type { Caller } from '../../core/auth/caller.js';
import { can } from '../../core/auth/permissions.js';
import { commonRegionPrefix } from '../review/review.service.js';

export type TransferStatus = 'REQUESTED' | 'CONFIRMED' | 'COMPLETED' | 'REJECTED' | 'WITHDRAWN';

/** What a caller may do with a transfer now: the portal shows these buttons, the service checks the same rules. */
export type TransferStep = 'ANSWER' | 'DECIDE' | 'APPROVE' | 'WITHDRAW';

export interface TransferRow {
  id: string;
  studentId: string;
  toStudentId: string | null;
  fromSchoolId: string;
  toSchoolId: string;
  fromRegion: string;
  toRegion: string;
  problemId: string | null;
  status: TransferStatus;
  /** The name the new school gave: its own record's, or as it typed it in a 转入申请. */
  pupilName: string;
  /** The old record's name, when the session may read that record. */
  oldName: string | null;
  note: string | null;
  requestedAt: Date;
  dueAt: Date;
  /** The old school's time to answer has passed (by the database's clock). */
  overdue: boolean;
  answeredAt: Date | null;
  answerReason: string | null;
  approvalsNeeded: string[];
  approved: string[];
  completedAt: Date | null;
  version: number;
}

export const OPEN_TRANSFER_STATUSES: readonly TransferStatus[] = ['REQUESTED', 'CONFIRMED'];

/**
 * The district that decides a transfer the old school left unanswered: for one inside a problem,
 * the problem's reviewers (the smallest region containing both schools); otherwise the old
 * school's own district, which oversees it.
 */
export function deciderRegion(t: Pick<TransferRow, 'problemId' | 'fromRegion' | 'toRegion'>): string {
  return t.problemId ? commonRegionPrefix([t.fromRegion, t.toRegion]) : t.fromRegion;
}

/** The approvals still missing that this caller's region gives. */
export function approvalsOf(caller: Caller, t: Pick<TransferRow, 'approvalsNeeded' | 'approved'>): string[] {
  return t.approvalsNeeded.filter((code) => !t.approved.includes(code) && can(caller, 'transfer.decide', { region: code }));
}

/** The districts whose approval a transfer needs: both, when the schools are in different districts (转入地 first). */
export function approvalsNeeded(fromRegion: string, toRegion: string): string[] {
  return fromRegion === toRegion ? [] : [toRegion, fromRegion];
}

export function stepsFor(caller: Caller, t: TransferRow): TransferStep[] {
  const steps: TransferStep[] = [];
  if (t.status === 'REQUESTED' && can(caller, 'transfer.answer', { schoolId: t.fromSchoolId })) steps.push('ANSWER');
  if (t.status === 'REQUESTED' && t.overdue && can(caller, 'transfer.decide', { region: deciderRegion(t) })) steps.push('DECIDE');
  if (t.status === 'CONFIRMED' && approvalsOf(caller, t).length > 0) steps.push('APPROVE');
  if (OPEN_TRANSFER_STATUSES.includes(t.status) && can(caller, 'transfer.request', { schoolId: t.toSchoolId })) steps.push('WITHDRAW');
  return steps;
}
