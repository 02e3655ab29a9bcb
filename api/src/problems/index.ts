import type { SubgraphDefinition } from '../core/graphql/build-schema.js';
import { ActionResolver } from './action/action.resolver.js';
import { ReviewResolver } from './review/review.resolver.js';
import { NegotiationResolver } from './negotiation/negotiation.resolver.js';
import { MemberSuggestionResolver, NextStepResolver } from './next-step/next-step.resolver.js';
import { resolveProblemReference, resolveSchoolRef, resolveStudentRef } from './problem/problem.reference.js';
import { recordOfEvent } from './problem/disclosure.js';
import type { ProblemEvent, ProblemMember } from './problem/problem-member.type.js';
import { PoliceResolver } from './police/police.resolver.js';
import { VerificationResolver } from './verification/verification.resolver.js';
import { SuggestionResolver } from './suggestion/suggestion.resolver.js';
import { ProblemTransfersResolver, TransferResolver, type TransferType } from './transfer/transfer.resolver.js';
import { ProblemMemberResolver, ProblemResolver, SchoolProblemsResolver, StudentProblemsResolver } from './problem/problem.resolver.js';

export const problemsSubgraph: SubgraphDefinition = {
  name: 'problems',
  resolvers: [ProblemResolver, ProblemMemberResolver, StudentProblemsResolver, SchoolProblemsResolver, ActionResolver, ReviewResolver, NegotiationResolver, NextStepResolver, MemberSuggestionResolver, TransferResolver, ProblemTransfersResolver, PoliceResolver, VerificationResolver, SuggestionResolver],
  references: {
    Problem: { __resolveReference: resolveProblemReference },
    Student: { __resolveReference: resolveStudentRef },
    School: { __resolveReference: resolveSchoolRef },
  },
  // A problem shows its pupils; a member and a history entry about a record are reads of that record.
  reads: {
    Problem: { subject: 'problem', idOf: (problem) => (problem as { id?: string }).id },
    ProblemMember: { subject: 'student', idOf: (member) => (member as ProblemMember).studentId },
    ProblemEvent: { subject: 'student', idOf: (event) => recordOfEvent(event as ProblemEvent) },
    // A transfer names its pupil.
    Transfer: { subject: 'student', idOf: (transfer) => (transfer as TransferType).studentId },
    // A suggested pair names its two records; a campaign's changed pupil its record.
    PossibleDuplicate: { subject: 'student', idOf: (pair) => (pair as { records: { id: string }[] }).records.map((r) => r.id) },
    ChangedPupilRow: { subject: 'student', idOf: (row) => (row as { student: { id: string } }).student.id },
  },
};
export { lifecycleDiagram } from './lifecycle/index.js';
export { NextStepService } from './next-step/index.js';
export { commonRegionPrefix } from './review/review.service.js';
export { MaterialRefused } from './material/material.service.js';
export { ProblemScope, ProblemStatus, ProblemType } from './problem/problem.entity.js';
