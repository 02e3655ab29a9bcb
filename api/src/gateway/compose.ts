import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, printSchema } from 'graphql';
import { buildFederatedSchema, type SubgraphDefinition } from '../core/graphql/build-schema.js';
import { DEFAULT_SUBGRAPH_URLS } from '../core/graphql/schema-files.js';

export interface ComposedSchemas {
  subgraphs: { name: string; sdl: string }[];
  supergraph: string;
  /** What clients see through the gateway: the supergraph without federation machinery. */
  api: string;
}

/**
 * The SDL each subgraph publishes and the supergraph composed from them, as the code defines them
 * now. The caller passes the subgraphs (subgraphs.ts): the gateway imports none.
 */
export async function composeSchemas(definitions: readonly SubgraphDefinition[]): Promise<ComposedSchemas> {
  const subgraphs = [];
  for (const def of definitions) {
    subgraphs.push({ name: def.name, sdl: printSubgraphSchema(await buildFederatedSchema(def)) });
  }
  const result = composeServices(
    subgraphs.map(({ name, sdl }) => ({ name, url: DEFAULT_SUBGRAPH_URLS[name], typeDefs: parse(sdl) })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  ${e.message}`).join('\n')}`);
  }
  return { subgraphs, supergraph: result.supergraphSdl, api: `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema())}\n` };
}
