import { useI18n } from 'vue-i18n';
import type { ImportRowErrorCode } from '@/gql/graphql';

/** A row error as the API reports it: a stable code with the values its message names. */
export interface CodedRowError {
  code: ImportRowErrorCode;
  params: readonly { name: string; value: string }[];
  /** The API's English text, shown only for a code this portal does not know yet. */
  reason: string;
}

/** Says an import's row errors in the user's language (`import.rowErrors.<CODE>`). */
export function useRowErrorText(): (error: CodedRowError) => string {
  const { t, te, n } = useI18n();
  // Counts (a length, a number of cells) as the user's locale writes them.
  const shown = (value: string) => (/^\d{4,}$/.test(value) ? n(Number(value)) : value);
  return (error) => {
    const key = `import.rowErrors.${error.code}`;
    return te(key) ? t(key, Object.fromEntries(error.params.map((p) => [p.name, shown(p.value)]))) : error.reason;
  };
}
