import type { DataSource, EntityManager } from 'typeorm';
import { scopeOf, scopeSql, type Caller, type Role, type Scope } from '../../core/auth/caller.js';
import { keysetPage } from '../../core/db/keyset-page.js';
import { withRowScope } from '../../core/db/row-scope.js';
import { NotFound } from '../../core/errors.js';
import { appendEvents } from '../../core/events.js';
import type { Page, PageRequest } from '../../core/graphql/connection.js';
import { tooLong, type TooLong } from '../../core/text-limits.js';
import { heldFilePath, removeHeldFile, type HoldReason } from './import-screening.js';
import type { ImportResult, ImportService } from './import.service.js';

export type HoldStatus = 'HELD' | 'APPROVED' | 'REJECTED';

/** A held import as its readers see it; the matches and the reason only for district staff (see `list`). */
export interface HeldImportView {
  id: string;
  schoolId: string;
  importedBy: string;
  fileName: string;
  rowsRead: number;
  crossSchoolMatches: number | null;
  reason: HoldReason | null;
  status: HoldStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
  importId: string | null;
  result: ImportResult | null;
}

export interface HeldImportDecision {
  id: string;
  approve: boolean;
  reason?: string | null;
}

export type DecisionError = TooLong | { code: 'REASON_REQUIRED' | 'ALREADY_DECIDED'; message: string; field?: string };
export type DecisionOutcome = { ok: true; heldImport: HeldImportView } | { ok: false; error: DecisionError };

/** A held import with what it takes to run it again. */
type KeptHold = HeldImportView & { actorId: string; skipInvalid: boolean; forced: boolean };

const FIELDS = `h.id::text AS id, h.school_id::text AS "schoolId", u.username AS "importedBy", h.file_name AS "fileName",
  h.rows_read AS "rowsRead", h.cross_school_matches AS "crossSchoolMatches", h.reason, h.status, h.created_at AS "createdAt",
  h.decided_at AS "decidedAt", h.decision_reason AS "decisionReason", h.import_id::text AS "importId", h.result`;
const FROM = `FROM import_holds h JOIN schools sc ON sc.id = h.school_id JOIN users u ON u.id = h.actor_id`;
const ID = /^\d{1,18}$/;

/**
 * Imports held for review (see import-screening.ts): the district staff over the school approve them
 * (the kept file is imported as its importer would have, and lands whatever it matches) or reject them
 * (the file is deleted); the school sees whether its imports wait, landed or were refused.
 */
export class HeldImportService {
  constructor(
    private readonly db: DataSource,
    private readonly imports: ImportService,
    private readonly heldDir: string,
  ) {}

  /** Newest first, within the caller's scope. */
  list(caller: Caller, filter: { status?: HoldStatus | null }, page: PageRequest): Promise<Page<HeldImportView>> {
    const params: unknown[] = [];
    const where = [scopeSql(scopeOf(caller), { schoolId: 'h.school_id', regionCode: 'sc.region_code' }, params)];
    if (filter.status) {
      params.push(filter.status);
      where.push(`h.status = $${params.length}`);
    }
    return keysetPage(this.db, {
      select: FIELDS, from: FROM, where, params, page, descending: true,
      orderBy: [{ sql: 'h.id', type: 'bigint' }],
      hydrate: (row) => forReader(scopeOf(caller), row as HeldImportView),
    });
  }

  /** Approves or rejects a held import; one outside the caller's scope is NOT_FOUND, like a missing one. */
  async decide(caller: Caller, input: HeldImportDecision, requestId: string | null = null): Promise<DecisionOutcome> {
    const reason = input.reason?.trim() || null;
    const long = tooLong('reason', reason, 'holdDecisionReason');
    if (long) return { ok: false, error: long };
    if (!input.approve && !reason) return { ok: false, error: { code: 'REASON_REQUIRED', message: 'Say why the import is rejected.', field: 'reason' } };
    const hold = await this.find(scopeOf(caller), input.id);
    if (!hold) throw new NotFound('Held import');
    const claimed = await this.db.transaction(async (manager) => {
      // Only one decision wins: a second one finds the hold no longer HELD.
      const [row] = (await manager.query(
        `WITH claimed AS (UPDATE import_holds SET status = $2, decided_by = $3, decided_at = app_now(), decision_reason = $4 WHERE id = $1 AND status = 'HELD' RETURNING id)
         SELECT id FROM claimed`,
        [hold.id, input.approve ? 'APPROVED' : 'REJECTED', caller.userId, reason],
      )) as unknown[];
      if (row && !input.approve) await this.logDecision(manager, caller, hold, 'IMPORT_REJECTED', { reason });
      return Boolean(row);
    });
    if (!claimed) return { ok: false, error: { code: 'ALREADY_DECIDED', message: 'This import has already been decided.' } };
    if (input.approve) await this.runApproved(caller, hold, reason, requestId);
    await removeHeldFile(this.heldDir, hold.id);
    return { ok: true, heldImport: forReader(scopeOf(caller), (await this.find(scopeOf(caller), hold.id))!) };
  }

  /**
   * Imports the kept file as its importer would have (same user, school and options, in the school's
   * row scope), so the import, its events and its read log name the registrar; the result is stored
   * for the school to see. An internal failure puts the hold back, to be decided again.
   */
  private async runApproved(caller: Caller, hold: KeptHold, reason: string | null, requestId: string | null): Promise<void> {
    let result: ImportResult;
    try {
      const importer = await this.importer(hold.actorId);
      result = await withRowScope({ kind: 'school', schoolId: hold.schoolId }, () =>
        this.imports.importStudents({
          schoolId: hold.schoolId, filePath: heldFilePath(this.heldDir, hold.id), fileName: hold.fileName, skipInvalid: hold.skipInvalid,
          force: hold.forced, actorId: importer.userId, importer, requestId, approved: true,
        }),
      );
    } catch (error) {
      await this.db.query(`UPDATE import_holds SET status = 'HELD', decided_by = NULL, decided_at = NULL, decision_reason = NULL WHERE id = $1`, [hold.id]);
      throw error;
    }
    await this.db.transaction(async (manager) => {
      await manager.query(`UPDATE import_holds SET import_id = $2, result = $3 WHERE id = $1`, [hold.id, result.importId, JSON.stringify(result)]);
      await this.logDecision(manager, caller, hold, 'IMPORT_APPROVED', { reason, importId: result.importId, ok: result.ok, failure: result.failure });
    });
  }

  private logDecision(manager: EntityManager, caller: Caller, hold: HeldImportView, type: string, data: Record<string, unknown>): Promise<void> {
    return appendEvents(manager, [{ type, actorId: caller.userId, subjectType: 'import_hold', subjectId: hold.id, data: { schoolId: hold.schoolId, file: hold.fileName, ...data } }]);
  }

  private async find(scope: Scope, id: string) {
    // A malformed id is as missing as an unknown one (and must not reach a bigint cast).
    if (!ID.test(id)) return null;
    const params: unknown[] = [id];
    const where = scopeSql(scope, { schoolId: 'h.school_id', regionCode: 'sc.region_code' }, params);
    const [row] = (await this.db.query(
      `SELECT ${FIELDS}, h.actor_id::text AS "actorId", h.skip_invalid AS "skipInvalid", h.forced ${FROM} WHERE h.id = $1 AND ${where}`,
      params,
    )) as KeptHold[];
    return row ?? null;
  }

  /** The user who imported the file, as the caller the import runs for. */
  private async importer(userId: string): Promise<Caller> {
    const [user] = (await this.db.query(
      `SELECT id::text AS "userId", username, role, school_id::text AS "schoolId" FROM users WHERE id = $1`,
      [userId],
    )) as { userId: string; username: string; role: Role; schoolId: string | null }[];
    if (!user) throw new Error(`held import refers to missing user ${userId}`);
    return { userId: user.userId, username: user.username, role: user.role, schoolId: user.schoolId ?? undefined };
  }
}

/**
 * A school sees that its import waits and what became of it, never how many pupils of other schools
 * it matched nor which rule held it: either would tell it more than "held".
 */
function forReader(scope: Scope, hold: HeldImportView): HeldImportView {
  const { id, schoolId, importedBy, fileName, rowsRead, crossSchoolMatches, reason, status, createdAt, decidedAt, decisionReason, importId, result } = hold;
  const school = scope.kind === 'school';
  return {
    id, schoolId, importedBy, fileName, rowsRead, status, createdAt, decidedAt, decisionReason, importId, result,
    crossSchoolMatches: school ? null : crossSchoolMatches, reason: school ? null : reason,
  };
}
