import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { gql } from 'graphql-tag';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import type { WatchedType } from './read-log.js';

// Loosely typed on purpose: each `__resolveReference` is typed where it is written.
export type ReferenceResolvers = Record<string, { __resolveReference: (...args: any[]) => unknown }>;

export interface SubgraphDefinition {
  name: 'registry' | 'problems' | 'reports';
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type this subgraph owns or extends with fields of its own. */
  references?: ReferenceResolvers;
  /** The types whose objects are personal data: every one a response carries is read-logged. */
  reads?: Record<string, WatchedType>;
}

const FEDERATION_LINK = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides"])
`;

/**
 * Descriptions of the root types, which type-graphql has no decorator for. Every subgraph gives the
 * same text, so composition keeps it in the API schema.
 */
const ROOT_DESCRIPTIONS = {
  Query: 'What you can read. Lists and records are limited to your scope: your school, or the region you administer.',
  Mutation: 'What you can change. A refusal you can fix comes back as `ok: false` with an `error`; access failures are errors with a code.',
} as const;

/**
 * type-graphql builds the schema from decorated classes; @apollo/subgraph then adds the federation
 * fields (`_entities`, `_service`) and reference resolvers. The round trip through SDL is the
 * documented way to combine the two (type-graphql's apollo-federation-2 example).
 */
export async function buildFederatedSchema(def: SubgraphDefinition): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: def.resolvers,
    orphanedTypes: def.orphanedTypes ?? [],
    validate: false,
    skipCheck: true,
  });
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (type) type.description = ROOT_DESCRIPTIONS[type.name as keyof typeof ROOT_DESCRIPTIONS];
  }
  const resolvers: Record<string, object> = { ...createResolversMap(schema) };
  for (const [typeName, fields] of Object.entries(def.references ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], ...fields };
  }
  return buildSubgraphSchema({
    typeDefs: gql`
      ${FEDERATION_LINK}
      ${printSchemaWithDirectives(schema)}
    `,
    resolvers: resolvers as Parameters<typeof buildSubgraphSchema>[0] extends { resolvers?: infer R } ? R : never,
  });
}
