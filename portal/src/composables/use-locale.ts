import type { Language } from 'element-plus/es/locale';
import elEn from 'element-plus/es/locale/lang/en';
import elZhCn from 'element-plus/es/locale/lang/zh-cn';
import { computed, watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';
import { LOCALE_STORAGE_KEY, SUPPORTED_LOCALES, isAppLocale, type AppLocale } from '@/i18n';

const elementLocales: Record<AppLocale, Language> = { 'zh-CN': elZhCn, en: elEn };

/**
 * The interface language: read and switch it, remembered in localStorage, mirrored on
 * `<html lang>`, with the matching Element Plus locale for `<el-config-provider>`.
 */
export function useLocale() {
  const { locale } = useI18n({ useScope: 'global' });

  const current = computed<AppLocale>(() => (isAppLocale(locale.value) ? locale.value : 'zh-CN'));
  const elementLocale = computed(() => elementLocales[current.value]);

  function setLocale(next: AppLocale): void {
    locale.value = next;
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
  }

  return { locale: current, locales: SUPPORTED_LOCALES, elementLocale, setLocale };
}

/** Keeps `<html lang>` in step with the interface language (call once, in App.vue). */
export function useDocumentLang(): void {
  const { locale } = useI18n({ useScope: 'global' });
  watchEffect(() => {
    document.documentElement.lang = locale.value;
  });
}
