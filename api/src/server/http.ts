import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import express, { type Express } from 'express';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinoHttp } from 'pino-http';
import type { App } from '../app.js';
import type { Context } from '../core/graphql/context.js';
import { REQUEST_ID_HEADER, type SubgraphServer } from '../core/graphql/subgraph-server.js';
import { gatewayContext, type GatewayContext } from '../gateway/gateway.js';

export const PORTAL_DIST = fileURLToPath(new URL('../../../portal/dist/', import.meta.url));
const BODY_LIMIT = '1mb';

function baseApp(app: App): Express {
  const http = express();
  http.disable('x-powered-by');
  http.use(
    pinoHttp({
      logger: app.log,
      genReqId: (req, res) => {
        const given = req.headers[REQUEST_ID_HEADER];
        const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader(REQUEST_ID_HEADER, id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' },
    }),
  );
  http.get('/healthz', async (_req, res) => {
    try {
      await app.db.dataSource.query('SELECT 1');
      res.json({ status: 'ok', database: app.db.mode });
    } catch {
      res.status(503).json({ status: 'unavailable', database: app.db.mode });
    }
  });
  return http;
}

/** The product on one port: `/graphql` (gateway), `/healthz`, and the portal. */
export function gatewayHttpApp(app: App, gateway: ApolloServer<GatewayContext>, options: { portal: boolean }): Express {
  const http = baseApp(app);
  http.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(gateway, {
      context: async ({ req }) => gatewayContext(app, req.headers.authorization, String(req.id)),
    }),
  );
  if (options.portal && existsSync(path.join(PORTAL_DIST, 'index.html'))) {
    http.use(express.static(PORTAL_DIST, { index: false, maxAge: '1h' }));
    // Client-side routes (deep links) all load the app shell.
    http.get(/^\/(?!graphql|healthz).*/, (_req, res) => res.sendFile(path.join(PORTAL_DIST, 'index.html')));
  }
  return http;
}

/** One subgraph on its own: `/graphql` for the gateway only, and `/healthz`. */
export function subgraphHttpApp(app: App, subgraph: SubgraphServer): Express {
  const http = baseApp(app);
  http.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware<Context>(subgraph.server, {
      context: async ({ req }) => subgraph.context({ get: (name) => req.get(name) }),
    }),
  );
  return http;
}
