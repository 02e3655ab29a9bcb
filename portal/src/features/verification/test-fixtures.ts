// Campaigns for the component tests, shaped like the API's answers (with __typename, as the Apollo
// cache stores them).
import { ExpectedArrivals_ListDocument, VerificationPage_CampaignsDocument, VerificationPage_MeDocument, type Role } from '@/gql/graphql';

export function meMock(role: Role, schoolId: string | null = '1') {
  return {
    request: { query: VerificationPage_MeDocument, variables: {} },
    result: { data: { me: { __typename: 'User', id: 'u1', role, school: schoolId ? { __typename: 'School', id: schoolId } : null } } },
  };
}

export function schoolRow(code: string, name: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'CampaignSchoolRow',
    school: { __typename: 'School', id: code.slice(-1), name, code },
    classes: 4,
    classesDone: 0,
    pupils: 120,
    left: 0,
    changed: 0,
    done: false,
    overdue: false,
    escalatedAt: null as string | null,
    ...overrides,
  };
}

export function classRow(grade: string, className: string, overrides: Record<string, unknown> = {}) {
  return { __typename: 'CampaignClassRow', grade, className, pupils: 3, confirmedAt: null as string | null, left: 0, changed: 0, ...overrides };
}

/** A pupil marked as changed in a campaign (`changedPupils`), not yet corrected unless overridden. */
export function changedRow(id: string, name: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ChangedPupilRow',
    student: { __typename: 'Student', id, name, gender: 'F', birthDate: '2019-03-08', idType: 'RESIDENT_ID', grade: '一年级', className: '1班' },
    note: '户口簿上的姓名已变更' as string | null,
    markedAt: '2026-11-05T02:00:00.000Z',
    correctedAt: null as string | null,
    ...overrides,
  };
}

/** A campaign as district staff see it (`schools`) or a registrar (`myClasses`). */
export function campaign(id: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'VerificationCampaign',
    id,
    semester: '2026-2027-1',
    title: '2026-2027-1 学期学籍核查',
    dueAt: '2999-01-31T16:00:00.000Z',
    status: 'OPEN',
    openedAt: '2026-11-02T02:00:00.000Z',
    closedAt: null as string | null,
    overdue: false,
    ...overrides,
  };
}

export function campaignsMock(registrar: boolean, campaigns: ReturnType<typeof campaign>[], uses = Number.POSITIVE_INFINITY) {
  return {
    maxUsageCount: uses,
    request: { query: VerificationPage_CampaignsDocument, variables: { registrar } },
    result: { data: { verificationCampaigns: campaigns } },
  };
}

export function arrivalsMock(rows: Record<string, unknown>[] = []) {
  return {
    maxUsageCount: Number.POSITIVE_INFINITY,
    request: { query: ExpectedArrivals_ListDocument, variables: {} },
    result: { data: { expectedArrivals: rows } },
  };
}
