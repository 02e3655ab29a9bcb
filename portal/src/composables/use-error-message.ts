import type { ApolloError } from '@apollo/client/core';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { useI18n } from 'vue-i18n';
import { apolloErrorCode } from '@/apollo/errors';

/** A translated, user-facing sentence for an Apollo error (or null when there is none). */
export function useErrorMessage(error: MaybeRefOrGetter<ApolloError | null | undefined>) {
  const { t } = useI18n();
  return computed(() => {
    const value = toValue(error);
    if (!value) return null;
    switch (apolloErrorCode(value)) {
      case 'NETWORK':
        return t('errors.network');
      case 'UNAUTHENTICATED':
        return t('errors.unauthenticated');
      case 'FORBIDDEN':
        return t('errors.forbidden');
      case 'BAD_USER_INPUT':
        return t('errors.badInput');
      case 'INTERNAL_SERVER_ERROR':
        return t('errors.server');
      default:
        return t('errors.unknown');
    }
  });
}
