import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../src/core/auth/caller.js';
import { ConfigError, parseConfig } from '../src/core/config.js';
import { holdReason } from '../src/registry/import/import-screening.js';
import { makeSchool, makeStudents, makeUser } from './support/factories.js';
import { errorCodes, startProduct } from './support/product.js';
import { fixtureDir, validId } from './support/templates.js';
import { openStudentRow } from './support/sealed.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const JOB = `query($id: ID!) { importJob(id: $id) { status result { ok failure message importId rowsRead rowsImported rowsSkipped errorCount errors { row } problems { opened } heldImportId } } }`;
const START = `mutation($input: ImportStudentsInput!) { importStudents(input: $input) { id } }`;
const HELD = `query($status: HeldImportStatus) { heldImports(status: $status) { totalCount nodes { id fileName status crossSchoolMatches reason decisionReason importId result { ok rowsImported } } } }`;
const DECIDE = `mutation($i: DecideHeldImportInput!) { decideHeldImport(input: $i) { ok error { code field } heldImport { id status importId result { ok rowsImported } } } }`;
// Two imports of 19 matches each (under the per-import threshold of 20) must cross the day's cap.
const DAILY_CAP = 30;

describe('imports are not an oracle: cross-school matches are held, capped and logged', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let schoolA: { id: string; regionCode: string };
  let district: { id: string; username: string };
  /** School B's pupils, whose ID numbers the files below "guess". */
  let pupilsB: { id: string; name: string; gender: string; birthDate: string; idNumber: string }[];
  const tokens = { reg: '', district: '', farDistrict: '' };
  const files = fixtureDir();
  let fresh = 0;

  beforeAll(async () => {
    app = await createTestApp({ env: { IMPORT_DAILY_MATCH_CAP: String(DAILY_CAP) } });
    schoolA = await makeSchool(app, '330106');
    const schoolB = await makeSchool(app, '330106');
    await makeStudents(app, schoolB, 80);
    pupilsB = (
      await app.db.dataSource.query(
        `SELECT id::text, name, gender, birth_date AS "birthDate", id_number AS "idNumber" FROM students WHERE school_id = $1 ORDER BY id`,
        [schoolB.id],
      )
    ).map(openStudentRow);
    product = await startProduct(app);
    const registrar = await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolA.id });
    tokens.reg = await product.login(registrar.username);
    district = await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330106' });
    tokens.district = await product.login(district.username);
    tokens.farDistrict = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '320102' })).username);
  });
  afterAll(async () => {
    files.cleanup();
    await product?.close();
    await app?.dispose();
  });

  /** Rows copying school B's pupils `from`..`to` (exclusive): each one a cross-school DUPLICATE_ID. */
  const matching = (from: number, to: number) => pupilsB.slice(from, to).map((p) => [p.name, p.gender, p.birthDate, '', p.idNumber]);
  /** Rows of new pupils that match no one (another province's ID numbers, names of their own). */
  const unmatched = (count: number) =>
    Array.from({ length: count }, () => {
      fresh += 1;
      const birthDate = `2016-01-${String((fresh % 28) + 1).padStart(2, '0')}`;
      return [`新生${fresh}`, '男', birthDate, '', validId('110101', birthDate, 'M', Math.floor(fresh / 28) + 1)];
    });
  const registrarOfA = async (): Promise<Caller> => {
    const user = await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schoolA.id });
    return { userId: user.id, username: user.username, role: 'SCHOOL_REGISTRAR', schoolId: schoolA.id };
  };
  const importAs = (importer: Caller, name: string, rows: string[][]) =>
    app.services.imports.importStudents({ schoolId: schoolA.id, filePath: files.csv(name, rows), actorId: importer.userId, importer });
  const count = async (sql: string, params: unknown[] = []) => ((await app.db.dataSource.query(sql, params)) as { n: number }[])[0]!.n;
  const readLog = (userId: string) =>
    app.db.dataSource.query(`SELECT subject_type AS "subjectType", subject_ids::text[] AS ids FROM access_log WHERE user_id = $1 AND operation = 'import-match'`, [userId]) as Promise<
      { subjectType: string; ids: string[] }[]
    >;
  const heldFile = (id: string) => path.join(app.config.DATA_DIR, 'held-imports', id);
  const viaPortal = async (name: string, rows: string[][]) => {
    const upload = await fetch(`${product.url}/uploads`, {
      method: 'POST',
      headers: { 'x-file-name': encodeURIComponent(name), authorization: `Bearer ${tokens.reg}` },
      body: readFileSync(files.csv(name, rows)),
    });
    const { uploadId } = (await upload.json()) as { uploadId: string };
    const started = await product.gql(START, { input: { uploadId, schoolId: schoolA.id } }, tokens.reg);
    for (let i = 0; i < 400; i++) {
      const job = (await product.gql(JOB, { id: started.data.importStudents.id }, tokens.reg)).data.importJob;
      if (job.status !== 'RUNNING') return job;
      await sleep(50);
    }
    throw new Error('import did not finish');
  };

  it('the rule: 20 matches, or 5 % of the rows from 5 matches, or more than the daily cap', () => {
    const policy = { matches: 20, share: 0.05, dailyCap: 50 };
    expect(holdReason(policy, 1, 10, 0)).toBeNull(); // one transferring pupil in a class list
    expect(holdReason(policy, 4, 4, 0)).toBeNull();
    expect(holdReason(policy, 5, 100, 0)).toBe('THRESHOLD');
    expect(holdReason(policy, 19, 1000, 0)).toBeNull();
    expect(holdReason(policy, 20, 100_000, 0)).toBe('THRESHOLD');
    expect(holdReason(policy, 19, 1000, 31)).toBeNull();
    expect(holdReason(policy, 19, 1000, 32)).toBe('DAILY_CAP');
    expect(holdReason(policy, 0, 1000, 500)).toBeNull();
  });

  it('an import under the threshold lands and writes the other school\'s record to the importer\'s read log', async () => {
    const importer = await registrarOfA();
    const result = await importAs(importer, 'class-list.csv', [...matching(0, 1), ...unmatched(9)]);
    expect(result).toMatchObject({ ok: true, rowsImported: 10, heldImportId: null });
    expect(await readLog(importer.userId)).toEqual([{ subjectType: 'student', ids: [pupilsB[0]!.id] }]);
    expect(await count(`SELECT cross_school_matches AS n FROM imports WHERE id = $1`, [result.importId])).toBe(1);
  });

  it('20 matches hold the import: nothing lands, no problem opens, and the registrar learns only that it is held', async () => {
    const before = { students: await count(`SELECT count(*)::int AS n FROM students`), problems: await count(`SELECT count(*)::int AS n FROM problems`) };
    const guessed = [...matching(1, 21), ...unmatched(5)];
    const job = await viaPortal('guessed.csv', guessed);
    expect(job.status).toBe('DONE');
    expect(job.result).toEqual({
      ok: false, failure: 'HELD_FOR_REVIEW', message: expect.stringMatching(/district .* must approve/), importId: null,
      rowsRead: 0, rowsImported: 0, rowsSkipped: 0, errorCount: 0, errors: [], problems: null, heldImportId: expect.any(String),
    });
    expect(job.result.message).not.toMatch(/\d/);
    expect({ students: await count(`SELECT count(*)::int AS n FROM students`), problems: await count(`SELECT count(*)::int AS n FROM problems`) }).toEqual(before);
    expect(existsSync(heldFile(job.result.heldImportId))).toBe(true);
    const [hold] = await app.db.dataSource.query(`SELECT cross_school_matches AS matches, reason, status, rows_read AS rows FROM import_holds WHERE id = $1`, [job.result.heldImportId]);
    expect(hold).toEqual({ matches: 20, reason: 'THRESHOLD', status: 'HELD', rows: 25 });
    expect(await count(`SELECT count(*)::int AS n FROM events WHERE type = 'IMPORT_HELD' AND subject_id = $1`, [job.result.heldImportId])).toBe(1);

    const seenBySchool = (await product.gql(HELD, {}, tokens.reg)).data.heldImports;
    expect(seenBySchool.nodes).toContainEqual(expect.objectContaining({ id: job.result.heldImportId, status: 'HELD', crossSchoolMatches: null, reason: null }));
    const seenByDistrict = (await product.gql(HELD, { status: 'HELD' }, tokens.district)).data.heldImports;
    expect(seenByDistrict.nodes).toContainEqual(expect.objectContaining({ id: job.result.heldImportId, crossSchoolMatches: 20, reason: 'THRESHOLD' }));
    // The same file again is the same hold, not a second one.
    expect((await viaPortal('guessed.csv', guessed)).result).toMatchObject({ failure: 'HELD_FOR_REVIEW', heldImportId: job.result.heldImportId });
  });

  it('the share rule: 5 matches in 100 rows are held, 4 in 10 are not (the floor of 5)', async () => {
    const importer = await registrarOfA();
    const held = await importAs(importer, 'share-held.csv', [...matching(21, 26), ...unmatched(95)]);
    expect(held).toMatchObject({ ok: false, failure: 'HELD_FOR_REVIEW', rowsImported: 0 });
    const landed = await importAs(importer, 'share-landed.csv', [...matching(26, 30), ...unmatched(6)]);
    expect(landed).toMatchObject({ ok: true, rowsImported: 10 });
  });

  it('the daily cap: a user\'s second import of the day that passes the cap is held, with reason DAILY_CAP', async () => {
    const importer = await registrarOfA();
    expect(await importAs(importer, 'cap-1.csv', [...matching(30, 49), ...unmatched(400)])).toMatchObject({ ok: true });
    const second = await importAs(importer, 'cap-2.csv', [...matching(49, 68), ...unmatched(400)]);
    expect(second).toMatchObject({ ok: false, failure: 'HELD_FOR_REVIEW' });
    expect(await count(`SELECT count(*)::int AS n FROM import_holds WHERE id = $1 AND reason = 'DAILY_CAP' AND cross_school_matches = 19`, [second.heldImportId])).toBe(1);
    // Another user of the same school has a day of its own.
    expect(await importAs(await registrarOfA(), 'cap-3.csv', [...matching(49, 68), ...unmatched(400)])).toMatchObject({ ok: true });
  });

  it('a registrar cannot decide (FORBIDDEN); district staff of another region get NOT_FOUND, as for a missing id', async () => {
    const [{ id }] = await app.db.dataSource.query(`SELECT id::text FROM import_holds WHERE status = 'HELD' ORDER BY id LIMIT 1`);
    expect(errorCodes(await product.gql(DECIDE, { i: { id, approve: true } }, tokens.reg))).toEqual(['FORBIDDEN']);
    const far = await product.gql(DECIDE, { i: { id, approve: true } }, tokens.farDistrict);
    const missing = await product.gql(DECIDE, { i: { id: '999999', approve: true } }, tokens.farDistrict);
    expect(errorCodes(far)).toEqual(['NOT_FOUND']);
    expect(far.errors).toEqual(missing.errors);
    expect((await product.gql(HELD, {}, tokens.farDistrict)).data.heldImports.totalCount).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM import_holds WHERE id = $1 AND status = 'HELD'`, [id])).toBe(1);
  });

  it('approval imports the kept file as its importer, writes the read log and shows the result to the school', async () => {
    const [hold] = await app.db.dataSource.query(`SELECT id::text, actor_id::text AS "actorId" FROM import_holds WHERE reason = 'THRESHOLD' AND rows_read = 25`);
    const decided = (await product.gql(DECIDE, { i: { id: hold.id, approve: true, reason: '新学期转入名单，已核实' } }, tokens.district)).data.decideHeldImport;
    expect(decided).toMatchObject({ ok: true, error: null, heldImport: { status: 'APPROVED', importId: expect.any(String), result: { ok: true, rowsImported: 25 } } });
    const [landed] = await app.db.dataSource.query(`SELECT actor_id::text AS "actorId", school_id::text AS "schoolId", cross_school_matches AS matches FROM imports WHERE id = $1`, [decided.heldImport.importId]);
    expect(landed).toEqual({ actorId: hold.actorId, schoolId: schoolA.id, matches: 20 });
    expect((await readLog(hold.actorId)).flatMap((r) => r.ids).sort()).toEqual(pupilsB.slice(1, 21).map((p) => p.id).sort());
    expect(existsSync(heldFile(hold.id))).toBe(false);
    expect(await count(`SELECT count(*)::int AS n FROM events WHERE type = 'IMPORT_APPROVED' AND subject_id = $1 AND actor_id = $2`, [hold.id, district.id])).toBe(1);
    const seen = (await product.gql(HELD, { status: 'APPROVED' }, tokens.reg)).data.heldImports.nodes;
    expect(seen).toContainEqual(expect.objectContaining({ id: hold.id, decisionReason: '新学期转入名单，已核实', result: { ok: true, rowsImported: 25 } }));
    expect((await product.gql(DECIDE, { i: { id: hold.id, approve: false, reason: '晚了' } }, tokens.district)).data.decideHeldImport.error.code).toBe('ALREADY_DECIDED');
    expect(await count(`SELECT count(*)::int AS n FROM events WHERE type = 'IMPORT_REJECTED' AND subject_id = $1`, [hold.id])).toBe(0);
  });

  it('rejection needs a reason within its limit, deletes the kept file and imports nothing', async () => {
    const [hold] = await app.db.dataSource.query(`SELECT id::text FROM import_holds WHERE status = 'HELD' ORDER BY id LIMIT 1`);
    const decide = async (reason?: string) => (await product.gql(DECIDE, { i: { id: hold.id, approve: false, reason } }, tokens.district)).data.decideHeldImport;
    expect((await decide()).error).toEqual({ code: 'REASON_REQUIRED', field: 'reason' });
    expect((await decide('理'.repeat(501))).error).toEqual({ code: 'TOO_LONG', field: 'reason' });
    const importsBefore = await count(`SELECT count(*)::int AS n FROM imports`);
    expect(await decide('疑似批量猜测身份证号')).toMatchObject({ ok: true, heldImport: { status: 'REJECTED', importId: null, result: null } });
    expect(existsSync(heldFile(hold.id))).toBe(false);
    expect(await count(`SELECT count(*)::int AS n FROM imports`)).toBe(importsBefore);
    expect(await count(`SELECT count(*)::int AS n FROM events WHERE type = 'IMPORT_REJECTED' AND subject_id = $1`, [hold.id])).toBe(1);
  });

  it('the district dashboard lists held imports with their matches; a registrar may not read it', async () => {
    const rows = (await product.gql(`{ unusualImports { heldImportId status rows crossSchoolMatches matchRate school { id } } }`, {}, tokens.district)).data.unusualImports;
    expect(rows.map((r: { status: string }) => r.status).sort()).toEqual(['APPROVED', 'HELD', 'REJECTED']);
    expect(rows).toContainEqual(expect.objectContaining({ status: 'APPROVED', rows: 25, crossSchoolMatches: 20, matchRate: 0.8, school: { id: schoolA.id } }));
    expect(errorCodes(await product.gql(`{ unusualImports { status } }`, {}, tokens.reg))).toEqual(['FORBIDDEN']);
    expect((await product.gql(`{ unusualImports { status } }`, {}, tokens.farDistrict)).data.unusualImports).toEqual([]);
  });

  it('refuses hold settings out of range at start, and defaults to 20 matches, 5 % and 50 a day', () => {
    expect(parseConfig({})).toMatchObject({ IMPORT_HOLD_MATCHES: 20, IMPORT_HOLD_SHARE: 0.05, IMPORT_DAILY_MATCH_CAP: 50 });
    expect(parseConfig({ IMPORT_HOLD_MATCHES: '50', IMPORT_HOLD_SHARE: '0.1', IMPORT_DAILY_MATCH_CAP: '200' })).toMatchObject({ IMPORT_HOLD_MATCHES: 50, IMPORT_HOLD_SHARE: 0.1, IMPORT_DAILY_MATCH_CAP: 200 });
    for (const env of [{ IMPORT_HOLD_MATCHES: '0' }, { IMPORT_HOLD_SHARE: '0' }, { IMPORT_HOLD_SHARE: '1.5' }, { IMPORT_HOLD_SHARE: 'five' }, { IMPORT_DAILY_MATCH_CAP: '-1' }]) {
      expect(() => parseConfig(env)).toThrow(ConfigError);
      expect(() => parseConfig(env)).toThrow(Object.keys(env)[0]);
    }
  });
});
