import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

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

export interface S3StorageOptions {
  bucket: string;
  /** For S3-compatible stores (MinIO, Ceph, OSS, COS); leave out for AWS itself. */
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Bucket in the path (`host/bucket/key`) rather than the host name: what most self-hosted stores expect. */
  forcePathStyle: boolean;
  /** Key prefix inside the bucket. */
  prefix: string;
}

/**
 * Materials in an S3-compatible bucket, for deployments with several API machines. Objects are
 * written once under their sha256 and never overwritten, like the local folder.
 */
export class S3BlobStorage implements BlobStorage {
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.accessKeyId && options.secretAccessKey
        ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
        : {}),
      // The SDK's default trailing CRC checksums (aws-chunked uploads) are not understood by many
      // S3-compatible stores; the content is already addressed and verified by its sha256.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private keyOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return `${this.options.prefix}${sha256.slice(0, 2)}/${sha256}`;
  }

  async adopt(sha256: string, tempFile: string): Promise<void> {
    try {
      if (await this.has(sha256)) return;
      const { size } = await stat(tempFile);
      await this.client.send(
        new PutObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sha256), Body: createReadStream(tempFile), ContentLength: size }),
      );
    } finally {
      await rm(tempFile, { force: true });
    }
  }

  async read(sha256: string): Promise<Readable> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sha256) }));
    return object.Body as Readable;
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sha256) }));
      return true;
    } catch (error) {
      if (error instanceof NotFound || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
      throw error;
    }
  }

  close(): void {
    this.client.destroy();
  }
}
