import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, toPage, type Page } from '../graphql/connection.js';

export interface KeysetQuery<T> {
  /** Column list, `FROM …` with joins, and the filter conditions with their parameters. */
  select: string;
  from: string;
  where: string[];
  params: unknown[];
  /** The unique column the list is ordered and paged by, and how to read it from a row. */
  orderBy: string;
  keyOf: (row: T) => string;
  hydrate: (row: object) => T;
  size: number;
  after: string | null;
}

/**
 * One page after the cursor (`size + 1` rows, the extra one only telling whether more exist) and
 * the total of the filtered list, as two statements run side by side.
 */
export async function keysetPage<T>(db: DataSource, q: KeysetQuery<T>): Promise<Page<T>> {
  const where = q.where.length ? q.where : ['TRUE'];
  const pageParams = [...q.params];
  const pageWhere = [...where];
  const position = decodeCursor(q.after);
  if (position) {
    pageParams.push(String(position.k));
    pageWhere.push(`${q.orderBy} > $${pageParams.length}`);
  }
  pageParams.push(q.size + 1);
  const [rows, counted] = await Promise.all([
    db.query(`SELECT ${q.select} ${q.from} WHERE ${pageWhere.join(' AND ')} ORDER BY ${q.orderBy} LIMIT $${pageParams.length}`, pageParams) as Promise<object[]>,
    db.query(`SELECT count(*)::int AS count ${q.from} WHERE ${where.join(' AND ')}`, q.params) as Promise<{ count: number }[]>,
  ]);
  return toPage(rows.map(q.hydrate), q.size, counted[0]?.count ?? 0, (row) => encodeCursor({ k: q.keyOf(row) }));
}
