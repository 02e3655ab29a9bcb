import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Config } from '../config.js';

/**
 * Limits every operation must pass before it runs, at the gateway and again in each subgraph:
 * depth, aliases, tokens and a static cost. Each refusal is a GRAPHQL_VALIDATION_FAILED error
 * naming the limit, and nothing is executed. Batched HTTP
 * requests are refused as well. Introspection is exempt from depth and cost: GraphiQL's schema
 * query is deep by nature, and only signed-in users may send it.
 */
export function operationLimits(config: Config) {
  return new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, exposeLimits: true, flattenFragments: true },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST, ignoreIntrospection: true, exposeLimits: true },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES, exposeLimits: true },
    maxTokens: { n: config.GRAPHQL_MAX_TOKENS, exposeLimits: true },
    maxDirectives: { n: 20, exposeLimits: true },
    // Suggestions ("did you mean …") are already withheld by hideSchemaDetailsFromClientErrors.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
