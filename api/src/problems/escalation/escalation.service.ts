import type { DataSource } from 'typeorm';
import { changeStatus } from '../lifecycle/index.js';

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
      const overdue = (await manager.query(
        `SELECT id::text FROM problems WHERE status = 'OPEN' AND opened_at < $1::timestamptz - make_interval(days => $2) ORDER BY id`,
        [now, this.deadlineDays],
      )) as { id: string }[];
      if (overdue.length === 0) return [];
      // Not strict: a school may have settled one of them since it was listed.
      const escalated = await changeStatus(
        manager,
        { on: 'ESCALATE', problemIds: overdue.map((p) => p.id), actorId: null, at: now, data: { reason: 'DEADLINE', deadlineDays: this.deadlineDays } },
        false,
      );
      return escalated.map((p) => p.id);
    });
  }
}
