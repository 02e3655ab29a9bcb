import { onScopeDispose, readonly, ref } from 'vue';
import { getAuthToken } from '@/composables/use-auth-token';

export interface UploadedFile {
  uploadId: string;
  size: number;
  fileName: string;
}

/** Why an upload did not arrive: the server's own code, or what went wrong on the way. */
export type UploadFailureCode =
  | 'FILE_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'TOO_MANY_PENDING_UPLOADS'
  | 'PENDING_UPLOADS_TOO_LARGE'
  | 'NETWORK'
  | 'SERVER'
  | 'ABORTED';

/** Refusals the server names with a code of its own, each with a message of ours (import.upload.<code>). */
const SERVER_CODES: readonly UploadFailureCode[] = ['FILE_TOO_LARGE', 'UNAUTHENTICATED', 'FORBIDDEN', 'TOO_MANY_PENDING_UPLOADS', 'PENDING_UPLOADS_TOO_LARGE'];

export class UploadFailed extends Error {
  constructor(
    readonly code: UploadFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'UploadFailed';
  }
}

function failureCode(status: number, body: unknown): UploadFailureCode {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  if (SERVER_CODES.includes(code as UploadFailureCode)) return code as UploadFailureCode;
  if (status === 413) return 'FILE_TOO_LARGE';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  return 'SERVER';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Sends a file to `POST /uploads` as the request body (the id it answers is passed to GraphQL),
 * with the bearer token and the file's name. XMLHttpRequest rather than fetch: only it reports
 * upload progress, and a 200 MB template takes a while on a school's connection.
 */
export function useFileUpload(endpoint = '/uploads') {
  /** 0–1 while uploading. */
  const progress = ref(0);
  const uploading = ref(false);
  let current: XMLHttpRequest | null = null;

  function upload(file: File): Promise<UploadedFile> {
    abort();
    progress.value = 0;
    uploading.value = true;
    return new Promise<UploadedFile>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      current = xhr;
      xhr.open('POST', endpoint);
      const token = getAuthToken();
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      // Header values are ASCII: the server decodes the URI-encoded name.
      xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable && event.total > 0) progress.value = event.loaded / event.total;
      });
      const settle = () => {
        if (current === xhr) current = null;
        uploading.value = false;
      };
      xhr.addEventListener('load', () => {
        settle();
        const body = parseJson(xhr.responseText);
        const answer = body as Partial<UploadedFile> | null;
        if (xhr.status === 201 && typeof answer?.uploadId === 'string') {
          progress.value = 1;
          resolve({ uploadId: answer.uploadId, size: answer.size ?? file.size, fileName: answer.fileName ?? file.name });
          return;
        }
        const message = (body as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${xhr.status}`;
        reject(new UploadFailed(failureCode(xhr.status, body), message));
      });
      xhr.addEventListener('error', () => {
        settle();
        reject(new UploadFailed('NETWORK', 'the upload did not reach the server'));
      });
      xhr.addEventListener('abort', () => {
        settle();
        reject(new UploadFailed('ABORTED', 'the upload was cancelled'));
      });
      xhr.send(file);
    });
  }

  function abort(): void {
    current?.abort();
    current = null;
  }

  // Leaving the page cancels an upload nobody will use.
  onScopeDispose(abort);

  return { upload, abort, progress: readonly(progress), uploading: readonly(uploading) };
}
