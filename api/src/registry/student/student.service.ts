import { In, type DataSource, type EntityManager } from 'typeorm';
import { scopeSql, type Scope } from '../../core/auth/caller.js';
import { keysetPage } from '../../core/db/keyset-page.js';
import type { Page } from '../../core/graphql/connection.js';
import { comparisonKeys } from './comparison-keys.js';
import { normalizeIdNumber, normalizeName } from './normalize.js';
import { Student, type Gender, type IdType } from './student.entity.js';
import { rowExists } from '../../core/db/row-scope.js';

export interface NewStudent {
  schoolId: string;
  name: string;
  gender: Gender;
  birthDate: string;
  idType: IdType;
  idNumber: string | null;
  ethnicity?: string | null;
  grade?: string | null;
  className?: string | null;
  enrollmentMonth?: string | null;
  householdRegion?: string | null;
  phone?: string | null;
}

export interface StudentFilter {
  schoolId?: string | null;
  /** Part of a name, or the start of an ID number. */
  search?: string | null;
}

const STUDENT_FIELDS = `st.id, st.school_id AS "schoolId", st.name, st.gender, st.birth_date::text AS "birthDate",
  st.id_type AS "idType", st.id_number AS "idNumber", st.ethnicity, st.grade, st.class_name AS "className",
  st.enrollment_month AS "enrollmentMonth", st.household_region AS "householdRegion", st.phone, st.status,
  st.name_key AS "nameKey", st.id_key AS "idKey", st.version, st.created_at AS "createdAt",
  st.updated_at AS "updatedAt", st.deleted_at AS "deletedAt"`;

export class StudentService {
  constructor(private readonly db: DataSource) {}

  /** Whether the record exists at all, in the caller's scope or not (see rowExists). */
  exists(id: string): Promise<boolean> {
    return rowExists(this.db.manager, 'students', id);
  }

  byIds(ids: readonly string[]): Promise<Student[]> {
    return this.db.getRepository(Student).findBy({ id: In([...ids]) });
  }

  /** Students in scope, newest last, keyset-paginated by id. Deleted records are left out. */
  async list(scope: Scope, filter: StudentFilter, size: number, after: string | null): Promise<Page<Student>> {
    const params: unknown[] = [];
    const where = [`st.status <> 'DELETED'`, scopeSql(scope, { schoolId: 'st.school_id', regionCode: 'sc.region_code' }, params)];
    if (filter.schoolId) {
      params.push(filter.schoolId);
      where.push(`st.school_id = $${params.length}`);
    }
    const search = filter.search?.trim();
    if (search) {
      params.push(`%${normalizeName(search).replace(/[%_\\]/g, '\\$&')}%`, `${normalizeIdNumber(search).replace(/[%_\\]/g, '\\$&')}%`);
      where.push(`(st.name_key LIKE $${params.length - 1} OR st.id_key LIKE $${params.length})`);
    }
    return keysetPage(this.db, {
      select: STUDENT_FIELDS,
      from: 'FROM students st JOIN schools sc ON sc.id = st.school_id',
      where,
      params,
      orderBy: [{ sql: 'st.id', type: 'bigint' }],
      hydrate: (row) => Object.assign(new Student(), row),
      size,
      after,
    });
  }

  /** Set-based insert: one statement for the whole batch, comparison keys computed here. */
  async insertMany(manager: EntityManager, students: NewStudent[]): Promise<string[]> {
    if (students.length === 0) return [];
    const col = <K extends keyof NewStudent>(key: K) => students.map((s) => s[key] ?? null);
    const keys = students.map(comparisonKeys);
    const rows = (await manager.query(
      `INSERT INTO students (school_id, name, gender, birth_date, id_type, id_number, ethnicity, grade, class_name,
                             enrollment_month, household_region, phone, name_key, id_key, id_problems, identity_key)
       SELECT s, n, g, b, it, i, e, gr, c, em, hr, p, nk, ik, string_to_array(ip, ','), idk
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[],
                   $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
         AS t(s, n, g, b, it, i, e, gr, c, em, hr, p, nk, ik, ip, idk)
       RETURNING id`,
      [
        col('schoolId'),
        col('name'),
        col('gender'),
        col('birthDate'),
        col('idType'),
        col('idNumber'),
        col('ethnicity'),
        col('grade'),
        col('className'),
        col('enrollmentMonth'),
        col('householdRegion'),
        col('phone'),
        keys.map((k) => k.nameKey),
        keys.map((k) => k.idKey),
        keys.map((k) => k.idProblems.join(',')),
        keys.map((k) => k.identityKey),
      ],
    )) as { id: string }[];
    return rows.map((r) => String(r.id));
  }
}
