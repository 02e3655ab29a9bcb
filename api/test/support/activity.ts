import { Readable } from 'node:stream';
import type { App } from '../../src/app.js';
import type { Caller } from '../../src/core/auth/caller.js';
import { jpegWithExif, PLAIN_PDF, png } from './images.js';
import { makeSchool, makeUser } from './factories.js';
import { storedResidentId } from './sealed.js';
import { fixtureDir, validId } from './templates.js';

async function problemOf(app: App, studentIdNumber: string, type: string): Promise<{ id: string; version: number; studentIds: string[] }> {
  const rows = (await app.db.dataSource.query(
    `SELECT p.id::text, p.version, array_agg(st.id::text ORDER BY st.id) AS "studentIds"
     FROM problems p JOIN problem_members pm ON pm.problem_id = p.id JOIN students st ON st.id = pm.student_id
     WHERE p.type = $1 AND p.status = 'OPEN' AND p.id IN (SELECT pm2.problem_id FROM problem_members pm2 JOIN students s2 ON s2.id = pm2.student_id WHERE s2.id_key = $2)
     GROUP BY p.id`,
    [type, storedResidentId(studentIdNumber).idKey],
  )) as { id: string; version: number; studentIds: string[] }[];
  if (!rows[0]) throw new Error(`no open ${type} problem for ${studentIdNumber}`);
  return rows[0];
}

/**
 * A small registry with a history, built through the services as the product builds it: two schools
 * import templates (one pupil at both, one mistyped ID number, two namesakes), registrars upload
 * materials (PDF, JPEG and PNG) and delete, change and corroborate records. Everything a backup must
 * carry: students, imports, problems and members, materials and their files, events of every kind.
 */
export async function seedActivity(app: App) {
  const schoolA = await makeSchool(app, '330106');
  const schoolB = await makeSchool(app, '330102');
  const userA = await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolA.id });
  const userB = await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolB.id });
  await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330106' });
  const callerA: Caller = { userId: userA.id, username: userA.username, role: 'SCHOOL_REGISTRAR', schoolId: schoolA.id };
  const callerB: Caller = { userId: userB.id, username: userB.username, role: 'SCHOOL_REGISTRAR', schoolId: schoolB.id };

  const shared = validId('330106', '2015-03-05', 'M', 1);
  const good = validId('330106', '2014-07-07', 'F', 3);
  const typo = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  const files = fixtureDir();
  try {
    const rowsA = [
      ['张伟', '男', '2015-03-05', '居民身份证', shared],
      ['王芳', '女', '2014-07-07', '居民身份证', typo],
      ['李娜', '女', '2016-01-01', '居民身份证', validId('330106', '2016-01-01', 'F', 4)],
      ...Array.from({ length: 30 }, (_, i) => [`学生${i}`, i % 2 ? '男' : '女', '2013-09-09', '', validId('330106', '2013-09-09', i % 2 ? 'M' : 'F', 10 + i)]),
    ];
    const rowsB = [
      ['张伟', '男', '2015-03-05', '居民身份证', shared],
      ['李娜', '女', '2016-01-01', '居民身份证', validId('330102', '2016-01-01', 'F', 5)],
    ];
    for (const [school, rows, name] of [[schoolA, rowsA, 'a.csv'], [schoolB, rowsB, 'b.csv']] as const) {
      const result = await app.services.imports.importStudents({ schoolId: school.id, filePath: files.csv(name, rows as string[][]), actorId: null });
      if (!result.ok) throw new Error(result.message);
    }
  } finally {
    files.cleanup();
  }

  const upload = async (caller: Caller, body: Buffer, fileName: string, kind = 'HOUSEHOLD_REGISTER') =>
    (await app.services.materials.upload(Readable.from([body]), { caller, kind, fileName })).id;
  const pdfA = await upload(callerA, PLAIN_PDF, '户口簿.pdf');
  const photoA = await upload(callerA, await jpegWithExif(), '身份证.jpg', 'ID_CARD');
  const scanA = await upload(callerA, await png(), '学校证明.png', 'SCHOOL_CERTIFICATE');
  // The same scan uploaded twice is stored once: two rows, one file.
  await upload(callerB, PLAIN_PDF, '户口簿-副本.pdf');

  const act = async (caller: Caller, input: Parameters<App['services']['actions']['act']>[1]) => {
    const outcome = await app.services.actions.act(caller, input);
    if (!outcome.ok) throw new Error(`${input.action} refused: ${outcome.error.message}`);
  };
  const duplicate = await problemOf(app, shared, 'DUPLICATE_ID');
  await act(callerB, { problemId: duplicate.id, version: duplicate.version, studentId: duplicate.studentIds[1]!, action: 'DELETE', deleteReason: 'NOT_STUDYING_HERE' });
  const invalid = await problemOf(app, typo, 'INVALID_ID');
  await act(callerA, { problemId: invalid.id, version: invalid.version, studentId: invalid.studentIds[0]!, action: 'CHANGE', changes: { idNumber: good }, materialIds: [pdfA, photoA], comment: '按户口簿更正' });
  const namesakes = await problemOf(app, validId('330106', '2016-01-01', 'F', 4), 'DUPLICATE_IDENTITY');
  await act(callerA, { problemId: namesakes.id, version: namesakes.version, studentId: namesakes.studentIds[0]!, action: 'CORROBORATE', materialIds: [pdfA, scanA] });
  return { schoolA, schoolB, callerA, callerB };
}

/**
 * Every table's row count and a digest of its rows in a stable order: two databases with equal
 * digests hold the same data, down to ids, timestamps and the events' JSON.
 */
export async function tableDigests(query: (sql: string) => Promise<unknown[]>): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = ((await query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)) as { tablename: string }[]).map((t) => t.tablename);
  const digests: Record<string, { rows: number; md5: string }> = {};
  for (const table of tables) {
    const [row] = (await query(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "${table}" t`)) as { rows: number; md5: string }[];
    digests[table] = row!;
  }
  return digests;
}
