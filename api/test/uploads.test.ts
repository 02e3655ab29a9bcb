import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAllInOne } from '../src/server/start.js';
import { makeSchool, makeUser } from './support/factories.js';
import { errorCodes, startProduct } from './support/product.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const START = `mutation($input: ImportStudentsInput!) { importStudents(input: $input) { id status } }`;
const JOB = `query($id: ID!) { importJob(id: $id) { status } }`;
const HOUR = 60 * 60 * 1000;
const KB = 1024;
/** A file the importer refuses (no template header): the job runs, imports nothing, and uses the upload up. */
const SMALL = Buffer.from('学号,备注\n1,无\n');

interface Answer {
  status: number;
  headers: Headers | IncomingHttpHeaders;
  body: { uploadId?: string; error?: { code: string; message: string } };
}

describe('uploads: expiry, per-user limits, who may upload', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let school: { id: string };
  let dir: string;

  beforeAll(async () => {
    // Three waiting uploads per user; files of at most 1 MB, 2 MB waiting in all.
    app = await createTestApp({ env: { UPLOAD_MAX_PENDING: '3', IMPORT_MAX_MB: '1' } });
    school = await makeSchool(app, '330106');
    product = await startProduct(app);
    dir = path.join(app.config.DATA_DIR, 'uploads');
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A registrar of its own, so each test starts with nothing waiting. */
  const registrar = async (): Promise<string> => product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: school.id })).username);

  const upload = async (token: string, body: Buffer | ReadableStream<Uint8Array>): Promise<Answer> => {
    const response = await fetch(`${product.url}/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-file-name': encodeURIComponent('学生名单.csv') },
      body,
      // A stream is sent chunked, without a declared length.
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
  };

  /**
   * Sends the headers and the first kilobyte of a body that never ends. Only an answer given
   * without reading the body arrives at all.
   */
  const answerWithoutBody = (token: string, declaredBytes: number): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const request = http.request(`${product.url}/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'x-file-name': 'students.csv', 'content-length': String(declaredBytes) },
      });
      const waiting = setTimeout(() => {
        request.destroy();
        reject(new Error('no answer came while the body was still unsent'));
      }, 3_000);
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          clearTimeout(waiting);
          request.destroy();
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: JSON.parse(text) as Answer['body'] });
        });
      });
      request.on('error', reject);
      request.write(Buffer.alloc(KB, 'a'));
    });

  const onDisk = (): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);

  /** Sets an upload's files (or a partial file) back in time, as if it had waited that long. */
  const age = (id: string, hours: number): void => {
    const when = new Date(Date.now() - hours * HOUR);
    for (const name of [id, `${id}.json`]) if (existsSync(path.join(dir, name))) utimesSync(path.join(dir, name), when, when);
  };

  const waitFor = async (done: () => boolean, what: string): Promise<void> => {
    for (let i = 0; i < 200; i++) {
      if (done()) return;
      await sleep(25);
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  /** Imports an upload and waits until the finished import has used it up. */
  const importAndFinish = async (uploadId: string, token: string): Promise<void> => {
    const started = await product.gql(START, { input: { uploadId, schoolId: school.id } }, token);
    expect(started.errors).toBeUndefined();
    for (let i = 0; i < 200 && (await product.gql(JOB, { id: started.data.importStudents.id }, token)).data.importJob.status === 'RUNNING'; i++) await sleep(25);
    await waitFor(() => !onDisk().includes(`${uploadId}.json`), 'the import to remove its upload');
  };

  it('refuses to import an upload older than UPLOAD_TTL_HOURS, saying so, also after the sweep removed its file', async () => {
    const token = await registrar();
    const up = await upload(token, SMALL);
    expect(up.status).toBe(201);
    const id = up.body.uploadId!;
    age(id, 25);
    const expired = { input: { uploadId: id, schoolId: school.id } };
    const refused = await product.gql(START, expired, token);
    expect(refused.status).toBe(200);
    expect(refused.data).toBeNull();
    expect(refused.errors).toEqual([expect.objectContaining({ message: 'the uploaded file has expired; upload it again', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'uploadId' }) })]);

    expect(await app.uploads.sweep()).toBe(1);
    expect(onDisk()).not.toContain(id);
    expect((await product.gql(START, expired, token)).errors?.[0]?.message).toBe('the uploaded file has expired; upload it again');
    // Someone else's expired upload is not theirs to hear about.
    expect(errorCodes(await product.gql(START, expired, await registrar()))).toEqual(['NOT_FOUND']);
  });

  it('sweeps expired uploads and old partial files when the server starts and every hour, and keeps fresh ones', async () => {
    const token = await registrar();
    const [fresh, expired, forgotten] = await Promise.all([upload(token, SMALL), upload(token, SMALL), upload(token, SMALL)]).then((answers) => answers.map((a) => a.body.uploadId!));
    age(expired!, 25);
    age(forgotten!, 49);
    // What a killed process leaves: content without its record.
    const oldPartial = randomUUID();
    const newPartial = randomUUID();
    writeFileSync(path.join(dir, oldPartial), 'half a file');
    writeFileSync(path.join(dir, newPartial), 'half a file');
    age(oldPartial, 25);
    const mine = (): string[] => onDisk().filter((name) => [fresh, expired, forgotten, oldPartial, newPartial].some((id) => name.startsWith(id!)));

    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const second = await startAllInOne(app, '127.0.0.1', 0);
    try {
      // At start: the expired upload's content and the old partial file go; a record stays one more TTL, so an import can say why.
      expect(mine()).toEqual([fresh!, `${fresh}.json`, `${expired}.json`, newPartial].sort());

      age(fresh!, 25);
      vi.advanceTimersByTime(HOUR);
      await waitFor(() => !onDisk().includes(fresh!), 'the hourly sweep');
      expect(mine()).toEqual([`${fresh}.json`, `${expired}.json`, newPartial].sort());
    } finally {
      await second.close();
    }
  });

  it('refuses the upload past UPLOAD_MAX_PENDING with 429 before reading it, changing nothing; an import or expiry frees a place', async () => {
    const token = await registrar();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const up = await upload(token, SMALL);
      expect(up.status).toBe(201);
      ids.push(up.body.uploadId!);
    }
    const before = onDisk();
    const refused = await answerWithoutBody(token, 10 * KB);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({ code: 'TOO_MANY_PENDING_UPLOADS', message: expect.stringContaining('you have 3 uploaded files that have not been imported') });
    // The oldest waiting upload expires in (nearly) 24 hours.
    expect(Number((refused.headers as IncomingHttpHeaders)['retry-after'])).toBeGreaterThan(23 * 3600);
    expect((await upload(token, SMALL)).status).toBe(429);
    expect(onDisk()).toEqual(before);
    // The limit is per user.
    expect((await upload(await registrar(), SMALL)).status).toBe(201);

    await importAndFinish(ids[0]!, token);
    expect((await upload(token, SMALL)).status).toBe(201);
    expect((await upload(token, SMALL)).status).toBe(429);
    age(ids[1]!, 25);
    expect((await upload(token, SMALL)).status).toBe(201);
  });

  it('holds the count limit when one user sends several uploads at once', async () => {
    const token = await registrar();
    const before = onDisk();
    const answers = await Promise.all(Array.from({ length: 8 }, () => upload(token, SMALL)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
    expect(answers.filter((a) => a.status === 429).map((a) => a.body.error?.code)).toEqual(Array(5).fill('TOO_MANY_PENDING_UPLOADS'));
    const added = onDisk().filter((name) => !before.includes(name));
    expect(added.sort()).toEqual(answers.flatMap((a) => (a.body.uploadId ? [a.body.uploadId, `${a.body.uploadId}.json`] : [])).sort());
  });

  it('refuses with 429 the upload that would bring a user\'s waiting files over 2 × IMPORT_MAX_MB, in turn, at once or mid-stream', async () => {
    const token = await registrar();
    expect((await upload(token, Buffer.alloc(900 * KB, 'a'))).status).toBe(201);
    expect((await upload(token, Buffer.alloc(900 * KB, 'b'))).status).toBe(201);
    const before = onDisk();
    const over = await upload(token, Buffer.alloc(300 * KB, 'c'));
    expect(over.status).toBe(429);
    expect(over.body.error).toEqual({ code: 'PENDING_UPLOADS_TOO_LARGE', message: expect.stringContaining('more than 2 MB') });
    expect(Number((over.headers as Headers).get('retry-after'))).toBeGreaterThan(23 * 3600);
    // Without a declared length the rest of the allowance is reserved, and the stream is cut where it runs out.
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(100 * KB).fill(100));
        controller.close();
      },
    });
    const cut = await upload(token, chunked);
    expect(cut.status).toBe(429);
    expect(cut.body.error?.code).toBe('PENDING_UPLOADS_TOO_LARGE');
    // A file too large on its own is a 413 whatever is waiting: sending it again can never work.
    expect((await upload(token, Buffer.alloc(1100 * KB, 'd'))).status).toBe(413);
    expect(onDisk()).toEqual(before);

    const other = await registrar();
    const answers = await Promise.all(['e', 'f', 'g', 'h'].map((fill) => upload(other, Buffer.alloc(700 * KB, fill))));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 429, 429]);
    expect(answers.filter((a) => a.status === 429).map((a) => a.body.error?.code)).toEqual(['PENDING_UPLOADS_TOO_LARGE', 'PENDING_UPLOADS_TOO_LARGE']);
  });

  it('leaves nothing behind, and frees the place, when the client goes away mid-upload', async () => {
    const token = await registrar();
    for (let i = 0; i < 2; i++) expect((await upload(token, SMALL)).status).toBe(201);
    const before = onDisk();
    const request = http.request(`${product.url}/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-file-name': 'students.csv', 'content-length': String(500 * KB) },
    });
    request.on('error', () => {});
    request.write(Buffer.alloc(100 * KB, 'a'));
    await waitFor(() => onDisk().length > before.length, 'the partial file');
    request.destroy();
    await waitFor(() => onDisk().length === before.length, 'the partial file to be removed');
    expect(onDisk()).toEqual(before);
    expect((await upload(token, SMALL)).status).toBe(201);
  });

  it('leaves no partial material behind either when the client goes away mid-upload', async () => {
    const token = await registrar();
    const temp = path.join(app.config.DATA_DIR, 'tmp');
    const inTemp = (): string[] => (existsSync(temp) ? readdirSync(temp) : []);
    const request = http.request(`${product.url}/materials?kind=HOUSEHOLD_REGISTER`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-file-name': 'scan.png', 'content-length': String(500 * KB) },
    });
    request.on('error', () => {});
    request.write(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100 * KB)]));
    await waitFor(() => inTemp().length > 0, 'the partial material');
    request.destroy();
    await waitFor(() => inTemp().length === 0, 'the partial material to be removed');
  });

  // District staff upload police verification files; city and province staff import nothing.
  it('refuses city and province staff with 403 FORBIDDEN before reading the body, writing nothing', async () => {
    const before = onDisk();
    for (const role of ['CITY_ADMIN', 'PROVINCE_ADMIN'] as const) {
      const regionCode = { CITY_ADMIN: '330100', PROVINCE_ADMIN: '330000' }[role];
      const token = await product.login((await makeUser(app, role, { regionCode })).username);
      const answer = await answerWithoutBody(token, 10 * KB);
      expect(answer.status, role).toBe(403);
      expect(answer.body.error?.code, role).toBe('FORBIDDEN');
    }
    expect(onDisk()).toEqual(before);
  });
});
