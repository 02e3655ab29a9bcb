import type { DataSource } from 'typeorm';

/**
 * Deadlines: a problem still OPEN when its deadline passes is ESCALATED to the district staff,
 * who then decide it. Run on a schedule by the server (and by `pnpm cli escalate`); `now` is a
 * parameter so tests and operators can move the clock.
 */
export class EscalationService {
  constructor(
    private readonly db: DataSource,
    private readonly deadlineDays: number,
  ) {}

  async escalateOverdue(now: Date = new Date()): Promise<string[]> {
    return this.db.transaction(async (manager) => {
      const rows = (await manager.query(
        `WITH overdue AS (
           UPDATE problems SET status = 'ESCALATED', version = version + 1, updated_at = $1
           WHERE status = 'OPEN' AND opened_at < $1::timestamptz - make_interval(days => $2)
           RETURNING id
         ), logged AS (
           INSERT INTO events (type, actor_id, subject_type, subject_id, problem_id, data, occurred_at)
           SELECT 'PROBLEM_ESCALATED', NULL, 'problem', id::text, id,
                  jsonb_build_object('reason', 'DEADLINE', 'deadlineDays', $2::int, 'before', jsonb_build_object('status', 'OPEN')), $1
           FROM overdue
         )
         SELECT id::text FROM overdue ORDER BY id`,
        [now, this.deadlineDays],
      )) as { id: string }[];
      return rows.map((r) => r.id);
    });
  }
}
