import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/core/config.js';
import { blindIndex, keyRing, open, resolveKeyRing, seal, sealBatch, SealedValueError, useKeyRing, type KeyRing } from '../src/core/crypto/index.js';
import { changeStudent, lockStudent } from '../src/registry/index.js';
import { makeSchool } from './support/factories.js';
import { openStudentRow, storedResidentId } from './support/sealed.js';
import { fixtureDir, validId } from './support/templates.js';
import { createTestApp, TEST_DATA_KEYS, type TestApp } from './support/test-app.js';

const SECOND_KEY = Buffer.alloc(32, 11).toString('base64');
const ring = (settings: Record<string, string>): KeyRing => resolveKeyRing(settings, '/nonexistent');

describe('sealing values', () => {
  const keys = ring(TEST_DATA_KEYS);

  it('opens what it sealed, with a fresh IV each time, naming the key id', () => {
    const a = seal(keys, '330106201503050036', 'students.id_number');
    const b = seal(keys, '330106201503050036', 'students.id_number');
    expect(a).toMatch(/^v1\.test1\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(open(keys, a, 'students.id_number')).toBe('330106201503050036');
    expect(open(keys, seal(keys, '浙江省杭州市西湖区', 'students.household_region'), 'students.household_region')).toBe('浙江省杭州市西湖区');
  });

  it('refuses a value with any byte changed', () => {
    const sealed = seal(keys, '13800138000', 'students.phone');
    const body = Buffer.from(sealed.slice('v1.test1.'.length), 'base64url');
    for (const at of [0, 12, 20, body.length - 1]) {
      const flipped = Buffer.from(body);
      flipped[at]! ^= 0x01;
      expect(() => open(keys, `v1.test1.${flipped.toString('base64url')}`, 'students.phone')).toThrow(/failed its integrity check/);
    }
  });

  it('binds a value to its column: moved to another, it does not open', () => {
    const phone = seal(keys, '13800138000', 'students.phone');
    expect(() => open(keys, phone, 'students.id_number')).toThrow(SealedValueError);
  });

  it('says which key id is missing, and what a plain value is', () => {
    const other = ring({ DATA_KEYS: `k9:${SECOND_KEY}`, BLIND_INDEX_KEY: TEST_DATA_KEYS.BLIND_INDEX_KEY });
    const sealed = seal(other, '13800138000', 'students.phone');
    expect(() => open(keys, sealed, 'students.phone')).toThrow('a value of students.phone is sealed with key "k9", which is not in DATA_KEYS (it has test1)');
    expect(() => open(keys, '13800138000', 'students.phone')).toThrow(/is not sealed/);
  });
});

describe('sealing a batch on the sealing thread', () => {
  const keys = ring(TEST_DATA_KEYS);
  const other = ring({ DATA_KEYS: `k9:${SECOND_KEY}`, BLIND_INDEX_KEY: TEST_DATA_KEYS.BLIND_INDEX_KEY });
  let before: KeyRing | null = null;
  beforeAll(() => {
    try {
      before = keyRing();
    } catch {
      before = null;
    }
  });
  afterAll(() => {
    if (before) useKeyRing(before);
  });

  it('seals like the main thread: each value opens for its own column only, null and empty stay, indexes are equal', async () => {
    useKeyRing(keys);
    const ids = ['330106201503050036', null, '', '11010519491231002X'];
    const { sealed, blinded } = await sealBatch({
      sealed: [
        { place: 'students.id_number', values: ids },
        { place: 'students.phone', values: ['13800138000', null, '', '13900139000'] },
      ],
      blinded: [{ kind: 'resident-id', values: ids }],
    });
    expect(sealed[0]![1]).toBeNull();
    expect(sealed[0]![2]).toBe('');
    expect(sealed[0]![0]).toMatch(/^v1\.test1\./);
    expect(open(keys, sealed[0]![3]!, 'students.id_number')).toBe('11010519491231002X');
    expect(open(keys, sealed[1]![0]!, 'students.phone')).toBe('13800138000');
    expect(() => open(keys, sealed[1]![0]!, 'students.id_number')).toThrow(SealedValueError);
    expect(blinded[0]).toEqual(ids.map((id) => (id === null ? null : blindIndex(keys, 'resident-id', id))));
  });

  it('uses the key ring in force: after a change of ring, the new key', async () => {
    useKeyRing(keys);
    await sealBatch({ sealed: [{ place: 'students.phone', values: ['13800138000'] }], blinded: [] });
    useKeyRing(other);
    const { sealed } = await sealBatch({ sealed: [{ place: 'students.phone', values: ['13800138000'] }], blinded: [] });
    expect(sealed[0]![0]).toMatch(/^v1\.k9\./);
    expect(open(other, sealed[0]![0]!, 'students.phone')).toBe('13800138000');
  });
});

describe('data key configuration', () => {
  it('names the variable that is wrong', () => {
    const message = (env: Record<string, string>) => {
      try {
        parseConfig(env);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(message({ DATA_KEYS: 'k1:short', BLIND_INDEX_KEY: TEST_DATA_KEYS.BLIND_INDEX_KEY })).toContain('DATA_KEYS: the key of "k1" must be 32 bytes in base64');
    expect(message({ DATA_KEYS: TEST_DATA_KEYS.DATA_KEYS })).toContain('BLIND_INDEX_KEY: must be set when DATA_KEYS is');
    expect(message({ ...TEST_DATA_KEYS, BLIND_INDEX_KEY: 'abc' })).toContain('BLIND_INDEX_KEY: must be 32 bytes in base64');
    expect(message({ ...TEST_DATA_KEYS, DATA_KEY_ID: 'k2' })).toContain('DATA_KEY_ID: must be one of the ids in DATA_KEYS (test1)');
    expect(message({ ...TEST_DATA_KEYS, DATA_KEYS: `${TEST_DATA_KEYS.DATA_KEYS},k2:${SECOND_KEY}`, DATA_KEY_ID: '' })).toContain('DATA_KEY_ID: must name the key');
    expect(message({ BLIND_INDEX_KEY: TEST_DATA_KEYS.BLIND_INDEX_KEY })).toContain('DATA_KEYS: must be set with BLIND_INDEX_KEY');
    expect(message(TEST_DATA_KEYS)).toBe('');
  });

  it('generates keys into DATA_DIR when none are configured, readable by the owner only, and keeps them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pss-keys-'));
    try {
      const first = resolveKeyRing({}, dir);
      expect(statSync(path.join(dir, 'data-keys')).mode & 0o777).toBe(0o600);
      expect(resolveKeyRing({}, dir)).toEqual(first);
      expect(first.keys.get(first.currentKeyId)).toHaveLength(32);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const EIGHTEEN_DIGITS = /\d{17}[\dX]/;
const PHONE = /1\d{10}/;

describe('encryption at rest', () => {
  let app: TestApp;
  const files = fixtureDir();
  let schoolId: string;
  const idA = validId('330106', '2015-03-05', 'M', 3);
  const idB = validId('330106', '2014-07-07', 'F', 4);

  beforeAll(async () => {
    app = await createTestApp();
    schoolId = (await makeSchool(app, '330106')).id;
    const header = ['姓名', '性别', '出生日期', '身份证件类型', '身份证件号', '户口所在地', '联系电话'];
    const file = files.csv('pupils.csv', [
      ['张伟', '男', '2015-03-05', '居民身份证', idA, '浙江省杭州市西湖区', '13800138000'],
      ['张伟', '男', '2015-03-05', '居民身份证', idA, '浙江省杭州市西湖区', '13800138001'],
      ['李娜', '女', '2014-07-07', '居民身份证', idB, '浙江省杭州市上城区', '13900139000'],
    ], header);
    expect(await app.services.imports.importStudents({ schoolId, filePath: file })).toMatchObject({ ok: true, rowsImported: 3 });
  });
  afterAll(async () => {
    useKeyRing(resolveKeyRing(TEST_DATA_KEYS, '/nonexistent'));
    files.cleanup();
    await app?.dispose();
  });

  const rawTables = async () =>
    JSON.stringify([
      await app.db.dataSource.query(`SELECT * FROM students`),
      await app.db.dataSource.query(`SELECT * FROM events`),
      await app.db.dataSource.query(`SELECT * FROM problems`),
    ]);

  it('stores no ID number, phone or address in the clear after an import and a change, and still finds the duplicate', async () => {
    const [student] = (await app.db.dataSource.query(`SELECT id::text FROM students WHERE name = '李娜'`)) as { id: string }[];
    await app.db.dataSource.transaction(async (m) => {
      const record = (await lockStudent(m, student!.id))!;
      expect(record).toMatchObject({ idNumber: idB, phone: '13900139000', householdRegion: '浙江省杭州市上城区' });
      await changeStudent(m, record, { phone: '13700137000', householdRegion: '浙江省杭州市拱墅区' }, { actorId: null });
    });
    const raw = await rawTables();
    expect(raw).not.toMatch(EIGHTEEN_DIGITS);
    expect(raw).not.toMatch(PHONE);
    expect(raw).not.toContain('杭州市');
    const problems = (await app.db.dataSource.query(`SELECT type, group_key FROM problems WHERE type = 'DUPLICATE_ID'`)) as { group_key: string }[];
    expect(problems).toEqual([{ type: 'DUPLICATE_ID', group_key: `ID:${storedResidentId(idA).idKey}` }]);
    const [read] = await app.services.students.byIds([student!.id]);
    expect(read).toMatchObject({ idNumber: idB, phone: '13700137000', householdRegion: '浙江省杭州市拱墅区' });
  });

  it('finds a whole ID number through its blind index, and no longer its first digits', async () => {
    const scope = { kind: 'all' } as const;
    const whole = await app.services.students.list(scope, { search: idB }, { size: 10, cursor: null, backward: false });
    expect(whole.nodes.map((s) => s.idNumber)).toEqual([idB]);
    expect((await app.services.students.list(scope, { search: idB.slice(0, 10) }, { size: 10, cursor: null, backward: false })).nodes).toEqual([]);
  });

  it('seals a database from before encryption, re-indexes it, and detection finds the same problems', async () => {
    const before = await problemLines(app);
    await legacyCopyOf(app, schoolId);
    const first = await app.services.students.reseal();
    expect(first).toMatchObject({ students: { id_number: 3, phone: 3, household_region: 3 }, indexed: 3, events: 1, problems: 1 });
    expect(await rawTables()).not.toMatch(EIGHTEEN_DIGITS);
    const rescan = await app.db.dataSource.transaction((m) => app.services.detection.detect(m, { kind: 'all' }));
    expect(rescan).toMatchObject({ opened: 0, closed: 0 });
    expect(await problemLines(app)).toEqual(before);
    // Once done, it is done: another run finds nothing to seal.
    expect(await app.services.students.reseal({ force: true })).toMatchObject({ students: { id_number: 0, phone: 0, household_region: 0 }, events: 0 });
    const history = await app.services.problems.historyOf({ kind: 'all' }, [await duplicateProblemId(app)]);
    expect(JSON.stringify(history)).not.toContain('v1.');
  });

  it('re-encrypts everything under a new key, and every value still reads; the old key can then go', async () => {
    const values = async () =>
      ((await app.db.dataSource.query(`SELECT id_number AS "idNumber", phone, household_region AS "householdRegion" FROM students ORDER BY id`)) as {
        idNumber: string;
      }[]).map(openStudentRow);
    const plain = await values();
    useKeyRing(ring({ DATA_KEYS: `${TEST_DATA_KEYS.DATA_KEYS},k2:${SECOND_KEY}`, DATA_KEY_ID: 'k2', BLIND_INDEX_KEY: TEST_DATA_KEYS.BLIND_INDEX_KEY }));
    const rotated = await app.services.students.reseal({ force: true });
    expect(rotated.students.id_number).toBe(plain.length);
    expect(rotated.events).toBeGreaterThan(0);
    useKeyRing(ring({ DATA_KEYS: `k2:${SECOND_KEY}`, BLIND_INDEX_KEY: TEST_DATA_KEYS.BLIND_INDEX_KEY }));
    expect(await values()).toEqual(plain);
    const stored = (await app.db.dataSource.query(`SELECT id_number, phone, household_region FROM students`)) as Record<string, string>[];
    expect(stored.flatMap(Object.values).every((v) => v.startsWith('v1.k2.'))).toBe(true);
    const members = await app.services.problems.membersOf({ kind: 'all' }, [await duplicateProblemId(app)]);
    expect(members[0]!.map((m) => m.idNumberMasked)).toEqual([`${idA.slice(0, 6)}***********${idA.at(-1)}`, `${idA.slice(0, 6)}***********${idA.at(-1)}`]);
    expect(members[0]![0]!.idCheck).toMatchObject({ addressCodeKnown: true });
  });

  it('refuses to start with another blind-index key', async () => {
    useKeyRing({ ...keyRing(), blindIndexKey: Buffer.alloc(32, 5) });
    await expect(app.services.students.reseal()).rejects.toThrow(/BLIND_INDEX_KEY is not the key the stored ID-number indexes were made with/);
  });
});

async function problemLines(app: TestApp): Promise<string[]> {
  const rows = (await app.db.dataSource.query(
    `SELECT p.type, p.status, string_agg(pm.student_id::text, ',' ORDER BY pm.student_id) AS members
     FROM problems p JOIN problem_members pm ON pm.problem_id = p.id AND pm.left_at IS NULL WHERE p.status <> 'RESOLVED' GROUP BY p.id`,
  )) as { type: string; status: string; members: string }[];
  return rows.map((r) => `${r.type} ${r.status} ${r.members}`).sort();
}

async function duplicateProblemId(app: TestApp): Promise<string> {
  const [row] = (await app.db.dataSource.query(`SELECT id::text FROM problems WHERE type = 'DUPLICATE_ID'`)) as { id: string }[];
  return row!.id;
}

/**
 * Turns the test database back into one written before encryption: plain values, plain comparison
 * keys and group keys, a change in the history with plain values, and no key state.
 */
async function legacyCopyOf(app: TestApp, schoolId: string): Promise<void> {
  const db = app.db.dataSource;
  const rows = ((await db.query(`SELECT id::text, id_type AS "idType", id_number AS "idNumber", phone, household_region AS "householdRegion" FROM students`)) as {
    id: string;
    idNumber: string;
  }[]).map(openStudentRow) as { id: string; idNumber: string; phone: string; householdRegion: string }[];
  for (const row of rows) {
    await db.query(`UPDATE students SET id_number = $2, phone = $3, household_region = $4, id_key = $2 WHERE id = $1`, [row.id, row.idNumber, row.phone, row.householdRegion]);
  }
  const [duplicate] = rows;
  await db.query(`UPDATE problems SET group_key = $1 WHERE type = 'DUPLICATE_ID'`, [`ID:${duplicate!.idNumber}`]);
  await db.query(
    `INSERT INTO events (type, actor_id, subject_type, subject_id, problem_id, data) VALUES ('ACTION_CHANGE', NULL, 'problem', $1, $2, $3)`,
    [await duplicateProblemId(app), await duplicateProblemId(app), JSON.stringify({ studentId: duplicate!.id, schoolId, before: { phone: '13800138000' }, after: { phone: '13800138009' } })],
  );
  await db.query(`DELETE FROM data_key_state`);
}
