import type { ProblemDetail, Viewer } from './problem-types';

const ACTIONS = ['ACTION_CHANGE', 'ACTION_CORROBORATE', 'ACTION_DELETE'] as const;
export type WithdrawableAction = 'CHANGE' | 'CORROBORATE' | 'DELETE';

/**
 * The records of the viewer's school whose latest action in this problem may be withdrawn: the
 * problem is OPEN or PENDING_REVIEW and the record's last action event is an action, not a
 * withdrawal. A deleted record has left the problem, so former members count too. The API decides.
 */
export function withdrawable(problem: ProblemDetail, viewer: Viewer | null): { studentId: string; name: string; action: WithdrawableAction }[] {
  if (viewer?.role !== 'SCHOOL_REGISTRAR' || (problem.status !== 'OPEN' && problem.status !== 'PENDING_REVIEW')) return [];
  const ours = [...problem.members, ...problem.formerMembers].filter((m) => m.inMyScope);
  return ours.flatMap((member) => {
    const last = problem.history.filter((e) => (e.data as { studentId?: unknown }).studentId === member.studentId && (ACTIONS.includes(e.type as never) || e.type === 'ACTION_WITHDRAWN')).at(-1);
    if (!last || last.type === 'ACTION_WITHDRAWN') return [];
    return [{ studentId: member.studentId, name: member.name, action: last.type.slice('ACTION_'.length) as WithdrawableAction }];
  });
}
