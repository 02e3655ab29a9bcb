import { describe, expect, it } from 'vitest';
import { STEP_ACTIONS, reasonRequired } from '@/components/transfer-actions';
import { enumValues } from '@/test/api-schema';
import { transfersEn, transfersZhCN } from './messages';

// A value the API adds later would otherwise show up as a raw key, or as a step without a button.
describe('transfer names, steps and refusals', () => {
  it.each([
    ['zh-CN', transfersZhCN],
    ['en', transfersEn],
  ] as const)('name every TransferStatus and TransferDirection and say every TransferErrorCode of the API schema (%s)', (_, messages) => {
    expect(Object.keys(messages.status).sort()).toEqual(enumValues('TransferStatus').sort());
    for (const direction of enumValues('TransferDirection')) expect(messages.direction).toHaveProperty(direction);
    const missing = enumValues('TransferErrorCode').filter((code) => !(code in messages.errors));
    expect(missing).toEqual([]);
  });

  it('offers a button for every TransferStep, and asks for a reason exactly where the API requires one', () => {
    expect(Object.keys(STEP_ACTIONS).sort()).toEqual(enumValues('TransferStep').sort());
    const actions = Object.values(STEP_ACTIONS).flat();
    expect(Object.keys(transfersZhCN.actions).sort()).toEqual([...actions].sort());
    // answerTransfer and approveTransfer take a reason to refuse; withdrawTransfer always.
    expect(actions.filter(reasonRequired).sort()).toEqual(['decideRefuse', 'disapprove', 'refuse', 'withdraw']);
    for (const action of actions) expect('required' in transfersZhCN.actions[action], action).toBe(reasonRequired(action));
  });
});
