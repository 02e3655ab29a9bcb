import { ApolloError } from '@apollo/client/core';
import { useApolloClient } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import {
  ImportPage_JobDocument,
  ImportPage_StartImportDocument,
  type ImportPage_JobFieldsFragment,
} from '@/gql/graphql';
import { UploadFailed, useFileUpload, type UploadFailureCode } from './use-file-upload';

export type ImportJobFields = ImportPage_JobFieldsFragment;

/**
 * idle: nothing sent yet; uploading: the file is on its way; starting: `importStudents` asked;
 * running: polling `importJob`; finished: the job is DONE (its result says ok or why not);
 * failed: the file or the job never got through (see `failure`).
 */
export type ImportStage = 'idle' | 'uploading' | 'starting' | 'running' | 'finished' | 'failed';

export type ImportFailure =
  | { kind: 'upload'; code: UploadFailureCode; message: string }
  | { kind: 'request'; error: ApolloError }
  | { kind: 'internal' };

export interface ImportRequest {
  file: File;
  schoolId: string;
  skipInvalid: boolean;
  force: boolean;
}

export const POLL_INTERVAL_MS = 1000;

function asApolloError(error: unknown): ApolloError {
  return error instanceof ApolloError ? error : new ApolloError({ networkError: error instanceof Error ? error : new Error(String(error)) });
}

/**
 * One import from the page's point of view: upload the file, start the job, poll its progress
 * until it is done. Polling is a plain loop (not `useQuery` with `pollInterval`) so that it stops
 * exactly when the job stops running, and a failed poll can be retried without starting again.
 */
export function useImportJob(options: { pollIntervalMs?: number } = {}) {
  const interval = options.pollIntervalMs ?? POLL_INTERVAL_MS;
  const { resolveClient } = useApolloClient();
  const uploader = useFileUpload();

  const stage = ref<ImportStage>('idle');
  const job = shallowRef<ImportJobFields | null>(null);
  const failure = shallowRef<ImportFailure | null>(null);
  /** A poll failed (network, server): the job may still be running; `checkAgain` resumes. */
  const pollError = shallowRef<ApolloError | null>(null);
  const request = shallowRef<ImportRequest | null>(null);

  // Each run gets a number; a loop whose run is no longer current stops (a reset, a new file, leaving the page).
  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const sleep = (ms: number) => new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));

  async function poll(id: string, mine: number): Promise<void> {
    pollError.value = null;
    while (mine === run) {
      let next: ImportJobFields;
      try {
        const { data } = await resolveClient().query({ query: ImportPage_JobDocument, variables: { id }, fetchPolicy: 'network-only' });
        next = data.importJob;
      } catch (error) {
        if (mine === run) pollError.value = asApolloError(error);
        return;
      }
      if (mine !== run) return;
      job.value = next;
      if (next.status === 'DONE') {
        stage.value = 'finished';
        // New records may have opened problems for this school: the header's waiting count is stale.
        if (next.result?.ok) void resolveClient().refetchQueries({ include: ['AppHeader_Waiting'] });
        return;
      }
      if (next.status === 'FAILED') {
        stage.value = 'failed';
        failure.value = { kind: 'internal' };
        return;
      }
      await sleep(interval);
    }
  }

  async function start(next: ImportRequest): Promise<void> {
    const mine = ++run;
    request.value = next;
    job.value = null;
    failure.value = null;
    pollError.value = null;
    stage.value = 'uploading';
    let started: ImportJobFields;
    try {
      const uploaded = await uploader.upload(next.file);
      if (mine !== run) return;
      stage.value = 'starting';
      const { data } = await resolveClient().mutate({
        mutation: ImportPage_StartImportDocument,
        variables: { input: { uploadId: uploaded.uploadId, schoolId: next.schoolId, skipInvalid: next.skipInvalid, force: next.force } },
      });
      if (mine !== run) return;
      if (!data) throw new ApolloError({ errorMessage: 'importStudents returned no data' });
      started = data.importStudents;
      job.value = started;
      stage.value = 'running';
    } catch (error) {
      if (mine !== run) return;
      stage.value = 'failed';
      failure.value =
        error instanceof UploadFailed ? { kind: 'upload', code: error.code, message: error.message } : { kind: 'request', error: asApolloError(error) };
      return;
    }
    await poll(started.id, mine);
  }

  /** After a failed poll: ask again for the same job. */
  function checkAgain(): Promise<void> {
    if (stage.value !== 'running' || !job.value) return Promise.resolve();
    return poll(job.value.id, run);
  }

  /** The same file and school again, with `force` (the school already imported this file). */
  function retry(patch: Partial<Omit<ImportRequest, 'file' | 'schoolId'>> = {}): Promise<void> {
    if (!request.value) return Promise.resolve();
    return start({ ...request.value, ...patch });
  }

  function reset(): void {
    run += 1;
    clearTimeout(timer);
    uploader.abort();
    stage.value = 'idle';
    job.value = null;
    failure.value = null;
    pollError.value = null;
    request.value = null;
  }

  onScopeDispose(() => {
    run += 1;
    clearTimeout(timer);
  });

  const busy = computed(() => stage.value === 'uploading' || stage.value === 'starting' || stage.value === 'running');

  return {
    stage,
    job,
    failure,
    pollError,
    request,
    busy,
    uploadProgress: uploader.progress,
    start,
    retry,
    checkAgain,
    reset,
  };
}
