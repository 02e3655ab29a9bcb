import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResidentId } from '../src/registry/student/id-number.js';
import { DEMO_PASSWORD, seedDemo } from '../src/seed/demo.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { openStudentRow } from './support/sealed.js';

describe('demo data', () => {
  let app: TestApp;
  let counts: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    app = await createTestApp();
    counts = await seedDemo(app);
    expect(counts).toMatchObject({ schools: 12, users: 24, students: 5000 });
  });
  afterAll(() => app?.dispose());

  it('spans at least 3 districts in 2 cities', async () => {
    const [row] = (await app.db.dataSource.query(
      `SELECT count(DISTINCT s.region_code)::int AS districts, count(DISTINCT r.parent_code)::int AS cities
       FROM schools s JOIN regions r ON r.code = s.region_code`,
    )) as { districts: number; cities: number }[];
    expect(row!.districts).toBeGreaterThanOrEqual(3);
    expect(row!.cities).toBeGreaterThanOrEqual(2);
  });

  it('has pupils aged 6 to 15 whose ID numbers are valid, except a few planted mistakes', async () => {
    const students = ((await app.db.dataSource.query(
      `SELECT name, gender, birth_date::text AS "birthDate", id_number AS "idNumber",
              date_part('year', age(DATE '2026-11-28', birth_date))::int AS age FROM students`,
    )) as { name: string; gender: 'M' | 'F'; birthDate: string; idNumber: string; age: number }[]).map(openStudentRow);
    expect(Math.min(...students.map((s) => s.age))).toBe(6);
    expect(Math.max(...students.map((s) => s.age))).toBe(15);
    const invalid = students.filter((s) => !checkResidentId(s.idNumber, s).valid);
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeLessThan(20);
    expect(students.every((s) => /^[\u4e00-\u9fa5·]{2,12}$/.test(s.name))).toBe(true);
  });

  it('plants duplicates within and across schools', async () => {
    const groups = (await app.db.dataSource.query(
      `SELECT id_key, count(*)::int AS copies, count(DISTINCT school_id)::int AS schools FROM students GROUP BY id_key HAVING count(*) > 1`,
    )) as { copies: number; schools: number }[];
    expect(groups.some((g) => g.schools > 1)).toBe(true);
    expect(groups.some((g) => g.schools === 1)).toBe(true);
    expect(groups.some((g) => g.copies === 3)).toBe(true);
  });

  it('says what kind each school is, so graduating pupils (六年级, 九年级) put some open problems first', async () => {
    const kinds = (await app.db.dataSource.query(`SELECT kind, count(*)::int AS schools FROM schools GROUP BY kind ORDER BY kind`)) as { kind: string; schools: number }[];
    expect(kinds).toEqual([{ kind: 'JUNIOR', schools: 4 }, { kind: 'PRIMARY', schools: 8 }]);
    const [row] = (await app.db.dataSource.query(`SELECT count(*)::int AS graduating FROM problems WHERE urgency = 1 AND status <> 'RESOLVED'`)) as { graduating: number }[];
    expect(row!.graduating).toBeGreaterThan(0);
  });

  it('has a user of every role, who can log in with the demo password', async () => {
    const roles = (await app.db.dataSource.query(`SELECT DISTINCT role FROM users ORDER BY role`)) as { role: string }[];
    expect(roles.map((r) => r.role)).toEqual(['CITY_ADMIN', 'DISTRICT_ADMIN', 'PROVINCE_ADMIN', 'SCHOOL_REGISTRAR', 'SYSTEM_ADMIN']);
    expect(await app.services.users.login('reg01', DEMO_PASSWORD)).toMatchObject({ ok: true });
    expect(await app.services.users.login('reg01', 'wrong-password')).toEqual({ ok: false, code: 'INVALID_CREDENTIALS' });
  });

  it('tells a second semester: problems opened over six months, negotiated, reviewed, decided, some overdue, the newest untouched', async () => {
    const problems = (await app.db.dataSource.query(
      `SELECT p.status, p.closed_by AS "closedBy", p.opened_at AS "openedAt",
              (SELECT count(*)::int FROM events e WHERE e.subject_type = 'problem' AND e.subject_id = p.id::text) AS events,
              (SELECT min(e.occurred_at) FROM events e WHERE e.subject_type = 'problem' AND e.subject_id = p.id::text) AS "firstEvent",
              (SELECT max(e.occurred_at) FROM events e WHERE e.subject_type = 'problem' AND e.subject_id = p.id::text) AS "lastEvent"
       FROM problems p`,
    )) as { status: string; closedBy: string | null; openedAt: Date; events: number; firstEvent: Date; lastEvent: Date }[];
    const now = Date.now();
    const ageDays = (d: Date) => (now - d.getTime()) / 86_400_000;
    // Opened across at least five different months, none in the future.
    expect(new Set(problems.map((p) => p.openedAt.toISOString().slice(0, 7))).size).toBeGreaterThanOrEqual(5);
    expect(problems.every((p) => ageDays(p.openedAt) >= 0 && ageDays(p.lastEvent) >= 0)).toBe(true);
    // Every problem's history starts when it was opened and runs forward.
    expect(problems.every((p) => p.firstEvent.getTime() === p.openedAt.getTime() && p.lastEvent >= p.openedAt)).toBe(true);
    const count = (test: (p: (typeof problems)[number]) => boolean) => problems.filter(test).length;
    expect(count((p) => p.closedBy === 'REVIEW')).toBeGreaterThan(0);
    expect(count((p) => p.closedBy === 'ARBITRATION')).toBeGreaterThan(0);
    expect(count((p) => p.status === 'PENDING_REVIEW')).toBeGreaterThan(0);
    expect(count((p) => p.status === 'OPEN' && ageDays(p.openedAt) > 30)).toBeGreaterThan(0);
    expect(count((p) => p.status === 'OPEN' && ageDays(p.openedAt) < 10 && p.events === 1)).toBeGreaterThan(0);
    expect(counts.story).toMatchObject({ negotiated: expect.any(Number), decided: expect.any(Number) });
    expect(counts.story.approved).toBeGreaterThan(0);
    const messages = (await app.db.dataSource.query(`SELECT proposal_status AS status, count(*)::int AS n FROM problem_messages GROUP BY 1 ORDER BY 1`)) as { status: string; n: number }[];
    expect(messages.map((m) => m.status)).toEqual(['ACCEPTED', 'PENDING', 'REJECTED']);
  });

  it('refuses to seed a database that has users', async () => {
    await expect(seedDemo(app)).rejects.toThrow('already has users');
  });
});
