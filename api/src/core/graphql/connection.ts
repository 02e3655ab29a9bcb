import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from '../errors.js';

// Every subgraph with lists defines the same PageInfo; @shareable lets them all resolve it.
@Directive('@shareable')
@ObjectType('PageInfo', { description: 'Where a page sits in its list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow the last item of this page.' })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: 'More items come before the first item of this page.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item; pass as `before` (with `last`) to get the previous page. Null when the page is empty.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass as `after` (with `first`) to get the next page. Null when the page is empty.' })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * A Relay cursor connection for `Node`, named `<name>Connection` by the subclass: `edges { cursor node }`,
 * the same items again as `nodes` (for clients that need no cursors), `pageInfo`, and the `totalCount`
 * of the whole filtered list. `name` is the node's GraphQL name; the edge type is `<name>Edge`.
 */
export function Connection<T extends object>(Node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its position in the list.` })
  class EdgeType implements Edge<T> {
    @Field(() => String, { description: 'Position of this item; pass as `after` or `before` to page from here.' })
    cursor: string;

    @Field(() => Node, { description: `The ${name} itself.` })
    node: T;
  }

  // Not in the schema itself (nothing returns it); only the named subclasses are.
  @ObjectType()
  abstract class ConnectionType implements Page<T> {
    @Field(() => [EdgeType], { description: 'The items of this page with their cursors, in list order.' })
    edges: Edge<T>[];

    @Field(() => [Node], { description: 'The items of this page in list order (the same as `edges { node }`).' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Cursors and whether pages come before or after this one.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items the whole filtered list holds, on all pages.' })
    totalCount: number;
  }
  return ConnectionType;
}

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** The Relay paging arguments, shared by every list: `first`/`after` forward, `last`/`before` backward. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page forward: at most this many items (1–${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither first nor last is given).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Page forward from this cursor: the items after it.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page backward: at most this many items, the last ones before \`before\` (1–${MAX_PAGE_SIZE}). Not together with first.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Page backward from this cursor: the items before it.' })
  before?: string | null;
}

/** A checked page request: how many items, from which cursor, in which direction. */
export interface PageRequest {
  size: number;
  cursor: string | null;
  backward: boolean;
}

/**
 * Reads `first`/`after` (forward) or `last`/`before` (backward). Null counts as not given, so a
 * client may send `first: null` next to `last`. Mixing the two directions is refused: a keyset page
 * is read from one cursor in one direction.
 */
export function pageRequest(args: PageArgs, fallback = DEFAULT_PAGE_SIZE): PageRequest {
  const { first, after, last, before } = args;
  if (first != null && last != null) {
    throw badInput('Pass either first (with after) to page forward or last (with before) to page backward, not both.', 'last');
  }
  const backward = last != null || before != null;
  if (backward && (first != null || after != null)) {
    throw badInput('Use first with after to page forward, or last with before to page backward; do not mix them.', first != null ? 'first' : 'after');
  }
  const size = (backward ? last : first) ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`${backward ? 'last' : 'first'} must be between 1 and ${MAX_PAGE_SIZE}.`, backward ? 'last' : 'first');
  }
  return { size, cursor: (backward ? before : after) ?? null, backward };
}

/** Cursors are opaque to clients: base64url of the keyset position. */
export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, argument = 'after'): Record<string, unknown> | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw invalidCursor(argument);
}

/** A cursor that is not one of ours, or belongs to another list or order. */
export function invalidCursor(argument = 'after') {
  return badInput('The cursor is not valid; start again from the first page.', argument);
}

/**
 * Builds a page from the rows fetched for `request`, in list order: `size + 1` rows read in the
 * paging direction, the extra one only saying whether more exist that way. `beyondCursor` says
 * whether any rows lie on the other side of the cursor (the way we came from).
 */
export function toPage<T>(
  rows: T[],
  request: PageRequest,
  totalCount: number,
  beyondCursor: boolean,
  cursorOf: (row: T) => string,
): Page<T> {
  const more = rows.length > request.size;
  const nodes = request.backward ? rows.slice(0, request.size).reverse() : rows.slice(0, request.size);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: request.backward ? beyondCursor : more,
      hasPreviousPage: request.backward ? more : beyondCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
