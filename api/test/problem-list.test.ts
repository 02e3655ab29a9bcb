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

  const RELAY = `query($order: ProblemOrder, $first: Int, $after: String, $last: Int, $before: String) {
  problems(orderBy: $order, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }`;
  type RelayPage = {
    edges: { cursor: string; node: { id: string } }[];
    nodes: { id: string }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    totalCount: number;
  };
  async function relay(variables: Record<string, unknown>): Promise<RelayPage> {
    const response: GraphQLResponse = await product.gql(RELAY, variables, tokens.a);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data.problems;
  }

  it('pages backward with last/before, from the end of the list to its start, in list order', async () => {
    for (const [order, sql] of [
      ['OPENED_DESC', 'opened_at DESC, id DESC'],
      ['OPENED_ASC', 'opened_at ASC, id ASC'],
      ['UPDATED_DESC', 'updated_at DESC, id DESC'],
    ] as const) {
      const expected = ((await app.db.dataSource.query(`SELECT id::text FROM problems ORDER BY ${sql}`)) as { id: string }[]).map((r) => r.id);
      const pages: string[][] = [];
      let before: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page: RelayPage = await relay({ order, last: 4, before });
        expect(page.totalCount).toBe(10);
        pages.unshift(page.nodes.map((n) => n.id));
        // Going backward there is always a page after this one except at the very end.
        expect(page.pageInfo.hasNextPage, `${order} page ${i}`).toBe(before !== null);
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor;
      }
      // 10 items in pages of 4 from the end: 2, 4, 4.
      expect(pages.map((p) => p.length), order).toEqual([2, 4, 4]);
      expect(pages.flat(), order).toEqual(expected);
    }
  });

  it('gives every edge a cursor that pages from that item in either direction', async () => {
    const all = await relay({ order: 'OPENED_DESC', first: 10 });
    expect(all.edges.map((e) => e.node.id)).toEqual(all.nodes.map((n) => n.id));
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false, startCursor: all.edges[0]!.cursor, endCursor: all.edges[9]!.cursor });
    const ids = all.nodes.map((n) => n.id);
    for (const [i, edge] of all.edges.entries()) {
      const after = await relay({ order: 'OPENED_DESC', first: 3, after: edge.cursor });
      expect(after.nodes.map((n) => n.id)).toEqual(ids.slice(i + 1, i + 4));
      expect(after.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: i + 4 < 10 });
      const before = await relay({ order: 'OPENED_DESC', last: 3, before: edge.cursor });
      expect(before.nodes.map((n) => n.id)).toEqual(ids.slice(Math.max(0, i - 3), i));
      expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: i - 3 > 0 });
    }
    // A page's own cursors lead back to its neighbours: next then previous is the same page.
    const first = await relay({ order: 'OPENED_DESC', first: 4 });
    const second = await relay({ order: 'OPENED_DESC', first: 4, after: first.pageInfo.endCursor });
    const back = await relay({ order: 'OPENED_DESC', last: 4, before: second.pageInfo.startCursor });
    expect(back.edges).toEqual(first.edges);
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    // `last` alone is the end of the list.
    expect((await relay({ order: 'OPENED_DESC', last: 3 })).nodes.map((n) => n.id)).toEqual(ids.slice(7));
    // Null counts as not given, as Apollo's fetchMore sends it beside the other direction's arguments.
    expect((await relay({ order: 'OPENED_DESC', first: null, after: null, last: 2, before: first.pageInfo.endCursor })).nodes.map((n) => n.id)).toEqual(ids.slice(1, 3));
  });

  it('refuses first with last, and mixed directions, with a clear message', async () => {
    const first = await relay({ order: 'OPENED_DESC', first: 4 });
    for (const [variables, message] of [
      [{ first: 4, last: 4 }, /either first .* or last .*, not both/],
      [{ first: 4, before: first.pageInfo.endCursor }, /do not mix/],
      [{ last: 4, after: first.pageInfo.endCursor }, /do not mix/],
      [{ last: 0 }, /last must be between 1 and 200/],
      [{ last: 2, before: 'not a cursor' }, /cursor is not valid/],
    ] as const) {
      const response = await product.gql(RELAY, { order: 'OPENED_DESC', ...variables }, tokens.a);
      expect(errorCodes(response), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toMatch(message);
    }
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
