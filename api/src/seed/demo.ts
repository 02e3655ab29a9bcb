import type { App } from '../app.js';
import { hashPassword } from '../core/auth/passwords.js';
import { asSystem, atClock } from '../core/db/row-scope.js';
import { appendEvents } from '../core/events.js';
import { Gender, IdType, type NewStudent } from '../registry/index.js';
import { birthDateForGrade, chineseName, ETHNICITIES, minorityName, residentId } from './people.js';
import { DemoStory, type StoryCounts } from './demo-story.js';
import { createRandom, type Random } from './random.js';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_STUDENT_COUNT = 5000;
const SCHOOL_YEAR = 2026;
const GRADE_NAMES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级'];

interface DemoSchool {
  code: string;
  name: string;
  regionCode: string;
  grades: [number, number];
}

const DISTRICTS = [
  { code: '330102', name: '上城区', short: 'sc' },
  { code: '330105', name: '拱墅区', short: 'gs' },
  { code: '330106', name: '西湖区', short: 'xh' },
  { code: '330203', name: '海曙区', short: 'hs' },
  { code: '330205', name: '江北区', short: 'jb' },
];

const PRIMARY: [number, number] = [1, 6];
const MIDDLE: [number, number] = [7, 9];
/** Said outright rather than read from the names: 崇文实验学校's name says no kind, and these 中学 are junior highs (七至九年级). */
const kindOf = (school: DemoSchool) => (school.grades === PRIMARY ? 'PRIMARY' : 'JUNIOR');

export const DEMO_SCHOOLS: DemoSchool[] = [
  { code: '1330102001', name: '杭州市上城区胜利小学', regionCode: '330102', grades: PRIMARY },
  { code: '1330102002', name: '杭州市上城区崇文实验学校', regionCode: '330102', grades: PRIMARY },
  { code: '1330102003', name: '杭州市建兰中学', regionCode: '330102', grades: MIDDLE },
  { code: '1330105001', name: '杭州市拱墅区卖鱼桥小学', regionCode: '330105', grades: PRIMARY },
  { code: '1330105002', name: '杭州市拱墅区大关小学', regionCode: '330105', grades: PRIMARY },
  { code: '1330105003', name: '杭州市文澜中学', regionCode: '330105', grades: MIDDLE },
  { code: '1330106001', name: '杭州市西湖区学军小学', regionCode: '330106', grades: PRIMARY },
  { code: '1330106002', name: '杭州市西湖区文一街小学', regionCode: '330106', grades: PRIMARY },
  { code: '1330106003', name: '杭州市十三中学', regionCode: '330106', grades: MIDDLE },
  { code: '1330203001', name: '宁波市海曙区中山小学', regionCode: '330203', grades: PRIMARY },
  { code: '1330203002', name: '宁波市第七中学', regionCode: '330203', grades: MIDDLE },
  { code: '1330205001', name: '宁波市江北区实验小学', regionCode: '330205', grades: PRIMARY },
];

interface DemoUser {
  username: string;
  displayName: string;
  role: 'SCHOOL_REGISTRAR' | 'DISTRICT_ADMIN' | 'CITY_ADMIN' | 'PROVINCE_ADMIN' | 'SYSTEM_ADMIN';
  schoolCode?: string;
  regionCode?: string;
  description: string;
}

export function demoUsers(): DemoUser[] {
  return [
    { username: 'admin', displayName: '系统管理员', role: 'SYSTEM_ADMIN', description: 'system admin' },
    { username: 'province.zj', displayName: '浙江省学籍管理员', role: 'PROVINCE_ADMIN', regionCode: '330000', description: 'province admin, 浙江省' },
    { username: 'city.hz', displayName: '杭州市学籍管理员', role: 'CITY_ADMIN', regionCode: '330100', description: 'city admin, 杭州市' },
    { username: 'city.nb', displayName: '宁波市学籍管理员', role: 'CITY_ADMIN', regionCode: '330200', description: 'city admin, 宁波市' },
    // Reviewers for problems between districts: district staff serving the smallest region that
    // contains every school of a problem (a city, or the province for problems between cities).
    { username: 'review.zj', displayName: '浙江省学籍审核员', role: 'DISTRICT_ADMIN', regionCode: '330000', description: 'reviewer for problems between cities, 浙江省' },
    { username: 'review.hz', displayName: '杭州市学籍审核员', role: 'DISTRICT_ADMIN', regionCode: '330100', description: 'reviewer for problems between districts, 杭州市' },
    { username: 'review.nb', displayName: '宁波市学籍审核员', role: 'DISTRICT_ADMIN', regionCode: '330200', description: 'reviewer for problems between districts, 宁波市' },
    ...DISTRICTS.map((d) => ({
      username: `district.${d.short}`,
      displayName: `${d.name}学籍管理员`,
      role: 'DISTRICT_ADMIN' as const,
      regionCode: d.code,
      description: `district admin, ${d.name}`,
    })),
    ...DEMO_SCHOOLS.map((s, i) => ({
      username: `reg${String(i + 1).padStart(2, '0')}`,
      displayName: `${s.name}学籍员`,
      role: 'SCHOOL_REGISTRAR' as const,
      schoolCode: s.code,
      description: `school registrar, ${s.name}`,
    })),
  ];
}

export function demoLogins(): { username: string; description: string }[] {
  return demoUsers().map(({ username, description }) => ({ username, description }));
}

export async function hasAnyUser(app: App): Promise<boolean> {
  const rows = (await app.db.dataSource.query(`SELECT EXISTS (SELECT 1 FROM users) AS any`)) as { any: boolean }[];
  return rows[0]?.any ?? false;
}

type SeedStudent = Omit<NewStudent, 'schoolId'> & { schoolCode: string };

function pupil(random: Random, school: DemoSchool, used: Set<string>): SeedStudent {
  const grade = random.int(school.grades[0], school.grades[1]);
  const minority = random.next() < 0.01 ? minorityName(random) : null;
  const gender = minority?.gender ?? (random.next() < 0.52 ? 'M' : 'F');
  const birthDate = birthDateForGrade(random, grade, SCHOOL_YEAR);
  // Most pupils are registered where they study; some come from elsewhere in the province.
  const householdRegion = random.next() < 0.85 ? school.regionCode : random.pick(DISTRICTS).code;
  return {
    schoolCode: school.code,
    name: minority?.name ?? chineseName(random, gender),
    gender: gender as Gender,
    birthDate,
    idType: IdType.RESIDENT_ID,
    idNumber: residentId(random, householdRegion, birthDate, gender, used),
    ethnicity: minority?.ethnicity ?? random.pick(ETHNICITIES),
    grade: GRADE_NAMES[grade - 1]!,
    className: `${random.int(1, 8)}班`,
    enrollmentMonth: `${SCHOOL_YEAR - grade + 1}-09`,
    householdRegion,
    phone: `1${random.pick(['35', '38', '39', '58', '59', '86', '87'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
  };
}

/** Given-name characters and a homophone people write instead (same pinyin). */
const HOMOPHONES: Record<string, string> = { 晓: '小', 明: '铭', 伟: '玮', 静: '婧', 杰: '洁', 涵: '含', 宇: '雨', 浩: '昊', 琪: '琦', 怡: '仪' };

/** One digit of a resident ID number changed (the check character then no longer fits). */
function mistype(id: string, position: number): string {
  return `${id.slice(0, position)}${id[position] === '9' ? '0' : String(Number(id[position]) + 1)}${id.slice(position + 1)}`;
}

/**
 * Pupils recorded twice with small slips that the exact rules cannot see (the possible duplicates
 * district staff review): a digit mistyped and the birth date a day off, two digits and the birth
 * date's day and month swapped, a homophone in the name besides a mistyped digit, within a school
 * and across schools. A stream of their own, so
 * the other planted cases stay as they were.
 */
function plantNearDuplicates(random: Random, used: Set<string>, regular: SeedStudent[], planted: SeedStudent[][]): void {
  const original = (test: (p: SeedStudent) => boolean = () => true) => {
    for (;;) {
      const p = pupil(random, random.pick(DEMO_SCHOOLS), used);
      if (test(p) && !/·/.test(p.name)) return p;
    }
  };
  const elsewhere = (p: SeedStudent) => random.pick(DEMO_SCHOOLS.filter((s) => s.code !== p.schoolCode && s.grades === DEMO_SCHOOLS.find((d) => d.code === p.schoolCode)!.grades)).code;
  const twice = (p: SeedStudent, copy: SeedStudent) => {
    regular.push(p);
    planted.push([copy]);
  };
  // With the name, gender and birth date alike the exact rules would report them: each copy's
  // birth date slipped too, a day off or with day and month swapped.
  for (let i = 0; i < 3; i++) {
    const p = original((q) => Number(q.birthDate.slice(8)) < 28);
    const nextDay = `${p.birthDate.slice(0, 8)}${String(Number(p.birthDate.slice(8)) + 1).padStart(2, '0')}`;
    twice(p, { ...p, birthDate: nextDay, idNumber: mistype(p.idNumber!, 14 + i) });
  }
  for (let i = 0; i < 2; i++) {
    const p = original((q) => q.idNumber![14] !== q.idNumber![15] && Number(q.birthDate.slice(8)) <= 12 && q.birthDate.slice(5, 7) !== q.birthDate.slice(8));
    const id = p.idNumber!;
    const swapped = `${p.birthDate.slice(0, 5)}${p.birthDate.slice(8)}-${p.birthDate.slice(5, 7)}`;
    twice(p, { ...p, birthDate: swapped, schoolCode: elsewhere(p), idNumber: `${id.slice(0, 14)}${id[15]}${id[14]}${id.slice(16)}` });
  }
  for (let i = 0; i < 3; i++) {
    const p = original((q) => [...q.name].slice(1).some((ch) => ch in HOMOPHONES));
    const name = [...p.name].map((ch, k) => (k > 0 && ch in HOMOPHONES ? HOMOPHONES[ch] : ch)).join('');
    twice(p, { ...p, name, schoolCode: i === 0 ? p.schoolCode : elsewhere(p), idNumber: mistype(p.idNumber!, 10) });
  }
}

/** The demo's pupils: those imported at the start of the school year, and the mistakes that came later. */
export interface DemoCohorts {
  regular: SeedStudent[];
  /** Each group of records imported (and detected) together, later than the regular ones. */
  planted: SeedStudent[][];
  /** The right ID number of each record planted with a wrong one, by the wrong one (the story corrects them). */
  corrections: Map<string, string>;
}

/** 胜利小学 (reg01) and two schools of other districts of 杭州: the moves the walkthrough starts from. */
const WALKTHROUGH_MOVES = [
  { from: '1330102001', to: '1330106001' },
  { from: '1330102001', to: '1330105001' },
  { from: '1330106001', to: '1330102001' },
];

/**
 * 5,000 pupils in 12 schools, with the kinds of mistakes the registry is for planted among them:
 * pupils who moved school and were never removed at the old one, templates imported twice,
 * different pupils who share name, gender and birth date, and mistyped ID numbers.
 */
export function demoCohorts(seed = 20261128): DemoCohorts {
  const random = createRandom(seed);
  const used = new Set<string>();
  const planted: SeedStudent[][] = [];
  const regular: SeedStudent[] = [];
  const corrections = new Map<string, string>();
  const otherSchool = (code: string, sameGrades: [number, number]) =>
    random.pick(DEMO_SCHOOLS.filter((s) => s.code !== code && s.grades === sameGrades));

  const plant = (count: number, make: (original: SeedStudent) => SeedStudent[], school = () => random.pick(DEMO_SCHOOLS)) => {
    for (let i = 0; i < count; i++) {
      const original = pupil(random, school(), used);
      regular.push(original);
      planted.push(make(original));
    }
  };
  // Moved to another school, still active at the old one (cross-school DUPLICATE_ID).
  plant(12, (o) => [{ ...o, schoolCode: otherSchool(o.schoolCode, DEMO_SCHOOLS.find((s) => s.code === o.schoolCode)!.grades).code }]);
  // The same template imported twice (within-school DUPLICATE_ID); one pupil three times.
  plant(8, (o) => [{ ...o }]);
  plant(1, (o) => [{ ...o }, { ...o }]);
  // Different pupils, same name + gender + birth date (DUPLICATE_IDENTITY), across and within schools.
  plant(6, (o) => {
    const school = DEMO_SCHOOLS.find((s) => s.code === o.schoolCode)!;
    const twin = pupil(random, random.next() < 0.5 ? school : otherSchool(school.code, school.grades), used);
    return [{ ...twin, name: o.name, gender: o.gender, birthDate: o.birthDate, idNumber: residentId(random, twin.householdRegion!, o.birthDate, o.gender, used) }];
  });
  // Mistyped ID numbers (INVALID_ID): a wrong check character, a lower-case x, a wrong birth date.
  for (let i = 0; i < 10; i++) {
    const p = pupil(random, random.pick(DEMO_SCHOOLS), used);
    const id = p.idNumber!;
    const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const wrongBirth = `${id.slice(0, 12)}${id[12] === '1' ? '2' : '1'}${id.slice(13)}`;
    const wrong = i % 3 === 2 ? wrongBirth : wrongCheck;
    corrections.set(wrong, id);
    planted.push([{ ...p, idNumber: wrong }]);
  }
  plantNearDuplicates(createRandom(seed + 7), used, regular, planted);
  // Recent moves between districts of one city, for the walkthrough (README) and its test.
  for (const move of WALKTHROUGH_MOVES) {
    const from = DEMO_SCHOOLS.find((s) => s.code === move.from)!;
    plant(1, (o) => [{ ...o, schoolCode: move.to }], () => from);
  }
  while (regular.length + planted.flat().length < DEMO_STUDENT_COUNT) regular.push(pupil(random, random.pick(DEMO_SCHOOLS), used));
  return { regular, planted, corrections };
}

const DAY = 86_400_000;
/** The school year's first import, about six and a half months back. */
const FIRST_IMPORT_DAYS = 190;

/**
 * When each planted group was imported: most over the last six months, a third in the last ten
 * days (still untouched), the walkthrough's moves (the last groups) in the last three days.
 */
function plantedTimes(count: number, now: Date, seed: number): Date[] {
  const random = createRandom(seed);
  const times = Array.from({ length: count }, (_, i) => {
    const daysBack = i >= count - WALKTHROUGH_MOVES.length ? random.int(1, 72) / 24 : random.next() < 0.33 ? random.int(1, 240) / 24 : random.int(10, 180);
    return new Date(now.getTime() - daysBack * DAY - random.int(0, 3_600_000));
  });
  return times;
}

export interface DemoCounts {
  schools: number;
  users: number;
  students: number;
  story: StoryCounts;
}

/**
 * Loads the demo: schools, users and the year's first import (one transaction, six and a half
 * months back), then each later import at its own time, then six months of work on the problems
 * they opened, through the services (demo-story.ts). Refuses a database with users.
 */
export async function seedDemo(app: App, now = new Date()): Promise<DemoCounts> {
  if (await hasAnyUser(app)) throw new Error('The database already has users; demo data goes only into an empty database.');
  const cohorts = demoCohorts();
  const first = await atClock(new Date(now.getTime() - FIRST_IMPORT_DAYS * DAY), () => seedFirstImport(app, cohorts.regular));
  const times = plantedTimes(cohorts.planted.length, now, 20261201);
  const order = cohorts.planted.map((rows, i) => ({ rows, at: times[i]! })).sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const { rows, at } of order) {
    await atClock(at, () =>
      app.db.dataSource.transaction(async (manager) => {
        const ids = await app.services.students.insertMany(manager, rows.map(({ schoolCode, ...s }) => ({ ...s, schoolId: first.schoolId.get(schoolCode)! })));
        await app.services.detection.detect(manager, { kind: 'students', studentIds: ids });
      }),
    );
  }
  const story = await asSystem(() => new DemoStory(app, createRandom(20261202), now, cohorts.corrections).play());
  // The review queue of possible duplicates starts filled, as after the registry's first full run.
  await asSystem(() => app.services.suggestions.runAll());
  const students = cohorts.regular.length + cohorts.planted.flat().length;
  await app.db.dataSource.transaction((manager) =>
    appendEvents(manager, [
      { type: 'DEMO_DATA_LOADED', actorId: null, subjectType: 'import', subjectId: 'demo', data: { schools: first.schools, users: first.users, students, story } },
    ]),
  );
  return { schools: first.schools, users: first.users, students, story };
}

async function seedFirstImport(app: App, regular: SeedStudent[]) {
  const users = demoUsers();
  const hashes = await Promise.all(users.map(() => hashPassword(DEMO_PASSWORD)));
  const students = regular;
  return app.db.dataSource.transaction(async (manager) => {
    const schoolRows = (await manager.query(
      `INSERT INTO schools (code, name, region_code, kind) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) RETURNING id, code`,
      [DEMO_SCHOOLS.map((s) => s.code), DEMO_SCHOOLS.map((s) => s.name), DEMO_SCHOOLS.map((s) => s.regionCode), DEMO_SCHOOLS.map(kindOf)],
    )) as { id: string; code: string }[];
    const schoolId = new Map(schoolRows.map((r) => [r.code, String(r.id)]));
    await manager.query(
      `INSERT INTO users (username, password_hash, display_name, role, school_id, region_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[])`,
      [
        users.map((u) => u.username),
        hashes,
        users.map((u) => u.displayName),
        users.map((u) => u.role),
        users.map((u) => (u.schoolCode ? schoolId.get(u.schoolCode) : null)),
        users.map((u) => u.regionCode ?? null),
      ],
    );
    for (let i = 0; i < students.length; i += 1000) {
      const batch = students.slice(i, i + 1000).map(({ schoolCode, ...s }) => ({ ...s, schoolId: schoolId.get(schoolCode)! }));
      await app.services.students.insertMany(manager, batch);
    }
    await app.services.detection.detect(manager, { kind: 'all' });
    return { schools: schoolRows.length, users: users.length, schoolId };
  });
}
