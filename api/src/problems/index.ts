import type { SubgraphDefinition } from '../core/graphql/build-schema.js';
import { ActionResolver } from './action/action.resolver.js';
import { ReviewResolver } from './review/review.resolver.js';
import { NegotiationResolver } from './negotiation/negotiation.resolver.js';
import { resolveProblemReference, resolveSchoolRef, resolveStudentRef } from './problem/problem.reference.js';
import { ProblemMemberResolver, ProblemResolver, SchoolProblemsResolver, StudentProblemsResolver } from './problem/problem.resolver.js';

export const problemsSubgraph: SubgraphDefinition = {
  name: 'problems',
  resolvers: [ProblemResolver, ProblemMemberResolver, StudentProblemsResolver, SchoolProblemsResolver, ActionResolver, ReviewResolver, NegotiationResolver],
  references: {
    Problem: { __resolveReference: resolveProblemReference },
    Student: { __resolveReference: resolveStudentRef },
    School: { __resolveReference: resolveSchoolRef },
  },
};
export { lifecycleDiagram } from './lifecycle/index.js';
export { MaterialRefused } from './material/material.service.js';
export { ProblemScope, ProblemStatus, ProblemType } from './problem/problem.entity.js';
