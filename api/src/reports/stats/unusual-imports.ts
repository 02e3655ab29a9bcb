import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { scopeSql, type Scope } from '../../core/auth/caller.js';
import { MIN_SHARE_MATCHES, type HoldPolicy } from '../../registry/index.js';
import { SchoolRef } from '../references.js';

export enum UnusualImportStatus {
  LANDED = 'LANDED',
  HELD = 'HELD',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(UnusualImportStatus, {
  name: 'UnusualImportStatus',
  description: 'What became of an import with many cross-school matches.',
  valuesConfig: {
    LANDED: { description: 'Imported without a hold (by a system admin or the operator’s CLI, who are not screened).' },
    HELD: { description: 'Held: waiting for the district.' },
    APPROVED: { description: 'Held, then approved and imported.' },
    REJECTED: { description: 'Held, then rejected; nothing was imported.' },
  },
});

@ObjectType('UnusualImport', { description: 'An import whose rows matched pupils of other schools unusually often, or that was held.' })
export class UnusualImportRow {
  @Field(() => ID, { description: 'The held import (with heldImportId) or the import (importId), as one opaque id.' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'The held import, when the import was held.' })
  heldImportId: string | null;

  @Field(() => ID, { nullable: true, description: 'The import record, when rows were imported.' })
  importId: string | null;

  @Field(() => ID, { description: 'The school imported into.' })
  schoolId: string;

  @Field(() => SchoolRef, { description: 'The school imported into.' })
  school: SchoolRef;

  @Field(() => String, { nullable: true, description: 'Username of the importer; null for the operator’s CLI.' })
  importedBy: string | null;

  @Field(() => Date, { description: 'When the file was imported or held.' })
  at: Date;

  @Field(() => Int, { description: 'Rows of the file.' })
  rows: number;

  @Field(() => Int, { description: 'Rows that matched a pupil of another school.' })
  crossSchoolMatches: number;

  @Field(() => Float, { description: 'crossSchoolMatches / rows, from 0 to 1.' })
  matchRate: number;

  @Field(() => UnusualImportStatus, { description: 'Landed, held, approved or rejected.' })
  status: UnusualImportStatus;
}

/** How far back the dashboard looks, and how many imports it lists at most (newest first). */
export const UNUSUAL_IMPORT_DAYS = 90;
export const UNUSUAL_IMPORT_LIMIT = 200;

/**
 * The district dashboard's list of imports that matched other schools' pupils as often as the hold
 * rule allows or more, or that were held: a file of guessed ID numbers shows up here even when it
 * came in through a role that is not screened, and held files show what became of them.
 */
export class UnusualImportsService {
  constructor(
    private readonly db: DataSource,
    private readonly policy: HoldPolicy,
  ) {}

  async list(scope: Scope): Promise<UnusualImportRow[]> {
    const params: unknown[] = [UNUSUAL_IMPORT_DAYS, this.policy.matches, MIN_SHARE_MATCHES, this.policy.share, UNUSUAL_IMPORT_LIMIT];
    const inScope = scopeSql(scope, { schoolId: 'sc.id', regionCode: 'sc.region_code' }, params);
    const rows = (await this.db.query(
      `WITH recent AS (
         SELECT 'import:' || i.id AS id, NULL::bigint AS hold_id, i.id AS import_id, i.school_id, i.actor_id, i.created_at AS at,
                i.rows_imported AS rows, i.cross_school_matches AS matches, 'LANDED' AS status
         FROM imports i
         WHERE i.created_at >= app_now() - make_interval(days => $1)
           -- An approved file is listed once, as its hold.
           AND NOT EXISTS (SELECT 1 FROM import_holds h WHERE h.import_id = i.id)
           AND (i.cross_school_matches >= $2 OR (i.cross_school_matches >= $3 AND i.cross_school_matches::float8 / greatest(i.rows_imported, 1) >= $4))
         UNION ALL
         SELECT 'hold:' || h.id, h.id, h.import_id, h.school_id, h.actor_id, h.created_at, h.rows_read, h.cross_school_matches, h.status
         FROM import_holds h WHERE h.created_at >= app_now() - make_interval(days => $1)
       )
       SELECT r.id, r.hold_id::text AS "heldImportId", r.import_id::text AS "importId", r.school_id::text AS "schoolId", u.username AS "importedBy",
              r.at, r.rows, r.matches AS "crossSchoolMatches", round((r.matches::numeric / greatest(r.rows, 1)), 4)::float8 AS "matchRate", r.status
       FROM recent r JOIN schools sc ON sc.id = r.school_id LEFT JOIN users u ON u.id = r.actor_id
       WHERE ${inScope}
       ORDER BY r.at DESC, r.id LIMIT $5`,
      params,
    )) as Omit<UnusualImportRow, 'school'>[];
    return rows.map((row) => ({ ...row, school: { id: row.schoolId } }));
  }
}
