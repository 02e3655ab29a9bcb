import type { SubgraphDefinition } from './core/graphql/build-schema.js';
import { problemsSubgraph } from './problems/index.js';
import { registrySubgraph } from './registry/index.js';
import { reportsSubgraph } from './reports/index.js';

export const SUBGRAPHS: readonly SubgraphDefinition[] = [registrySubgraph, problemsSubgraph, reportsSubgraph];

export function subgraphByName(name: string): SubgraphDefinition {
  const found = SUBGRAPHS.find((s) => s.name === name);
  if (!found) throw new Error(`unknown subgraph "${name}"; expected one of ${SUBGRAPHS.map((s) => s.name).join(', ')}`);
  return found;
}
