import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { randomUUID } from 'node:crypto';
import { RequestReads } from '../audit/request-reads.js';
import { scopeOf } from '../auth/caller.js';
import { verifySubgraphToken } from '../auth/tokens.js';
import { bindRowScope, NO_ROWS, withRowScope } from '../db/row-scope.js';
import { requestUnauthenticated } from '../errors.js';
import { buildFederatedSchema, type SubgraphDefinition } from './build-schema.js';
import type { Context, CreateLoaders, RequestApp } from './context.js';
import { maskErrors } from './errors.js';
import { operationLimits } from './limits.js';
import { readLogPlugin, watchReads } from './read-log.js';

export const CALLER_HEADER = 'x-pss-caller';
export const REQUEST_ID_HEADER = 'x-request-id';

export interface SubgraphServer {
  name: SubgraphDefinition['name'];
  server: ApolloServer<Context>;
  /** Builds the request context; refuses requests that do not carry the gateway's signed header. */
  context(headers: { get(name: string): string | null | undefined }): Promise<Context>;
  /** Answers one HTTP GraphQL request without a network hop (the single-process mode). */
  handle(request: HTTPGraphQLRequest): Promise<Response>;
}

/**
 * The Apollo server of one subgraph. The composition root hands in the application and how to build
 * a request's loaders (loaders.ts): core knows neither the domains' services nor their loaders.
 */
export async function createSubgraphServer(app: RequestApp, def: SubgraphDefinition, createLoaders: CreateLoaders): Promise<SubgraphServer> {
  const schema = await buildFederatedSchema(def);
  watchReads(schema, def.reads ?? {});
  const log = app.log.child({ subgraph: def.name });
  const limits = operationLimits(app.config);
  const server = new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    maxRecursiveSelections: true,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    formatError: maskErrors(log),
    // No usage reporting to Apollo's cloud: nothing about minors' records leaves the deployment.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), readLogPlugin(), ...limits.plugins],
  });
  await server.start();

  const context: SubgraphServer['context'] = async (headers) => {
    const token = headers.get(CALLER_HEADER);
    const requestId = headers.get(REQUEST_ID_HEADER) ?? randomUUID();
    if (!token) throw requestUnauthenticated('Subgraphs answer the gateway only.');
    let caller;
    let clientAddress;
    try {
      ({ caller, clientAddress } = await verifySubgraphToken(app.keys, token));
    } catch {
      throw requestUnauthenticated('Subgraphs answer the gateway only.');
    }
    // Anonymous requests (sign-in) reach no pupil's or problem's rows.
    bindRowScope(caller ? scopeOf(caller) : NO_ROWS);
    return { app, caller, clientAddress, loaders: createLoaders(app, caller), requestId, log: log.child({ requestId }), reads: new RequestReads() };
  };

  return {
    name: def.name,
    server,
    context,
    async handle(request) {
      const response = await withRowScope(NO_ROWS, () =>
        server.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: () => context(request.headers) }),
      );
      const headers = new Headers([...response.headers]);
      if (response.body.kind === 'complete') return new Response(response.body.string, { status: response.status ?? 200, headers });
      let body = '';
      for await (const chunk of response.body.asyncIterator) body += chunk;
      return new Response(body, { status: response.status ?? 200, headers });
    },
  };
}

/** An HTTPGraphQLRequest from a fetch-style call, for the in-process path. */
export function toHttpGraphQLRequest(init: { method?: string; headers?: unknown; body?: unknown }): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [key, value] of new Headers(init.headers as ConstructorParameters<typeof Headers>[0])) headers.set(key, value);
  return {
    method: (init.method ?? 'POST').toUpperCase(),
    headers,
    search: '',
    body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
  };
}
