import type { ProblemScope, ProblemStatus, ProblemType } from '@/gql/graphql';

/** The values of the API's problem enums, in the order the portal lists them (filters, charts, report fields). */
export const PROBLEM_TYPES = ['DUPLICATE_ID', 'DUPLICATE_IDENTITY', 'INVALID_ID'] as const satisfies readonly ProblemType[];
export const PROBLEM_SCOPES = ['CROSS_SCHOOL', 'WITHIN_SCHOOL'] as const satisfies readonly ProblemScope[];
export const PROBLEM_STATUSES = ['OPEN', 'PENDING_REVIEW', 'ESCALATED', 'RESOLVED'] as const satisfies readonly ProblemStatus[];
