import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { setAuthToken } from '@/composables/use-auth-token';
import { fakeXhr } from '@/test/fake-xhr';
import { UploadFailed, useFileUpload } from './use-file-upload';

function inScope() {
  const scope = effectScope();
  const uploader = scope.run(() => useFileUpload())!;
  return { uploader, scope };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useFileUpload', () => {
  it('posts the file as the body with the bearer token and its URI-encoded name', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { sent } = fakeXhr([{ status: 201, body: { uploadId: 'u-1', size: 3, fileName: '学生名单.csv' } }]);
    const { uploader, scope } = inScope();
    const file = new File(['a,b'], '学生名单.csv', { type: 'text/csv' });

    const pending = uploader.upload(file);
    expect(uploader.uploading.value).toBe(true);
    await expect(pending).resolves.toEqual({ uploadId: 'u-1', size: 3, fileName: '学生名单.csv' });

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'POST', url: '/uploads', body: file });
    expect(sent[0]!.headers).toMatchObject({
      Authorization: 'Bearer t.o.k',
      'X-File-Name': encodeURIComponent('学生名单.csv'),
    });
    expect(uploader.progress.value).toBe(1);
    expect(uploader.uploading.value).toBe(false);
    scope.stop();
  });

  it('turns a 413 into FILE_TOO_LARGE and a lost connection into NETWORK', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    fakeXhr([
      { status: 413, body: { error: { code: 'FILE_TOO_LARGE', message: 'the file is larger than 200 MB' } } },
      { status: 0, networkError: true },
      { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Sign in first.' } } },
    ]);
    const { uploader, scope } = inScope();
    const file = new File(['x'], 'big.csv');

    const tooLarge = await uploader.upload(file).catch((error: unknown) => error);
    expect(tooLarge).toBeInstanceOf(UploadFailed);
    expect(tooLarge).toMatchObject({ code: 'FILE_TOO_LARGE', message: 'the file is larger than 200 MB' });
    await expect(uploader.upload(file)).rejects.toMatchObject({ code: 'NETWORK' });
    await expect(uploader.upload(file)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(uploader.uploading.value).toBe(false);
    scope.stop();
  });

  it('keeps the codes of the upload limits and of a role that may not import', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    fakeXhr([
      { status: 429, body: { error: { code: 'TOO_MANY_PENDING_UPLOADS', message: 'you have 5 uploaded files that have not been imported' } } },
      { status: 429, body: { error: { code: 'PENDING_UPLOADS_TOO_LARGE', message: 'more than 400 MB' } } },
      { status: 403, body: { error: { code: 'FORBIDDEN', message: 'Templates are uploaded by those who import them' } } },
    ]);
    const { uploader, scope } = inScope();
    const file = new File(['x'], 'a.csv');
    await expect(uploader.upload(file)).rejects.toMatchObject({ code: 'TOO_MANY_PENDING_UPLOADS' });
    await expect(uploader.upload(file)).rejects.toMatchObject({ code: 'PENDING_UPLOADS_TOO_LARGE' });
    await expect(uploader.upload(file)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    scope.stop();
  });
});
