/** The documents the read and scale benchmarks send (the problem list page of the portal, and its parts). */
export const MEMBER_FIELDS = 'studentId name gender birthDate idNumberMasked corroborated';
export const PROBLEM_FIELDS = 'id type scope status openedAt updatedAt deadlineAt overdue';

/**
 * The problem list page: 50 problems with members, each member's school, its district and city. One
 * call of the problems subgraph since the members provide their school's fields (ProblemMember.school
 * @provides); the registry answered those in a second call before.
 */
export const FULL_PAGE = `query BenchProblemList($first: Int!) { problems(first: $first) { totalCount pageInfo { endCursor hasNextPage }
  nodes { ${PROBLEM_FIELDS} members { ${MEMBER_FIELDS} school { id name code region { code name parent { name } } } } } } }`;

/** The same list with only the members' school ids: what a `--subgraph problems` process answers alone, without the gateway. */
export const ONE_SUBGRAPH_PAGE = `query BenchProblemListOwn($first: Int!) { problems(first: $first) { totalCount pageInfo { endCursor hasNextPage }
  nodes { ${PROBLEM_FIELDS} members { ${MEMBER_FIELDS} school { id } } } } }`;

/**
 * The problem list page as PostGraphile's reflection of the same tables serves it (support/postgraphile.ts):
 * the same problems in the same order, their current members, schools, districts and cities. What the
 * product computes (deadline, overdue, the masked ID number, readable names) has no counterpart here.
 */
export const POSTGRAPHILE_PAGE = `query PostGraphileProblemList($first: Int!) {
  allProblems(first: $first, orderBy: [OPENED_AT_DESC, ROW_ID_DESC]) { totalCount pageInfo { endCursor hasNextPage }
    nodes { rowId type scope status openedAt updatedAt resolvedAt
      problemMembersByProblemId(condition: { leftAt: null }, orderBy: STUDENT_ID_ASC) { nodes { studentId corroboratedAt
        studentByStudentId { name gender birthDate idKey }
        schoolBySchoolId { rowId name code regionByRegionCode { code name regionByParentCode { name } } } } } } } }`;
