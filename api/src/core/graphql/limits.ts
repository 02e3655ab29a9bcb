import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Lexer, Source, TokenKind, type ValidationRule } from 'graphql';
import type { Config } from '../config.js';
import { requestRefused } from './errors.js';

export interface OperationChecks {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
}

/**
 * Limits every operation must pass before it runs, at the gateway and again in each subgraph:
 * depth, aliases, tokens and a static cost. Each refusal is a GRAPHQL_VALIDATION_FAILED error
 * naming the limit, answered with HTTP 400, and nothing is executed. Batched HTTP
 * requests are refused as well. Introspection is exempt from depth and cost: GraphiQL's schema
 * query is deep by nature, and only signed-in users may send it.
 *
 * Also refused with 400 here, because the gateway would otherwise throw on them and answer 500:
 * an operation whose root type the schema lacks (a subscription) and an `operationName` that
 * picks no operation of the document.
 */
export function operationLimits(config: Config): OperationChecks {
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, exposeLimits: true, flattenFragments: true },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST, ignoreIntrospection: true, exposeLimits: true },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES, exposeLimits: true },
    // Counted by tokenLimit below: armor's plugin parses the whole document in a hook, so a plain
    // syntax error, and its own refusal, became HTTP 500 instead of 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20, exposeLimits: true },
    // Suggestions ("did you mean …") are already withheld by hideSchemaDetailsFromClientErrors.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    plugins: [...armor.plugins, tokenLimit(config.GRAPHQL_MAX_TOKENS), operationResolves],
    validationRules: [...armor.validationRules, knownOperationTypes],
  };
}

/** Tokens of `source` up to `max + 1`: counting stops there, as it is meant to bound the work. */
function tokensUpTo(source: string, max: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // A lexical error (an unterminated string, a stray character) ends the count: the parse that
    // follows reports it as GRAPHQL_PARSE_FAILED.
  }
  return count;
}

/**
 * Refuses a document of more than `max` tokens before it is parsed, so a huge document costs a
 * lexer pass and not an AST. Apollo runs `parsingDidStart` outside its error handling: whatever
 * it throws ends up in `unexpectedErrorProcessingRequest`, and unless a plugin throws from there,
 * Apollo answers 500 "Internal server error". Thrown from there, the refusal reaches the client
 * with its code and status.
 */
function tokenLimit(max: number): ApolloServerPlugin {
  const refusals = new WeakSet<Error>();
  return {
    async requestDidStart() {
      return {
        async parsingDidStart({ source }) {
          if (source === undefined || tokensUpTo(source, max) <= max) return;
          const refusal = requestRefused('GRAPHQL_VALIDATION_FAILED', `Token limit of ${max} exceeded.`);
          refusals.add(refusal);
          throw refusal;
        },
      };
    },
    async unexpectedErrorProcessingRequest({ error }) {
      if (refusals.has(error)) throw error;
    },
  };
}

/**
 * An operation whose root type the schema lacks (a subscription: none is served). graphql-js 16
 * does not validate this (17 adds KnownOperationTypesRule); the gateway's planner threw on it.
 */
const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`The schema has no ${node.operation} operations.`, { nodes: node }));
    }
  },
});

/**
 * An `operationName` that names no operation of the document, or none given for a document of
 * several, is the client's fault. graphql-js reports it as OPERATION_RESOLUTION_FAILURE (400), but
 * the gateway throws first and Apollo answers 500; this refuses it as graphql-js would.
 */
const operationResolves: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        throw requestRefused(
          'OPERATION_RESOLUTION_FAILURE',
          request.operationName ? `Unknown operation named "${request.operationName}".` : 'Must provide operation name if query contains multiple operations.',
        );
      },
    };
  },
};
