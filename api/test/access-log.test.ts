import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/core/config.js';
import { asOwner } from '../src/core/db/row-scope.js';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { makeSchool, makeStudents, makeUser } from './support/factories.js';
import { startProduct } from './support/product.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { openStudentRow } from './support/sealed.js';

describe('the read log: who viewed which record', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let user: { id: string; username: string };
  let token = '';
  let studentIds: string[] = [];
  let problemId = '';

  beforeAll(async () => {
    app = await createTestApp();
    const school = await makeSchool(app, '330102');
    studentIds = await makeStudents(app, school, 3);
    const idNumber = validId('330102', '2015-02-02', 'F', 1);
    const pair = await app.db.dataSource.transaction(async (m) => {
      const ids = await app.services.students.insertMany(m, [0, 1].map(() => ({ schoolId: school.id, name: '何二', gender: Gender.F, birthDate: '2015-02-02', idType: IdType.RESIDENT_ID, idNumber })));
      await app.services.detection.detect(m, { kind: 'students', studentIds: ids });
      return ids;
    });
    studentIds.push(...pair);
    problemId = ((await app.db.dataSource.query(`SELECT problem_id::text AS id FROM problem_members WHERE student_id = $1`, [pair[0]])) as { id: string }[])[0]!.id;
    product = await startProduct(app);
    user = await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: school.id });
    token = await product.login(user.username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  const entries = async () =>
    (await app.db.dataSource.query(`SELECT subject_type AS type, subject_ids::text[] AS ids, operation, request_id IS NOT NULL AS "hasRequest" FROM access_log WHERE user_id = $1 ORDER BY id`, [
      user.id,
    ])) as { type: string; ids: string[]; operation: string; hasRequest: boolean }[];

  it('logs every list, record, problem, member and referenced record read, with the ids, before answering', async () => {
    await product.gql(`{ students(first: 50) { nodes { id name } } }`, {}, token);
    await product.gql(`query($id: ID!) { student(id: $id) { id name } }`, { id: studentIds[0] }, token);
    await product.gql(`query($id: ID!) { problem(id: $id) { id members { name student { id className } } } }`, { id: problemId }, token);
    await product.gql(`{ problems { nodes { id } } }`, {}, token);
    const log = await entries();
    expect(log).toEqual([
      { type: 'student', ids: [...studentIds].sort((a, b) => Number(a) - Number(b)), operation: 'students', hasRequest: true },
      { type: 'student', ids: [studentIds[0]], operation: 'student', hasRequest: true },
      // One request, one statement: the problem, its members (read as its records), and the full
      // records reached from them through the other subgraph.
      { type: 'problem', ids: [problemId], operation: 'problem', hasRequest: true },
      { type: 'student', ids: studentIds.slice(3), operation: 'problem', hasRequest: true },
      { type: 'student', ids: studentIds.slice(3), operation: 'entities', hasRequest: true },
      { type: 'problem', ids: [problemId], operation: 'problems', hasRequest: true },
    ]);
    const readers = await app.services.accessLog.readersOf('student', studentIds[0]!);
    expect(readers.map((r) => [r.username, r.operation])).toEqual([
      [user.username, 'student'],
      [user.username, 'students'],
    ]);
  });

  it('withholds what was read when the read log cannot be written, in the single process as over HTTP', async () => {
    const { accessLog } = app.services;
    const recordMany = accessLog.recordMany.bind(accessLog);
    accessLog.recordMany = () => Promise.reject(new Error('the log table is unreachable'));
    try {
      const answer = (await product.gql(`{ students(first: 5) { nodes { id name } } }`, {}, token)) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      expect(JSON.stringify(answer.data ?? null)).not.toContain(`"${studentIds[0]}"`);
      expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      accessLog.recordMany = recordMany;
    }
  });

  it('cannot be changed, nor emptied before six months; the purge removes only what is older', async () => {
    await expect(app.db.dataSource.query(`UPDATE access_log SET operation = 'x'`)).rejects.toThrow(/permission denied for table access_log/);
    await expect(asOwner(() => app.db.dataSource.query(`UPDATE access_log SET operation = 'x'`))).rejects.toThrow(/append-only/);
    await expect(app.db.dataSource.query(`DELETE FROM access_log`)).rejects.toThrow(/183 days/);
    await app.db.dataSource.query(`INSERT INTO access_log (user_id, subject_type, subject_ids, operation, at) VALUES ($1, 'student', $2, 'students', now() - interval '200 days')`, [
      user.id,
      [studentIds[0]],
    ]);
    const before = (await entries()).length;
    expect(await app.services.accessLog.purge()).toBe(1);
    expect((await entries()).length).toBe(before - 1);
    expect(() => parseConfig({ ACCESS_LOG_RETENTION_DAYS: '30' })).toThrow(/ACCESS_LOG_RETENTION_DAYS: must be at least 183/);
  });
});

describe('full ID numbers: masked in lists, revealed one record at a time, every reveal logged', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let token = '';
  let user: { id: string; username: string };
  let ids: string[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    const school = await makeSchool(app, '330102');
    ids = await makeStudents(app, school, 2);
    product = await startProduct(app);
    user = await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: school.id });
    token = await product.login(user.username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  it('refuses full numbers in a list, gives them for one record, and logs the reveal as an access and an event', async () => {
    const list = await product.gql(`{ students { nodes { idNumberMasked idNumber } } }`, {}, token);
    expect(list.errors?.[0]).toMatchObject({ message: expect.stringMatching(/one record at a time/), extensions: { code: 'FORBIDDEN' } });
    const masked = await product.gql(`{ students { nodes { id idNumberMasked } } }`, {}, token);
    expect(masked.data.students.nodes.every((n: { idNumberMasked: string }) => /^\d{6}\*{11}[\dX]$/.test(n.idNumberMasked))).toBe(true);

    const one = await product.gql(`query($id: ID!) { student(id: $id) { idNumber } }`, { id: ids[0] }, token);
    const [stored] = (await app.db.dataSource.query(`SELECT id_number FROM students WHERE id = $1`, [ids[0]])) as { id_number: string }[];
    expect(one.data.student.idNumber).toBe(openStudentRow({ idNumber: stored!.id_number }).idNumber);
    const reveals = (await app.db.dataSource.query(`SELECT subject_ids::text[] AS ids FROM access_log WHERE user_id = $1 AND subject_type = 'id_number'`, [user.id])) as { ids: string[] }[];
    expect(reveals).toEqual([{ ids: [ids[0]] }]);
    const events = (await app.db.dataSource.query(`SELECT actor_id::text AS actor FROM events WHERE type = 'ID_NUMBER_REVEALED' AND subject_id = $1`, [ids[0]])) as { actor: string }[];
    expect(events).toEqual([{ actor: user.id }]);
  });
});
