import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, invalidCursor, toPage, type Page, type PageRequest } from '../graphql/connection.js';

/** One column of a list's order: its SQL expression and the type its cursor value is cast back to. */
export interface SortColumn {
  sql: string;
  type: 'bigint' | 'integer' | 'text' | 'timestamptz' | 'float8';
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
  /** Size, cursor and direction, from `pageRequest`. */
  page: PageRequest;
}

const keyAlias = (index: number) => `__key${index}`;

const COUNT = '__count';
const BEYOND = '__beyond';

/**
 * One page beside the cursor and the total of the filtered list, in one statement.
 *
 * Forward (`first`/`after`) reads `size + 1` rows after the cursor in list order, the extra one only
 * telling whether a next page exists. Backward (`last`/`before`) reads the list in reverse from the
 * cursor (`size + 1` rows before it), and the page is turned back into list order. The count also
 * counts the rows on the other side of the cursor, which says whether a page lies the way we came
 * (hasPreviousPage going forward, hasNextPage going backward). The count comes first and the page is
 * joined to it, so an empty page still answers one row: the count's.
 *
 * The cursor holds the sort values as PostgreSQL prints them, so timestamps keep their microseconds
 * (a JS Date would not).
 */
export async function keysetPage<T>(db: DataSource, q: KeysetQuery<T>): Promise<Page<T>> {
  const { page } = q;
  const where = q.where.length ? q.where : ['TRUE'];
  const position = cursorPosition(page.cursor, q.orderBy.length, page.backward ? 'before' : 'after');
  // Reading backward is reading the reversed order forward.
  const descending = Boolean(q.descending) !== page.backward;
  const columns = `(${q.orderBy.map((c) => c.sql).join(', ')})`;

  const params = [...q.params];
  const pageWhere = [...where];
  let beyond = 'FALSE';
  if (position) {
    const cursor = `(${position.map((value, i) => {
      params.push(value);
      return `$${params.length}::${q.orderBy[i]!.type}`;
    }).join(', ')})`;
    pageWhere.push(`${columns} ${descending ? '<' : '>'} ${cursor}`);
    // The cursor's own row, and everything before it in the reading direction.
    beyond = `${columns} ${descending ? '>=' : '<='} ${cursor}`;
  }
  params.push(page.size + 1);
  const direction = descending ? 'DESC' : 'ASC';
  const order = q.orderBy.map((_, i) => `rows."${keyAlias(i)}sort" ${direction}`).join(', ');
  const keys = q.orderBy.map((c, i) => `(${c.sql})::text AS "${keyAlias(i)}", ${c.sql} AS "${keyAlias(i)}sort"`).join(', ');
  const rows = (await db.query(
    `WITH counted AS (SELECT count(*)::int AS count, count(*) FILTER (WHERE ${beyond})::int AS beyond ${q.from} WHERE ${where.join(' AND ')})
     SELECT rows.*, counted.count AS "${COUNT}", counted.beyond AS "${BEYOND}"
     FROM counted LEFT JOIN LATERAL (
       SELECT ${q.select}, ${keys} ${q.from} WHERE ${pageWhere.join(' AND ')}
       ORDER BY ${q.orderBy.map((c) => `${c.sql} ${direction}`).join(', ')} LIMIT $${params.length}
     ) rows ON TRUE
     ORDER BY ${order}`,
    params,
  )) as Record<string, unknown>[];
  const total = { count: Number(rows[0]?.[COUNT] ?? 0), beyond: Number(rows[0]?.[BEYOND] ?? 0) };
  const positions = new Map<T, string[]>();
  const nodes = rows
    .filter((row) => row[keyAlias(0)] !== null)
    .map((row) => {
      const key = q.orderBy.map((_, i) => String(row[keyAlias(i)]));
      for (let i = 0; i < q.orderBy.length; i++) {
        delete row[keyAlias(i)];
        delete row[`${keyAlias(i)}sort`];
      }
      delete row[COUNT];
      delete row[BEYOND];
      const node = q.hydrate(row);
      positions.set(node, key);
      return node;
    });
  return toPage(nodes, page, total.count, total.beyond > 0, (node) => encodeCursor({ k: positions.get(node)! }));
}

function cursorPosition(cursor: string | null, length: number, argument: string): string[] | null {
  const decoded = decodeCursor(cursor, argument);
  if (!decoded) return null;
  const key = decoded.k;
  if (!Array.isArray(key) || key.length !== length || !key.every((v) => typeof v === 'string')) throw invalidCursor(argument);
  return key as string[];
}
