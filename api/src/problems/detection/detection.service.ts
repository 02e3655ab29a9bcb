import type { EntityManager } from 'typeorm';
import { widened } from '../../core/db/row-scope.js';
import { activeStudentSql } from '../../registry/index.js';
import { changeStatus, touchProblems } from '../lifecycle/index.js';

/** Which records to look at: everything (a rescan), or the groups a set of records belongs to. */
export type DetectionTarget =
  | { kind: 'all' }
  /** The records of an import, all with ids above `afterId` (the largest id before it began). */
  | { kind: 'import'; importId: string; afterId: string }
  | { kind: 'students'; studentIds: string[] };

export interface DetectionResult {
  opened: number;
  closed: number;
  joined: number;
  left: number;
  /** For an import: its records grouped with another school's active record (see crossSchoolMatches). */
  crossSchool?: CrossSchoolMatches;
}

/** An import's records that now share a DUPLICATE_ID or DUPLICATE_IDENTITY group with another school's records. */
export interface CrossSchoolMatches {
  /** How many of the import's records (rows of its file) are in such a group. */
  rows: number;
  /** The other schools' records they were grouped with. */
  otherStudentIds: string[];
}

const ACTIVE = activeStudentSql('students');
// Serialises detection runs: two imports creating the same group at once would otherwise race.
const DETECTION_LOCK = 7_310_201;

/**
 * Finds problem groups (DESIGN.md section 3) and brings the problems table in line with them, in
 * the caller's transaction: opens new problems, adds and removes members, and closes problems whose
 * collision has gone — each change an event. Incremental runs and a full rescan share this code
 * and differ only in which records they start from, so they give the same result.
 */
export class DetectionService {
  /**
   * Collisions are between any schools' records, whoever's change set detection off, so detection
   * works on the tables themselves, as their owner: under row security's per-row checks, the
   * planner's estimates for these registry-wide statements go wrong (a full rescan of a million
   * records ran past the statement timeout), and ANALYZE is the owner's anyway.
   */
  detect(manager: EntityManager, target: DetectionTarget): Promise<DetectionResult> {
    return widened(manager, 'owner', () => this.detectEverywhere(manager, target));
  }

  /**
   * Right after `detect` for an import, in its transaction: each of the import's records that is
   * in an unresolved problem, with the problem's type and scope and whether this run opened it (a
   * dry run reports these per row of the file, then rolls everything back).
   */
  importPreview(manager: EntityManager, imported: { importId: string; afterId: string }): Promise<{ row: number; problemType: string; scope: string; opens: boolean }[]> {
    return widened(manager, 'owner', () =>
      manager.query(
        `SELECT s.source_row AS row, l.type AS "problemType", p.scope, l.created AS opens
         FROM detect_live l JOIN problems p ON p.id = l.id AND p.status <> 'RESOLVED'
         JOIN problem_members pm ON pm.problem_id = l.id AND pm.left_at IS NULL
         JOIN students s ON s.id = pm.student_id
         WHERE s.import_id = $1 AND s.id > $2
         ORDER BY s.source_row, l.type`,
        [imported.importId, imported.afterId],
      ),
    );
  }

  private async detectEverywhere(manager: EntityManager, target: DetectionTarget): Promise<DetectionResult> {
    await prepare(manager);
    const all = await targetRecords(manager, target);
    await desireDuplicateIds(manager, all);
    await desireDuplicateIdentities(manager, all);
    await dropProvenDifferentPupils(manager);
    await desireConfirmedMatches(manager, all);
    await desireInvalidIds(manager, all);
    await collectLiveProblems(manager, all);
    const opened = await openProblems(manager);
    const joined = await joinMembers(manager);
    const left = await leaveMembers(manager);
    const closed = await closeVanishedProblems(manager);
    await followMembers(manager);
    if (target.kind !== 'import') return { opened, joined, left, closed };
    return { opened, joined, left, closed, crossSchool: await crossSchoolMatches(manager) };
  }
}

/**
 * Read from the desired groups (active records only, proven-different pupils already dropped), so
 * a match counts exactly when the import puts its record in a problem beside another school's.
 */
async function crossSchoolMatches(manager: EntityManager): Promise<CrossSchoolMatches> {
  const [row] = (await manager.query(`
    SELECT count(DISTINCT mine.student_id)::int AS rows,
           coalesce(array_agg(DISTINCT theirs.student_id::text) FILTER (WHERE theirs.student_id IS NOT NULL), '{}') AS "otherStudentIds"
    FROM detect_targets t
    JOIN detect_desired mine ON mine.student_id = t.student_id AND mine.type IN ('DUPLICATE_ID', 'DUPLICATE_IDENTITY')
    JOIN detect_desired theirs ON theirs.type = mine.type AND theirs.group_key = mine.group_key AND theirs.school_id <> mine.school_id`)) as CrossSchoolMatches[];
  return row ?? { rows: 0, otherStudentIds: [] };
}

async function prepare(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock($1)`, [DETECTION_LOCK]);
  await manager.query(`
    CREATE TEMP TABLE IF NOT EXISTS detect_targets (student_id bigint PRIMARY KEY) ON COMMIT DROP;
    CREATE TEMP TABLE IF NOT EXISTS detect_desired (
      type text, group_key text, student_id bigint, school_id bigint, reasons text[]
    ) ON COMMIT DROP;
    CREATE TEMP TABLE IF NOT EXISTS detect_live (id bigint, type text, group_key text, created boolean) ON COMMIT DROP;
    TRUNCATE detect_targets, detect_desired, detect_live;
  `);
}

/** Fills detect_targets; true when the whole registry is to be looked at. */
async function targetRecords(manager: EntityManager, target: DetectionTarget): Promise<boolean> {
  let all = target.kind === 'all';
  let share = 0;
  if (target.kind === 'import') {
    await manager.query(`INSERT INTO detect_targets SELECT id FROM students WHERE id > $2 AND import_id = $1`, [target.importId, target.afterId]);
    [{ share }] = (await manager.query(
      `SELECT (SELECT count(*) FROM detect_targets)::float8 / greatest((SELECT reltuples FROM pg_class WHERE oid = 'students'::regclass), 1) AS share`,
    )) as [{ share: number }];
    // When the new records are a large part of the registry (a first import, say), narrowing the
    // work to their groups costs more than looking at everything; both give the same result.
    all = share > 0.25;
  } else if (target.kind === 'students') {
    await manager.query(`INSERT INTO detect_targets SELECT DISTINCT unnest($1::bigint[]) ON CONFLICT DO NOTHING`, [target.studentIds]);
  }
  // Fresh statistics after a bulk load that changed the table by a large fraction: plans made for
  // the old size (nested loops over "a few" rows) would be quadratic. A school's template into a
  // large registry changes it by a fraction of a percent, and sampling a million records for it
  // took most of the import's time; autovacuum keeps those statistics. A change of a few records
  // (an action) needs none.
  if (target.kind === 'import') await manager.query(share > 0.05 ? `ANALYZE detect_targets; ANALYZE students` : `ANALYZE detect_targets`);
  else if (target.kind === 'all' && (await statisticsStale(manager))) await manager.query(`ANALYZE students`);
  return all;
}

/**
 * Whether the statistics of `students` are missing, or more than a tenth of its rows changed since
 * they were taken: a full rescan re-sampled the table every time though autovacuum keeps them
 * (without it a steady rescan of 1,000,000 records went from 1.97× to 1.51× the bare grouping SQL).
 * Where the server keeps no such count, they count as stale.
 */
async function statisticsStale(manager: EntityManager): Promise<boolean> {
  const [{ stale }] = (await manager.query(
    `SELECT coalesce(c.reltuples < 0 OR s.n_mod_since_analyze > 0.1 * greatest(c.reltuples, 1), true) AS stale
     FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.oid = 'students'::regclass`,
  )) as [{ stale: boolean }];
  return stale;
}

/** The keys of a kind that the target records touch: their current values, and the groups they are in now. */
function touchedKeys(all: boolean, column: 'id_key' | 'identity_key', type: string, prefixLength: number): string {
  if (all) return '';
  return `AND ${column} IN (SELECT s.${column} FROM students s JOIN detect_targets t ON t.student_id = s.id WHERE s.${column} IS NOT NULL
            UNION SELECT substr(p.group_key, ${prefixLength + 1}) FROM problems p JOIN problem_members pm ON pm.problem_id = p.id
              JOIN detect_targets t ON t.student_id = pm.student_id
              WHERE p.type = '${type}' AND p.status <> 'RESOLVED' AND pm.left_at IS NULL)`;
}

/**
 * The groups first (GROUP BY … HAVING over the active records' key index), then their members by
 * that index: a full rescan of a million records sorted every one of them to count it (a window
 * function), where the groups hold a few per cent.
 */
async function desireDuplicateIds(manager: EntityManager, all: boolean): Promise<void> {
  await manager.query(`
    INSERT INTO detect_desired (type, group_key, student_id, school_id, reasons)
    SELECT 'DUPLICATE_ID', 'ID:' || id_key, id, school_id, '{}'
    FROM students
    WHERE ${ACTIVE} AND id_key IS NOT NULL AND id_key = ANY (ARRAY(
      SELECT id_key FROM students WHERE ${ACTIVE} AND id_key IS NOT NULL ${touchedKeys(all, 'id_key', 'DUPLICATE_ID', 3)}
      GROUP BY id_key HAVING count(*) > 1))`);
}

/**
 * Same name + gender + birth date but not all the same ID number (records that share one are a
 * DUPLICATE_ID): whole groups by one grouping pass, no pairwise comparison.
 */
async function desireDuplicateIdentities(manager: EntityManager, all: boolean): Promise<void> {
  await manager.query(`
    INSERT INTO detect_desired (type, group_key, student_id, school_id, reasons)
    SELECT 'DUPLICATE_IDENTITY', 'IDENT:' || identity_key, id, school_id, '{}'::text[]
    FROM students
    WHERE ${ACTIVE} AND identity_key = ANY (ARRAY(
      SELECT identity_key FROM students WHERE ${ACTIVE} ${touchedKeys(all, 'identity_key', 'DUPLICATE_IDENTITY', 6)}
      GROUP BY identity_key
      HAVING count(*) > 1 AND min(coalesce(id_key, 'record:' || id)) <> max(coalesce(id_key, 'record:' || id))))`);
}

/**
 * Pupils proven different (their compared fields unchanged since) do not count as a match: in the
 * few groups holding such a pair, a record stays only if some other member still matches it.
 */
async function dropProvenDifferentPupils(manager: EntityManager): Promise<void> {
  await manager.query(`
    WITH proven_groups AS (
      SELECT DISTINCT d.group_key FROM detect_desired d JOIN distinct_pupils p ON p.student_a = d.student_id AND p.revoked_at IS NULL
      WHERE d.type = 'DUPLICATE_IDENTITY'
    ), members AS (
      SELECT d.group_key, s.id, s.id_key, identity_fingerprint(s.name_key, s.gender, s.birth_date, s.id_key) AS fingerprint
      FROM detect_desired d JOIN students s ON s.id = d.student_id
      WHERE d.type = 'DUPLICATE_IDENTITY' AND d.group_key IN (SELECT group_key FROM proven_groups)
    ), matched AS (
      SELECT DISTINCT a.id FROM members a
      JOIN members b ON b.group_key = a.group_key AND b.id <> a.id
      WHERE (a.id_key IS NULL OR b.id_key IS NULL OR a.id_key <> b.id_key)
        AND NOT EXISTS (
          SELECT 1 FROM distinct_pupils p
          WHERE p.student_a = least(a.id, b.id) AND p.student_b = greatest(a.id, b.id) AND p.revoked_at IS NULL
            AND p.fingerprint_a = CASE WHEN a.id < b.id THEN a.fingerprint ELSE b.fingerprint END
            AND p.fingerprint_b = CASE WHEN a.id < b.id THEN b.fingerprint ELSE a.fingerprint END)
    )
    DELETE FROM detect_desired d
    WHERE d.type = 'DUPLICATE_IDENTITY' AND d.group_key IN (SELECT group_key FROM proven_groups)
      AND d.student_id NOT IN (SELECT id FROM matched)`);
}

/**
 * Possible duplicates district staff confirmed as one pupil (match_suggestions): a
 * DUPLICATE_IDENTITY group of the two (MATCH:<suggestion>) while both are active, the exact rules
 * do not already group them and they have not since been proven different pupils.
 */
async function desireConfirmedMatches(manager: EntityManager, all: boolean): Promise<void> {
  const targets = all ? '' : 'AND (m.student_a IN (SELECT student_id FROM detect_targets) OR m.student_b IN (SELECT student_id FROM detect_targets))';
  await manager.query(`
    INSERT INTO detect_desired (type, group_key, student_id, school_id, reasons)
    SELECT 'DUPLICATE_IDENTITY', 'MATCH:' || m.id, member.id, member.school_id, '{}'::text[]
    FROM match_suggestions m
    JOIN students a ON a.id = m.student_a
    JOIN students b ON b.id = m.student_b
    CROSS JOIN LATERAL (VALUES (a.id, a.school_id), (b.id, b.school_id)) AS member (id, school_id)
    WHERE m.status = 'CONFIRMED' AND ${activeStudentSql('a')} AND ${activeStudentSql('b')} ${targets}
      AND (a.id_key IS NULL OR b.id_key IS NULL OR a.id_key <> b.id_key) AND a.identity_key <> b.identity_key
      AND NOT EXISTS (
        SELECT 1 FROM distinct_pupils p
        WHERE p.student_a = m.student_a AND p.student_b = m.student_b AND p.revoked_at IS NULL
          AND p.fingerprint_a = identity_fingerprint(a.name_key, a.gender, a.birth_date, a.id_key)
          AND p.fingerprint_b = identity_fingerprint(b.name_key, b.gender, b.birth_date, b.id_key))`);
}

async function desireInvalidIds(manager: EntityManager, all: boolean): Promise<void> {
  const targets = all ? '' : 'AND id IN (SELECT student_id FROM detect_targets)';
  await manager.query(`
    INSERT INTO detect_desired (type, group_key, student_id, school_id, reasons)
    SELECT 'INVALID_ID', 'INV:' || id, id, school_id, id_problems
    FROM students WHERE ${ACTIVE} AND cardinality(id_problems) > 0 ${targets}`);
  // The police's verification results (公安核查) that still hold: added to a record's own reasons,
  // or a problem of their own. Few records have one, so this starts from them.
  await manager.query(`
    WITH flagged AS (
      SELECT id, school_id, police_reason(id, id_key, name_key) AS reason FROM students
      WHERE ${ACTIVE} AND id IN (SELECT DISTINCT student_id FROM police_checks) ${targets}
    ), added AS (
      UPDATE detect_desired d SET reasons = d.reasons || f.reason
      FROM flagged f WHERE f.reason IS NOT NULL AND d.type = 'INVALID_ID' AND d.student_id = f.id
      RETURNING d.student_id
    )
    INSERT INTO detect_desired (type, group_key, student_id, school_id, reasons)
    SELECT 'INVALID_ID', 'INV:' || id, id, school_id, ARRAY[reason] FROM flagged
    WHERE reason IS NOT NULL AND id NOT IN (SELECT student_id FROM added)`);
}

/** The live problems to reconcile: those of the desired groups, and those the targets are in. */
async function collectLiveProblems(manager: EntityManager, all: boolean): Promise<void> {
  await manager.query(`
    INSERT INTO detect_live (id, type, group_key, created)
    SELECT p.id, p.type, p.group_key, false FROM problems p
    WHERE p.status <> 'RESOLVED' AND (
      ${all ? 'TRUE' : `(p.type, p.group_key) IN (SELECT type, group_key FROM detect_desired)
      OR p.id IN (SELECT pm.problem_id FROM problem_members pm JOIN detect_targets t ON t.student_id = pm.student_id WHERE pm.left_at IS NULL)`})`);
}

async function openProblems(manager: EntityManager): Promise<number> {
  const [opened] = (await manager.query(`
    WITH groups AS (
      SELECT type, group_key,
             CASE WHEN count(DISTINCT school_id) > 1 THEN 'CROSS_SCHOOL' ELSE 'WITHIN_SCHOOL' END AS scope,
             max(reasons) AS reasons,
             array_agg(student_id ORDER BY student_id) AS members
      FROM detect_desired d
      WHERE NOT EXISTS (SELECT 1 FROM detect_live l WHERE l.type = d.type AND l.group_key = d.group_key)
      GROUP BY type, group_key
    ), created AS (
      INSERT INTO problems (type, scope, group_key, reasons)
      SELECT type, scope, group_key, reasons FROM groups
      RETURNING id, type, group_key, scope
    ), logged AS (
      INSERT INTO events (type, actor_id, subject_type, subject_id, problem_id, data)
      SELECT 'PROBLEM_OPENED', NULL, 'problem', c.id::text, c.id,
             jsonb_build_object('type', c.type, 'scope', c.scope, 'members', g.members, 'reasons', g.reasons)
      FROM created c JOIN groups g USING (type, group_key)
    ), kept AS (
      INSERT INTO detect_live (id, type, group_key, created) SELECT id, type, group_key, true FROM created RETURNING 1
    )
    SELECT count(*)::int AS n FROM kept`)) as { n: number }[];
  return opened?.n ?? 0;
}

/** Counts a step's events and moves the version of the problems they touched. */
async function touchLogged(manager: EntityManager, sql: string): Promise<number> {
  const [row] = (await manager.query(sql)) as { n: number; problems: string[] | null }[];
  await touchProblems(manager, row?.problems ?? []);
  return row?.n ?? 0;
}

function joinMembers(manager: EntityManager): Promise<number> {
  return touchLogged(manager, `
    WITH joined AS (
      INSERT INTO problem_members (problem_id, student_id, school_id)
      SELECT l.id, d.student_id, d.school_id FROM detect_desired d JOIN detect_live l USING (type, group_key)
      -- Current members are left out before the upsert: ON CONFLICT would lock each of their rows
      -- only to change nothing (a rescan of a settled registry spent most of its time there).
      WHERE NOT EXISTS (SELECT 1 FROM problem_members cur WHERE cur.problem_id = l.id AND cur.student_id = d.student_id AND cur.left_at IS NULL)
      ON CONFLICT (problem_id, student_id) DO UPDATE
        SET left_at = NULL, joined_at = app_now(), school_id = EXCLUDED.school_id
        WHERE problem_members.left_at IS NOT NULL
      RETURNING problem_id, student_id
    ), logged AS (
      INSERT INTO events (type, actor_id, subject_type, subject_id, problem_id, data)
      SELECT 'MEMBER_JOINED', NULL, 'problem', j.problem_id::text, j.problem_id, jsonb_build_object('studentId', j.student_id)
      FROM joined j JOIN detect_live l ON l.id = j.problem_id WHERE NOT l.created
      RETURNING problem_id
    )
    SELECT count(*)::int AS n, array_agg(DISTINCT problem_id::text) AS problems FROM logged`);
}

function leaveMembers(manager: EntityManager): Promise<number> {
  return touchLogged(manager, `
    WITH gone AS (
      UPDATE problem_members pm SET left_at = app_now()
      FROM detect_live l, students s
      WHERE pm.problem_id = l.id AND pm.left_at IS NULL AND s.id = pm.student_id
        AND NOT EXISTS (SELECT 1 FROM detect_desired d WHERE d.type = l.type AND d.group_key = l.group_key AND d.student_id = pm.student_id)
        -- A problem that closes (or that a school is settling) keeps the records that still carry
        -- its key, as the record of what was settled; only records that changed or went inactive leave.
        AND (EXISTS (SELECT 1 FROM detect_desired d WHERE d.type = l.type AND d.group_key = l.group_key)
             OR NOT coalesce(${activeStudentSql('s')} AND CASE
                  WHEN l.group_key LIKE 'MATCH:%' THEN l.group_key
                  WHEN l.type = 'DUPLICATE_ID' THEN 'ID:' || s.id_key
                  WHEN l.type = 'DUPLICATE_IDENTITY' THEN 'IDENT:' || s.identity_key
                  ELSE CASE WHEN cardinality(s.id_problems) > 0 OR police_reason(s.id, s.id_key, s.name_key) IS NOT NULL THEN 'INV:' || s.id END
                END = l.group_key, false))
      RETURNING pm.problem_id, pm.student_id
    ), logged AS (
      INSERT INTO events (type, actor_id, subject_type, subject_id, problem_id, data)
      SELECT 'MEMBER_LEFT', NULL, 'problem', problem_id::text, problem_id, jsonb_build_object('studentId', student_id) FROM gone
      RETURNING problem_id
    )
    SELECT count(*)::int AS n, array_agg(DISTINCT problem_id::text) AS problems FROM logged`);
}

/**
 * A problem whose group no longer exists is settled by the system — unless a school has acted on
 * it: then the workflow decides (corroboration, district review), not the detector.
 */
async function closeVanishedProblems(manager: EntityManager): Promise<number> {
  const vanished = (await manager.query(`
    SELECT p.id::text FROM problems p JOIN detect_live l ON p.id = l.id
    WHERE p.acted_at IS NULL AND NOT EXISTS (SELECT 1 FROM detect_desired d WHERE d.type = l.type AND d.group_key = l.group_key)`)) as { id: string }[];
  if (vanished.length === 0) return 0;
  const closed = await changeStatus(manager, {
    on: 'CLOSE',
    problemIds: vanished.map((p) => p.id),
    actorId: null,
    data: { reason: 'the records no longer collide' },
  });
  return closed.length;
}

/** Scope and reasons follow the members that remain. */
async function followMembers(manager: EntityManager): Promise<void> {
  const changed = (await manager.query(`
    WITH changed AS (
      UPDATE problems p SET scope = g.scope, reasons = g.reasons
      FROM (SELECT l.id, CASE WHEN count(DISTINCT d.school_id) > 1 THEN 'CROSS_SCHOOL' ELSE 'WITHIN_SCHOOL' END AS scope,
                   max(d.reasons) AS reasons
            FROM detect_live l JOIN detect_desired d USING (type, group_key) GROUP BY l.id) g
      WHERE p.id = g.id AND (p.scope <> g.scope OR p.reasons <> g.reasons)
      RETURNING p.id
    )
    SELECT id::text FROM changed`)) as { id: string }[];
  await touchProblems(manager, changed.map((r) => r.id));
}
