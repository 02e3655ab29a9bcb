import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

/** A date (YYYY/MM/DD in Chinese, the locale's own order in English) of an ISO timestamp, in the interface language. */
export function useDateFormat(): (iso: string) => string {
  const { locale } = useI18n();
  const format = computed(() => new Intl.DateTimeFormat(locale.value, { year: 'numeric', month: '2-digit', day: '2-digit' }));
  return (iso) => format.value.format(new Date(iso));
}
