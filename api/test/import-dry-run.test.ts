import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../src/core/auth/caller.js';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { makeSchool, makeUser } from './support/factories.js';
import { HEADER, validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** importStudents with dryRun: everything an import does, per row, and nothing of it kept. */
describe('import dry run', () => {
  let app: TestApp;
  let school: { id: string; regionCode: string };
  let importer: Caller;
  let file: string;
  const counts = async () =>
    (
      (await app.db.dataSource.query(
        `SELECT (SELECT count(*) FROM students)::int AS students, (SELECT count(*) FROM imports)::int AS imports,
                (SELECT count(*) FROM problems)::int AS problems, (SELECT count(*) FROM events)::int AS events`,
      )) as Record<string, number>[]
    )[0];

  beforeAll(async () => {
    app = await createTestApp();
    school = await makeSchool(app, '330102');
    const other = await makeSchool(app, '330106');
    const theirs = validId('330106', '2015-06-01', 'F', 4);
    await app.db.dataSource.transaction((m) =>
      app.services.students.insertMany(m, [{ schoolId: other.id, name: '周一诺', gender: Gender.F, birthDate: '2015-06-01', idType: IdType.RESIDENT_ID, idNumber: theirs }]),
    );
    const user = await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: school.id });
    importer = { userId: user.id, username: user.username, role: 'SCHOOL_REGISTRAR', schoolId: school.id };
    const twice = validId('330102', '2015-02-02', 'M', 5);
    const wrong = validId('330102', '2015-03-03', 'M', 6);
    const rows = [
      ['新同学', '男', '2015-01-01', '居民身份证', validId('330102', '2015-01-01', 'M', 3)],
      ['周一诺', '女', '2015-06-01', '居民身份证', theirs],
      ['重复生', '男', '2015-02-02', '居民身份证', twice],
      ['重复生', '男', '2015-02-02', '居民身份证', twice],
      ['错号生', '男', '2015-03-03', '居民身份证', wrong.slice(0, 17) + (wrong.endsWith('1') ? '2' : '1')],
    ];
    file = path.join(mkdtempSync(path.join(tmpdir(), 'pss-dry-')), 'class.csv');
    writeFileSync(file, [HEADER, ...rows].map((r) => r.join(',')).join('\n'));
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('reports per row the problems an import would open, and writes nothing but the disclosure count', async () => {
    const before = await counts();
    const result = await app.services.imports.importStudents({ schoolId: school.id, filePath: file, importer, actorId: importer.userId, dryRun: true });
    expect(result).toMatchObject({ ok: true, dryRun: true, importId: null, rowsRead: 5, rowsImported: 5, failure: null });
    expect(result.preview).toEqual([
      { row: 3, problemType: 'DUPLICATE_ID', scope: 'CROSS_SCHOOL', opens: true },
      { row: 4, problemType: 'DUPLICATE_ID', scope: 'WITHIN_SCHOOL', opens: true },
      { row: 5, problemType: 'DUPLICATE_ID', scope: 'WITHIN_SCHOOL', opens: true },
      { row: 6, problemType: 'INVALID_ID', scope: 'WITHIN_SCHOOL', opens: true },
    ]);
    expect(result.message).toBe('dry run, nothing written: 5 of 5 rows would be imported; 4 rows would be in problems, 4 of them in new ones');
    expect(await counts()).toEqual(before);
    // What it learned of the other school counts towards the importer's day, and is in the read log.
    expect(await app.db.dataSource.query(`SELECT source, matches FROM match_disclosures WHERE actor_id = $1`, [importer.userId])).toEqual([{ source: 'IMPORT_DRY_RUN', matches: 1 }]);
    const logged = (await app.db.dataSource.query(`SELECT count(*)::int AS n FROM access_log WHERE user_id = $1 AND operation = 'import-dry-run'`, [importer.userId])) as { n: number }[];
    expect(logged[0]!.n).toBe(1);
  });

  it('the import itself then does what the dry run said (the dry run is no earlier import of the same file)', async () => {
    const result = await app.services.imports.importStudents({ schoolId: school.id, filePath: file, importer, actorId: importer.userId });
    expect(result).toMatchObject({ ok: true, dryRun: false, preview: null, rowsImported: 5, problems: { opened: 3 } });
    const opened = (await app.db.dataSource.query(
      `SELECT s.source_row AS row, p.type, p.scope FROM students s JOIN problem_members pm ON pm.student_id = s.id JOIN problems p ON p.id = pm.problem_id
       WHERE s.import_id = $1 ORDER BY 1`,
      [result.importId],
    )) as unknown[];
    expect(opened).toEqual([
      { row: 3, type: 'DUPLICATE_ID', scope: 'CROSS_SCHOOL' },
      { row: 4, type: 'DUPLICATE_ID', scope: 'WITHIN_SCHOOL' },
      { row: 5, type: 'DUPLICATE_ID', scope: 'WITHIN_SCHOOL' },
      { row: 6, type: 'INVALID_ID', scope: 'WITHIN_SCHOOL' },
    ]);
    // A second dry run of the same file is refused like the import would be.
    expect(await app.services.imports.importStudents({ schoolId: school.id, filePath: file, importer, dryRun: true })).toMatchObject({ ok: false, failure: 'DUPLICATE_FILE' });
  });
});
