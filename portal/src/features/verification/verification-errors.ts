import { useI18n } from 'vue-i18n';
import type { TransferRefusal } from '@/composables/use-transfer-mutation';
import { limitOf } from '@/domain/text-limits';

/** A campaign step refused as data (`VerificationPayload.error`): the same shape as a transfer's. */
export type VerificationRefusal = TransferRefusal;

/**
 * A refusal as a sentence: the `VerificationErrorCode` translated, with the input it names (the
 * last part of `field`: a mark's `marks.2.leftToSchoolCode` names the school code) and, for
 * TOO_LONG, the limit the API's message gives; an unknown code keeps the API's message.
 */
export function useVerificationErrorText() {
  const { t, te } = useI18n();
  return (error: VerificationRefusal): string => {
    const key = `verification.errors.${error.code}`;
    const fieldKey = `verification.errorFields.${error.field?.split('.').pop() ?? ''}`;
    const field = error.field ? (te(fieldKey) ? t(fieldKey) : error.field) : '';
    return te(key) ? t(key, { field, limit: limitOf(error.message) }) : error.message;
  };
}

/** The mark a refusal names (`marks.<index>` or `marks.<index>.<input>`), or null. */
export function markOf(field: string | null | undefined): { index: number; input: string | null } | null {
  const match = /^marks\.(\d+)(?:\.(\w+))?$/.exec(field ?? '');
  return match ? { index: Number(match[1]), input: match[2] ?? null } : null;
}

/** The semester a campaign opened today is most likely for: autumn from August, spring from February. */
export function currentSemester(today: Date): string {
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  if (month >= 8) return `${year}-${year + 1}-1`;
  if (month === 1) return `${year - 1}-${year}-1`;
  return `${year - 1}-${year}-2`;
}
