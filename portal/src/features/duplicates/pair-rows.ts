/**
 * The rows of a suggested pair's side-by-side comparison, and which of them differ. Values are
 * compared as shown (the masked ID number included: two numbers differing in a hidden digit look the
 * same here, and the explanation says how they differ).
 */
export const PAIR_ROWS = ['name', 'gender', 'birthDate', 'idNumber', 'school', 'gradeClass'] as const;
export type PairRowKey = (typeof PAIR_ROWS)[number];

export interface PairRecord {
  id: string;
  name: string;
  gender: string;
  birthDate: string;
  idNumberMasked?: string | null;
  grade?: string | null;
  className?: string | null;
  school: { id: string; name: string };
}

export interface PairRow {
  key: PairRowKey;
  /** The text of each record's cell, in the records' order. */
  values: string[];
  /** The records disagree on this row: its cells are highlighted. */
  differs: boolean;
}

/** The rows, each record's text given by `text`. */
export function pairRows<R extends PairRecord>(records: readonly R[], text: (record: R, key: PairRowKey) => string): PairRow[] {
  return PAIR_ROWS.map((key) => {
    const values = records.map((record) => text(record, key));
    // The school by its id: two schools may share a name.
    const compared = key === 'school' ? records.map((record) => record.school.id) : values;
    return { key, values, differs: new Set(compared).size > 1 };
  });
}

/** What fetchMore brings, merged after the pages already loaded (the cache has no type policy for this list). */
export interface PairsConnection<E> {
  edges: readonly E[];
  pageInfo: { hasPreviousPage: boolean; startCursor?: string | null };
  totalCount: number;
}

/** The loaded list starts where it started; its end, the count and the cursor to go on from are the new page's. */
export function appendPage<E, C extends PairsConnection<E>>(loaded: C, next: C): C {
  return {
    ...next,
    edges: [...loaded.edges, ...next.edges],
    pageInfo: { ...next.pageInfo, hasPreviousPage: loaded.pageInfo.hasPreviousPage, startCursor: loaded.pageInfo.startCursor },
  };
}
