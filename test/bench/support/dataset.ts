import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { App } from '../../../api/src/app.js';
import { hashPassword } from '../../../api/src/core/auth/passwords.js';
import { comparisonKeys } from '../../../api/src/registry/student/comparison-keys.js';
import { storedValue } from '../../../api/src/registry/student/sealed-fields.js';
import { birthDateForGrade, chineseName, ETHNICITIES, residentId } from '../../../api/src/seed/people.js';
import { createRandom, type Random } from '../../../api/src/seed/random.js';
import { asOwner } from '../../../api/src/core/db/row-scope.js';

/** The district whose staff and schools the read and write benchmarks act as (杭州市西湖区). */
export const BENCH_DISTRICT = '330106';
export const BENCH_PASSWORD = 'bench-password';
const SCHOOLS_PER_DISTRICT = 22;
const STUDENTS_PER_SCHOOL = 500;

/**
 * Shares of the records that are planted problems, as a registry has them after a semester of
 * imports: a template imported twice, pupils who moved school (mostly within their district) and
 * are still active at the old one, different pupils with the same name + gender + birth date, ID
 * numbers with a wrong check character, and inactive copies (graduated, transferred out) that
 * must not collide. Unplanted same-identity pairs also occur, as in real life (common names).
 */
const PLANTED = { repeated: 0.006, moved: 0.006, sameIdentity: 0.005, wrongCheck: 0.003, inactiveCopy: 0.01 };

export interface Dataset {
  students: number;
  schools: number;
  districts: number;
  /** Schools of BENCH_DISTRICT, by id. */
  districtSchools: string[];
  buildMs: number;
}

interface Row {
  school: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  idNumber: string;
  ethnicity: string;
  grade: string;
  className: string;
  enrollmentMonth: string;
  householdRegion: string;
  phone: string;
  status: 'ENROLLED' | 'GRADUATED' | 'TRANSFERRED_OUT';
}

const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级'];
const escape = (value: string) => value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

/** One reservoir of clean rows to copy from, kept small so that copies stay spread out. */
class Reservoir {
  private readonly rows: Row[] = [];
  constructor(
    private readonly random: Random,
    private readonly size = 2000,
  ) {}
  add(row: Row) {
    if (this.rows.length < this.size) this.rows.push(row);
    else this.rows[this.random.int(0, this.size - 1)] = row;
  }
  pick(): Row | undefined {
    return this.rows.length > 0 ? this.rows[this.random.int(0, this.rows.length - 1)] : undefined;
  }
}

function* generate(schools: { id: string; region: string }[], total: number, seed: number): Generator<Row> {
  const random = createRandom(seed);
  const used = new Set<string>();
  const byDistrict = new Map<string, Reservoir>();
  const everywhere = new Reservoir(random, 5000);
  const fresh = (school: { id: string; region: string }): Row => {
    const gender = random.next() < 0.52 ? 'M' : 'F';
    const grade = random.int(1, 9);
    const birthDate = birthDateForGrade(random, grade, 2026);
    const householdRegion = random.next() < 0.85 ? school.region : BENCH_DISTRICT;
    return {
      school: school.id,
      name: chineseName(random, gender),
      gender,
      birthDate,
      idNumber: residentId(random, householdRegion, birthDate, gender, used),
      ethnicity: random.pick(ETHNICITIES),
      grade: GRADES[grade - 1]!,
      className: `${random.int(1, 8)}班`,
      enrollmentMonth: `${2026 - grade + 1}-09`,
      householdRegion,
      phone: `1${random.int(30, 99)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      status: 'ENROLLED',
    };
  };
  const perSchool = Math.ceil(total / schools.length);
  let emitted = 0;
  for (const school of schools) {
    const district = byDistrict.get(school.region) ?? byDistrict.set(school.region, new Reservoir(random)).get(school.region)!;
    const own = new Reservoir(random, 200);
    for (let i = 0; i < perSchool && emitted < total; i++, emitted++) {
      const roll = random.next();
      let row: Row;
      let source: Row | undefined;
      let limit = PLANTED.repeated;
      if (roll < limit && (source = own.pick())) {
        row = { ...source };
      } else if (roll < (limit += PLANTED.moved) && (source = random.next() < 0.8 ? district.pick() : everywhere.pick()) && source.school !== school.id) {
        row = { ...source, school: school.id, className: `${random.int(1, 8)}班`, phone: fresh(school).phone };
      } else if (roll < (limit += PLANTED.sameIdentity) && (source = random.next() < 0.5 ? own.pick() : district.pick())) {
        const other = fresh(school);
        row = { ...other, name: source.name, gender: source.gender, birthDate: source.birthDate, idNumber: residentId(random, other.householdRegion, source.birthDate, source.gender, used) };
      } else if (roll < (limit += PLANTED.wrongCheck)) {
        row = fresh(school);
        row.idNumber = row.idNumber.slice(0, 17) + (row.idNumber[17] === '0' ? '1' : '0');
      } else if (roll < (limit += PLANTED.inactiveCopy) && (source = district.pick())) {
        row = { ...source, school: school.id, status: random.next() < 0.5 ? 'GRADUATED' : 'TRANSFERRED_OUT' };
      } else {
        row = fresh(school);
        own.add(row);
        district.add(row);
        everywhere.add(row);
      }
      yield row;
    }
  }
}

/** COPY text lines for `students`, comparison keys computed and values sealed by the product's own code. */
async function* copyLines(rows: Iterable<Row>): AsyncGenerator<string> {
  let buffer = '';
  for (const r of rows) {
    const keys = comparisonKeys({ name: r.name, gender: r.gender, birthDate: r.birthDate, idType: 'RESIDENT_ID', idNumber: r.idNumber });
    const cells = [
      r.school, r.name, r.gender, r.birthDate, 'RESIDENT_ID', storedValue('idNumber', r.idNumber)!, r.ethnicity, r.grade, r.className, r.enrollmentMonth,
      storedValue('householdRegion', r.householdRegion)!, storedValue('phone', r.phone)!, r.status, keys.nameKey, keys.idKey ?? '\\N', keys.identityKey, `{${keys.idProblems.join(',')}}`,
    ];
    buffer += `${cells.map((c) => (c === '\\N' ? c : escape(c))).join('\t')}\n`;
    if (buffer.length > 1 << 16) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/**
 * A registry of `students` records in 浙江 (about 500 a school, 22 schools a district, the bench
 * district first), built set-based: schools by one INSERT … SELECT, records generated in Node with
 * the product's comparison keys and sent by one COPY into `students` with all its indexes. No
 * problems yet: detection makes them (a first scan).
 */
export async function buildRegistry(app: App, url: string, students: number, seed = 2026): Promise<Dataset> {
  const started = performance.now();
  const db = app.db.dataSource;
  const schoolCount = Math.max(SCHOOLS_PER_DISTRICT, Math.round(students / STUDENTS_PER_SCHOOL));
  const districts = (await db.query(
    `SELECT code FROM regions WHERE code LIKE '33%' AND code NOT LIKE '%00' ORDER BY code <> $1, code`,
    [BENCH_DISTRICT],
  )) as { code: string }[];
  const used = districts.slice(0, Math.min(districts.length, Math.max(1, Math.floor(schoolCount / SCHOOLS_PER_DISTRICT))));
  const schools = (await db.query(
    `INSERT INTO schools (code, name, region_code)
     SELECT '1' || d.code || lpad(((n - 1) / $2 + 1)::text, 3, '0'), '基准学校' || d.code || '-' || ((n - 1) / $2 + 1), d.code
     FROM generate_series(1, $1::int) n, LATERAL (SELECT ($3::text[])[1 + (n - 1) % $2] AS code) d
     ORDER BY n
     RETURNING id::text, region_code AS region`,
    [schoolCount, used.length, used.map((d) => d.code)],
  )) as { id: string; region: string }[];
  // School by school, so that a district's schools follow each other and copies find their neighbours.
  schools.sort((a, b) => a.region.localeCompare(b.region) || Number(a.id) - Number(b.id));

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await pipeline(
      Readable.from(copyLines(generate(schools, students, seed))),
      client.query(
        copyFrom(`COPY students (school_id, name, gender, birth_date, id_type, id_number, ethnicity, grade, class_name, enrollment_month,
                                 household_region, phone, status, name_key, id_key, identity_key, id_problems) FROM STDIN`),
      ),
    );
    // A registry in use has been vacuumed since its records came: index-only scans need the visibility map.
    await client.query('VACUUM (ANALYZE) students');
  } finally {
    await client.end();
  }
  return {
    students,
    schools: schools.length,
    districts: used.length,
    districtSchools: schools.filter((s) => s.region === BENCH_DISTRICT).map((s) => s.id),
    buildMs: performance.now() - started,
  };
}

/** What a shared data set already holds (`pnpm bench` builds it once for several parts). */
export async function describeRegistry(app: App): Promise<Dataset> {
  const db = app.db.dataSource;
  const [counts] = (await db.query(
    `SELECT (SELECT count(*) FROM students)::int AS students, (SELECT count(*) FROM schools)::int AS schools,
            (SELECT count(DISTINCT region_code) FROM schools)::int AS districts`,
  )) as { students: number; schools: number; districts: number }[];
  const district = (await db.query(`SELECT id::text FROM schools WHERE region_code = $1 ORDER BY id`, [BENCH_DISTRICT])) as { id: string }[];
  return { ...counts!, districtSchools: district.map((s) => s.id), buildMs: 0 };
}

/** Problems exist (a first full scan has run); runs one when none do. Returns the number of unresolved problems. */
export async function ensureDetected(app: App): Promise<number> {
  const db = app.db.dataSource;
  const count = async () => ((await db.query(`SELECT count(*)::int AS n FROM problems WHERE status <> 'RESOLVED'`)) as { n: number }[])[0]!.n;
  if ((await count()) === 0) {
    await db.transaction((m) => app.services.detection.detect(m, { kind: 'all' }));
    // Maintenance is the tables' owner's (the product's role may not VACUUM or ANALYZE them).
    await asOwner(() => db.query('VACUUM (ANALYZE) problems, problem_members, events'));
  }
  return count();
}

/** A user (created once per name) with the bench password. */
export async function benchUser(app: App, username: string, role: string, scope: { schoolId?: string; regionCode?: string }): Promise<void> {
  await app.db.dataSource.query(
    `INSERT INTO users (username, password_hash, display_name, role, school_id, region_code)
     SELECT $1, $2, $1, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM users WHERE lower(username) = lower($1))`,
    [username, await hashPassword(BENCH_PASSWORD), role, scope.schoolId ?? null, scope.regionCode ?? null],
  );
}
