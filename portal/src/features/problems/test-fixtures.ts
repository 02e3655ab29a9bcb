// Data for the problem pages' component tests, shaped like the API's answers (with __typename, as
// the Apollo cache stores them).
import {
  ProblemPage_ProblemDocument,
  ProblemsPage_CountsDocument,
  ProblemsPage_ProblemsDocument,
  type ProblemFilter,
  type ProblemOrder,
  type IdNumberPart,
  type ProblemType,
  type RecordAction,
  type Sameness,
} from '@/gql/graphql';
import { relayConnection } from '@/test/connection';

export function school(id: string, name: string, region = { code: '330106', name: '西湖区' }) {
  return { __typename: 'School', id, name, code: `1${region.code}00${id}`, region: { __typename: 'Region', ...region } };
}

export const SCHOOL_A = school('1', '杭州市西湖区学军小学');
export const SCHOOL_B = school('2', '杭州市上城区胜利小学', { code: '330102', name: '上城区' });

/** A record the viewer sees in full (disclosure FULL). */
export function member(studentId: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ProblemMember',
    studentId,
    disclosure: 'FULL',
    name: '林小雨',
    gender: 'M',
    birthDate: '2014-03-15',
    idType: 'RESIDENT_ID',
    idNumberMasked: '330106***********1',
    corroborated: false,
    grade: '三年级' as string | null,
    className: '2班' as string | null,
    enrollmentMonth: '2023-09' as string | null,
    importedAt: '2026-09-05T08:00:00.000Z',
    importFile: '2026秋季学籍.xlsx' as string | null,
    lastChangedAt: '2026-10-12T08:00:00.000Z',
    leftAt: null as string | null,
    joinedAt: '2026-11-01T08:00:00.000Z',
    allowedActions: [] as RecordAction[],
    suggestedAction: null as null | { __typename: 'SuggestedAction'; action: RecordAction; reason: string; deleteReason: string | null },
    comparison: null,
    idCheck: { __typename: 'IdCheck', valid: true, reasons: [], messages: [], addressCodeKnown: true },
    inMyScope: true,
    school: SCHOOL_A,
    student: null as null | { __typename: 'Student'; id: string; status: string },
    ...overrides,
  };
}

/** How the API compares another school's record with the viewer's record `against`: all the same unless told. */
export function comparison(
  against: string,
  overrides: Partial<Record<'name' | 'gender' | 'birthDate' | 'idType' | 'idNumber' | 'grade' | 'enrollmentMonth', Sameness>> & { idNumberDiffersIn?: IdNumberPart[] } = {},
) {
  return {
    __typename: 'MemberComparison',
    against,
    name: 'SAME' as Sameness,
    gender: 'SAME' as Sameness,
    birthDate: 'SAME' as Sameness,
    idType: 'SAME' as Sameness,
    idNumber: 'SAME' as Sameness,
    grade: 'SAME' as Sameness,
    enrollmentMonth: 'SAME' as Sameness,
    idNumberDiffersIn: [] as IdNumberPart[],
    ...overrides,
  };
}

/** Another school's record as a registrar gets it (disclosure COMPARED): masked name, no values, a comparison. */
export function comparedMember(studentId: string, against: ReturnType<typeof comparison> | null, overrides: Record<string, unknown> = {}) {
  return member(studentId, {
    disclosure: 'COMPARED',
    name: '林*雨',
    gender: null,
    birthDate: null,
    grade: null,
    className: null,
    enrollmentMonth: null,
    importFile: null,
    idNumberMasked: null,
    idCheck: null,
    comparison: against,
    inMyScope: false,
    school: SCHOOL_B,
    ...overrides,
  });
}

/** What the API says comes next on a problem (by default: your turn, no suggestion). */
export function nextStep(kind: string, overrides: Record<string, unknown> = {}) {
  const yourTurn = ['ANSWER_PROPOSAL', 'ACT_ON_RECORD', 'NEGOTIATE', 'REVIEW', 'DECIDE'].includes(kind);
  return { __typename: 'NextStep', kind, yourTurn, since: '2026-11-02T08:00:00.000Z', waitingFor: ['杭州市上城区胜利小学'], suggestion: null, ...overrides };
}

export function problem(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Problem',
    id: '16',
    type: 'DUPLICATE_ID',
    scope: 'CROSS_SCHOOL',
    status: 'OPEN',
    reasons: [],
    version: 3,
    openedAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-02T08:00:00.000Z',
    resolvedAt: null as string | null,
    closedBy: null as string | null,
    deadlineAt: '2999-12-01T08:00:00.000Z',
    overdue: false,
    graduating: false,
    daysToGraduation: null as number | null,
    nextStep: nextStep('ACT_ON_RECORD'),
    viewerCan: { __typename: 'ProblemAbilities', negotiate: false, escalate: false, review: false, decide: false, reopen: false },
    members: [
      member('101', { allowedActions: ['CHANGE', 'CORROBORATE', 'DELETE'], school: SCHOOL_A, student: { __typename: 'Student', id: '101', status: 'ENROLLED' } }),
      member('202', { school: SCHOOL_B }),
    ],
    formerMembers: [] as unknown[],
    messages: [] as unknown[],
    transfers: [] as unknown[],
    history: [
      {
        __typename: 'ProblemEvent',
        id: 'e1',
        type: 'PROBLEM_OPENED',
        occurredAt: '2026-11-01T08:00:00.000Z',
        actorName: null,
        data: { type: 'DUPLICATE_ID', scope: 'CROSS_SCHOOL', members: ['101', '202'] },
      },
    ] as unknown[],
    ...overrides,
  };
}

export const REGISTRAR = { __typename: 'User', id: 'u1', role: 'SCHOOL_REGISTRAR', school: { __typename: 'School', id: '1' } };

export function problemMock(value: ReturnType<typeof problem>, options: { me?: unknown; uses?: number } = {}) {
  const me = options.me === undefined ? REGISTRAR : options.me;
  return {
    // cache-and-network asks again on every visit; unless told otherwise the same answer serves them all.
    maxUsageCount: options.uses ?? Number.POSITIVE_INFINITY,
    request: { query: ProblemPage_ProblemDocument, variables: { id: value.id } },
    result: { data: { me, problem: value } },
  };
}

export function row(id: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Problem',
    id,
    type: 'DUPLICATE_ID',
    scope: 'CROSS_SCHOOL',
    status: 'OPEN',
    openedAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-02T08:00:00.000Z',
    deadlineAt: '2999-12-01T08:00:00.000Z',
    overdue: false,
    graduating: false,
    daysToGraduation: null as number | null,
    nextStep: { __typename: 'NextStep', kind: 'ACT_ON_RECORD', yourTurn: true },
    members: [
      { __typename: 'ProblemMember', studentId: `${id}1`, name: '林小雨', school: { __typename: 'School', id: '1', name: '杭州市西湖区学军小学' } },
      { __typename: 'ProblemMember', studentId: `${id}2`, name: '林小雨', school: { __typename: 'School', id: '2', name: '杭州市上城区胜利小学' } },
    ],
    ...overrides,
  };
}

export function problemsMock(
  variables: { filter?: ProblemFilter | null; orderBy?: ProblemOrder; first?: number; after?: string | null },
  nodes: ReturnType<typeof row>[],
  page: { totalCount?: number; endCursor?: string | null; hasNextPage?: boolean; hasPreviousPage?: boolean } = {},
) {
  return {
    maxUsageCount: Number.POSITIVE_INFINITY,
    request: {
      query: ProblemsPage_ProblemsDocument,
      variables: { filter: variables.filter ?? null, orderBy: variables.orderBy ?? 'OPENED_DESC', first: variables.first ?? 20, after: variables.after ?? null },
    },
    result: {
      data: {
        me: REGISTRAR,
        problems: relayConnection('ProblemConnection', nodes, page),
      },
    },
  };
}

const count = (totalCount: number) => ({ __typename: 'ProblemConnection', totalCount });

export function countsMock(
  variables: { type?: ProblemType | null; scope?: string | null; status?: string | null; waitingForMe?: boolean | null; schoolId?: string | null; regionId?: string | null },
  counts: { all: number; duplicateId: number; duplicateIdentity: number; invalidId: number; waiting: number },
) {
  return {
    maxUsageCount: Number.POSITIVE_INFINITY,
    request: {
      query: ProblemsPage_CountsDocument,
      variables: {
        type: variables.type ?? null,
        scope: variables.scope ?? null,
        status: variables.status ?? null,
        waitingForMe: variables.waitingForMe ?? null,
        schoolId: variables.schoolId ?? null,
        regionId: variables.regionId ?? null,
      },
    },
    result: {
      data: {
        all: count(counts.all),
        duplicateId: count(counts.duplicateId),
        duplicateIdentity: count(counts.duplicateIdentity),
        invalidId: count(counts.invalidId),
        waiting: count(counts.waiting),
      },
    },
  };
}

/** A transfer requested in the problem: by default 胜利小学 (school B) asks 学军小学 (the registrar's) for the pupil. */
export function transfer(id: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Transfer',
    id,
    status: 'REQUESTED',
    pupilName: '林小雨',
    steps: [] as string[],
    version: 1,
    requestedAt: '2026-11-03T08:00:00.000Z',
    dueAt: '2999-11-17T08:00:00.000Z',
    overdue: false,
    note: '该生已于 9 月随父母转入我校' as string | null,
    answerReason: null as string | null,
    approvalsNeeded: [] as string[],
    fromSchool: { __typename: 'School', id: SCHOOL_A.id, name: SCHOOL_A.name },
    toSchool: { __typename: 'School', id: SCHOOL_B.id, name: SCHOOL_B.name },
    ...overrides,
  };
}
