import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { downloadBlob } from '@/composables/download';
import { getAuthToken } from '@/composables/use-auth-token';

export type ExportFormat = 'csv' | 'xlsx';

/** The body of `POST /exports` (api/src/server/http.ts). */
export interface ExportRequest {
  document: string;
  variables: Record<string, unknown>;
  format: ExportFormat;
  /** File name without extension. */
  name: string;
  /** The language of the file's headers and values (the page's). */
  locale?: string;
}

/** Why the server refused an export: its `error.code` (INVALID_DOCUMENT, QUERY_FAILED, NO_LIST, TOO_MANY_ROWS, …), or NETWORK. */
export class ExportFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The file name the server chose (`filename*=UTF-8''…` keeps Chinese names), else `fallback`. */
export function fileNameFrom(contentDisposition: string | null, fallback: string): string {
  const encoded = contentDisposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed name is not worth losing the file for.
    }
  }
  return contentDisposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/**
 * Asks the server for the file. It runs the query itself, with the caller's own token, so the
 * file holds exactly what the caller may see and every row of it (not only the page on screen).
 */
export async function requestExport(
  request: ExportRequest,
  options: { token: string | null; fetch?: typeof fetch } = { token: getAuthToken() },
): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)('/exports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
      body: JSON.stringify(request),
    });
  } catch {
    throw new ExportFailed('NETWORK', 'The server could not be reached.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    const code = body?.error?.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'UNKNOWN');
    throw new ExportFailed(code, body?.error?.message ?? response.statusText);
  }
  return { blob: await response.blob(), fileName: fileNameFrom(response.headers.get('content-disposition'), `${request.name}.${request.format}`) };
}


const KNOWN_CODES = ['INVALID_DOCUMENT', 'QUERY_FAILED', 'NO_LIST', 'TOO_MANY_ROWS', 'INVALID_VALUE', 'UNAUTHENTICATED', 'NETWORK'] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

/** Export a report as CSV or XLSX, with the state the page shows (which format is in progress, a translated error). */
export function useReportExport() {
  const { t, locale } = useI18n();
  const exporting = ref<ExportFormat | null>(null);
  const error = ref<string | null>(null);

  async function exportReport(request: ExportRequest): Promise<boolean> {
    exporting.value = request.format;
    error.value = null;
    try {
      const file = await requestExport({ locale: locale.value, ...request }, { token: getAuthToken() });
      downloadBlob(file.blob, file.fileName);
      return true;
    } catch (failure) {
      const code = failure instanceof ExportFailed ? failure.code : 'UNKNOWN';
      error.value = (KNOWN_CODES as readonly string[]).includes(code) ? t(`reports.export.errors.${code as KnownCode}`) : t('reports.export.errors.UNKNOWN');
      return false;
    } finally {
      exporting.value = null;
    }
  }

  return { exporting, error, exportReport };
}
