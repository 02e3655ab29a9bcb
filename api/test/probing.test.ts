import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdType, type Gender } from '../src/registry/student/student.entity.js';
import { makeSchool, makeUser } from './support/factories.js';
import { PLAIN_PDF } from './support/images.js';
import { startProduct, type GraphQLResponse } from './support/product.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * A hostile caller must not learn which ids exist: for every kind of id, one that exists outside
 * the caller's scope and one that does not exist at all get byte-identical answers (code, message,
 * data, HTTP status). Each probe is run with an existing other-scope id and a made-up one.
 */
const MISSING = '999999999';

describe('probing ids: out of scope answers exactly like missing', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  const tokens = { a: '', b: '', c: '', farDistrict: '' };
  const other = { schoolId: '', problemId: '', studentId: '', deletedStudentId: '', messageId: '', materialId: '', jobId: '', uploadId: '', holdId: '' };
  const own = { schoolId: '', problemId: '', studentId: '' };

  /** Two records with the same ID number, detected as an import would: returns the first record and its problem. */
  async function pair(first: { id: string }, second: { id: string }, sequence: number) {
    const idNumber = validId('330106', '2014-05-0' + sequence, 'M', sequence);
    const ids = await app.db.dataSource.transaction(async (m) => {
      const inserted = await app.services.students.insertMany(m, [first, second].map((s) => ({
        schoolId: s.id, name: `探测${sequence}`, gender: 'M' as Gender, birthDate: `2014-05-0${sequence}`, idType: IdType.RESIDENT_ID, idNumber,
      })));
      await app.services.detection.detect(m, { kind: 'students', studentIds: inserted });
      return inserted;
    });
    const [row] = (await app.db.dataSource.query(`SELECT problem_id::text AS id FROM problem_members WHERE student_id = $1`, [ids[0]])) as { id: string }[];
    return { studentId: ids[0]!, secondId: ids[1]!, problemId: row!.id };
  }
  const upload = async (token: string) =>
    ((await (await fetch(`${product.url}/uploads`, { method: 'POST', headers: { 'x-file-name': 'students.csv', authorization: `Bearer ${token}` }, body: Buffer.from('学号,备注\n1,无\n') })).json()) as { uploadId: string }).uploadId;

  /** An import of the school held for review, as a file of guessed ID numbers would be. */
  const heldImport = async (schoolId: string) => {
    const [importer] = (await app.db.dataSource.query(`SELECT id FROM users WHERE school_id = $1 LIMIT 1`, [schoolId])) as { id: string }[];
    const [hold] = (await app.db.dataSource.query(
      `INSERT INTO import_holds (school_id, actor_id, file_name, content_hash, skip_invalid, forced, rows_read, cross_school_matches, reason)
       VALUES ($1, $2, 'guessed.csv', repeat('0', 64), false, false, 25, 20, 'THRESHOLD') RETURNING id::text`,
      [schoolId, importer!.id],
    )) as { id: string }[];
    return hold!.id;
  };

  beforeAll(async () => {
    app = await createTestApp();
    const schoolA = await makeSchool(app, '330106');
    const schoolB = await makeSchool(app, '330102');
    const schoolC = await makeSchool(app, '330102');
    product = await startProduct(app);
    tokens.a = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolA.id })).username);
    tokens.b = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolB.id })).username);
    tokens.c = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolC.id })).username);
    // District staff of another province: B's problems and records are outside its region.
    tokens.farDistrict = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '320102' })).username);

    const mine = await pair(schoolA, schoolA, 1);
    Object.assign(own, { schoolId: schoolA.id, problemId: mine.problemId, studentId: mine.studentId });
    const theirs = await pair(schoolB, schoolB, 2);
    await app.db.dataSource.query(`UPDATE students SET status = 'DELETED', deleted_at = now(), delete_reason = 'REDUNDANT' WHERE id = $1`, [theirs.secondId]);
    const cross = await pair(schoolB, schoolC, 3);
    const posted = await product.gql(`mutation($i: PostMessageInput!) { postMessage(input: $i) { ok id } }`,
      { i: { problemId: cross.problemId, body: '请确认', proposal: 'KEEP_ONE', keepStudentId: cross.studentId } }, tokens.b);
    const material = await fetch(`${product.url}/materials?kind=ID_CARD`, { method: 'POST', headers: { authorization: `Bearer ${tokens.b}` }, body: new Uint8Array(PLAIN_PDF) });
    const job = await product.gql(`mutation($i: ImportStudentsInput!) { importStudents(input: $i) { id } }`, { i: { uploadId: await upload(tokens.b), schoolId: schoolB.id } }, tokens.b);
    Object.assign(other, {
      schoolId: schoolB.id, problemId: theirs.problemId, studentId: theirs.studentId, deletedStudentId: theirs.secondId, messageId: posted.data.postMessage.id,
      materialId: ((await material.json()) as { materialId: string }).materialId, jobId: job.data.importStudents.id, uploadId: await upload(tokens.b),
      holdId: await heldImport(schoolB.id),
    });
    expect(Object.values(other).every(Boolean)).toBe(true);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  /** What a client can observe of an answer, apart from the request id. */
  const observed = (r: GraphQLResponse) =>
    JSON.stringify({ status: r.status, data: r.data ?? null, errors: (r.errors ?? []).map((e) => ({ code: e.extensions?.code, message: e.message })) });

  const probes: [kind: string, token: keyof typeof tokens, query: string, variables: (id: string) => Record<string, unknown>, target: () => string][] = [
    ['problem', 'a', `query($id: ID!) { problem(id: $id) { id } }`, (id) => ({ id }), () => other.problemId],
    ['problem (postMessage)', 'a', `mutation($i: PostMessageInput!) { postMessage(input: $i) { ok } }`, (id) => ({ i: { problemId: id, body: '你好' } }), () => other.problemId],
    ['problem (escalateProblem)', 'a', `mutation($i: EscalateInput!) { escalateProblem(input: $i) { ok } }`, (id) => ({ i: { problemId: id, version: 1, reason: '不同意' } }), () => other.problemId],
    ['problem (actOnRecord)', 'a', `mutation($i: RecordActionInput!) { actOnRecord(input: $i) { ok } }`,
      (id) => ({ i: { problemId: id, version: 1, studentId: own.studentId, action: 'DELETE', deleteReason: 'REDUNDANT' } }), () => other.problemId],
    ['problem (reviewProblem)', 'farDistrict', `mutation($i: ReviewInput!) { reviewProblem(input: $i) { ok } }`, (id) => ({ i: { problemId: id, version: 1, decision: 'APPROVE' } }), () => other.problemId],
    ['problem (decideProblem)', 'farDistrict', `mutation($i: DecisionInput!) { decideProblem(input: $i) { ok } }`,
      (id) => ({ i: { problemId: id, version: 1, keepStudentIds: [], deletions: [] } }), () => other.problemId],
    ['student', 'a', `query($id: ID!) { student(id: $id) { id name } }`, (id) => ({ id }), () => other.studentId],
    ['student (idNumber reveal)', 'a', `query($id: ID!) { student(id: $id) { idNumber } }`, (id) => ({ id }), () => other.studentId],
    ['student (actOnRecord)', 'a', `mutation($i: RecordActionInput!) { actOnRecord(input: $i) { ok } }`,
      (id) => ({ i: { problemId: own.problemId, version: 1, studentId: id, action: 'DELETE', deleteReason: 'REDUNDANT' } }), () => other.studentId],
    ['student (restoreStudent)', 'farDistrict', `mutation($id: ID!) { restoreStudent(studentId: $id, reason: "误删") { ok } }`, (id) => ({ id }), () => other.deletedStudentId],
    ['message (answerProposal)', 'a', `mutation($i: AnswerProposalInput!) { answerProposal(input: $i) { ok } }`, (id) => ({ i: { messageId: id, accept: true } }), () => other.messageId],
    ['held import (decideHeldImport)', 'farDistrict', `mutation($i: DecideHeldImportInput!) { decideHeldImport(input: $i) { ok } }`, (id) => ({ i: { id, approve: true } }), () => other.holdId],
    ['import job', 'a', `query($id: ID!) { importJob(id: $id) { id } }`, (id) => ({ id }), () => other.jobId],
    ['upload (importStudents)', 'a', `mutation($i: ImportStudentsInput!) { importStudents(input: $i) { id } }`, (id) => ({ i: { uploadId: id, schoolId: own.schoolId } }), () => other.uploadId],
    ['school', 'a', `query($id: ID!) { school(id: $id) { id } }`, (id) => ({ id }), () => other.schoolId],
    ['school (students filter)', 'a', `query($id: ID) { students(filter: { schoolId: $id }) { totalCount } }`, (id) => ({ id }), () => other.schoolId],
  ];

  it.each(probes)('%s: an existing other-scope id and a missing one get the same NOT_FOUND', async (_kind, token, query, variables, target) => {
    const existing = await product.gql(query, variables(target()), tokens[token]);
    const missing = await product.gql(query, variables(_kind.startsWith('import job') || _kind.startsWith('upload') ? '7c0a5e4e-0000-4000-8000-000000000000' : MISSING), tokens[token]);
    expect(existing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(observed(existing)).toBe(observed(missing));
  });

  it('material download: the same 404 and body for another school\'s material and a missing one', async () => {
    const get = async (id: string) => {
      const response = await fetch(`${product.url}/materials/${id}`, { headers: { authorization: `Bearer ${tokens.a}` } });
      return { status: response.status, body: await response.text() };
    };
    const existing = await get(other.materialId);
    expect(existing.status).toBe(404);
    expect(existing).toEqual(await get(MISSING));
    // The owner still gets it.
    expect((await fetch(`${product.url}/materials/${other.materialId}`, { headers: { authorization: `Bearer ${tokens.b}` } })).status).toBe(200);
  });
});
