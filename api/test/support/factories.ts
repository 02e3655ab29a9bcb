import type { App } from '../../src/app.js';
import { hashPassword } from '../../src/core/auth/passwords.js';
import { birthDateForGrade, chineseName, residentId } from '../../src/seed/people.js';
import { createRandom } from '../../src/seed/random.js';
import type { Gender } from '../../src/registry/student/student.entity.js';
import { IdType } from '../../src/registry/student/student.entity.js';

let counter = 0;
const random = createRandom(42);
export const PASSWORD = 'test-password';
const passwordHash = hashPassword(PASSWORD);

export async function makeSchool(app: App, regionCode = '330102', name?: string) {
  counter += 1;
  const code = `1${regionCode}${String(counter).padStart(3, '0')}`;
  const rows = (await app.db.dataSource.query(
    `INSERT INTO schools (code, name, region_code) VALUES ($1, $2, $3) RETURNING id::text, code, region_code AS "regionCode"`,
    [code, name ?? `测试学校${counter}`, regionCode],
  )) as { id: string; code: string; regionCode: string }[];
  return rows[0]!;
}

export async function makeUser(
  app: App,
  role: 'SCHOOL_REGISTRAR' | 'DISTRICT_ADMIN' | 'CITY_ADMIN' | 'PROVINCE_ADMIN' | 'SYSTEM_ADMIN',
  scope: { schoolId?: string; regionCode?: string } = {},
) {
  counter += 1;
  const username = `${role.toLowerCase().replace('_', '.')}.${counter}`;
  const rows = (await app.db.dataSource.query(
    `INSERT INTO users (username, password_hash, display_name, role, school_id, region_code)
     VALUES ($1, $2, $1, $3, $4, $5) RETURNING id::text`,
    [username, await passwordHash, role, scope.schoolId ?? null, scope.regionCode ?? null],
  )) as { id: string }[];
  return { id: rows[0]!.id, username };
}

export async function makeStudents(app: App, school: { id: string; regionCode: string }, count: number) {
  const students = Array.from({ length: count }, () => {
    const gender: Gender = (random.next() < 0.5 ? 'M' : 'F') as Gender;
    const birthDate = birthDateForGrade(random, random.int(1, 6), 2026);
    return {
      schoolId: school.id,
      name: chineseName(random, gender),
      gender,
      birthDate,
      idType: IdType.RESIDENT_ID,
      idNumber: residentId(random, school.regionCode, birthDate, gender),
    };
  });
  return app.db.dataSource.transaction((manager) => app.services.students.insertMany(manager, students));
}
