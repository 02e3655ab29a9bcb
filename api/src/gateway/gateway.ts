import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { readFileSync } from 'node:fs';
import type { App } from '../app.js';
import type { Caller } from '../core/auth/caller.js';
import { InvalidTokenError, signSubgraphToken, verifySessionToken } from '../core/auth/tokens.js';
import { requestUnauthenticated } from '../core/errors.js';
import { maskErrors } from '../core/graphql/errors.js';
import { operationLimits } from '../core/graphql/limits.js';
import { CALLER_HEADER, REQUEST_ID_HEADER, toHttpGraphQLRequest, type SubgraphServer } from '../core/graphql/subgraph-server.js';
import { introspectionForSignedInUsers } from './introspection.js';
import { SUPERGRAPH_FILE } from './schema-files.js';

export interface GatewayContext {
  caller: Caller | null;
  requestId: string;
}

/** Adds the signed caller header to every subgraph call; optionally answers in-process. */
class CallerDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly app: App,
    url: string,
    local: SubgraphServer | undefined,
  ) {
    super({
      url,
      ...(local
        ? { fetcher: ((_url: string, init: Parameters<typeof fetch>[1]) => local.handle(toHttpGraphQLRequest(init ?? {}))) as never }
        : {}),
    });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const ctx = context as Partial<GatewayContext>;
    request.http?.headers.set(CALLER_HEADER, await signSubgraphToken(this.app.keys, ctx.caller ?? null));
    if (ctx.requestId) request.http?.headers.set(REQUEST_ID_HEADER, ctx.requestId);
  }
}

export interface GatewayOptions {
  /** Subgraphs answered in this process, by name. */
  local?: Map<string, SubgraphServer>;
  /** Subgraph URLs overriding those recorded in the supergraph, by name. */
  urls?: Map<string, string>;
}

export async function createGateway(app: App, options: GatewayOptions = {}): Promise<ApolloServer<GatewayContext>> {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name, url }) => new CallerDataSource(app, options.urls?.get(name) ?? url ?? '', options.local?.get(name)),
  });
  const limits = operationLimits(app.config);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    maxRecursiveSelections: true,
    introspection: true,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    formatError: maskErrors(app.log.child({ component: 'gateway' })),
    plugins: [ApolloServerPluginLandingPageDisabled(), introspectionForSignedInUsers, ...limits.plugins],
  });
  await server.start();
  return server;
}

/** The caller of a request from its `Authorization: Bearer` header; anonymous without one. */
export async function gatewayContext(app: App, authorization: string | undefined, requestId: string): Promise<GatewayContext> {
  if (!authorization) return { caller: null, requestId };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw requestUnauthenticated('The Authorization header must be "Bearer <token>".');
  try {
    return { caller: await verifySessionToken(app.keys, match[1]!), requestId };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw requestUnauthenticated(error.message);
    throw error;
  }
}
