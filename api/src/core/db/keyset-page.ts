import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, invalidCursor, toPage, type Page } from '../graphql/connection.js';

/** One column of a list's order: its SQL expression and the type its cursor value is cast back to. */
export interface SortColumn {
  sql: string;
  type: 'bigint' | 'text' | 'timestamptz';
}

export interface KeysetQuery<T> {
  /** Column list, `FROM …` with joins, and the filter conditions with their parameters. */
  select: string;
  from: string;
  where: string[];
  params: unknown[];
  /** The order, ending in a unique column so that every row has one position; all columns one direction. */
  orderBy: readonly SortColumn[];
  descending?: boolean;
  hydrate: (row: object) => T;
  size: number;
  after: string | null;
}

const keyAlias = (index: number) => `__key${index}`;

/**
 * One page after the cursor (`size + 1` rows, the extra one only telling whether more exist) and
 * the total of the filtered list, as two statements run side by side. The cursor holds the sort
 * values as PostgreSQL prints them, so timestamps keep their microseconds (a JS Date would not).
 */
export async function keysetPage<T>(db: DataSource, q: KeysetQuery<T>): Promise<Page<T>> {
  const where = q.where.length ? q.where : ['TRUE'];
  const pageParams = [...q.params];
  const pageWhere = [...where];
  const position = cursorPosition(q.after, q.orderBy.length);
  if (position) {
    const placeholders = position.map((value, i) => {
      pageParams.push(value);
      return `$${pageParams.length}::${q.orderBy[i]!.type}`;
    });
    const columns = q.orderBy.map((c) => c.sql).join(', ');
    pageWhere.push(`(${columns}) ${q.descending ? '<' : '>'} (${placeholders.join(', ')})`);
  }
  pageParams.push(q.size + 1);
  const direction = q.descending ? 'DESC' : 'ASC';
  const keys = q.orderBy.map((c, i) => `(${c.sql})::text AS "${keyAlias(i)}"`).join(', ');
  const [rows, counted] = await Promise.all([
    db.query(
      `SELECT ${q.select}, ${keys} ${q.from} WHERE ${pageWhere.join(' AND ')}
       ORDER BY ${q.orderBy.map((c) => `${c.sql} ${direction}`).join(', ')} LIMIT $${pageParams.length}`,
      pageParams,
    ) as Promise<Record<string, unknown>[]>,
    db.query(`SELECT count(*)::int AS count ${q.from} WHERE ${where.join(' AND ')}`, q.params) as Promise<{ count: number }[]>,
  ]);
  const positions = new Map<T, string[]>();
  const nodes = rows.map((row) => {
    const key = q.orderBy.map((_, i) => String(row[keyAlias(i)]));
    for (let i = 0; i < q.orderBy.length; i++) delete row[keyAlias(i)];
    const node = q.hydrate(row);
    positions.set(node, key);
    return node;
  });
  return toPage(nodes, q.size, counted[0]?.count ?? 0, (node) => encodeCursor({ k: positions.get(node)! }));
}

function cursorPosition(after: string | null, length: number): string[] | null {
  const decoded = decodeCursor(after);
  if (!decoded) return null;
  const key = decoded.k;
  if (!Array.isArray(key) || key.length !== length || !key.every((v) => typeof v === 'string')) throw invalidCursor();
  return key as string[];
}
