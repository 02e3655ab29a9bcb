import { onScopeDispose, ref, watch, type Ref, type WatchSource } from 'vue';

/**
 * A ref that follows `source` after it has been still for `delayMs`.
 * `flush()` applies the latest value at once (e.g. on Enter).
 */
export function useDebounced<T>(source: WatchSource<T>, delayMs = 300) {
  const read = () => (typeof source === 'function' ? (source as () => T)() : (source as Ref<T>).value);
  const debounced = ref(read()) as Ref<T>;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const flush = () => {
    cancel();
    debounced.value = read();
  };

  watch(source, () => {
    cancel();
    timer = setTimeout(flush, delayMs);
  });
  onScopeDispose(cancel);

  return { debounced, flush, cancel };
}
