import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../src/core/text-limits.js';
import { IdType, type Gender } from '../src/registry/student/student.entity.js';
import { makeSchool, makeUser } from './support/factories.js';
import { PLAIN_PDF } from './support/images.js';
import { startProduct } from './support/product.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const PAYLOAD = 'ok error { code message field }';
const POST = `mutation($i: PostMessageInput!) { postMessage(input: $i) { ${PAYLOAD} id } }`;
const ANSWER = `mutation($i: AnswerProposalInput!) { answerProposal(input: $i) { ${PAYLOAD} } }`;
const ESCALATE = `mutation($i: EscalateInput!) { escalateProblem(input: $i) { ${PAYLOAD} } }`;
const DECIDE = `mutation($i: DecisionInput!) { decideProblem(input: $i) { ${PAYLOAD} } }`;
const REVIEW = `mutation($i: ReviewInput!) { reviewProblem(input: $i) { ${PAYLOAD} } }`;
const ACT = `mutation($i: RecordActionInput!) { actOnRecord(input: $i) { ${PAYLOAD} } }`;
const RESTORE = `mutation($id: ID!, $reason: String!) { restoreStudent(studentId: $id, reason: $reason) { ${PAYLOAD} } }`;

/**
 * Every free-text input has a maximum length (TEXT_LIMITS): one character more is refused as data
 * (TOO_LONG, naming the field and the limit) and nothing is written; the limit itself is taken.
 */
describe('free-text length limits', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let schoolA: { id: string; regionCode: string };
  let schoolB: { id: string; regionCode: string };
  const tokens = { a: '', b: '', district: '' };

  beforeAll(async () => {
    app = await createTestApp();
    schoolA = await makeSchool(app, '330106');
    schoolB = await makeSchool(app, '330106');
    product = await startProduct(app);
    tokens.a = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolA.id })).username);
    tokens.b = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolB.id })).username);
    tokens.district = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330106' })).username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  async function pair(first: { id: string }, second: { id: string }, sequence: number) {
    const idNumber = validId('330106', '2013-06-0' + sequence, 'F', sequence);
    const ids = await app.db.dataSource.transaction(async (m) => {
      const inserted = await app.services.students.insertMany(m, [first, second].map((s) => ({
        schoolId: s.id, name: `限长${sequence}`, gender: 'F' as Gender, birthDate: `2013-06-0${sequence}`, idType: IdType.RESIDENT_ID, idNumber,
      })));
      await app.services.detection.detect(m, { kind: 'students', studentIds: inserted });
      return inserted;
    });
    const [row] = (await app.db.dataSource.query(`SELECT problem_id::text AS id FROM problem_members WHERE student_id = $1`, [ids[0]])) as { id: string }[];
    return { ids: ids as [string, string], problemId: row!.id };
  }
  const version = async (problemId: string) =>
    ((await app.db.dataSource.query(`SELECT version FROM problems WHERE id = $1`, [problemId])) as { version: number }[])[0]!.version;
  /** Everything a refused request could have written. */
  const written = async () =>
    app.db.dataSource.query(`SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM problem_messages)::int AS messages,
      (SELECT string_agg(id || ':' || status || ':' || version, ',' ORDER BY id) FROM problems) AS problems,
      (SELECT string_agg(id || ':' || status, ',' ORDER BY id) FROM students) AS students,
      (SELECT string_agg(id || ':' || coalesce(proposal_status, '') || ':' || coalesce(answer_reason, ''), ',' ORDER BY id) FROM problem_messages) AS answers`);
  const text = (n: number) => '字'.repeat(n);

  /** One character over the limit: TOO_LONG naming the field and the limit, and nothing written. */
  async function refusesOverLimit(run: (value: string) => Promise<any>, field: string, limit: number) {
    const before = await written();
    const answer = await run(text(limit + 1));
    expect(answer.errors).toBeUndefined();
    const payload = Object.values(answer.data)[0] as { ok: boolean; error: { code: string; message: string; field: string } };
    expect(payload).toMatchObject({ ok: false, error: { code: 'TOO_LONG', field } });
    expect(payload.error.message).toContain(String(limit));
    expect(payload.error.message).toContain(field);
    expect(await written()).toEqual(before);
  }
  const accepted = (answer: any) => expect(Object.values(answer.data)[0]).toMatchObject({ ok: true, error: null });

  it('has one table of limits, and the portal\'s inputs use the same values', () => {
    expect(TEXT_LIMITS).toMatchObject({ messageBody: 2000, answerReason: 500, escalationReason: 500, reviewReason: 500, decisionNote: 500, actionComment: 500, restoreReason: 500 });
    const portal = readFileSync(new URL('../../portal/src/domain/text-limits.ts', import.meta.url), 'utf8');
    const portalLimits = Object.fromEntries([...portal.matchAll(/^\s+(\w+): (\d+),$/gm)].map((m) => [m[1], Number(m[2])]));
    const { fileName: _notTyped, ...typed } = TEXT_LIMITS;
    expect(portalLimits).toEqual(typed);
  });

  it('negotiation: message body, answer reason and escalation reason; then the decision note and the restore reason', async () => {
    const { ids, problemId } = await pair(schoolA, schoolB, 1);
    const post = (body: string) => product.gql(POST, { i: { problemId, body, proposal: 'KEEP_ONE', keepStudentId: ids[0] } }, tokens.a);
    await refusesOverLimit(post, 'body', TEXT_LIMITS.messageBody);
    const posted = await post(text(TEXT_LIMITS.messageBody));
    accepted(posted);
    const messageId = posted.data.postMessage.id;

    const answer = (reason: string) => product.gql(ANSWER, { i: { messageId, accept: false, reason } }, tokens.b);
    await refusesOverLimit(answer, 'reason', TEXT_LIMITS.answerReason);
    accepted(await answer(text(TEXT_LIMITS.answerReason)));

    const escalate = async (reason: string) => product.gql(ESCALATE, { i: { problemId, version: await version(problemId), reason } }, tokens.a);
    await refusesOverLimit(escalate, 'reason', TEXT_LIMITS.escalationReason);
    accepted(await escalate(text(TEXT_LIMITS.escalationReason)));

    const decide = async (note: string) =>
      product.gql(DECIDE, { i: { problemId, version: await version(problemId), keepStudentIds: [ids[0]], deletions: [{ studentId: ids[1], reason: 'NOT_STUDYING_HERE' }], note } }, tokens.district);
    await refusesOverLimit(decide, 'note', TEXT_LIMITS.decisionNote);
    accepted(await decide(text(TEXT_LIMITS.decisionNote)));

    const restore = (reason: string) => product.gql(RESTORE, { id: ids[1], reason }, tokens.district);
    await refusesOverLimit(restore, 'reason', TEXT_LIMITS.restoreReason);
    accepted(await restore(text(TEXT_LIMITS.restoreReason)));
  });

  it('school actions: the comment; district review: the reject reason', async () => {
    const { ids, problemId } = await pair(schoolA, schoolA, 2);
    const remove = async (comment: string) =>
      product.gql(ACT, { i: { problemId, version: await version(problemId), studentId: ids[1], action: 'DELETE', deleteReason: 'REDUNDANT', comment } }, tokens.a);
    await refusesOverLimit(remove, 'comment', TEXT_LIMITS.actionComment);
    accepted(await remove(text(TEXT_LIMITS.actionComment)));
    const material = await fetch(`${product.url}/materials?kind=HOUSEHOLD_REGISTER`, { method: 'POST', headers: { authorization: `Bearer ${tokens.a}` }, body: new Uint8Array(PLAIN_PDF) });
    const { materialId } = (await material.json()) as { materialId: string };
    accepted(await product.gql(ACT, { i: { problemId, version: await version(problemId), studentId: ids[0], action: 'CORROBORATE', materialIds: [materialId] } }, tokens.a));

    const reject = async (reason: string) => product.gql(REVIEW, { i: { problemId, version: await version(problemId), decision: 'REJECT', reason } }, tokens.district);
    await refusesOverLimit(reject, 'reason', TEXT_LIMITS.reviewReason);
    accepted(await reject(text(TEXT_LIMITS.reviewReason)));
  });
});
