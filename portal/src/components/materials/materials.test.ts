import { describe, expect, it, vi } from 'vitest';
import { fetchMaterial, fileProblem, MaterialUploadError, uploadMaterial } from './materials';

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('uploadMaterial', () => {
  it('sends the file itself as the body, with the kind, the token and the encoded file name', async () => {
    const fetch = vi.fn(async () => json({ materialId: '42', contentType: 'image/png', size: 3 }, 201));
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e])], '户口簿 第1页.png', { type: 'image/png' });

    await expect(uploadMaterial(file, 'HOUSEHOLD_REGISTER', { fetch, token: 'tok' })).resolves.toEqual({
      materialId: '42',
      contentType: 'image/png',
      size: 3,
    });

    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/materials?kind=HOUSEHOLD_REGISTER');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    const headers = init.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer tok');
    expect(headers['content-type']).toBe('image/png');
    expect(decodeURIComponent(headers['x-file-name']!)).toBe('户口簿 第1页.png');
  });

  it('reports the code of a refused file', async () => {
    const fetch = vi.fn(async () => json({ error: { code: 'UNSUPPORTED_TYPE', message: 'only JPEG, PNG and PDF' } }, 415));
    const file = new File(['hello'], 'a.png', { type: 'image/png' });
    const failure = await uploadMaterial(file, 'ID_CARD', { fetch, token: 'tok' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MaterialUploadError);
    expect((failure as MaterialUploadError).code).toBe('UNSUPPORTED_TYPE');
  });

  it('reports an unreachable server as NETWORK', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const failure = await uploadMaterial(new File(['x'], 'a.pdf', { type: 'application/pdf' }), 'OTHER', { fetch, token: 'tok' }).catch((e: unknown) => e);
    expect((failure as MaterialUploadError).code).toBe('NETWORK');
  });
});

describe('fetchMaterial', () => {
  it('downloads with the bearer token', async () => {
    const fetch = vi.fn(async () => new Response(new Blob(['%PDF-1.4'], { type: 'application/pdf' }), { status: 200 }));
    const blob = await fetchMaterial('7', { fetch, token: 'tok' });
    expect(await blob.text()).toBe('%PDF-1.4');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/materials/7');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });
});

describe('fileProblem', () => {
  it('accepts images and PDFs up to the size limit', () => {
    expect(fileProblem({ name: 'a.jpg', type: 'image/jpeg', size: 1000 })).toBeNull();
    expect(fileProblem({ name: 'scan.PDF', type: '', size: 1000 })).toBeNull();
    expect(fileProblem({ name: 'a.docx', type: 'application/msword', size: 1000 })).toBe('TYPE');
    expect(fileProblem({ name: 'a.png', type: 'image/png', size: 11 * 1024 * 1024 })).toBe('TOO_LARGE');
  });
});
