import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FormattedExecutionResult } from 'graphql';
import { signSubgraphToken } from '../core/auth/tokens.js';
import { ConfigError } from '../core/config.js';
import { maskErrors } from '../core/graphql/errors.js';
import { operationLimits } from '../core/graphql/limits.js';
import { SUPERGRAPH_FILE } from '../core/graphql/schema-files.js';
import { CALLER_HEADER, REQUEST_ID_HEADER, type SubgraphServer } from '../core/graphql/subgraph-server.js';
import type { GatewayApp, GatewayContext } from './context.js';
import { introspectionForSignedInUsers } from './introspection.js';

/**
 * Calls a subgraph over HTTP with the signed caller header. With several URLs (replicas of one
 * subgraph) the calls go to each in turn: a load balancer's job, done here for deployments that
 * have none (a subgraph is stateless, so any replica may answer any call).
 */
class CallerDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly replicas: string[];
  private turn = 0;

  constructor(
    private readonly app: GatewayApp,
    urls: string[],
  ) {
    super({
      url: urls[0] ?? '',
      // Node's fetch (undici) rather than @apollo/gateway's default, make-fetch-happen (retry off)
      // on @npmcli/agent: that agent keeps an idle connection until the server closes it, so a call
      // sent on one just as the subgraph closes it (Node closes an idle connection 6 s after its
      // last response: keepAliveTimeout 5 s plus 1 s) is reset, and the client's request fails.
      // undici closes an idle connection itself, before the server does: 2 s before the server's
      // `Keep-Alive: timeout=5` hint, so after 3 s (4 s without a hint). Raising the subgraphs'
      // keepAliveTimeout would not help: that agent had no idle timeout to stay above.
      // test/integration/soak.test.ts (split) reproduces the reset.
      fetcher: fetch,
    });
    this.replicas = urls;
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const ctx = context as Partial<GatewayContext>;
    if (request.http && this.replicas.length > 1) {
      request.http = { ...request.http, url: this.replicas[this.turn]! };
      this.turn = (this.turn + 1) % this.replicas.length;
    }
    request.http?.headers.set(CALLER_HEADER, await signSubgraphToken(this.app.keys, { caller: ctx.caller ?? null, clientAddress: ctx.clientAddress ?? null }));
    if (ctx.requestId) request.http?.headers.set(REQUEST_ID_HEADER, ctx.requestId);
  }
}

/**
 * A subgraph answered in this process: the caller the gateway authenticated is handed over as it
 * is, with no token to sign and verify, and the result comes back as objects (SubgraphServer.execute).
 */
class InProcessDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(private readonly subgraph: SubgraphServer) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const ctx = context as Partial<GatewayContext>;
    return this.subgraph.execute(
      { query: request.query ?? '', variables: request.variables, operationName: request.operationName },
      { caller: ctx.caller ?? null, clientAddress: ctx.clientAddress ?? null, requestId: ctx.requestId ?? randomUUID() },
    );
  }
}

/** The replica URLs of one subgraph, as kept in `GatewayOptions.urls`: comma-separated. */
export function replicaUrls(value: string): string[] {
  return value.split(',').map((url) => url.trim()).filter((url) => url !== '');
}

/**
 * `--subgraph-url` values, `NAME=URL` or `NAME=URL,URL,…` (replicas of one subgraph, called in turn);
 * a name given twice adds its URLs. Returns each name's URLs comma-separated, as `GatewayOptions.urls`
 * takes them.
 */
export function parseSubgraphUrls(pairs: readonly string[]): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const pair of pairs) {
    const separator = pair.indexOf('=');
    const name = separator > 0 ? pair.slice(0, separator).trim() : '';
    const urls = separator > 0 ? replicaUrls(pair.slice(separator + 1)) : [];
    if (!name || urls.length === 0) throw new ConfigError(`--subgraph-url must be NAME=URL or NAME=URL,URL,..., got "${pair}"`);
    for (const url of urls) {
      let parsed: URL | null = null;
      try {
        parsed = new URL(url);
      } catch {
        // reported below
      }
      if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
        throw new ConfigError(`--subgraph-url ${name}: "${url}" is not an http(s) URL`);
      }
    }
    byName.set(name, [...(byName.get(name) ?? []), ...urls]);
  }
  return new Map([...byName].map(([name, urls]) => [name, urls.join(',')]));
}

export interface GatewayOptions {
  /** Subgraphs answered in this process, by name. */
  local?: Map<string, SubgraphServer>;
  /** Subgraph URLs overriding those recorded in the supergraph, by name; several (comma-separated) are replicas called in turn. */
  urls?: Map<string, string>;
}

export async function createGateway(app: GatewayApp, options: GatewayOptions = {}): Promise<ApolloServer<GatewayContext>> {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name, url }) => {
      const local = options.local?.get(name);
      return local ? new InProcessDataSource(local) : new CallerDataSource(app, replicaUrls(options.urls?.get(name) ?? url ?? ''));
    },
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
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), introspectionForSignedInUsers, ...limits.plugins],
  });
  await server.start();
  return server;
}

/**
 * Runs GraphQL operations through the gateway as one caller, exactly as the portal would send them:
 * what another part of the product (the report export) is handed instead of the gateway itself.
 */
export function operationsAs(gateway: ApolloServer<GatewayContext>, context: GatewayContext) {
  return async (query: string, variables: Record<string, unknown>): Promise<FormattedExecutionResult> => {
    const response = await gateway.executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== 'single') return { errors: [{ message: 'The query returned an incremental result.' }] };
    return response.body.singleResult;
  };
}
