import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { appendEvents } from '../../core/events.js';

/**
 * Why imports are screened: a registrar's import opens a cross-school problem for each row that
 * matches a pupil of another school, and the problem shows that school. A file of guessed ID
 * numbers would find where any child is at school, so an import that matches other schools often
 * is held (rolled back, its file kept) until the district approves it.
 */
export interface HoldPolicy {
  /** Held at this many cross-school matches (IMPORT_HOLD_MATCHES). */
  matches: number;
  /** Held at this share of the imported rows (IMPORT_HOLD_SHARE), from MIN_SHARE_MATCHES matches. */
  share: number;
  /** Cross-school matches one user's landed imports may reach per day, this one included (IMPORT_DAILY_MATCH_CAP). */
  dailyCap: number;
}

/**
 * The share rule only counts from this many matches: a class list of 10 with one pupil who
 * transferred from another school (10 %) is ordinary and must not wait for the district.
 */
export const MIN_SHARE_MATCHES = 5;

export type HoldReason = 'THRESHOLD' | 'DAILY_CAP';

/** Whether an import with `matches` cross-school matches among `rows` imported rows is held, and why. */
export function holdReason(policy: HoldPolicy, matches: number, rows: number, landedToday: number): HoldReason | null {
  if (matches >= policy.matches) return 'THRESHOLD';
  if (matches >= MIN_SHARE_MATCHES && matches / Math.max(rows, 1) >= policy.share) return 'THRESHOLD';
  // An import that matches nobody discloses nothing, however much the user matched earlier today.
  if (matches > 0 && landedToday + matches > policy.dailyCap) return 'DAILY_CAP';
  return null;
}

/** The product's days are the schools' (China time), as in the statistics. */
export const SINCE_LOCAL_MIDNIGHT = `date_trunc('day', app_now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'`;

/**
 * Cross-school matches this user learned of today: its landed imports', and those a check before
 * enrolling or a dry run disclosed (match_disclosures).
 */
export async function matchesDisclosedToday(manager: EntityManager, userId: string): Promise<number> {
  const [row] = (await manager.query(
    `SELECT (SELECT coalesce(sum(cross_school_matches), 0) FROM imports WHERE actor_id = $1 AND created_at >= ${SINCE_LOCAL_MIDNIGHT})
          + (SELECT coalesce(sum(matches), 0) FROM match_disclosures WHERE actor_id = $1 AND created_at >= ${SINCE_LOCAL_MIDNIGHT}) AS n`,
    [userId],
  )) as { n: string | number }[];
  return Number(row?.n ?? 0);
}

/** Records matches disclosed without an import landing, in the caller's transaction. */
export async function recordDisclosure(manager: EntityManager, userId: string, source: 'PUPIL_CHECK' | 'IMPORT_DRY_RUN', matches: number): Promise<void> {
  if (matches > 0) await manager.query(`INSERT INTO match_disclosures (actor_id, source, matches) VALUES ($1, $2, $3)`, [userId, source, matches]);
}

export interface HeldImportRecord {
  schoolId: string;
  actorId: string;
  fileName: string;
  hash: string;
  skipInvalid: boolean;
  forced: boolean;
  rowsRead: number;
  matches: number;
  reason: HoldReason;
}

/** Where a held file waits for its decision: under DATA_DIR, named by the hold. */
export function heldFilePath(dir: string, holdId: string): string {
  return path.join(dir, holdId);
}

/**
 * Records the hold and keeps a copy of its file, in the caller's transaction, so the row is only
 * committed once the copy is on disk: a row without its file could never be approved, while a copy
 * whose commit failed only takes room (its name is an id no hold will have).
 */
export async function keepHeldImport(manager: EntityManager, dir: string, sourcePath: string, hold: HeldImportRecord): Promise<string> {
  const [created] = (await manager.query(
    `INSERT INTO import_holds (school_id, actor_id, file_name, content_hash, skip_invalid, forced, rows_read, cross_school_matches, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text`,
    [hold.schoolId, hold.actorId, hold.fileName, hold.hash, hold.skipInvalid, hold.forced, hold.rowsRead, hold.matches, hold.reason],
  )) as { id: string }[];
  const id = created!.id;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await copyFile(sourcePath, heldFilePath(dir, id));
  const data = { schoolId: hold.schoolId, file: hold.fileName, hash: hold.hash, rowsRead: hold.rowsRead, matches: hold.matches, reason: hold.reason };
  await appendEvents(manager, [{ type: 'IMPORT_HELD', actorId: hold.actorId, subjectType: 'import_hold', subjectId: id, data }]);
  return id;
}

export async function removeHeldFile(dir: string, holdId: string): Promise<void> {
  await rm(heldFilePath(dir, holdId), { force: true });
}
