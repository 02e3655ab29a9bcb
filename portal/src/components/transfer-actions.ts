import type { TransferStep } from '@/gql/graphql';

/** What a step button does: each `TransferStep` the API offers is one or two of these. */
export type TransferAction = 'confirm' | 'refuse' | 'decideConfirm' | 'decideRefuse' | 'approve' | 'disapprove' | 'withdraw';

export const STEP_ACTIONS: Record<TransferStep, readonly TransferAction[]> = {
  ANSWER: ['confirm', 'refuse'],
  DECIDE: ['decideConfirm', 'decideRefuse'],
  APPROVE: ['approve', 'disapprove'],
  WITHDRAW: ['withdraw'],
};

/** The mutation each action is: answerTransfer (the old school, or its district once overdue), approveTransfer, withdrawTransfer. */
export type TransferMutation = 'answer' | 'approve' | 'withdraw';

const MUTATION: Record<TransferAction, TransferMutation> = {
  confirm: 'answer',
  refuse: 'answer',
  decideConfirm: 'answer',
  decideRefuse: 'answer',
  approve: 'approve',
  disapprove: 'approve',
  withdraw: 'withdraw',
};

export function mutationOf(action: TransferAction): TransferMutation {
  return MUTATION[action];
}

/** The actions that say yes (accept, approve); the others refuse or take the request back. */
export function isAffirmative(action: TransferAction): boolean {
  return action === 'confirm' || action === 'decideConfirm' || action === 'approve';
}

/** The API refuses these without a reason (VALUE_REQUIRED), so the portal asks for one before sending. */
export function reasonRequired(action: TransferAction): boolean {
  return !isAffirmative(action);
}
