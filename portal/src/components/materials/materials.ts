import { getAuthToken } from '@/composables/use-auth-token';

/** The kinds of proof the API stores (api/src/problems/material/material.entity.ts, MaterialKind). */
export const MATERIAL_KINDS = ['HOUSEHOLD_REGISTER', 'ID_CARD', 'SCHOOL_CERTIFICATE', 'POLICE_VERIFICATION', 'OTHER'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** The API's default MATERIAL_MAX_MB; a larger file is refused there anyway, this only says so sooner. */
export const MATERIAL_MAX_MB = 10;
export const MATERIAL_ACCEPT = '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf';
const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];

/** Codes of a refused upload: the API's (`error.code`), or ours for what is caught before sending. */
export type MaterialErrorCode =
  | 'TOO_LARGE'
  | 'TYPE'
  | 'UNSUPPORTED_TYPE'
  | 'FILE_TOO_LARGE'
  | 'EMPTY_FILE'
  | 'BAD_KIND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'NETWORK'
  | 'UNKNOWN';

export class MaterialUploadError extends Error {
  constructor(
    readonly code: MaterialErrorCode,
    message: string = code,
  ) {
    super(message);
  }
}

export interface StoredMaterial {
  materialId: string;
  contentType: string;
  size: number;
}

interface RequestOptions {
  fetch?: typeof fetch;
  token?: string | null;
}

function authHeaders(options: RequestOptions): Record<string, string> {
  const token = options.token === undefined ? getAuthToken() : options.token;
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * Why a chosen file cannot be uploaded, before sending it: by the browser's idea of its type (the
 * API checks the content itself) and by size.
 */
export function fileProblem(file: { type: string; name: string; size: number }): 'TYPE' | 'TOO_LARGE' | null {
  const byName = /\.(jpe?g|png|pdf)$/i.test(file.name);
  if (!ACCEPTED_TYPES.includes(file.type) && !(file.type === '' && byName)) return 'TYPE';
  if (file.size > MATERIAL_MAX_MB * 1024 * 1024) return 'TOO_LARGE';
  return null;
}

const KNOWN_CODES = new Set<MaterialErrorCode>(['UNSUPPORTED_TYPE', 'FILE_TOO_LARGE', 'EMPTY_FILE', 'BAD_KIND', 'FORBIDDEN', 'UNAUTHENTICATED']);

/**
 * Uploads one scan or photo to `POST /materials?kind=…`. The endpoint takes the file itself as the
 * request body (not a multipart form: it checks the first bytes of the body), and the file name in
 * the URI-encoded `x-file-name` header. Answers `{ materialId }` to pass to `actOnRecord`.
 */
export async function uploadMaterial(file: File, kind: MaterialKind, options: RequestOptions = {}): Promise<StoredMaterial> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`/materials?kind=${encodeURIComponent(kind)}`, {
      method: 'POST',
      headers: {
        ...authHeaders(options),
        'content-type': file.type || 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.name),
      },
      body: file,
    });
  } catch {
    throw new MaterialUploadError('NETWORK');
  }
  const body = (await response.json().catch(() => null)) as
    | (Partial<StoredMaterial> & { error?: { code?: string; message?: string } })
    | null;
  if (response.ok && body?.materialId !== undefined) {
    return { materialId: String(body.materialId), contentType: body.contentType ?? file.type, size: body.size ?? file.size };
  }
  const code = body?.error?.code as MaterialErrorCode | undefined;
  if (code && KNOWN_CODES.has(code)) throw new MaterialUploadError(code, body?.error?.message);
  if (response.status === 401) throw new MaterialUploadError('UNAUTHENTICATED');
  if (response.status === 413) throw new MaterialUploadError('FILE_TOO_LARGE');
  throw new MaterialUploadError('UNKNOWN', body?.error?.message);
}

/**
 * A stored material as a Blob. `GET /materials/:id` needs the bearer token (a plain `<img src>`
 * cannot send it) and always answers as a download, so the portal fetches it and shows it from
 * an object URL.
 */
export async function fetchMaterial(id: string, options: RequestOptions = {}): Promise<Blob> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`/materials/${encodeURIComponent(id)}`, { headers: authHeaders(options) });
  } catch {
    throw new MaterialUploadError('NETWORK');
  }
  if (!response.ok) throw new MaterialUploadError(response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : 'UNKNOWN');
  return response.blob();
}
