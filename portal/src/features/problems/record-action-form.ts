import type { FormInstance, FormItemRule } from 'element-plus';
import { computed, nextTick, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import type { RecordActionInput } from '@/gql/graphql';
import type { MaterialItem } from './MaterialUpload.vue';

/** The part of `actOnRecord`'s input that one flow of the record-action dialog fills in. */
export type RecordActionPart = Pick<RecordActionInput, 'changes' | 'deleteReason' | 'materialIds'>;

/** What a flow form hands the dialog on submit: its part of the input, or why nothing is sent. */
export type Collected = { part: RecordActionPart } | { invalid: true } | { localError: string } | { cancelled: true };

/** What every flow form exposes to the dialog. */
export interface RecordFlowForm {
  collect: () => Promise<Collected>;
  /** The submit button waits (an upload running, the record not loaded yet). */
  blocked: boolean;
  uploading: boolean;
}

/** Validates the given fields of a flow form; on failure focuses the first field in error. */
export async function validateFields(form: FormInstance | undefined, fields: string[], body: HTMLElement | null | undefined): Promise<boolean> {
  const valid = await form?.validateField(fields).then(
    () => true,
    () => false,
  );
  if (valid) return true;
  await nextTick();
  body?.querySelector<HTMLElement>('.is-error input, .is-error textarea, .is-error [tabindex="0"]')?.focus();
  return false;
}

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
