import type { OperationVariables } from '@apollo/client/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useMutation } from '@vue/apollo-composable';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { limitOf } from '@/domain/text-limits';

/** A transfer step refused as data (`TransferPayload.error`): nothing was changed. */
export interface TransferRefusal {
  code: string;
  message: string;
  field?: string | null;
}

/** What every transfer mutation returns (`TransferPayload`). */
interface TransferPayloadLike {
  ok: boolean;
  error?: TransferRefusal | null;
}

/**
 * A refusal as a sentence: the `TransferErrorCode` translated, with the input it names (`field`)
 * and, for TOO_LONG, the limit the API's message gives; an unknown code keeps the API's message.
 */
export function useTransferErrorText() {
  const { t, te } = useI18n();
  return (error: TransferRefusal): string => {
    const key = `transfers.errors.${error.code}`;
    const fieldKey = `transfers.errorFields.${error.field ?? ''}`;
    const field = error.field ? (te(fieldKey) ? t(fieldKey) : error.field) : '';
    return te(key) ? t(key, { field, limit: limitOf(error.message) }) : error.message;
  };
}

/**
 * One transfer mutation (request, answer, approve, withdraw): runs it, keeps a refusal returned as
 * data in `refusal` and a request error in `requestError` (TransferErrorAlert shows both). Whoever
 * shows the transfers refetches them after a step was taken; a refusal changed nothing.
 */
export function useTransferMutation<TData, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  pick: (data: TData) => TransferPayloadLike,
) {
  const { t } = useI18n();
  const refusal = ref<TransferRefusal | null>(null);
  const { mutate, loading, error: requestError } = useMutation(document, { throws: 'never' });

  /** Whether the step was taken. */
  async function run(variables: TVariables): Promise<boolean> {
    refusal.value = null;
    const result = await mutate(variables);
    const payload = result?.data ? pick(result.data) : null;
    if (!payload) return false;
    if (!payload.ok) {
      refusal.value = payload.error ?? { code: 'UNKNOWN', message: t('errors.unknown') };
      return false;
    }
    return true;
  }

  return { run, refusal, loading, requestError };
}
