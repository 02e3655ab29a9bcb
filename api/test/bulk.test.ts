import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSchool, makeUser } from './support/factories.js';
import { PLAIN_PDF } from './support/images.js';
import { errorCodes, startProduct } from './support/product.js';
import { HEADER, validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Bulk actions: the later copies of a template imported twice, one material for many, a batch of approvals. */
describe('bulk actions', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let school: { id: string; regionCode: string };
  let other: { id: string; regionCode: string };
  const tokens = { a: '', b: '', district: '' };
  let file = '';
  let otherFile = '';

  const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await product.gql(query, variables, token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const importFile = async (schoolId: string, filePath = file) => (await app.services.imports.importStudents({ schoolId, filePath, force: true })).importId!;
  const copies = async (importId: string) =>
    (await gql(`query($id: ID!) { importCopies(importId: $id) { studentId problemId version row name keptStudentId } }`, { id: importId }, tokens.a)).importCopies as {
      studentId: string;
      problemId: string;
      version: number;
      row: number;
      keptStudentId: string;
    }[];
  const BULK = `mutation($i: BulkActionInput!) { bulkActOnRecords(input: $i) { ok done failedIndex error { code } } }`;
  const statuses = async (ids: string[]) => ((await app.db.dataSource.query(`SELECT status FROM students WHERE id = ANY($1) ORDER BY id`, [ids])) as { status: string }[]).map((r) => r.status);
  const problemStatuses = async (ids: string[]) =>
    ((await app.db.dataSource.query(`SELECT status FROM problems WHERE id = ANY($1) ORDER BY id`, [ids])) as { status: string }[]).map((r) => r.status);

  beforeAll(async () => {
    app = await createTestApp();
    school = await makeSchool(app, '330102');
    other = await makeSchool(app, '330102');
    const dir = mkdtempSync(path.join(tmpdir(), 'pss-bulk-'));
    const write = (name: string, sequence: number) => {
      const rows = [1, 2, 3, 4].map((n) => [`学生${n}`, '女', `2016-05-0${n}`, '居民身份证', validId('330102', `2016-05-0${n}`, 'F', sequence + n)]);
      writeFileSync(path.join(dir, name), [HEADER, ...rows].map((r) => r.join(',')).join('\n'));
      return path.join(dir, name);
    };
    file = write('class.csv', 0);
    otherFile = write('other-class.csv', 10);
    product = await startProduct(app);
    tokens.a = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: school.id })).username);
    tokens.b = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: other.id })).username);
    tokens.district = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330102' })).username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  it('a template imported twice: delete the later copies at once, corroborate what stays with one material, approve them together', async () => {
    const first = await importFile(school.id);
    const second = await importFile(school.id);
    const later = await copies(second);
    expect(later.map((c) => c.row)).toEqual([2, 3, 4, 5]);
    const firstIds = ((await app.db.dataSource.query(`SELECT id::text FROM students WHERE import_id = $1 ORDER BY id`, [first])) as { id: string }[]).map((r) => r.id);
    expect(later.map((c) => c.keptStudentId)).toEqual(firstIds);
    expect(errorCodes(await product.gql(`query($id: ID!) { importCopies(importId: $id) { studentId } }`, { id: second }, tokens.b))).toEqual(['NOT_FOUND']);

    const items = later.map(({ problemId, version, studentId }) => ({ problemId, version, studentId }));
    expect((await gql(BULK, { i: { items, action: 'DELETE', deleteReason: 'REDUNDANT', comment: '模板重复导入' } }, tokens.a)).bulkActOnRecords).toEqual({ ok: true, done: 4, failedIndex: null, error: null });
    expect(await statuses(later.map((c) => c.studentId))).toEqual(['DELETED', 'DELETED', 'DELETED', 'DELETED']);
    const problemIds = later.map((c) => c.problemId);
    // Each deletion is a single action in its problem's history.
    const deletes = (await app.db.dataSource.query(`SELECT problem_id::text AS p, data->>'comment' AS comment FROM events WHERE type = 'ACTION_DELETE' ORDER BY id`)) as { p: string; comment: string }[];
    expect(deletes).toEqual(problemIds.map((p) => ({ p, comment: '模板重复导入' })));

    const material = ((await (await fetch(`${product.url}/materials?kind=HOUSEHOLD_REGISTER`, { method: 'POST', headers: { authorization: `Bearer ${tokens.a}` }, body: new Uint8Array(PLAIN_PDF) })).json()) as {
      materialId: string;
    }).materialId;
    const versions = (await app.db.dataSource.query(`SELECT id::text, version FROM problems WHERE id = ANY($1) ORDER BY id`, [problemIds])) as { id: string; version: number }[];
    const keep = versions.map((p, i) => ({ problemId: p.id, version: p.version, studentId: firstIds[i] }));
    expect((await gql(BULK, { i: { items: keep, action: 'CORROBORATE', materialIds: [material] } }, tokens.a)).bulkActOnRecords).toMatchObject({ ok: true, done: 4 });
    expect(await problemStatuses(problemIds)).toEqual(['PENDING_REVIEW', 'PENDING_REVIEW', 'PENDING_REVIEW', 'PENDING_REVIEW']);

    const pending = (await app.db.dataSource.query(`SELECT id::text AS "problemId", version FROM problems WHERE id = ANY($1) ORDER BY id`, [problemIds])) as { problemId: string; version: number }[];
    const REVIEW = `mutation($i: BulkReviewInput!) { bulkReviewProblems(input: $i) { ok done failedIndex error { code } } }`;
    expect(errorCodes(await product.gql(REVIEW, { i: { items: pending, decision: 'APPROVE' } }, tokens.a))).toEqual(['FORBIDDEN']);
    expect((await gql(REVIEW, { i: { items: pending, decision: 'APPROVE' } }, tokens.district)).bulkReviewProblems).toEqual({ ok: true, done: 4, failedIndex: null, error: null });
    expect(await problemStatuses(problemIds)).toEqual(['RESOLVED', 'RESOLVED', 'RESOLVED', 'RESOLVED']);
  });

  it('all or nothing: one record refused leaves every record as it was, and says which', async () => {
    const second = await importFile(school.id);
    const later = await copies(second);
    const items = later.map(({ problemId, version, studentId }) => ({ problemId, version, studentId }));
    items[2] = { ...items[2]!, version: items[2]!.version + 7 };
    expect((await gql(BULK, { i: { items, action: 'DELETE', deleteReason: 'REDUNDANT' } }, tokens.a)).bulkActOnRecords).toEqual({ ok: false, done: 0, failedIndex: 2, error: { code: 'STALE_VERSION' } });
    expect(await statuses(later.map((c) => c.studentId))).toEqual(['ENROLLED', 'ENROLLED', 'ENROLLED', 'ENROLLED']);
    expect((await gql(BULK, { i: { items: [], action: 'DELETE', deleteReason: 'REDUNDANT' } }, tokens.a)).bulkActOnRecords).toMatchObject({ ok: false, failedIndex: -1, error: { code: 'INVALID_VALUE' } });

    const REVIEW = `mutation($i: BulkReviewInput!) { bulkReviewProblems(input: $i) { ok done failedIndex error { code } } }`;
    const open = items.map(({ problemId, version }) => ({ problemId, version }));
    expect((await gql(REVIEW, { i: { items: open, decision: 'APPROVE' } }, tokens.district)).bulkReviewProblems).toEqual({ ok: false, done: 0, failedIndex: 0, error: { code: 'NOT_PENDING_REVIEW' } });
  });

  it('two copies in one problem are deleted together, the second at the version the first left', async () => {
    await importFile(other.id, otherFile);
    const fourth = await importFile(other.id, otherFile);
    const fifth = await importFile(other.id, otherFile);
    const own = async (importId: string) =>
      (await gql(`query($id: ID!) { importCopies(importId: $id) { studentId problemId version } }`, { id: importId }, tokens.b)).importCopies as { studentId: string; problemId: string; version: number }[];
    const items = [...(await own(fourth)), ...(await own(fifth))];
    expect(new Set(items.map((i) => i.problemId)).size).toBe(4);
    expect((await gql(BULK, { i: { items, action: 'DELETE', deleteReason: 'REDUNDANT' } }, tokens.b)).bulkActOnRecords).toMatchObject({ ok: true, done: 8 });
    expect(await statuses(items.map((i) => i.studentId))).toEqual(Array(8).fill('DELETED'));
  });
});
