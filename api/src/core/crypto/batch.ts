import { Worker } from 'node:worker_threads';
import { keyRing } from './active.js';
import type { KeyRing } from './key-ring.js';

/** Columns of values to seal (each for its place) and to blind (each of its kind), for many rows. */
export interface SealBatch {
  sealed: { place: string; values: (string | null)[] }[];
  blinded: { kind: string; values: (string | null)[] }[];
}

/** The same shape back: `sealed[i][j]` is `sealed[i].values[j]` sealed; null and '' stay as they are. */
export interface SealedBatch {
  sealed: (string | null)[][];
  blinded: (string | null)[][];
}

interface Reply extends Partial<SealedBatch> {
  id: number;
  error?: string;
}

/**
 * One sealing thread per process (seal-worker.js, the same code as the main thread's `seal`). An
 * import seals three values and blinds one for every row; on the main thread that was about as
 * much CPU as parsing and checking the row, and the import is bound by that one thread. Handed
 * over a batch at a time, the sealing runs beside the parsing of the next batch.
 */
class SealingThread {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (batch: SealedBatch) => void; reject: (error: Error) => void }>();
  broken = false;
  private retiring = false;

  constructor(readonly ring: KeyRing) {
    this.worker = new Worker(new URL('./seal-worker.js', import.meta.url), {
      workerData: { key: ring.keys.get(ring.currentKeyId)!, keyId: ring.currentKeyId, blindIndexKey: ring.blindIndexKey },
    });
    // Idle, the thread must not keep a finished process (a CLI command, a test) alive.
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the sealing thread stopped (exit code ${code})`)));
  }

  run(batch: SealBatch): Promise<SealedBatch> {
    const id = this.nextId++;
    if (this.waiting.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...batch });
    });
  }

  /** Replaced by a thread with another key ring: stops once what it was given is done. */
  retire(): void {
    this.retiring = true;
    if (this.waiting.size === 0) void this.worker.terminate();
  }

  private settle(reply: Reply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) {
      this.worker.unref();
      if (this.retiring) void this.worker.terminate();
    }
    if (reply.error !== undefined) waiter.reject(new Error(`sealing failed: ${reply.error}`));
    else waiter.resolve({ sealed: reply.sealed!, blinded: reply.blinded! });
  }

  private fail(error: Error): void {
    this.broken = true;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

let thread: SealingThread | null = null;

/** Seals and blinds a batch off the main thread, with the process's key ring (`useKeyRing`). */
export function sealBatch(batch: SealBatch): Promise<SealedBatch> {
  const ring = keyRing();
  if (!thread || thread.broken || thread.ring !== ring) {
    thread?.retire();
    thread = new SealingThread(ring);
  }
  return thread.run(batch);
}
