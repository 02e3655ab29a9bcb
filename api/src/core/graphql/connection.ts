import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from '../errors.js';

// Every subgraph with lists defines the same PageInfo; @shareable lets them all resolve it.
@Directive('@shareable')
@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor: string | null;

  @Field(() => Boolean)
  hasNextPage: boolean;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A cursor page type for `Node`: `nodes`, `pageInfo` and the `totalCount` of the whole filtered list. */
export function Connection<T extends object>(Node: ClassType<T>) {
  // Not in the schema itself (nothing returns it); only the named subclasses are.
  @ObjectType()
  abstract class ConnectionType implements Page<T> {
    @Field(() => [Node])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType;
}

export const MAX_PAGE_SIZE = 200;

export function pageSize(first: number | null | undefined, fallback = 50): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  return size;
}

/** Cursors are opaque to clients: base64url of the keyset position. */
export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): Record<string, unknown> | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
}

/** A cursor that is not one of ours, or belongs to another list or order. */
export function invalidCursor() {
  return badInput('The cursor is not valid; start again from the first page.', 'after');
}

/** Builds a page from `size + 1` fetched rows: the extra row only says whether more exist. */
export function toPage<T>(rows: T[], size: number, totalCount: number, cursorOf: (row: T) => string): Page<T> {
  const nodes = rows.slice(0, size);
  const last = nodes.at(-1);
  return {
    nodes,
    totalCount,
    pageInfo: { endCursor: last ? cursorOf(last) : null, hasNextPage: rows.length > size },
  };
}
