import type { FormInstance, FormItemRule } from 'element-plus';
import { computed, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import type { MaterialItem } from './MaterialUpload.vue';

/** The proof a change or a corroboration needs: the uploaded materials, and the rule that asks for one. */
export function useMaterialsField(items: () => MaterialItem[], form: () => FormInstance | undefined) {
  const { t } = useI18n();
  const materialIds = computed(() => items().flatMap((item) => (item.status === 'done' && item.materialId ? [item.materialId] : [])));
  const uploading = computed(() => items().some((item) => item.status === 'uploading'));
  const rule = computed<FormItemRule>(() => ({
    required: true,
    validator: (_rule, _value, callback) => (materialIds.value.length > 0 ? callback() : callback(new Error(t('problems.materials.required')))),
    trigger: 'change',
  }));
  watch(materialIds, (list) => {
    if (list.length > 0) form()?.clearValidate('materials');
  });
  return { materialIds, uploading, rule };
}
