import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where material files live, addressed by the sha256 of their content: the same scan uploaded
 * twice is stored once, and a stored file can never be changed under its name. The local folder
 * is the default; a deployment with several API machines plugs in an S3-compatible store behind
 * the same three operations.
 */
export interface BlobStorage {
  /** Takes over a finished temporary file as the blob `sha256` (dropping it when already stored). */
  adopt(sha256: string, tempFile: string): Promise<void>;
  read(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
}

export class LocalBlobStorage implements BlobStorage {
  constructor(private readonly dir: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  async adopt(sha256: string, tempFile: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) {
      await rm(tempFile, { force: true });
      return;
    }
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await rename(tempFile, target);
  }

  async read(sha256: string): Promise<Readable> {
    return createReadStream(this.pathOf(sha256));
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }
}
