import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { FormattedExecutionResult } from 'graphql';
import { randomUUID } from 'node:crypto';
import { RequestReads } from '../audit/request-reads.js';
import { scopeOf, type Caller } from '../auth/caller.js';
import { verifySubgraphToken } from '../auth/tokens.js';
import { bindRowScope, NO_ROWS, withRowScope } from '../db/row-scope.js';
import { requestUnauthenticated } from '../errors.js';
import { buildFederatedSchema, type SubgraphDefinition } from './build-schema.js';
import type { Context, CreateLoaders, RequestApp } from './context.js';
import { maskErrors } from './errors.js';
import { operationLimits } from './limits.js';
import { localExecutor, type LocalOperation } from './local-execution.js';
import { readLogPlugin, watchReads } from './read-log.js';

export const CALLER_HEADER = 'x-pss-caller';
export const REQUEST_ID_HEADER = 'x-request-id';

/** Who a call of the gateway is for, as the gateway authenticated them. */
export interface GatewayCaller {
  caller: Caller | null;
  clientAddress: string | null;
  requestId: string;
}

export interface SubgraphServer {
  name: SubgraphDefinition['name'];
  server: ApolloServer<Context>;
  /** Builds the request context; refuses requests that do not carry the gateway's signed header. */
  context(headers: { get(name: string): string | null | undefined }): Promise<Context>;
  /**
   * Answers one call of the gateway in this process (the single-process mode): the caller is handed
   * over as the gateway authenticated it, and the result as objects, not JSON text (local-execution.ts).
   */
  execute(operation: LocalOperation, as: GatewayCaller): Promise<FormattedExecutionResult>;
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
    // No cache hints are served, and the cache-control plugin's per-field hook would wrap every
    // resolver of every request.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      readLogPlugin(),
      ...limits.plugins,
    ],
  });
  await server.start();

  const contextFor = ({ caller, clientAddress, requestId }: GatewayCaller): Context => ({
    app,
    caller,
    clientAddress,
    loaders: createLoaders(app, caller),
    requestId,
    log: log.child({ requestId }),
    reads: new RequestReads(),
  });

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
    return contextFor({ caller, clientAddress, requestId });
  };

  const execute = localExecutor(schema, maskErrors(log));
  return {
    name: def.name,
    server,
    context,
    execute: (operation, as) => withRowScope(as.caller ? scopeOf(as.caller) : NO_ROWS, () => execute(operation, contextFor(as))),
  };
}
