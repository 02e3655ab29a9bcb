import { IsNull, type DataSource } from 'typeorm';
import { regionPrefix, scopeCoversSchool, scopeSql, type Scope } from '../../core/auth/caller.js';
import { appendEvents } from '../../core/events.js';
import { readCsv } from '../../core/files/csv.js';
import { locatedError, type LocatedError } from '../../core/files/located-error.js';
import { keysetPage } from '../../core/db/keyset-page.js';
import type { Page, PageRequest } from '../../core/graphql/connection.js';
import { School } from './school.entity.js';

export const SCHOOL_COLUMNS: Record<string, string> = {
  学校标识码: 'code',
  code: 'code',
  学校名称: 'name',
  name: 'name',
  行政区划代码: 'region_code',
  region_code: 'region_code',
};

const SCHOOL_FIELDS = `s.id, s.code, s.name, s.region_code AS "regionCode", s.kind`;

export interface SchoolImportResult {
  ok: boolean;
  created: number;
  updated: number;
  errors: LocatedError[];
}

export class SchoolService {
  constructor(private readonly db: DataSource) {}

  /** Plain SQL rather than the repository's `findBy`: every list page loads its schools by id, and TypeORM's query builder cost more CPU than the statement. */
  async byIds(ids: readonly string[]): Promise<School[]> {
    const rows = (await this.db.query(
      `SELECT ${SCHOOL_FIELDS}, s.created_at AS "createdAt", s.updated_at AS "updatedAt", s.deleted_at AS "deletedAt"
       FROM schools s WHERE s.id = ANY($1::bigint[]) AND s.deleted_at IS NULL`,
      [ids],
    )) as object[];
    return rows.map((row) => Object.assign(new School(), row));
  }

  byCode(code: string): Promise<School | null> {
    return this.db.getRepository(School).findOneBy({ code, deletedAt: IsNull() });
  }

  covers(scope: Scope, school: School): boolean {
    return scopeCoversSchool(scope, school);
  }

  async list(scope: Scope, filter: { regionCode?: string | null }, page: PageRequest): Promise<Page<School>> {
    const params: unknown[] = [];
    const where = ['s.deleted_at IS NULL', scopeSql(scope, { schoolId: 's.id', regionCode: 's.region_code' }, params)];
    if (filter.regionCode) {
      params.push(`${regionPrefix(filter.regionCode)}%`);
      where.push(`s.region_code LIKE $${params.length}`);
    }
    return keysetPage(this.db, {
      select: SCHOOL_FIELDS,
      from: 'FROM schools s',
      where,
      params,
      orderBy: [{ sql: 's.code', type: 'text' }],
      hydrate: (row) => Object.assign(new School(), row),
      page,
    });
  }

  /**
   * Creates or renames schools from a CSV (`code,name,region_code` or the Chinese headers). All rows
   * are checked first; one bad row rejects the file and nothing is written.
   */
  async importCsv(file: string, bytes: Uint8Array, actorId: string | null): Promise<SchoolImportResult> {
    const { table, errors } = readCsv(file, bytes, SCHOOL_COLUMNS, ['code', 'name', 'region_code']);
    if (errors.length > 0) return { ok: false, created: 0, updated: 0, errors };
    const known = new Set<string>(
      (
        (await this.db.query(`SELECT code FROM regions WHERE code = ANY($1)`, [
          [...new Set(table.rows.map((r) => r.cells.region_code ?? ''))],
        ])) as { code: string }[]
      ).map((r) => r.code),
    );
    const seen = new Map<string, number>();
    for (const { row, cells } of table.rows) {
      const code = cells.code ?? '';
      const name = cells.name ?? '';
      const regionCode = cells.region_code ?? '';
      const at = (column: string, value: string) => ({ file, row, column, value });
      const fail = (column: string, value: string, code: 'SCHOOL_CODE_FORMAT' | 'REGION_CODE_FORMAT' | 'UNKNOWN_REGION') => errors.push(locatedError(at(column, value), code));
      if (!/^\d{10}$/.test(code)) fail('code', code, 'SCHOOL_CODE_FORMAT');
      else if (seen.has(code)) errors.push(locatedError(at('code', code), 'DUPLICATE_SCHOOL_CODE', { row: String(seen.get(code)) }));
      else seen.set(code, row);
      if (name === '') errors.push(locatedError(at('name', name), 'REQUIRED', { header: 'school name' }));
      if (!/^\d{6}$/.test(regionCode)) fail('region_code', regionCode, 'REGION_CODE_FORMAT');
      else if (!known.has(regionCode)) fail('region_code', regionCode, 'UNKNOWN_REGION');
    }
    if (errors.length > 0) return { ok: false, created: 0, updated: 0, errors };

    return this.db.transaction(async (manager) => {
      const result = (await manager.query(
        `INSERT INTO schools (code, name, region_code)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
         ON CONFLICT (code) WHERE deleted_at IS NULL
         DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code, updated_at = app_now()
         RETURNING id, code, (xmax = 0) AS created`,
        [table.rows.map((r) => r.cells.code), table.rows.map((r) => r.cells.name), table.rows.map((r) => r.cells.region_code)],
      )) as { id: string; code: string; created: boolean }[];
      await appendEvents(
        manager,
        result.map((r) => ({
          type: r.created ? 'SCHOOL_CREATED' : 'SCHOOL_UPDATED',
          actorId,
          subjectType: 'school' as const,
          subjectId: String(r.id),
          data: { code: r.code, file },
        })),
      );
      const created = result.filter((r) => r.created).length;
      return { ok: true, created, updated: result.length - created, errors: [] };
    });
  }
}
