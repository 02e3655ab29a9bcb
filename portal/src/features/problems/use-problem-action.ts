import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { OperationVariables } from '@apollo/client/core';
import { useMutation } from '@vue/apollo-composable';
import { ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import type { PayloadError } from './action-error';

/** What every problem mutation returns: `ok`, or the refusal as data. */
export interface ActionPayload {
  ok: boolean;
  error?: PayloadError | null;
}

/**
 * One action on a problem (post, answer, escalate, decide, review, act on a record): runs the
 * mutation, keeps a refusal returned as data in `refusal`, and refetches the problem only after a
 * stored change, so a refusal leaves the page as the user saw it. Request errors stay in
 * `requestError` (ActionErrorAlert shows both). A stale-version refusal is dropped once the
 * problem on screen has a new version.
 */
export function useProblemAction<TData, TVariables extends OperationVariables, TPayload extends ActionPayload>(
  document: TypedDocumentNode<TData, TVariables>,
  pick: (data: TData) => TPayload,
  version: () => number,
) {
  const { t } = useI18n();
  const refusal = ref<PayloadError | null>(null);
  const { mutate, loading, error: requestError } = useMutation(document, {
    throws: 'never',
    refetchQueries: (result) => (result.data && pick(result.data as TData).ok ? ['ProblemPage_Problem'] : []),
    awaitRefetchQueries: true,
  });

  watch(version, () => {
    if (refusal.value?.code === 'STALE_VERSION') refusal.value = null;
  });

  /** The payload of a stored change; null after a refusal or a request error. */
  async function run(variables: TVariables): Promise<TPayload | null> {
    refusal.value = null;
    const result = await mutate(variables);
    const payload = result?.data ? pick(result.data) : null;
    if (!payload) return null;
    if (!payload.ok) {
      refusal.value = payload.error ?? { code: 'UNKNOWN', message: t('errors.unknown') };
      return null;
    }
    return payload;
  }

  return { run, refusal, loading, requestError };
}
