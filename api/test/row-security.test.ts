import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../src/core/auth/caller.js';
import { APP_ROLE, asOwner, NO_ROWS, OWNER, withRowScope, type RowScope } from '../src/core/db/row-scope.js';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { makeSchool, makeStudents, makeUser } from './support/factories.js';
import { HEADER, validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('row-level security: the database walls off pupils and problems by scope', () => {
  let app: TestApp;
  let schoolA: Awaited<ReturnType<typeof makeSchool>>;
  let schoolB: Awaited<ReturnType<typeof makeSchool>>;
  let schoolC: Awaited<ReturnType<typeof makeSchool>>;
  const ids = { a: [] as string[], b: [] as string[], c: [] as string[] };
  let sharedA = '';
  let sharedC = '';
  let crossProblem = '';
  let withinB = '';

  const schoolScope = (school: { id: string }): Scope => ({ kind: 'school', schoolId: school.id });
  const query = <T>(scope: RowScope, sql: string, params: unknown[] = []) => withRowScope(scope, () => app.db.dataSource.query(sql, params) as Promise<T>);
  const studentIds = async (scope: RowScope) => (await query<{ id: string }[]>(scope, `SELECT id::text FROM students ORDER BY students.id`)).map((r) => r.id);
  const problemIds = async (scope: RowScope) => (await query<{ id: string }[]>(scope, `SELECT id::text FROM problems ORDER BY problems.id`)).map((r) => r.id);
  const byId = (a: string, b: string) => Number(a) - Number(b);

  beforeAll(async () => {
    app = await createTestApp();
    schoolA = await makeSchool(app, '330102');
    schoolB = await makeSchool(app, '330102');
    schoolC = await makeSchool(app, '330203');
    ids.a = await makeStudents(app, schoolA, 3);
    ids.b = await makeStudents(app, schoolB, 2);
    ids.c = await makeStudents(app, schoolC, 2);
    // One pupil enrolled at A and at C (a cross-school problem), and one entered twice at B.
    const crossId = validId('330102', '2016-03-04', 'F', 7);
    const twiceId = validId('330102', '2017-05-06', 'M', 8);
    const pupil = (schoolId: string, name: string, idNumber: string, gender: Gender, birthDate: string) => ({
      schoolId, name, gender, birthDate, idType: IdType.RESIDENT_ID, idNumber,
    });
    const inserted = await app.db.dataSource.transaction(async (m) => {
      const rows = await app.services.students.insertMany(m, [
        pupil(schoolA.id, '林小溪', crossId, Gender.F, '2016-03-04'),
        pupil(schoolC.id, '林小溪', crossId, Gender.F, '2016-03-04'),
        pupil(schoolB.id, '赵一鸣', twiceId, Gender.M, '2017-05-06'),
        pupil(schoolB.id, '赵一鸣', twiceId, Gender.M, '2017-05-06'),
      ]);
      await app.services.detection.detect(m, { kind: 'students', studentIds: rows });
      return rows;
    });
    [sharedA, sharedC] = inserted as [string, string];
    ids.a.push(sharedA);
    ids.c.push(sharedC);
    ids.b.push(inserted[2]!, inserted[3]!);
    const problemOf = async (studentId: string, type: string) =>
      ((await app.db.dataSource.query(
        `SELECT p.id::text FROM problems p JOIN problem_members m ON m.problem_id = p.id WHERE m.student_id = $1 AND p.type = $2`,
        [studentId, type],
      )) as { id: string }[])[0]!.id;
    crossProblem = await problemOf(sharedA, 'DUPLICATE_ID');
    withinB = await problemOf(inserted[2]!, 'DUPLICATE_ID');
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('the product role has no BYPASSRLS, and the product’s sessions act as it', async () => {
    const [role] = await query<{ bypass: boolean; superuser: boolean }[]>(OWNER, `SELECT rolbypassrls AS bypass, rolsuper AS superuser FROM pg_roles WHERE rolname = $1`, [APP_ROLE]);
    expect(role).toEqual({ bypass: false, superuser: false });
    for (const scope of [NO_ROWS, schoolScope(schoolA), { kind: 'all' } as RowScope]) {
      expect(await query(scope, `SELECT current_user AS who`)).toEqual([{ who: APP_ROLE }]);
    }
    const tables = await query<{ table: string }[]>(OWNER, `SELECT relname AS table FROM pg_class WHERE relrowsecurity ORDER BY relname`);
    expect(tables.map((t) => t.table)).toEqual(['match_suggestions', 'police_checks', 'problems', 'students', 'transfers', 'verification_campaigns', 'verification_classes', 'verification_escalations', 'verification_marks']);
  });

  it('a transfer is seen by the scopes of its two schools only', async () => {
    const asker = await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolC.id });
    const [row] = await query<{ id: string }[]>(OWNER,
      `INSERT INTO transfers (student_id, from_school_id, to_school_id, pupil_name, requested_by, due_at) VALUES ($1, $2, $3, '某某', $4, now()) RETURNING id::text`,
      [ids.a[0], schoolA.id, schoolC.id, asker.id]);
    const transferIds = async (scope: RowScope) => (await query<{ id: string }[]>(scope, `SELECT id::text FROM transfers`)).map((r) => r.id);
    try {
      for (const scope of [schoolScope(schoolA), schoolScope(schoolC), { kind: 'region', prefix: '3302' } as Scope, { kind: 'all' } as Scope]) {
        expect(await transferIds(scope)).toEqual([row!.id]);
      }
      for (const scope of [schoolScope(schoolB), { kind: 'region', prefix: '330105' } as Scope, NO_ROWS]) expect(await transferIds(scope)).toEqual([]);
    } finally {
      await query(OWNER, `DELETE FROM transfers WHERE id = $1`, [row!.id]);
    }
  });

  it('a raw query without a scope gets no pupil and no problem, though both tables hold rows', async () => {
    expect(await studentIds(OWNER)).toHaveLength(11);
    expect(await problemIds(OWNER)).toHaveLength(2);
    expect(await studentIds(NO_ROWS)).toEqual([]);
    expect(await problemIds(NO_ROWS)).toEqual([]);
    // A session of the product role that nobody gave a scope at all, not even an empty one.
    const rawCounts = async (client: { query: (sql: string) => Promise<{ rows: unknown[] }> }) => {
      const { rows } = await client.query(`SELECT (SELECT count(*) FROM students)::int AS students, (SELECT count(*) FROM problems)::int AS problems`);
      return rows[0];
    };
    await asOwner(() =>
      app.db.dataSource.transaction(async (m) => {
        await m.query(`SET LOCAL ROLE ${APP_ROLE}; SET LOCAL pss.scope TO DEFAULT; SET LOCAL pss.school_id TO DEFAULT; SET LOCAL pss.region_prefix TO DEFAULT`);
        expect(await m.query(`SELECT (SELECT count(*) FROM students)::int AS students, (SELECT count(*) FROM problems)::int AS problems`)).toEqual([{ students: 0, problems: 0 }]);
      }),
    );
    if (app.db.mode === 'server') {
      const client = new pg.Client({ connectionString: app.config.DATABASE_URL });
      await client.connect();
      try {
        await client.query(`SET ROLE ${APP_ROLE}`);
        expect(await rawCounts(client)).toEqual({ students: 0, problems: 0 });
      } finally {
        await client.end();
      }
    }
  });

  it('a school sees its own pupils and the other school’s record in a problem it shares, nothing else', async () => {
    expect(await studentIds(schoolScope(schoolA))).toEqual([...ids.a, sharedC].sort(byId));
    expect(await problemIds(schoolScope(schoolA))).toEqual([crossProblem]);
    expect(await studentIds(schoolScope(schoolB))).toEqual([...ids.b].sort(byId));
    expect(await problemIds(schoolScope(schoolB))).toEqual([withinB]);
  });

  it('a region sees its schools’ pupils and problems, and the far side of a problem that crosses its border', async () => {
    const district: Scope = { kind: 'region', prefix: '330102' };
    expect(await studentIds(district)).toEqual([...ids.a, ...ids.b, sharedC].sort(byId));
    expect(await problemIds(district)).toEqual([crossProblem, withinB].sort(byId));
    const otherCity: Scope = { kind: 'region', prefix: '3302' };
    expect(await studentIds(otherCity)).toEqual([...ids.c, sharedA].sort(byId));
    expect(await problemIds(otherCity)).toEqual([crossProblem]);
    const province: Scope = { kind: 'region', prefix: '33' };
    expect(await studentIds(province)).toHaveLength(11);
  });

  it('a problem follows its schools: a member who left still counts, and a school moved to another region takes its problems along', async () => {
    const district: Scope = { kind: 'region', prefix: '330102' };
    const otherCity: Scope = { kind: 'region', prefix: '3302' };
    await query(OWNER, `UPDATE problem_members SET left_at = now() WHERE problem_id = $1 AND student_id = $2`, [crossProblem, sharedA]);
    expect(await problemIds(district)).toEqual([crossProblem, withinB].sort(byId));
    await query(OWNER, `UPDATE problem_members SET left_at = NULL WHERE problem_id = $1`, [crossProblem]);
    try {
      await query(OWNER, `UPDATE schools SET region_code = '330203' WHERE id = $1`, [schoolB.id]);
      expect(await problemIds(district)).toEqual([crossProblem]);
      expect(await problemIds(otherCity)).toEqual([crossProblem, withinB].sort(byId));
      expect(await problemIds(schoolScope(schoolB))).toEqual([withinB]);
    } finally {
      await query(OWNER, `UPDATE schools SET region_code = '330102' WHERE id = $1`, [schoolB.id]);
    }
    expect(await problemIds(district)).toEqual([crossProblem, withinB].sort(byId));
    expect(await problemIds(otherCity)).toEqual([crossProblem]);
  });

  it('a service query with no scope filter of its own (the record loader) is still walled', async () => {
    const all = [...ids.a, ...ids.b, ...ids.c];
    const seen = await withRowScope(schoolScope(schoolB), () => app.services.students.byIds(all));
    expect(seen.map((s) => s.id).sort(byId)).toEqual([...ids.b].sort(byId));
  });

  it('a school cannot change another school’s record, not even one it can see, nor write a record for another school', async () => {
    const update = (scope: RowScope, id: string) =>
      withRowScope(scope, () =>
        app.db.dataSource.transaction(async (m) => {
          const [, affected] = (await m.query(`UPDATE students SET class_name = 'walled' WHERE id = $1`, [id])) as [unknown, number];
          return affected;
        }),
      );
    expect(await update(schoolScope(schoolA), ids.b[0]!)).toBe(0);
    expect(await update(schoolScope(schoolA), sharedC)).toBe(0);
    expect(await update(schoolScope(schoolA), ids.a[0]!)).toBe(1);
    expect(await query(OWNER, `SELECT count(*)::int AS changed FROM students WHERE class_name = 'walled'`)).toEqual([{ changed: 1 }]);
    await expect(
      withRowScope(schoolScope(schoolA), () =>
        app.db.dataSource.query(`INSERT INTO students (school_id, name, gender, birth_date) VALUES ($1, '外校生', 'M', '2016-01-01')`, [schoolB.id]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('an import that would land rows outside its importer’s scope keeps nothing', async () => {
    const file = path.join(app.config.DATA_DIR, 'other-school.csv');
    writeFileSync(file, `${HEADER.join(',')}\n钱多多,男,2016-02-02,居民身份证,${validId('330102', '2016-02-02', 'M', 11)}\n`);
    const before = await studentIds(OWNER);
    await expect(withRowScope(schoolScope(schoolA), () => app.services.imports.importStudents({ schoolId: schoolB.id, filePath: file }))).rejects.toThrow(
      /scope sees 0|row-level security/,
    );
    expect(await studentIds(OWNER)).toEqual(before);
    const own = await withRowScope(schoolScope(schoolB), () => app.services.imports.importStudents({ schoolId: schoolB.id, filePath: file }));
    expect(own).toMatchObject({ ok: true, rowsImported: 1 });
  });
});
