import { describe, expect, it } from 'vitest';
import { enumValues } from '@/test/api-schema';
import { reviewZhCN } from './messages';

// A value the API adds later would otherwise show up as a raw key in the queue.
describe('problem and document names', () => {
  it.each([
    ['ProblemType', reviewZhCN.problemType],
    ['ProblemScope', reviewZhCN.problemScope],
    ['ProblemStatus', reviewZhCN.problemStatus],
    ['ImportHoldReason', reviewZhCN.held.reason],
  ] as const)('translate every %s value of the API schema', (enumName, labels) => {
    expect(Object.keys(labels).sort()).toEqual(enumValues(enumName).sort());
  });
});
