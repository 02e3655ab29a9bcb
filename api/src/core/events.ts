import type { EntityManager } from 'typeorm';

export interface NewEvent {
  type: string;
  actorId: string | null;
  subjectType: 'student' | 'school' | 'user' | 'problem' | 'import' | 'import_hold' | 'material' | 'report' | 'transfer' | 'police_import' | 'campaign' | 'suggestion';
  subjectId: string;
  problemId?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends events to the log inside the caller's transaction, so an action and its record of it
 * land together or not at all. The table refuses UPDATE and DELETE (see the initial migration).
 */
export async function appendEvents(manager: EntityManager, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await manager.query(
    `INSERT INTO events (type, actor_id, subject_type, subject_id, problem_id, data)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::jsonb[])`,
    [
      events.map((e) => e.type),
      events.map((e) => e.actorId),
      events.map((e) => e.subjectType),
      events.map((e) => e.subjectId),
      events.map((e) => e.problemId ?? null),
      events.map((e) => JSON.stringify(e.data ?? {})),
    ],
  );
}
