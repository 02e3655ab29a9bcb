import { describe, expect, it, vi } from 'vitest';
import { ExportFailed, fileNameFrom, requestExport } from './use-report-export';

describe('requestExport', () => {
  it('posts the query with the bearer token and returns the file', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(
      new Response('\ufeffschoolId,count\r\n', {
        status: 200,
        headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent('学校统计.csv')}` },
      }),
    );
    const request = { document: 'query R { problemStats { count } }', variables: { groupBy: ['SCHOOL'] }, format: 'csv' as const, name: '学校统计' };
    const file = await requestExport(request, { token: 'tok.en', fetch });

    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/exports');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'content-type': 'application/json', authorization: 'Bearer tok.en' });
    expect(JSON.parse(String(init?.body))).toEqual(request);
    expect(file.fileName).toBe('学校统计.csv');
    expect(await file.blob.text()).toContain('schoolId,count');
  });

  it('turns a refusal into its code', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(Response.json({ error: { code: 'TOO_MANY_ROWS', message: 'More than 100000 rows' } }, { status: 400 }));
    const failure = await requestExport({ document: '{ x }', variables: {}, format: 'xlsx', name: 'r' }, { token: null, fetch }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ExportFailed);
    expect((failure as ExportFailed).code).toBe('TOO_MANY_ROWS');
    expect(fetch.mock.calls[0]![1]?.headers).toEqual({ 'content-type': 'application/json' });

    const offline = vi.fn<typeof globalThis.fetch>().mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(requestExport({ document: '{ x }', variables: {}, format: 'csv', name: 'r' }, { token: 't', fetch: offline })).rejects.toMatchObject({ code: 'NETWORK' });

    const expired = vi.fn<typeof globalThis.fetch>().mockResolvedValue(new Response('', { status: 401 }));
    await expect(requestExport({ document: '{ x }', variables: {}, format: 'csv', name: 'r' }, { token: 't', fetch: expired })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('fileNameFrom', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(fileNameFrom(`attachment; filename="export.xlsx"; filename*=UTF-8''%E6%8A%A5%E8%A1%A8.xlsx`, 'x.xlsx')).toBe('报表.xlsx');
    expect(fileNameFrom('attachment; filename="export.csv"', 'x.csv')).toBe('export.csv');
    expect(fileNameFrom(null, 'x.csv')).toBe('x.csv');
  });
});
