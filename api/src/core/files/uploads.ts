import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { finished, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const MB = 1024 * 1024;
const HOUR_MS = 60 * 60 * 1000;

export type UploadRefusal = 'FILE_TOO_LARGE' | 'TOO_MANY_PENDING_UPLOADS' | 'PENDING_UPLOADS_TOO_LARGE';

/** An upload refused before or while it was read; nothing of it is kept. */
export class UploadRefused extends Error {
  constructor(
    readonly code: UploadRefusal,
    message: string,
    /** When the user's oldest waiting upload expires and frees room, for a 429's Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The client went away before the whole file arrived; nothing of it is kept. */
export class UploadInterrupted extends Error {}

/**
 * Streams a request body through `check` into `file`. When the check refuses the body, the rest
 * of it is drained rather than the connection torn down, so the client still gets a clear
 * answer; the partial file is removed. A client that goes away mid-file never ends the body:
 * without the guard below the write would wait forever and keep its partial file.
 */
export async function receive(body: Readable, check: Transform, file: string): Promise<void> {
  const written = pipeline(check, createWriteStream(file, { mode: 0o600 }));
  finished(body, (error) => {
    if (error) check.destroy(new UploadInterrupted('the client closed the connection before the whole file arrived'));
  });
  body.pipe(check);
  try {
    await written;
  } catch (error) {
    body.unpipe(check);
    body.resume();
    await rm(file, { force: true });
    throw error;
  }
}

interface UploadMeta {
  ownerId: string;
  fileName: string;
  size: number;
}

export interface UploadLimits {
  /** An upload not imported within this time is refused by the import and removed by the sweep. */
  ttlMs: number;
  /** The largest single file. */
  maxFileBytes: number;
  /** Uploads one user may have waiting (received, not yet imported): how many, and their bytes in all. */
  maxPending: number;
  maxPendingBytes: number;
}

/** One upload counted against its owner's limits, and when it stops counting. */
interface Waiting {
  bytes: number;
  expiresAt: number;
}

const CONTENT_NAME = /^[0-9a-f-]{36}$/;
const RECORD_NAME = /^([0-9a-f-]{36})\.json$/;

const tooLarge = (maxBytes: number) => new UploadRefused('FILE_TOO_LARGE', `the file is larger than ${Math.round(maxBytes / MB)} MB`);

/** "in about 3 hours": when a refused user may try again, for people. */
function tryAgainIn(seconds: number | undefined): string {
  if (seconds === undefined) return 'try again later';
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes < 90 ? `try again in about ${minutes} minutes` : `try again in about ${Math.ceil(minutes / 60)} hours`;
}

/**
 * Files uploaded for a later GraphQL operation (an import): written to DATA_DIR/uploads under a
 * random id, readable only by the user who uploaded them, removed once used. Kept out of GraphQL
 * itself so that multipart parsing never meets the GraphQL endpoint (DESIGN.md section 7).
 *
 * Uploads never imported expire after `ttlMs`, and each user may have only a few waiting, so a
 * client that uploads and walks away (or keeps uploading) cannot fill the disk. The files on disk
 * are the truth for finished uploads (they survive a restart, and processes sharing DATA_DIR see
 * each other's); uploads still arriving are known only to the process receiving them.
 */
export class UploadStore {
  private readonly dir: string;
  /** Uploads being received by this process: the bytes each may still write count against its owner. */
  private readonly arriving = new Map<string, { ownerId: string; bytes: number }>();
  /** Uploads an import of this process is reading: never swept from under it. */
  private readonly inUse = new Set<string>();
  /** Per owner, the tail of the steps that check or change what the owner has waiting. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    dataDir: string,
    private readonly limits: UploadLimits,
  ) {
    this.dir = path.resolve(dataDir, 'uploads');
  }

  /**
   * Receives a file for `ownerId`. Room is reserved before the first byte is read — the declared
   * length when the client sends one, else what is left of the owner's allowance — so parallel
   * uploads from one user cannot together pass the limits. A refusal leaves nothing on disk.
   */
  async save(body: Readable, meta: { ownerId: string; fileName: string; declaredBytes?: number }): Promise<{ id: string; size: number }> {
    const maxFile = this.limits.maxFileBytes;
    if (meta.declaredBytes !== undefined && meta.declaredBytes > maxFile) throw tooLarge(maxFile);
    const id = randomUUID();
    const allowed = await this.reserve(id, meta.ownerId, meta.declaredBytes);
    const file = path.join(this.dir, id);
    let size = 0;
    const limit = new Transform({
      transform: (chunk: Buffer, _enc, done) => {
        size += chunk.length;
        if (size <= allowed) done(null, chunk);
        else done(size > maxFile ? tooLarge(maxFile) : this.overAllowance(undefined));
      },
    });
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await receive(body, limit, file);
      const record: UploadMeta = { ownerId: meta.ownerId, fileName: meta.fileName, size };
      // The record appears and the reservation goes in one step of the owner's queue: a check
      // running meanwhile sees the upload either as arriving or on disk, never as neither.
      await this.exclusive(meta.ownerId, async () => {
        try {
          await writeFile(`${file}.json`, JSON.stringify(record), { mode: 0o600 });
        } finally {
          this.arriving.delete(id);
        }
      });
    } catch (error) {
      this.arriving.delete(id);
      await this.remove(id);
      throw error;
    }
    return { id, size };
  }

  /**
   * The stored file of an upload, only for the user who uploaded it; 'expired' once it is older
   * than the TTL (also after the sweep removed its content, while its record remains). Opening
   * marks the upload in use, so the sweep leaves it alone until remove().
   */
  async open(id: string, ownerId: string): Promise<{ path: string; fileName: string } | 'expired' | null> {
    if (!CONTENT_NAME.test(id)) return null;
    const file = path.join(this.dir, id);
    let meta: UploadMeta;
    let savedAt: number;
    try {
      savedAt = (await stat(`${file}.json`)).mtimeMs;
      meta = JSON.parse(await readFile(`${file}.json`, 'utf8')) as UploadMeta;
    } catch {
      return null;
    }
    if (meta.ownerId !== ownerId) return null;
    if (Date.now() - savedAt > this.limits.ttlMs) return 'expired';
    this.inUse.add(id);
    return { path: file, fileName: meta.fileName };
  }

  async remove(id: string): Promise<void> {
    const file = path.join(this.dir, id);
    // The record first: content left without it (a crash in between) is a partial file the sweep removes.
    await rm(`${file}.json`, { force: true });
    await rm(file, { force: true });
    this.inUse.delete(id);
  }

  /**
   * Removes what has outlived the TTL: the content of uploads never imported, and partial files a
   * killed process left without a record (aged by their last write, so a slow upload still arriving
   * elsewhere is spared). An expired upload's small record stays for one more TTL so that an import
   * asking for it hears that it expired rather than that it never existed. Uploads this process is
   * receiving or importing are left alone. Returns how many files were removed.
   */
  async sweep(): Promise<number> {
    const names = new Set(await this.list());
    const ttl = this.limits.ttlMs;
    let removed = 0;
    for (const name of names) {
      const record = RECORD_NAME.exec(name)?.[1];
      const id = record ?? (CONTENT_NAME.test(name) ? name : null);
      if (!id) continue;
      // Content is aged by its record (written when the file was complete); a partial file by its last write.
      const agedBy = !record && names.has(`${id}.json`) ? `${id}.json` : name;
      const since = await stat(path.join(this.dir, agedBy)).then(
        (s) => s.mtimeMs,
        () => null,
      );
      if (since === null || Date.now() - since <= (record ? 2 * ttl : ttl)) continue;
      // Checked after the wait above: an import may have opened it meanwhile.
      if (this.arriving.has(id) || this.inUse.has(id)) continue;
      await rm(path.join(this.dir, name), { force: true });
      removed += 1;
    }
    return removed;
  }

  private async list(): Promise<string[]> {
    try {
      return await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Runs `step` after every earlier step of the same owner, so that a check and what follows from it are one step. */
  private exclusive<T>(ownerId: string, step: () => Promise<T>): Promise<T> {
    const result = (this.queues.get(ownerId) ?? Promise.resolve()).then(step);
    const tail = result.catch(() => undefined);
    this.queues.set(ownerId, tail);
    void tail.then(() => {
      if (this.queues.get(ownerId) === tail) this.queues.delete(ownerId);
    });
    return result;
  }

  /** Checks the owner's limits and reserves room for one more upload; returns the bytes it may write. */
  private reserve(id: string, ownerId: string, declaredBytes: number | undefined): Promise<number> {
    return this.exclusive(ownerId, async () => {
      const now = Date.now();
      const waiting = await this.waitingOnDisk(ownerId, now);
      for (const upload of this.arriving.values()) {
        if (upload.ownerId === ownerId) waiting.push({ bytes: upload.bytes, expiresAt: now + this.limits.ttlMs });
      }
      const retryAfter = () => Math.max(1, Math.ceil((Math.min(...waiting.map((w) => w.expiresAt)) - now) / 1000));
      if (waiting.length >= this.limits.maxPending) {
        const seconds = retryAfter();
        throw new UploadRefused(
          'TOO_MANY_PENDING_UPLOADS',
          `you have ${waiting.length} uploaded files that have not been imported, the most allowed at once; an upload that is not imported is removed ${this.ttlHours()} hours after it arrived, so ${tryAgainIn(seconds)}`,
          seconds,
        );
      }
      const room = this.limits.maxPendingBytes - waiting.reduce((sum, w) => sum + w.bytes, 0);
      const bytes = declaredBytes ?? Math.min(this.limits.maxFileBytes, room);
      if (room <= 0 || bytes > room) throw this.overAllowance(retryAfter());
      this.arriving.set(id, { ownerId, bytes });
      return bytes;
    });
  }

  /** The owner's finished uploads that have not expired, as the files on disk say. */
  private async waitingOnDisk(ownerId: string, now: number): Promise<Waiting[]> {
    const found: Waiting[] = [];
    for (const name of await this.list()) {
      if (!RECORD_NAME.test(name)) continue;
      const file = path.join(this.dir, name);
      try {
        const expiresAt = (await stat(file)).mtimeMs + this.limits.ttlMs;
        if (expiresAt <= now) continue;
        const meta = JSON.parse(await readFile(file, 'utf8')) as UploadMeta;
        if (meta.ownerId === ownerId) found.push({ bytes: meta.size, expiresAt });
      } catch {
        // Removed meanwhile (imported or swept): it no longer counts.
      }
    }
    return found;
  }

  private overAllowance(retryAfterSeconds: number | undefined): UploadRefused {
    return new UploadRefused(
      'PENDING_UPLOADS_TOO_LARGE',
      `your uploaded files that have not been imported would come to more than ${Math.round(this.limits.maxPendingBytes / MB)} MB, the most allowed at once; an upload that is not imported is removed ${this.ttlHours()} hours after it arrived, so ${tryAgainIn(retryAfterSeconds)}`,
      retryAfterSeconds,
    );
  }

  private ttlHours(): number {
    return Math.round(this.limits.ttlMs / HOUR_MS);
  }
}
