import type { FormInstance } from 'element-plus';
import { nextTick } from 'vue';
import type { RecordActionInput } from '@/gql/graphql';

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
