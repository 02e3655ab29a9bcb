import type { ProblemPage_ProblemQuery } from '@/gql/graphql';

/** The problem as the detail page loads it, and its parts, for the components it hands them to. */
export type ProblemDetail = ProblemPage_ProblemQuery['problem'];
export type ProblemMember = ProblemDetail['members'][number];
export type ProblemMessage = ProblemDetail['messages'][number];
export type ProblemHistoryEvent = ProblemDetail['history'][number];
export type Viewer = NonNullable<ProblemPage_ProblemQuery['me']>;
