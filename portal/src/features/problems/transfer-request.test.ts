import { describe, expect, it } from 'vitest';
import type { ProblemDetail } from './problem-types';
import { comparedMember, comparison, member, problem } from './test-fixtures';
import { transferCandidates } from './transfer-request';

const ours = member('101');
const theirs = comparedMember('202', comparison('101'));
const detail = (overrides: Record<string, unknown> = {}) => problem({ members: [ours, theirs], ...overrides }) as unknown as ProblemDetail;

describe('transferCandidates: who may say "the pupil moved to us"', () => {
  it('a registrar with a record of its own and one of another school, in an open cross-school duplicate ID number', () => {
    expect(transferCandidates(detail(), 'SCHOOL_REGISTRAR')).toEqual({ from: [theirs], to: [ours] });
  });

  it.each([
    ['district staff', {}, 'DISTRICT_ADMIN'],
    ['a system admin', {}, 'SYSTEM_ADMIN'],
    ['a problem pending review', { status: 'PENDING_REVIEW' }, 'SCHOOL_REGISTRAR'],
    ['a resolved problem', { status: 'RESOLVED' }, 'SCHOOL_REGISTRAR'],
    ['the same name, gender and birth date', { type: 'DUPLICATE_IDENTITY' }, 'SCHOOL_REGISTRAR'],
    ['a problem within one school', { scope: 'WITHIN_SCHOOL' }, 'SCHOOL_REGISTRAR'],
    ['no record of ours left in it', { members: [theirs, comparedMember('303', null)] }, 'SCHOOL_REGISTRAR'],
    ['only our own records', { members: [ours, member('102')] }, 'SCHOOL_REGISTRAR'],
    ['a request still waiting', { transfers: [{ __typename: 'Transfer', id: 't1', status: 'REQUESTED' }] }, 'SCHOOL_REGISTRAR'],
    ['a request waiting for the districts', { transfers: [{ __typename: 'Transfer', id: 't1', status: 'CONFIRMED' }] }, 'SCHOOL_REGISTRAR'],
  ] as const)('not for %s', (_, overrides, role) => {
    expect(transferCandidates(detail(overrides), role)).toBeNull();
  });

  it('again after a refused or withdrawn request', () => {
    const done = [{ __typename: 'Transfer', id: 't1', status: 'REJECTED' }, { __typename: 'Transfer', id: 't2', status: 'WITHDRAWN' }];
    expect(transferCandidates(detail({ transfers: done }), 'SCHOOL_REGISTRAR')).not.toBeNull();
  });
});
