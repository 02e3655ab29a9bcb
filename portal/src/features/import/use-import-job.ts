import { ApolloError } from '@apollo/client/core';
import { useApolloClient } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import {
  ImportPage_JobDocument,
  ImportPage_StartImportDocument,
  type ImportPage_JobFieldsFragment,
} from '@/gql/graphql';
import { UploadFailed, useFileUpload, type UploadFailureCode } from '@/composables/use-file-upload';

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
  /** Check the file and say what an import would do, writing nothing. */
  dryRun?: boolean;
}

export const POLL_INTERVAL_MS = 1000;

function asApolloError(error: unknown): ApolloError {
  return error instanceof ApolloError ? error : new ApolloError({ networkError: error instanceof Error ? error : new Error(String(error)) });
}

/** Numbered runs: beginning one makes every earlier one stale, so its loop stops where it checks. */
function useRuns() {
  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  function cancel(): void {
    run += 1;
    clearTimeout(timer);
  }
  // Leaving the page stops the polling loop.
  onScopeDispose(cancel);
  return {
    begin: () => ++run,
    current: () => run,
    isCurrent: (mine: number) => mine === run,
    cancel,
    sleep: (ms: number) => new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  };
}
type Runs = ReturnType<typeof useRuns>;

/** What the page shows of the import; `clear` starts afresh (with a request, or none). */
function useImportState() {
  const stage = ref<ImportStage>('idle');
  const job = shallowRef<ImportJobFields | null>(null);
  const failure = shallowRef<ImportFailure | null>(null);
  /** A poll failed (network, server): the job may still be running; `checkAgain` resumes. */
  const pollError = shallowRef<ApolloError | null>(null);
  const request = shallowRef<ImportRequest | null>(null);

  function clear(next: ImportRequest | null): void {
    request.value = next;
    job.value = null;
    failure.value = null;
    pollError.value = null;
    stage.value = next ? 'uploading' : 'idle';
  }
  function fail(value: ImportFailure): void {
    stage.value = 'failed';
    failure.value = value;
  }
  return { stage, job, failure, pollError, request, clear, fail };
}
type ImportState = ReturnType<typeof useImportState>;

function failureOf(error: unknown): ImportFailure {
  return error instanceof UploadFailed ? { kind: 'upload', code: error.code, message: error.message } : { kind: 'request', error: asApolloError(error) };
}

/** Upload the file and ask for the job; the started job, or null (failed, or no longer current). */
function useJobStarter(state: ImportState, runs: Runs, uploader: ReturnType<typeof useFileUpload>) {
  const { resolveClient } = useApolloClient();
  return async function send(next: ImportRequest, mine: number): Promise<ImportJobFields | null> {
    try {
      const uploaded = await uploader.upload(next.file);
      if (!runs.isCurrent(mine)) return null;
      state.stage.value = 'starting';
      const { data } = await resolveClient().mutate({
        mutation: ImportPage_StartImportDocument,
        variables: {
          input: { uploadId: uploaded.uploadId, schoolId: next.schoolId, skipInvalid: next.skipInvalid, force: next.force, ...(next.dryRun ? { dryRun: true } : {}) },
        },
      });
      if (!runs.isCurrent(mine)) return null;
      if (!data) throw new ApolloError({ errorMessage: 'importStudents returned no data' });
      state.job.value = data.importStudents;
      state.stage.value = 'running';
      return data.importStudents;
    } catch (error) {
      if (runs.isCurrent(mine)) state.fail(failureOf(error));
      return null;
    }
  };
}

/**
 * Polling is a plain loop (not `useQuery` with `pollInterval`) so that it stops exactly when the
 * job stops running, and a failed poll can be retried without starting again.
 */
function useJobPoller(state: ImportState, runs: Runs, interval: number) {
  const { resolveClient } = useApolloClient();

  /** The job as it is now; null when the poll failed (kept in `pollError`) or the run is stale. */
  async function fetchJob(id: string, mine: number): Promise<ImportJobFields | null> {
    try {
      const { data } = await resolveClient().query({ query: ImportPage_JobDocument, variables: { id }, fetchPolicy: 'network-only' });
      return runs.isCurrent(mine) ? data.importJob : null;
    } catch (error) {
      if (runs.isCurrent(mine)) state.pollError.value = asApolloError(error);
      return null;
    }
  }

  /** Shows a job that stopped running; false while it still runs. */
  function settle(next: ImportJobFields): boolean {
    if (next.status === 'DONE') {
      state.stage.value = 'finished';
      // New records may have opened problems for this school: the header's waiting count is stale.
      if (next.result?.ok) void resolveClient().refetchQueries({ include: ['AppHeader_Waiting'] });
      return true;
    }
    if (next.status === 'FAILED') {
      state.fail({ kind: 'internal' });
      return true;
    }
    return false;
  }

  return async function poll(id: string, mine: number): Promise<void> {
    state.pollError.value = null;
    while (runs.isCurrent(mine)) {
      const next = await fetchJob(id, mine);
      if (!next) return;
      state.job.value = next;
      if (settle(next)) return;
      await runs.sleep(interval);
    }
  };
}

/** One import from the page's point of view: upload the file, start the job, poll its progress until it is done. */
export function useImportJob(options: { pollIntervalMs?: number } = {}) {
  const uploader = useFileUpload();
  const runs = useRuns();
  const state = useImportState();
  const send = useJobStarter(state, runs, uploader);
  const poll = useJobPoller(state, runs, options.pollIntervalMs ?? POLL_INTERVAL_MS);

  async function start(next: ImportRequest): Promise<void> {
    const mine = runs.begin();
    state.clear(next);
    const started = await send(next, mine);
    if (started) await poll(started.id, mine);
  }

  /** After a failed poll: ask again for the same job. */
  function checkAgain(): Promise<void> {
    if (state.stage.value !== 'running' || !state.job.value) return Promise.resolve();
    return poll(state.job.value.id, runs.current());
  }

  /** The same file and school again, with `force` (the school already imported this file). */
  function retry(patch: Partial<Omit<ImportRequest, 'file' | 'schoolId'>> = {}): Promise<void> {
    if (!state.request.value) return Promise.resolve();
    return start({ ...state.request.value, ...patch });
  }

  function reset(): void {
    runs.cancel();
    uploader.abort();
    state.clear(null);
  }

  const busy = computed(() => state.stage.value === 'uploading' || state.stage.value === 'starting' || state.stage.value === 'running');
  const { stage, job, failure, pollError, request } = state;
  return { stage, job, failure, pollError, request, busy, uploadProgress: uploader.progress, start, retry, checkAgain, reset };
}
