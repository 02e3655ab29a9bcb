import { can } from '@/auth/roles';
import type { Role, TransferStatus } from '@/gql/graphql';
import type { ProblemDetail, ProblemMember } from './problem-types';

/** The records a transfer inside a problem names: another school's (it becomes TRANSFERRED_OUT) and ours, which continues it. */
export interface TransferCandidates {
  from: ProblemMember[];
  to: ProblemMember[];
}

const WAITING: readonly TransferStatus[] = ['REQUESTED', 'CONFIRMED'];

/**
 * Whether the viewer may ask for this problem's pupil, and with which records; null when not. The
 * API offers no ability for it, so this follows requestTransfer's rules, which it checks again: a
 * registrar, an OPEN cross-school DUPLICATE_ID problem, a record of the viewer's school (in scope)
 * and one of another school, and no transfer in it still waiting for an answer or approval.
 */
export function transferCandidates(
  problem: Pick<ProblemDetail, 'status' | 'scope' | 'type' | 'members' | 'transfers'>,
  role: Role | null | undefined,
): TransferCandidates | null {
  if (!can(role, 'requestTransfer')) return null;
  if (problem.status !== 'OPEN' || problem.scope !== 'CROSS_SCHOOL' || problem.type !== 'DUPLICATE_ID') return null;
  if (problem.transfers.some((transfer) => WAITING.includes(transfer.status))) return null;
  const to = problem.members.filter((member) => member.inMyScope);
  const from = problem.members.filter((member) => !member.inMyScope);
  return to.length > 0 && from.length > 0 ? { from, to } : null;
}
