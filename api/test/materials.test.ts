import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { makeSchool, makeUser } from './support/factories.js';
import { ACTIVE_PDFS, jpegWithExif, PLAIN_PDF, png } from './support/images.js';
import { startProduct } from './support/product.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const PDF = PLAIN_PDF;
let JPEG: Buffer;
let PNG: Buffer;

describe('materials: upload checked by content and size, download only within scope', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  const tokens = { reg: '', sameDistrict: '', otherCity: '', district: '' };

  beforeAll(async () => {
    JPEG = await jpegWithExif();
    PNG = await png();
    app = await createTestApp();
    const school = await makeSchool(app, '330106');
    const neighbour = await makeSchool(app, '330106');
    const far = await makeSchool(app, '330203');
    product = await startProduct(app);
    tokens.reg = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: school.id })).username);
    tokens.sameDistrict = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: neighbour.id })).username);
    tokens.otherCity = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: far.id })).username);
    tokens.district = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330106' })).username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  const upload = (body: Buffer, token: string | null, kind = 'ID_CARD', name = 'scan.jpg') =>
    fetch(`${product.url}/materials?kind=${kind}`, {
      method: 'POST',
      headers: { 'x-file-name': encodeURIComponent(name), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
  const stored = async () => ({
    rows: ((await app.db.dataSource.query(`SELECT count(*)::int AS n FROM materials`)) as { n: number }[])[0]!.n,
    blobs: (() => {
      try {
        return readdirSync(path.join(app.config.DATA_DIR, 'materials'), { recursive: true }).filter((f) => String(f).length > 60).length;
      } catch {
        return 0;
      }
    })(),
  });

  it('accepts JPEG, PNG and PDF, stores each content once, and serves it as an attachment', async () => {
    const ids: string[] = [];
    for (const [body, type] of [[JPEG, 'image/jpeg'], [PNG, 'image/png'], [PDF, 'application/pdf'], [JPEG, 'image/jpeg']] as const) {
      const response = await upload(body, tokens.reg, 'HOUSEHOLD_REGISTER', '户口簿.jpg');
      expect(response.status).toBe(201);
      const json = (await response.json()) as { materialId: string; contentType: string; size: number };
      expect(json).toMatchObject({ contentType: type, size: expect.any(Number) });
      if (type === 'application/pdf') expect(json.size).toBe(body.length);
      ids.push(json.materialId);
    }
    expect(await stored()).toEqual({ rows: 4, blobs: 3 });

    const download = await fetch(`${product.url}/materials/${ids[1]}`, { headers: { authorization: `Bearer ${tokens.reg}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    const served = Buffer.from(await download.arrayBuffer());
    expect((await sharp(served).metadata()).width).toBe(16);

    // The photo comes back re-encoded: the same picture, none of the phone's metadata.
    expect((await sharp(JPEG).metadata()).exif).toBeDefined();
    const photo = Buffer.from(await (await fetch(`${product.url}/materials/${ids[0]}`, { headers: { authorization: `Bearer ${tokens.reg}` } })).arrayBuffer());
    const meta = await sharp(photo).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 32, height: 24 });
    expect(meta.exif).toBeUndefined();
    expect(photo.includes(Buffer.from('张老师的手机'))).toBe(false);

    // The school's district may read it; another school, even nearby, may not (also not once it is
    // cited on a shared problem: the disclosure model), and is answered exactly like for a material
    // that does not exist.
    expect((await fetch(`${product.url}/materials/${ids[1]}`, { headers: { authorization: `Bearer ${tokens.district}` } })).status).toBe(200);
    expect((await fetch(`${product.url}/materials/${ids[1]}`, { headers: { authorization: `Bearer ${tokens.sameDistrict}` } })).status).toBe(404);
    expect((await fetch(`${product.url}/materials/${ids[1]}`, { headers: { authorization: `Bearer ${tokens.otherCity}` } })).status).toBe(404);
    expect((await fetch(`${product.url}/materials/${ids[1]}`)).status).toBe(401);
    expect((await fetch(`${product.url}/materials/999999`, { headers: { authorization: `Bearer ${tokens.reg}` } })).status).toBe(404);
  });

  it('refuses a wrong type, an oversized file, an empty file, a fake image, an active PDF or an unknown kind, and stores nothing', async () => {
    const before = await stored();
    const fake = await upload(Buffer.from('MZ this is an executable renamed to scan.jpg'), tokens.reg, 'ID_CARD', 'scan.jpg');
    expect(fake.status).toBe(415);
    expect(((await fake.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_TYPE');

    const huge = await upload(Buffer.concat([JPEG, Buffer.alloc(11 * 1024 * 1024)]), tokens.reg);
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'FILE_TOO_LARGE' });

    expect((await upload(Buffer.alloc(0), tokens.reg)).status).toBe(400);
    // JPEG magic bytes with no picture behind them.
    const pretend = await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<script>alert(1)</script>')]), tokens.reg);
    expect(((await pretend.json()) as { error: { code: string } }).error.code).toBe('UNREADABLE_IMAGE');
    for (const [how, pdf] of Object.entries(ACTIVE_PDFS)) {
      const response = await upload(pdf, tokens.reg, 'POLICE_VERIFICATION', `${how}.pdf`);
      expect(response.status, how).toBe(400);
      expect(((await response.json()) as { error: { code: string; message: string } }).error, how).toMatchObject({ code: 'ACTIVE_CONTENT', message: expect.stringMatching(/JavaScript|JS|Launch/) });
    }
    expect((await upload(JPEG, tokens.reg, 'SELFIE')).status).toBe(400);
    expect(await stored()).toEqual(before);
    expect(readdirSync(path.join(app.config.DATA_DIR, 'tmp'))).toEqual([]);
  });

  it('takes uploads from signed-in school registrars only', async () => {
    expect((await upload(JPEG, null)).status).toBe(401);
    expect((await upload(JPEG, tokens.district)).status).toBe(403);
  });
});
