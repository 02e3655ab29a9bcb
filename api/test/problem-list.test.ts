import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { makeSchool, makeUser } from './support/factories.js';
import { errorCodes, startProduct, type GraphQLResponse } from './support/product.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const PAGE = `query($order: ProblemOrder, $after: String) {
  problems(orderBy: $order, first: 4, after: $after) { nodes { id openedAt updatedAt } pageInfo { endCursor hasNextPage } totalCount } }`;
const DETAIL = `query($id: ID!) { problem(id: $id) { status deadlineAt overdue
  viewerCan { negotiate escalate review decide } members { studentId allowedActions school { id } } } }`;

describe('the problem list: orders, cursors, deadlines and what the viewer may do', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let schoolA: { id: string; regionCode: string };
  let schoolB: { id: string; regionCode: string };
  const tokens = { a: '', b: '', district: '', city: '' };
  const problemIds: string[] = [];
  let crossProblemId = '';

  beforeAll(async () => {
    app = await createTestApp();
    schoolA = await makeSchool(app, '330102');
    schoolB = await makeSchool(app, '330105');
    product = await startProduct(app);
    tokens.a = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolA.id })).username);
    tokens.b = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolB.id })).username);
    tokens.district = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330102' })).username);
    tokens.city = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330100' })).username);
    // Ten problems, each its own pair of records; the last spans both schools.
    for (let i = 1; i <= 10; i++) {
      const birthDate = `2016-01-${String(i).padStart(2, '0')}`;
      const idNumber = validId('330102', birthDate, 'F', i);
      const second = i === 10 ? schoolB : schoolA;
      const ids = await app.db.dataSource.transaction(async (m) => {
        const inserted = await app.services.students.insertMany(m, [schoolA, second].map((s) => ({ schoolId: s.id, name: `学生${i}`, gender: Gender.F, birthDate, idType: IdType.RESIDENT_ID, idNumber })));
        await app.services.detection.detect(m, { kind: 'students', studentIds: inserted });
        return inserted;
      });
      const [row] = (await app.db.dataSource.query(`SELECT problem_id::text AS id FROM problem_members WHERE student_id = $1`, [ids[0]])) as { id: string }[];
      problemIds.push(row!.id);
    }
    crossProblemId = problemIds[9]!;
    // Spread the timestamps so the orders differ: opened one day apart, updated in a shuffled order; two share an opening time.
    for (const [i, id] of problemIds.entries()) {
      await app.db.dataSource.query(`UPDATE problems SET opened_at = $2, updated_at = $3 WHERE id = $1`, [
        id,
        new Date(Date.UTC(2026, 9, i === 5 ? 5 : i + 1, 8, 0, 0, 123) + 0.456),
        new Date(Date.UTC(2026, 10, 1 + ((i * 7) % 10))),
      ]);
    }
    // Microseconds that a JavaScript Date cannot carry: cursors must still page exactly.
    await app.db.dataSource.query(`UPDATE problems SET opened_at = opened_at + interval '7 microseconds' WHERE id = $1`, [problemIds[2]]);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  async function walk(order: string, token = tokens.a) {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const response: GraphQLResponse = await product.gql(PAGE, { order, after }, token);
      expect(response.errors).toBeUndefined();
      const { nodes, pageInfo, totalCount } = response.data.problems;
      expect(totalCount).toBe(10);
      seen.push(...nodes.map((n: { id: string }) => n.id));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    return seen;
  }

  it('pages through each order without gaps or repeats, in the order the database gives', async () => {
    for (const [order, sql] of [
      ['OPENED_DESC', 'opened_at DESC, id DESC'],
      ['OPENED_ASC', 'opened_at ASC, id ASC'],
      ['UPDATED_DESC', 'updated_at DESC, id DESC'],
    ] as const) {
      const expected = ((await app.db.dataSource.query(`SELECT id::text FROM problems ORDER BY ${sql}`)) as { id: string }[]).map((r) => r.id);
      expect(await walk(order), order).toEqual(expected);
    }
    expect(await walk('OPENED_ASC')).not.toEqual(await walk('UPDATED_DESC'));
  });

  it('refuses a cursor from another order or a made-up one with a clear error', async () => {
    const first = await product.gql(PAGE, { order: 'OPENED_ASC' }, tokens.a);
    const wrongShape = Buffer.from(JSON.stringify({ k: '5' })).toString('base64url');
    for (const after of [wrongShape, 'not a cursor']) {
      const response = await product.gql(PAGE, { order: 'OPENED_ASC', after }, tokens.a);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toMatch(/cursor/);
    }
    expect(first.data.problems.pageInfo.hasNextPage).toBe(true);
  });

  it('gives each problem a deadline and flags it overdue once passed', async () => {
    const detail = (await product.gql(DETAIL, { id: problemIds[0] }, tokens.a)).data.problem;
    const opened = ((await app.db.dataSource.query(`SELECT opened_at FROM problems WHERE id = $1`, [problemIds[0]])) as { opened_at: Date }[])[0]!.opened_at;
    expect(new Date(detail.deadlineAt).getTime()).toBe(opened.getTime() + app.config.PROBLEM_DEADLINE_DAYS * 86_400_000);
    expect(detail.overdue).toBe(true);
    await app.db.dataSource.query(`UPDATE problems SET opened_at = now() WHERE id = $1`, [problemIds[1]]);
    expect((await product.gql(DETAIL, { id: problemIds[1] }, tokens.a)).data.problem.overdue).toBe(false);
  });

  it("offers actions only on the viewer's own school's records, and panels only to those who may use them", async () => {
    const asA = (await product.gql(DETAIL, { id: crossProblemId }, tokens.a)).data.problem;
    const byMember = (p: any) => Object.fromEntries(p.members.map((m: any) => [m.school.id, m.allowedActions]));
    expect(byMember(asA)).toEqual({ [schoolA.id]: ['CHANGE', 'CORROBORATE', 'DELETE'], [schoolB.id]: [] });
    expect(asA.viewerCan).toEqual({ negotiate: true, escalate: false, review: false, decide: false });
    const asB = (await product.gql(DETAIL, { id: crossProblemId }, tokens.b)).data.problem;
    expect(byMember(asB)).toEqual({ [schoolA.id]: [], [schoolB.id]: ['CHANGE', 'CORROBORATE', 'DELETE'] });

    // A proposal rejected by B lets either school escalate.
    const proposal = await product.gql(`mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }`,
      { i: { problemId: crossProblemId, body: '学生在我校', proposal: 'KEEP_ONE', keepStudentId: asA.members[0].studentId } }, tokens.a);
    await product.gql(`mutation($i: AnswerProposalInput!) { answerProposal(input: $i) { ok } }`, { i: { messageId: proposal.data.postMessage.id, accept: false, reason: '学生在我校就读' } }, tokens.b);
    expect((await product.gql(DETAIL, { id: crossProblemId }, tokens.b)).data.problem.viewerCan.escalate).toBe(true);

    // Within-school problems are reviewed by the district; cross-district ones by the city-level reviewer only.
    await app.db.dataSource.query(`UPDATE problems SET status = 'PENDING_REVIEW' WHERE id = ANY($1::bigint[])`, [[problemIds[0], crossProblemId]]);
    const review = async (id: string, token: string) => (await product.gql(DETAIL, { id }, token)).data.problem;
    expect((await review(problemIds[0]!, tokens.district)).viewerCan.review).toBe(true);
    expect((await review(crossProblemId, tokens.district)).viewerCan.review).toBe(false);
    expect((await review(crossProblemId, tokens.city)).viewerCan).toEqual({ negotiate: false, escalate: false, review: true, decide: false });
    const pending = await review(problemIds[0]!, tokens.a);
    expect(pending.members.every((m: any) => m.allowedActions.length === 0)).toBe(true);
  });
});
