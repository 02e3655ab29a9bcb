import { computed, ref, toValue, type MaybeRefOrGetter } from 'vue';

/**
 * Next/previous paging over a cursor connection (`first` + `after`, `pageInfo.endCursor`).
 * The cursors seen so far form a stack; a change of `key` (the filter, the page size) starts
 * again from the first page, in the same tick, so no request goes out with a stale cursor.
 */
export function useCursorPages(key: MaybeRefOrGetter<string>) {
  const state = ref<{ key: string; cursors: (string | null)[] }>({ key: toValue(key), cursors: [null] });

  const cursors = computed(() => (state.value.key === toValue(key) ? state.value.cursors : [null]));
  /** The `after` argument for the current page. */
  const after = computed(() => cursors.value[cursors.value.length - 1] ?? null);
  /** 1-based page number. */
  const page = computed(() => cursors.value.length);
  const hasPrevious = computed(() => cursors.value.length > 1);

  function next(endCursor: string | null | undefined): void {
    if (!endCursor) return;
    state.value = { key: toValue(key), cursors: [...cursors.value, endCursor] };
  }

  function previous(): void {
    if (cursors.value.length <= 1) return;
    state.value = { key: toValue(key), cursors: cursors.value.slice(0, -1) };
  }

  function reset(): void {
    state.value = { key: toValue(key), cursors: [null] };
  }

  return { after, page, hasPrevious, next, previous, reset };
}

export type CursorPages = ReturnType<typeof useCursorPages>;
