import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ProblemStatus } from '@/gql/graphql';

type TagType = 'success' | 'warning' | 'info' | 'primary' | 'danger';

/** Element Plus tag colours of the problem statuses: what needs someone's hand stands out. */
export const STATUS_TAG: Record<ProblemStatus, TagType> = {
  OPEN: 'warning',
  PENDING_REVIEW: 'primary',
  ESCALATED: 'danger',
  RESOLVED: 'success',
};

const DAY_MS = 86_400_000;

export type DeadlineState = { kind: 'none' } | { kind: 'overdue'; days: number } | { kind: 'today' } | { kind: 'left'; days: number };

/**
 * Where a problem stands against its deadline, in whole calendar days of the viewer's clock.
 * A resolved problem has no deadline any more; the API's `overdue` decides lateness, so the
 * portal and the server never disagree about it.
 */
export function deadlineState(problem: { deadlineAt: string; overdue: boolean; status: ProblemStatus }, now: Date = new Date()): DeadlineState {
  if (problem.status === 'RESOLVED') return { kind: 'none' };
  const deadline = new Date(problem.deadlineAt);
  const startOf = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  const days = Math.round((startOf(deadline) - startOf(now)) / DAY_MS);
  if (problem.overdue) return { kind: 'overdue', days: Math.max(1, -days) };
  if (days <= 0) return { kind: 'today' };
  return { kind: 'left', days };
}

/** Dates and times of the problem pages in the interface language. */
export function useProblemFormat() {
  const { t, locale } = useI18n();

  const dateFormat = computed(() => new Intl.DateTimeFormat(locale.value, { year: 'numeric', month: '2-digit', day: '2-digit' }));
  const dateTimeFormat = computed(
    () => new Intl.DateTimeFormat(locale.value, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }),
  );

  function formatDate(iso: string | null | undefined): string {
    return iso ? dateFormat.value.format(new Date(iso)) : t('problems.compare.none');
  }

  function formatDateTime(iso: string | null | undefined): string {
    return iso ? dateTimeFormat.value.format(new Date(iso)) : t('problems.compare.none');
  }

  function deadlineText(state: DeadlineState): string {
    switch (state.kind) {
      case 'none':
        return t('problems.list.noDeadline');
      case 'overdue':
        return t('problems.list.overdueDays', { days: state.days });
      case 'today':
        return t('problems.list.dueToday');
      case 'left':
        return t('problems.list.daysLeft', { days: state.days });
    }
  }

  /** "毕业班 · 距毕业 N 天" for a problem holding a graduating pupil; null for the others. */
  function graduationText(problem: { graduating: boolean; daysToGraduation?: number | null }): string | null {
    if (!problem.graduating) return null;
    const days = problem.daysToGraduation ?? 0;
    const countdown = days === 0 ? t('problems.list.graduatingToday') : t('problems.list.graduatingDays', { days });
    return `${t('problems.list.graduating')} · ${countdown}`;
  }

  return { formatDate, formatDateTime, deadlineText, graduationText };
}
