import type { DataSource, EntityManager } from 'typeorm';
import { regionPrefix, type Caller } from '../../core/auth/caller.js';
import { Forbidden, NotFound } from '../../core/errors.js';
import { appendEvents } from '../../core/events.js';
import { checkReportDocument, InvalidReportDocument, revealingFields, storedDocumentReveals } from './report-document.js';

export interface SavedReport {
  id: string;
  ownerId: string;
  ownerName: string;
  name: string;
  description: string;
  document: string;
  variables: Record<string, unknown>;
  sharedRegionCode: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface SaveReportInput {
  /** Absent: a new report. */
  id?: string | null;
  /** With `id`: the version read, so two people editing a shared report cannot overwrite each other. */
  version?: number | null;
  name: string;
  description?: string | null;
  document: string;
  variables?: Record<string, unknown> | null;
  sharedRegionCode?: string | null;
}

export type ReportRefusalCode = 'INVALID_DOCUMENT' | 'INVALID_VALUE' | 'SHARING_NOT_ALLOWED' | 'REVEALING_FIELD_NOT_SHAREABLE' | 'STALE_VERSION';
export type SaveOutcome = { ok: true; report: SavedReport } | { ok: false; error: { code: ReportRefusalCode; message: string; field?: string } };

type Refusal = Extract<SaveOutcome, { ok: false }>;
const refuse = (code: ReportRefusalCode, message: string, field?: string): Refusal => ({ ok: false, error: { code, message, ...(field ? { field } : {}) } });

/**
 * Whether someone other than the owner may open a report. Reports shared before revealing fields
 * were refused keep their sharing in the database, but nobody else gets them (not listed,
 * FORBIDDEN when opened): hidden on every read rather than unshared by a write, so reading stays
 * free of side effects, the owner's choice is kept, and the rule follows REVEALING_FIELDS as it is
 * today. Saving the report shared again is refused until those fields are gone.
 */
const openableByOthers = (report: SavedReport) => !storedDocumentReveals(report.document);


const FIELDS = `r.id::text, r.owner_id::text AS "ownerId", u.display_name AS "ownerName", r.name, r.description, r.document, r.variables,
  r.shared_region_code AS "sharedRegionCode", r.version, r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

/**
 * Saved reports (DESIGN.md story 3): a GraphQL query and its variables, kept by its owner and
 * optionally shared with everyone whose scope lies inside a region. Reading a report never widens
 * access: the portal runs its query with the reader's own credentials.
 */
export class SavedReportService {
  constructor(private readonly db: DataSource) {}

  /** Someone else's report, or none: FORBIDDEN when it is shared with the caller (who knows it), else NOT_FOUND like a missing one. */
  private async refuseOthers(manager: EntityManager, caller: Caller, id: string, forbidden: string): Promise<never> {
    const params: unknown[] = [id];
    const [row] = (await manager.query(`SELECT 1 FROM saved_reports r WHERE r.id = $1 AND ${this.readableSql(caller, params)}`, params)) as unknown[];
    throw row ? new Forbidden(forbidden) : new NotFound('Report');
  }

  /** Condition: the report is the caller's, or shared with a region containing the caller's scope. */
  private readableSql(caller: Caller, params: unknown[]): string {
    params.push(caller.userId);
    const own = `r.owner_id = $${params.length}`;
    let shared: string;
    if (caller.role === 'SYSTEM_ADMIN') shared = 'r.shared_prefix IS NOT NULL';
    else if (caller.role === 'SCHOOL_REGISTRAR' && caller.schoolId) {
      params.push(caller.schoolId);
      shared = `(SELECT region_code FROM schools WHERE id = $${params.length}) LIKE r.shared_prefix || '%'`;
    } else if (caller.regionPrefix) {
      params.push(caller.regionPrefix);
      shared = `$${params.length} LIKE r.shared_prefix || '%'`;
    } else shared = 'FALSE';
    return `r.deleted_at IS NULL AND (${own} OR ${shared})`;
  }

  async list(caller: Caller): Promise<SavedReport[]> {
    const params: unknown[] = [];
    const reports = (await this.db.query(
      `SELECT ${FIELDS} FROM saved_reports r JOIN users u ON u.id = r.owner_id WHERE ${this.readableSql(caller, params)} ORDER BY r.updated_at DESC, r.id DESC`,
      params,
    )) as SavedReport[];
    return reports.filter((r) => r.ownerId === caller.userId || openableByOthers(r));
  }

  async get(caller: Caller, id: string): Promise<SavedReport> {
    const params: unknown[] = [id];
    const [report] = (await this.db.query(
      `SELECT ${FIELDS}, ${this.readableSql(caller, params)} AS readable FROM saved_reports r JOIN users u ON u.id = r.owner_id WHERE r.id = $1 AND r.deleted_at IS NULL`,
      params,
    )) as (SavedReport & { readable: boolean })[];
    // Not shared with the caller answers like a missing report: ids cannot be probed.
    if (!report?.readable) throw new NotFound('Report');
    const { readable: _readable, ...rest } = report;
    if (rest.ownerId !== caller.userId && !openableByOthers(rest)) {
      throw new Forbidden('This report selects personal data (full ID numbers, phone numbers or addresses), so it is not shared; ask its owner.');
    }
    return rest;
  }

  /** Name, description and document; null when they are fine. */
  private checkContent(input: SaveReportInput): Refusal | null {
    const name = input.name.trim();
    if (!name || name.length > 200) return refuse('INVALID_VALUE', 'Give the report a name of 1 to 200 characters.', 'name');
    if ((input.description ?? '').trim().length > 2000) return refuse('INVALID_VALUE', 'The description is longer than 2,000 characters.', 'description');
    if (input.document.length > 20_000) return refuse('INVALID_DOCUMENT', 'The query is longer than 20,000 characters.', 'document');
    try {
      checkReportDocument(input.document);
    } catch (error) {
      if (error instanceof InvalidReportDocument) return refuse('INVALID_DOCUMENT', error.message, 'document');
      throw error;
    }
    return null;
  }

  /** A shared report may not select revealing fields (revealing-fields.ts); the document is valid by now. */
  private checkShareable(document: string): Refusal | null {
    const revealing = revealingFields(checkReportDocument(document));
    if (revealing.length === 0) return null;
    return refuse(
      'REVEALING_FIELD_NOT_SHAREABLE',
      `A shared report cannot show personal data: ${revealing.join('; ')}. Remove these fields (idNumberMasked may stay) or keep the report private.`,
      'sharedRegionCode',
    );
  }

  /** The region to share with: it must exist and lie inside the caller's region. */
  private async checkSharing(caller: Caller, shared: string): Promise<Refusal | null> {
    const [region] = (await this.db.query(`SELECT code FROM regions WHERE code = $1`, [shared])) as unknown[];
    if (!region) return refuse('INVALID_VALUE', `${shared} is not a region code.`, 'sharedRegionCode');
    const allowed =
      caller.role === 'SYSTEM_ADMIN' || (caller.role !== 'SCHOOL_REGISTRAR' && !!caller.regionPrefix && regionPrefix(shared).startsWith(caller.regionPrefix));
    if (!allowed) return refuse('SHARING_NOT_ALLOWED', 'You can share a report only with your own region or a region inside it.', 'sharedRegionCode');
    return null;
  }

  async save(caller: Caller, input: SaveReportInput): Promise<SaveOutcome> {
    const shared = input.sharedRegionCode?.trim() || null;
    const refusal = this.checkContent(input) ?? (shared ? ((await this.checkSharing(caller, shared)) ?? this.checkShareable(input.document)) : null);
    if (refusal) return refusal;
    const name = input.name.trim();
    const description = (input.description ?? '').trim();
    const values = [name, description, input.document, JSON.stringify(input.variables ?? {}), shared, shared ? regionPrefix(shared) : null];
    return this.db.transaction(async (manager) => {
      let id: string;
      if (!input.id) {
        const [row] = (await manager.query(
          `INSERT INTO saved_reports (owner_id, name, description, document, variables, shared_region_code, shared_prefix)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text`,
          [caller.userId, ...values],
        )) as { id: string }[];
        id = row!.id;
        await appendEvents(manager, [{ type: 'REPORT_CREATED', actorId: caller.userId, subjectType: 'report', subjectId: id, data: { after: { name, sharedRegionCode: shared } } }]);
      } else {
        const [before] = (await manager.query(`SELECT owner_id::text AS "ownerId", name, shared_region_code AS "sharedRegionCode", version FROM saved_reports WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [input.id])) as {
          ownerId: string;
          name: string;
          sharedRegionCode: string | null;
          version: number;
        }[];
        if (!before || before.ownerId !== caller.userId) return this.refuseOthers(manager, caller, input.id, 'Only the owner edits a report; save a copy instead.');
        if (input.version != null && input.version !== before.version) return refuse('STALE_VERSION', 'The report was changed since you opened it; reload it.');
        await manager.query(
          `UPDATE saved_reports SET name = $2, description = $3, document = $4, variables = $5, shared_region_code = $6, shared_prefix = $7,
                  version = version + 1, updated_at = app_now() WHERE id = $1`,
          [input.id, ...values],
        );
        id = input.id;
        await appendEvents(manager, [
          { type: 'REPORT_UPDATED', actorId: caller.userId, subjectType: 'report', subjectId: id, data: { before: { name: before.name, sharedRegionCode: before.sharedRegionCode }, after: { name, sharedRegionCode: shared } } },
        ]);
      }
      const [report] = (await manager.query(`SELECT ${FIELDS} FROM saved_reports r JOIN users u ON u.id = r.owner_id WHERE r.id = $1`, [id])) as SavedReport[];
      return { ok: true as const, report: report! };
    });
  }

  /** Soft delete by the owner; the report and its history stay in the database. */
  async remove(caller: Caller, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [report] = (await manager.query(`SELECT owner_id::text AS "ownerId", name FROM saved_reports WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [id])) as {
        ownerId: string;
        name: string;
      }[];
      if (!report || report.ownerId !== caller.userId) return this.refuseOthers(manager, caller, id, 'Only the owner deletes a report.');
      await manager.query(`UPDATE saved_reports SET deleted_at = app_now(), updated_at = app_now() WHERE id = $1`, [id]);
      await appendEvents(manager, [{ type: 'REPORT_DELETED', actorId: caller.userId, subjectType: 'report', subjectId: id, data: { before: { name: report.name } } }]);
    });
  }
}
