import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3BlobStorage } from '../src/core/files/storage.js';
import { makeSchool, makeUser } from './support/factories.js';
import { startProduct } from './support/product.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The S3 driver against s3rver, an S3-protocol server on loopback (no cloud account here): the
 * same signed HTTP requests a MinIO or AWS bucket receives.
 */
describe('materials in an S3-compatible bucket', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pss-s3-'));
  let server: S3rver;
  let endpoint = '';
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

  beforeAll(async () => {
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: path.join(dir, 'bucket'), configureBuckets: [{ name: 'materials' }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const sha = (content: string) => createHash('sha256').update(content).digest('hex');
  const temp = (content: string) => {
    const file = path.join(dir, `upload-${Math.random().toString(36).slice(2)}`);
    writeFileSync(file, content);
    return file;
  };

  it('stores a blob once under its sha256, reads it back, and removes the temporary file', async () => {
    const storage = new S3BlobStorage({ bucket: 'materials', endpoint, region: 'us-east-1', ...credentials, forcePathStyle: true, prefix: 'test/' });
    const content = '户口簿扫描件'.repeat(1000);
    expect(await storage.has(sha(content))).toBe(false);
    const first = temp(content);
    await storage.adopt(sha(content), first);
    expect(existsSync(first)).toBe(false);
    expect(await storage.has(sha(content))).toBe(true);
    expect(await text(await storage.read(sha(content)))).toBe(content);
    const again = temp(content);
    await storage.adopt(sha(content), again);
    expect(existsSync(again)).toBe(false);
    expect(await storage.has(sha('something else'))).toBe(false);
    await expect(storage.has('../../etc/passwd')).rejects.toThrow(/sha256/);
    storage.close();
  });

  it('is what the product uses when a bucket is configured: upload and download through the API', async () => {
    let app: TestApp | undefined;
    let product: Awaited<ReturnType<typeof startProduct>> | undefined;
    try {
      app = await createTestApp({
        env: { MATERIALS_S3_BUCKET: 'materials', MATERIALS_S3_ENDPOINT: endpoint, MATERIALS_S3_ACCESS_KEY_ID: 'S3RVER', MATERIALS_S3_SECRET_ACCESS_KEY: 'S3RVER' },
      });
      const school = await makeSchool(app, '330106');
      product = await startProduct(app);
      const token = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: school.id })).username);
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      const response = await fetch(`${product.url}/materials?kind=ID_CARD`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-file-name': 'id.pdf' }, body: pdf });
      expect(response.status).toBe(201);
      const { materialId } = (await response.json()) as { materialId: string };
      const download = await fetch(`${product.url}/materials/${materialId}`, { headers: { authorization: `Bearer ${token}` } });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
      expect(existsSync(path.join(app.config.DATA_DIR, 'materials'))).toBe(false);
    } finally {
      await product?.close();
      await app?.dispose();
    }
  });
});
