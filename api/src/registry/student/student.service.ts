import { In, type DataSource, type EntityManager } from 'typeorm';
import { scopeSql, type Scope } from '../../core/auth/caller.js';
import { keysetPage } from '../../core/db/keyset-page.js';
import type { Page, PageRequest } from '../../core/graphql/connection.js';
import { comparisonKeys } from './comparison-keys.js';
import { normalizeName } from './normalize.js';
import { resealAll, type ResealReport } from './resealing.js';
import { openStudentRow, residentIdIndex, storedValue } from './sealed-fields.js';
import { KEY_COLUMNS, selectStudentFields, STUDENT_FIELDS, type NewStudent } from './student-fields.js';
import { Student } from './student.entity.js';

export interface StudentFilter {
  schoolId?: string | null;
  /** Part of a name, or a whole resident ID number (numbers are stored sealed: only their blind index matches). */
  search?: string | null;
}

const RECORD_COLUMNS = `st.id, st.school_id AS "schoolId", ${selectStudentFields('st')}, st.status,
  st.name_key AS "nameKey", st.id_key AS "idKey", st.version, st.created_at AS "createdAt",
  st.updated_at AS "updatedAt", st.deleted_at AS "deletedAt", st.transferred_to::text AS "transferredTo", st.transferred_at AS "transferredAt",
  st.delete_reason AS "deleteReason"`;

export class StudentService {
  constructor(private readonly db: DataSource) {}

  /** Seals every stored value under the current data key (see resealing.ts); `force` looks even when the state says all is done. */
  reseal(options: { force?: boolean } = {}): Promise<ResealReport> {
    return resealAll(this.db, options);
  }

  byIds(ids: readonly string[]): Promise<Student[]> {
    return this.db.getRepository(Student).findBy({ id: In([...ids]) });
  }

  /** Students in scope, newest last, keyset-paginated by id. Deleted records are left out. */
  async list(scope: Scope, filter: StudentFilter, page: PageRequest): Promise<Page<Student>> {
    const params: unknown[] = [];
    const where = [`st.status <> 'DELETED'`, scopeSql(scope, { schoolId: 'st.school_id', regionCode: 'sc.region_code' }, params)];
    if (filter.schoolId) {
      params.push(filter.schoolId);
      where.push(`st.school_id = $${params.length}`);
    }
    const search = filter.search?.trim();
    if (search) {
      params.push(`%${normalizeName(search).replace(/[%_\\]/g, '\\$&')}%`, residentIdIndex('RESIDENT_ID', search));
      where.push(`(st.name_key LIKE $${params.length - 1} OR st.id_key = $${params.length})`);
    }
    return keysetPage(this.db, {
      select: RECORD_COLUMNS,
      from: 'FROM students st JOIN schools sc ON sc.id = st.school_id',
      where,
      params,
      orderBy: [{ sql: 'st.id', type: 'bigint' }],
      hydrate: (row) => Object.assign(new Student(), openStudentRow(row as Partial<Student>)),
      page,
    });
  }

  /** Set-based insert: one statement for the whole batch, comparison keys computed here. */
  async insertMany(manager: EntityManager, students: NewStudent[]): Promise<string[]> {
    if (students.length === 0) return [];
    const keys = students.map(comparisonKeys);
    const columns = ['school_id', ...STUDENT_FIELDS.map((f) => f.column), ...KEY_COLUMNS.map((k) => k.column)];
    const types = ['bigint', ...STUDENT_FIELDS.map((f) => f.sqlType), ...KEY_COLUMNS.map(() => 'text')];
    const idProblems = columns.indexOf('id_problems');
    const rows = (await manager.query(
      `INSERT INTO students (${columns.join(', ')})
       SELECT ${columns.map((_, i) => (i === idProblems ? `string_to_array(c${i}, ',')` : `c${i}`)).join(', ')}
       FROM unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')}) AS t(${columns.map((_, i) => `c${i}`).join(', ')})
       RETURNING id`,
      [
        students.map((s) => s.schoolId),
        ...STUDENT_FIELDS.map((f) => students.map((s) => storedValue(f.key, s[f.key] ?? null))),
        ...KEY_COLUMNS.map((k) => keys.map((key) => (k.key === 'idProblems' ? key.idProblems.join(',') : key[k.key]))),
      ],
    )) as { id: string }[];
    return rows.map((r) => String(r.id));
  }
}
