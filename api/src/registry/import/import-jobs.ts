import { randomUUID } from 'node:crypto';
import type { ImportOptions, ImportProgress, ImportResult, ImportService } from './import.service.js';

export interface ImportJob {
  id: string;
  ownerId: string;
  schoolId: string;
  fileName: string;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  progress: ImportProgress;
  result: ImportResult | null;
  startedAt: Date;
}

const KEEP_FINISHED_MS = 60 * 60 * 1000;

/**
 * Imports running in this process, so the portal can poll a progress bar while the import's
 * single transaction runs. Finished jobs are kept an hour; the import itself is in the database.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  constructor(private readonly imports: ImportService) {}

  start(ownerId: string, options: Omit<ImportOptions, 'onProgress'> & { fileName: string }, onDone?: () => void): ImportJob {
    this.prune();
    const job: ImportJob = {
      id: randomUUID(),
      ownerId,
      schoolId: options.schoolId,
      fileName: options.fileName,
      status: 'RUNNING',
      progress: { phase: 'READING', rowsDone: 0, rowsTotal: null },
      result: null,
      startedAt: new Date(),
    };
    this.jobs.set(job.id, job);
    this.imports
      .importStudents({ ...options, onProgress: (progress) => (job.progress = progress) })
      .then(
        (result) => {
          job.result = result;
          job.status = 'DONE';
        },
        () => {
          job.status = 'FAILED';
        },
      )
      .finally(() => onDone?.());
    return job;
  }

  get(id: string): ImportJob | undefined {
    return this.jobs.get(id);
  }

  private prune(): void {
    const cutoff = Date.now() - KEEP_FINISHED_MS;
    for (const [id, job] of this.jobs) if (job.status !== 'RUNNING' && job.startedAt.getTime() < cutoff) this.jobs.delete(id);
  }
}
