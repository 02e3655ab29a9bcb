// Transfers for the component tests, shaped like the API's answers (with __typename, as the Apollo
// cache stores them).
import { TransfersPage_MeDocument, TransfersPage_TransfersDocument, type Role, type TransferDirection, type TransferStatus } from '@/gql/graphql';

function school(id: string, name: string, code: string, region: { code: string; name: string }) {
  return { __typename: 'School', id, name, code, region: { __typename: 'Region', ...region } };
}

export const XUEJUN = school('1', '杭州市西湖区学军小学', '1330106001', { code: '330106', name: '西湖区' });
export const SHENGLI = school('2', '杭州市上城区胜利小学', '1330102001', { code: '330102', name: '上城区' });

/** A transfer out of 学军小学 (the registrar's school in these tests) into 胜利小学, waiting for its answer. */
export function transfer(id: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Transfer',
    id,
    status: 'REQUESTED' as TransferStatus,
    pupilName: '林小雨',
    problemId: '16' as string | null,
    note: '该生已随父母转入我校就读' as string | null,
    requestedAt: '2026-11-03T08:00:00.000Z',
    dueAt: '2999-11-17T08:00:00.000Z',
    overdue: false,
    answeredAt: null as string | null,
    answerReason: null as string | null,
    approvalsNeeded: [] as string[],
    approved: [] as string[],
    version: 1,
    steps: [] as string[],
    fromSchool: XUEJUN,
    toSchool: SHENGLI,
    history: [{ __typename: 'TransferEvent', id: `${id}-h1`, type: 'TRANSFER_REQUESTED', occurredAt: '2026-11-03T08:00:00.000Z', actorName: '胜利小学学籍员', reason: null }],
    ...overrides,
  };
}

export function meMock(role: Role, schoolId: string | null = '1') {
  return {
    request: { query: TransfersPage_MeDocument, variables: {} },
    result: { data: { me: { __typename: 'User', id: 'u1', role, school: schoolId ? { __typename: 'School', id: schoolId } : null } } },
  };
}

/** The list for a direction and status; every visit and refetch gets it unless `uses` limits it. */
export function transfersMock(view: { direction?: TransferDirection; status?: TransferStatus }, rows: ReturnType<typeof transfer>[], uses = Number.POSITIVE_INFINITY) {
  return {
    maxUsageCount: uses,
    request: {
      query: TransfersPage_TransfersDocument,
      variables: { filter: { direction: view.direction ?? null, statuses: view.status ? [view.status] : null }, first: 200 },
    },
    result: { data: { transfers: rows } },
  };
}
