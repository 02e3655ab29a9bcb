import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRows, writeGeneratedCsv } from '../src/seed/import-file.js';
import { IdType, type Gender } from '../src/registry/student/student.entity.js';
import { makeSchool } from './support/factories.js';
import { fixtureDir, validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { openStudentRow, storedResidentId } from './support/sealed.js';

type Snapshot = string[];

/** Problems as comparable lines: type, scope, status and the sorted member ids. */
async function snapshot(app: TestApp): Promise<Snapshot> {
  const rows = (await app.db.dataSource.query(
    `SELECT p.type, p.scope, p.status, string_agg(pm.student_id::text, ',' ORDER BY pm.student_id) AS members
     FROM problems p JOIN problem_members pm ON pm.problem_id = p.id AND pm.left_at IS NULL
     WHERE p.status <> 'RESOLVED' GROUP BY p.id`,
  )) as { type: string; scope: string; status: string; members: string }[];
  return rows.map((r) => `${r.type} ${r.scope} ${r.status} ${r.members}`).sort();
}

describe('incremental detection and a full rescan give the same problems', () => {
  let incremental: TestApp;
  let batch: TestApp;
  const files = fixtureDir();
  afterAll(async () => {
    files.cleanup();
    await incremental?.dispose();
    await batch?.dispose();
  });

  it('on generated templates of two schools that share pupils', async () => {
    incremental = await createTestApp();
    batch = await createTestApp();
    // School B's file repeats some of school A's pupils (moved, never removed at A).
    const a = files.dir + '/a.csv';
    const planted = await writeGeneratedCsv(a, { students: 3000, seed: 11, regionCode: '330106', plantedShare: 0.05 });
    const sharedRows = [...generateRows({ students: 3000, seed: 11, regionCode: '330106', plantedShare: 0.05 })].filter((_, i) => i % 50 === 0);
    const b = files.csv('b.csv', [...generateRows({ students: 2000, seed: 12, regionCode: '330203', plantedShare: 0.05 }), ...sharedRows].map((r) => [r.name, r.gender, r.birthDate, r.idType, r.idNumber]));
    expect(planted.repeated + planted.sameIdentity + planted.wrongCheck).toBeGreaterThan(100);

    for (const app of [incremental, batch]) {
      await makeSchool(app, '330106', 'A');
      await makeSchool(app, '330203', 'B');
    }
    const [schoolA, schoolB] = (await incremental.db.dataSource.query(`SELECT id::text FROM schools ORDER BY id`)) as { id: string }[];
    expect((await incremental.services.imports.importStudents({ schoolId: schoolA!.id, filePath: a })).ok).toBe(true);
    expect((await incremental.services.imports.importStudents({ schoolId: schoolB!.id, filePath: b })).ok).toBe(true);

    // The same records, inserted without detection, then one full rescan.
    const readBack = async (schoolId: string) =>
      ((await incremental.db.dataSource.query(
        `SELECT school_id::text AS "schoolId", name, gender, birth_date::text AS "birthDate", id_type AS "idType", id_number AS "idNumber"
         FROM students WHERE school_id = $1 ORDER BY id`,
        [schoolId],
      )) as { schoolId: string; name: string; gender: Gender; birthDate: string; idType: IdType; idNumber: string }[]).map(openStudentRow);
    for (const schoolId of [schoolA!.id, schoolB!.id]) {
      const students = await readBack(schoolId);
      await batch.db.dataSource.transaction((m) => batch.services.students.insertMany(m, students));
    }
    await batch.db.dataSource.transaction((m) => batch.services.detection.detect(m, { kind: 'all' }));

    const expected = await snapshot(incremental);
    expect(expected.some((line) => line.startsWith('DUPLICATE_ID CROSS_SCHOOL'))).toBe(true);
    expect(expected.some((line) => line.startsWith('DUPLICATE_IDENTITY WITHIN_SCHOOL'))).toBe(true);
    expect(expected.some((line) => line.startsWith('INVALID_ID WITHIN_SCHOOL'))).toBe(true);
    expect(await snapshot(batch)).toEqual(expected);

    // A rescan of the incrementally maintained database finds nothing to change.
    const rescan = await incremental.db.dataSource.transaction((m) => incremental.services.detection.detect(m, { kind: 'all' }));
    expect(rescan).toEqual({ opened: 0, closed: 0, joined: 0, left: 0 });
    expect(await snapshot(incremental)).toEqual(expected);
  });
});

describe('problem groups follow the records', () => {
  let app: TestApp;
  let school: { id: string; regionCode: string };
  beforeAll(async () => {
    app = await createTestApp();
    school = await makeSchool(app, '330106');
  });
  afterAll(() => app?.dispose());

  const insert = (rows: { name: string; gender: Gender; birthDate: string; idNumber: string }[]) =>
    app.db.dataSource.transaction(async (m) => {
      const ids = await app.services.students.insertMany(m, rows.map((r) => ({ ...r, schoolId: school.id, idType: IdType.RESIDENT_ID })));
      await app.services.detection.detect(m, { kind: 'students', studentIds: ids });
      return ids;
    });
  const detect = (studentIds: string[]) => app.db.dataSource.transaction((m) => app.services.detection.detect(m, { kind: 'students', studentIds }));
  const problemOf = async (studentId: string) =>
    ((await app.db.dataSource.query(
      `SELECT p.id::text, p.type, p.status, p.closed_by AS "closedBy", p.version FROM problems p JOIN problem_members pm ON pm.problem_id = p.id
       WHERE pm.student_id = $1 ORDER BY p.id DESC LIMIT 1`,
      [studentId],
    )) as { id: string; type: string; status: string; closedBy: string | null; version: number }[])[0];

  it('closes a problem as resolved by the system when its collision disappears', async () => {
    const id = validId('330106', '2015-01-01', 'M', 1);
    const [a, b] = await insert([
      { name: '林一', gender: 'M' as Gender, birthDate: '2015-01-01', idNumber: id },
      { name: '林一', gender: 'M' as Gender, birthDate: '2015-01-01', idNumber: id },
    ]);
    const open = await problemOf(a!);
    expect(open).toMatchObject({ type: 'DUPLICATE_ID', status: 'OPEN' });
    await app.db.dataSource.query(`UPDATE students SET status = 'DELETED', deleted_at = now(), delete_reason = 'REDUNDANT' WHERE id = $1`, [b]);
    expect(await detect([b!])).toMatchObject({ closed: 1, left: 1 });
    const closed = await problemOf(a!);
    expect(closed).toMatchObject({ id: open!.id, status: 'RESOLVED', closedBy: 'SYSTEM' });
    expect(closed!.version).toBeGreaterThan(open!.version);
    const events = (await app.db.dataSource.query(`SELECT type FROM events WHERE problem_id = $1 ORDER BY id`, [open!.id])) as { type: string }[];
    expect(events.map((e) => e.type)).toEqual(['PROBLEM_OPENED', 'MEMBER_LEFT', 'PROBLEM_CLOSED_BY_SYSTEM']);
  });

  it('remembers pupils proven different until a compared field changes', async () => {
    const [a, b] = await insert([
      { name: '王静', gender: 'F' as Gender, birthDate: '2014-04-04', idNumber: validId('330106', '2014-04-04', 'F', 2) },
      { name: '王静', gender: 'F' as Gender, birthDate: '2014-04-04', idNumber: validId('330106', '2014-04-04', 'F', 3) },
    ]);
    expect(await problemOf(a!)).toMatchObject({ type: 'DUPLICATE_IDENTITY', status: 'OPEN' });
    await app.db.dataSource.query(
      `INSERT INTO distinct_pupils (student_a, student_b, fingerprint_a, fingerprint_b)
       SELECT a.id, b.id, identity_fingerprint(a.name_key, a.gender, a.birth_date, a.id_key), identity_fingerprint(b.name_key, b.gender, b.birth_date, b.id_key)
       FROM students a, students b WHERE a.id = $1 AND b.id = $2`,
      [a, b],
    );
    expect(await detect([a!, b!])).toMatchObject({ closed: 1 });
    expect(await app.db.dataSource.transaction((m) => app.services.detection.detect(m, { kind: 'all' }))).toEqual({ opened: 0, closed: 0, joined: 0, left: 0 });

    // One record's ID number is corrected: the pair is compared afresh.
    const corrected = validId('330106', '2014-04-04', 'F', 4);
    const stored = storedResidentId(corrected);
    await app.db.dataSource.query(`UPDATE students SET id_number = $2, id_key = $3 WHERE id = $1`, [b, stored.idNumber, stored.idKey]);
    expect(await detect([b!])).toMatchObject({ opened: 1 });
    expect(await problemOf(b!)).toMatchObject({ type: 'DUPLICATE_IDENTITY', status: 'OPEN' });
  });
});
