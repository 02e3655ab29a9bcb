import type { EntityManager } from 'typeorm';
import { Conflict } from '../../core/errors.js';
import { TRANSITIONS, type Transition } from './transitions.js';

export interface StatusChange {
  on: Transition;
  problemIds: readonly string[];
  actorId: string | null;
  /** The version the actor saw: a problem at another version is left as it is. */
  expectedVersion?: number;
  /** Goes into each event beside the status before and after. */
  data?: Record<string, unknown>;
  /** REJECT: why the schools must act again. */
  reason?: string | null;
  /** The clock of a scheduled change (escalation by deadline); the transaction's time otherwise. */
  at?: Date;
}

/** A status change the table does not allow, or at a version the caller did not see: a bug or a race, never a user's input. */
export class IllegalTransition extends Conflict {
  constructor(on: Transition, problemIds: readonly string[]) {
    super(`${on} does not apply to problem ${problemIds.join(', ')} as it is now`);
  }
}

/**
 * The only writer of `problems.status`: moves problems along one transition of the lifecycle
 * table, bumps their version and appends the transition's event with the status before and
 * after, in the caller's transaction. Problems not in an allowed status (or not at the expected
 * version) are left alone; with `strict`, that is an error. Returns the changed problems.
 */
export async function changeStatus(manager: EntityManager, change: StatusChange, strict = true): Promise<{ id: string; version: number }[]> {
  const rule = TRANSITIONS[change.on];
  const sets = 'sets' in rule ? `, ${rule.sets.replace('$reason', '$9::text')}` : '';
  const reason = sets.includes('$9') ? [change.reason ?? null] : [];
  const changed = (await manager.query(
    `WITH target AS (
       SELECT id, status FROM problems
       WHERE id = ANY($1::bigint[]) AND status = ANY($2::text[]) AND ($3::int IS NULL OR version = $3)
       FOR UPDATE
     ), changed AS (
       UPDATE problems p SET status = $4, version = p.version + 1, updated_at = coalesce($5::timestamptz, app_now())${sets}
       FROM target t WHERE p.id = t.id
       RETURNING p.id, p.version, t.status AS before
     ), logged AS (
       INSERT INTO events (type, actor_id, subject_type, subject_id, problem_id, data, occurred_at)
       SELECT $6::text, $7::bigint, 'problem', id::text, id,
              $8::jsonb || jsonb_build_object('before', jsonb_build_object('status', before), 'after', jsonb_build_object('status', $4::text)),
              coalesce($5::timestamptz, app_now())
       FROM changed
     )
     SELECT id::text, version FROM changed ORDER BY id`,
    [change.problemIds, rule.from, change.expectedVersion ?? null, rule.to, change.at ?? null, rule.event, change.actorId, JSON.stringify(change.data ?? {}), ...reason],
  )) as { id: string; version: number }[];
  if (strict && changed.length !== new Set(change.problemIds).size) throw new IllegalTransition(change.on, change.problemIds);
  return changed;
}

/**
 * A change to a problem that keeps its status (a message, an action, a member joining or leaving):
 * the version moves on so that anyone acting on what they saw before is told it is stale.
 */
export async function touchProblems(manager: EntityManager, problemIds: readonly string[], options: { acted?: boolean } = {}): Promise<void> {
  if (problemIds.length === 0) return;
  await manager.query(
    `UPDATE problems SET version = version + 1, updated_at = app_now()${options.acted ? ', acted_at = coalesce(acted_at, app_now())' : ''}
     WHERE id = ANY($1::bigint[])`,
    [problemIds],
  );
}

/** A problem's status and version now, as a mutation reports them back. */
export async function problemState(manager: EntityManager, problemId: string): Promise<{ problemStatus: string; version: number }> {
  const [row] = (await manager.query(`SELECT status, version FROM problems WHERE id = $1`, [problemId])) as { status: string; version: number }[];
  return { problemStatus: row!.status, version: row!.version };
}
