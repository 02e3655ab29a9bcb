import type { AccessSubject, ReadEntry } from './access-log.js';

/** The records one request has returned, by kind and root field, written to the read log at its end. */
export class RequestReads {
  private readonly entries = new Map<string, ReadEntry>();

  add(subject: AccessSubject, operation: string, id: string): void {
    const key = `${subject}\u0000${operation}`;
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { subject, operation, ids: [] }));
    entry.ids.push(id);
  }

  /** What was read since the last drain, each id once. */
  drain(): ReadEntry[] {
    const entries = [...this.entries.values()].map((entry) => ({ ...entry, ids: [...new Set(entry.ids)] }));
    this.entries.clear();
    return entries;
  }
}
