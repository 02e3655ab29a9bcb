import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResidentId } from '../src/registry/student/id-number.js';
import { DEMO_PASSWORD, seedDemo } from '../src/seed/demo.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { openStudentRow } from './support/sealed.js';

describe('demo data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    expect(await seedDemo(app)).toEqual({ schools: 12, users: 24, students: 5000 });
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

  it('has a user of every role, who can log in with the demo password', async () => {
    const roles = (await app.db.dataSource.query(`SELECT DISTINCT role FROM users ORDER BY role`)) as { role: string }[];
    expect(roles.map((r) => r.role)).toEqual(['CITY_ADMIN', 'DISTRICT_ADMIN', 'PROVINCE_ADMIN', 'SCHOOL_REGISTRAR', 'SYSTEM_ADMIN']);
    expect(await app.services.users.login('reg01', DEMO_PASSWORD)).toMatchObject({ ok: true });
    expect(await app.services.users.login('reg01', 'wrong-password')).toEqual({ ok: false, code: 'INVALID_CREDENTIALS' });
  });

  it('refuses to seed a database that has users', async () => {
    await expect(seedDemo(app)).rejects.toThrow('already has users');
  });
});
