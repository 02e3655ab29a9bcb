import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export class UploadTooLargeError extends Error {}

/**
 * Streams a request body through `check` into `file`. When the check refuses the body, the rest
 * of it is drained rather than the connection torn down, so the client still gets a clear
 * answer; the partial file is removed.
 */
export async function receive(body: Readable, check: Transform, file: string): Promise<void> {
  const written = pipeline(check, createWriteStream(file, { mode: 0o600 }));
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

/**
 * Files uploaded for a later GraphQL operation (an import): written to DATA_DIR/uploads under a
 * random id, readable only by the user who uploaded them, removed once used. Kept out of GraphQL
 * itself so that multipart parsing never meets the GraphQL endpoint (DESIGN.md section 7).
 */
export class UploadStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.resolve(dataDir, 'uploads');
  }

  async save(body: Readable, meta: { ownerId: string; fileName: string; maxBytes: number }): Promise<{ id: string; size: number }> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const id = randomUUID();
    const file = path.join(this.dir, id);
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > meta.maxBytes) done(new UploadTooLargeError(`the file is larger than ${Math.round(meta.maxBytes / 1048576)} MB`));
        else done(null, chunk);
      },
    });
    await receive(body, limit, file);
    const record: UploadMeta = { ownerId: meta.ownerId, fileName: meta.fileName, size };
    await writeFile(`${file}.json`, JSON.stringify(record), { mode: 0o600 });
    return { id, size };
  }

  /** The stored file of an upload, only for the user who uploaded it. */
  async open(id: string, ownerId: string): Promise<{ path: string; fileName: string } | null> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return null;
    const file = path.join(this.dir, id);
    try {
      const meta = JSON.parse(await readFile(`${file}.json`, 'utf8')) as UploadMeta;
      return meta.ownerId === ownerId ? { path: file, fileName: meta.fileName } : null;
    } catch {
      return null;
    }
  }

  async remove(id: string): Promise<void> {
    const file = path.join(this.dir, id);
    await rm(file, { force: true });
    await rm(`${file}.json`, { force: true });
  }
}
