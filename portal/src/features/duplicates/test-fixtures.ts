import type { MockedResponse } from '@apollo/client/testing/core';
import { PossibleDuplicatesPage_MeDocument, PossibleDuplicatesPage_PairsDocument, type PossibleDuplicateStatus, type Role } from '@/gql/graphql';
import { relayConnection } from '@/test/connection';

export function meMock(role: Role): MockedResponse {
  return { request: { query: PossibleDuplicatesPage_MeDocument, variables: {} }, result: { data: { me: { __typename: 'User', id: 'u3', role } } } };
}

const school = (id: string, name: string) => ({ __typename: 'School', id, name });

function student(id: string, patch: Record<string, unknown> = {}) {
  return {
    __typename: 'Student',
    id,
    name: '王小明',
    gender: 'M',
    birthDate: '2016-03-08',
    idNumberMasked: '330102********0017',
    grade: '三年级',
    className: '2班',
    school: school('1', '杭州市上城区胜利小学'),
    ...patch,
  };
}

const entry = (field: string, level: string, weight: number) => ({ __typename: 'FieldComparisonResult', field, level, weight });

/** A suggested pair: one digit apart in the ID number, the same sound of the name, another school of the district. */
export function pair(id: string, patch: Record<string, unknown> = {}) {
  return {
    __typename: 'PossibleDuplicate',
    id,
    score: 5.2,
    probability: 0.9734,
    status: 'OPEN',
    suggestedAt: '2026-11-20T02:00:00.000Z',
    decidedAt: null,
    reason: null,
    explanation: [
      entry('ID_NUMBER', 'ONE_SUBSTITUTION', 18.6),
      entry('NAME', 'SAME_PINYIN', 6.1),
      entry('BIRTH_DATE', 'EXACT', 9.4),
      entry('GENDER', 'SAME', 0.9),
      entry('SCHOOL', 'SAME_DISTRICT', -1.2),
      entry('GRADE', 'SAME', 1.4),
    ],
    records: [student(`${id}a`), student(`${id}b`, { name: '王晓明', idNumberMasked: '330102********0017', school: school('2', '杭州市上城区天长小学') })],
    ...patch,
  };
}

export function pairsMock(status: PossibleDuplicateStatus, nodes: ReturnType<typeof pair>[], page: Parameters<typeof relayConnection>[2] = {}, after: string | null = null): MockedResponse {
  return {
    request: { query: PossibleDuplicatesPage_PairsDocument, variables: { filter: { status }, first: 10, after } },
    result: { data: { possibleDuplicates: relayConnection('PossibleDuplicateConnection', nodes, page) } },
  };
}
