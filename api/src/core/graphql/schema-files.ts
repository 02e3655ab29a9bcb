import { fileURLToPath } from 'node:url';

// The published SDL (schema/): written by `pnpm schema:write`, loaded by the gateway (the
// supergraph) and by the reports subgraph (the client schema that report documents must fit).

export const SCHEMA_DIR = fileURLToPath(new URL('../../../../schema/', import.meta.url));
export const SUPERGRAPH_FILE = `${SCHEMA_DIR}supergraph.graphql`;
export const API_SCHEMA_FILE = `${SCHEMA_DIR}api.graphql`;
export const subgraphFile = (name: string) => `${SCHEMA_DIR}${name}.graphql`;

/** Where each subgraph listens when run as its own process; recorded in the supergraph. */
export const DEFAULT_SUBGRAPH_URLS: Record<string, string> = {
  registry: 'http://localhost:4001/graphql',
  problems: 'http://localhost:4002/graphql',
  reports: 'http://localhost:4003/graphql',
};
