/** The documents the read and scale benchmarks send (the problem list page of the portal, and its parts). */
const MEMBER_FIELDS = 'studentId name gender birthDate idNumberMasked corroborated';
const PROBLEM_FIELDS = 'id type scope status openedAt updatedAt deadlineAt overdue';

/** The problem list page: 50 problems with members, each member's school, its district and city (two subgraphs). */
export const FULL_PAGE = `query BenchProblemList($first: Int!) { problems(first: $first) { totalCount pageInfo { endCursor hasNextPage }
  nodes { ${PROBLEM_FIELDS} members { ${MEMBER_FIELDS} school { id name code region { code name parent { name } } } } } } }`;

/** The same list without what only the registry knows: the problems subgraph answers it alone. */
export const ONE_SUBGRAPH_PAGE = `query BenchProblemListOwn($first: Int!) { problems(first: $first) { totalCount pageInfo { endCursor hasNextPage }
  nodes { ${PROBLEM_FIELDS} members { ${MEMBER_FIELDS} school { id } } } } }`;
