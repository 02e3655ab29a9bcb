import type { SubgraphDefinition } from '../core/graphql/build-schema.js';
import { StatsResolver } from './stats/stats.resolver.js';

export const reportsSubgraph: SubgraphDefinition = {
  name: 'reports',
  resolvers: [StatsResolver],
};
