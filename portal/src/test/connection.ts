/** A Relay connection as the API returns it, for mocked responses: one edge per node, cursors from the ids. */
export function relayConnection<Node extends { id: string }>(
  typename: string,
  nodes: readonly Node[],
  page: { totalCount?: number; endCursor?: string | null; hasNextPage?: boolean; hasPreviousPage?: boolean } = {},
) {
  const edges = nodes.map((node, i) => ({
    __typename: typename.replace(/Connection$/, 'Edge'),
    // The last edge carries the page's end cursor, as the server's would.
    cursor: i === nodes.length - 1 && page.endCursor ? page.endCursor : `cursor-${node.id}`,
    node,
  }));
  return {
    __typename: typename,
    edges,
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: page.hasNextPage ?? false,
      hasPreviousPage: page.hasPreviousPage ?? false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: page.totalCount ?? nodes.length,
  };
}
