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
import { UploadTooLargeError } from '../core/files/uploads.js';
import { gatewayContext, type GatewayContext } from '../gateway/gateway.js';
import { studentTemplateXlsx } from '../registry/import/template-file.js';

export const PORTAL_DIST = fileURLToPath(new URL('../../../portal/dist/', import.meta.url));
const BODY_LIMIT = '1mb';

let template: Promise<Buffer> | undefined;
const studentTemplate = () => (template ??= studentTemplateXlsx());

/** The name the user gave the file (URI-encoded in a header), kept only for messages. */
function safeFileName(header: string | string[] | undefined): string {
  let name = 'upload';
  try {
    name = decodeURIComponent(String(header ?? 'upload'));
  } catch {
    // a malformed name is not worth refusing the file for
  }
  return name.replace(/[\\/\0]/g, '_').slice(0, 200) || 'upload';
}

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
  http.post('/uploads', async (req, res) => {
    let caller;
    try {
      caller = (await gatewayContext(app, req.headers.authorization, String(req.id))).caller;
    } catch {
      caller = null;
    }
    if (!caller) {
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first.' } });
      return;
    }
    const fileName = safeFileName(req.headers['x-file-name']);
    try {
      const upload = await app.uploads.save(req, { ownerId: caller.userId, fileName, maxBytes: app.config.IMPORT_MAX_MB * 1024 * 1024 });
      res.status(201).json({ uploadId: upload.id, size: upload.size, fileName });
    } catch (error) {
      if (error instanceof UploadTooLargeError) res.status(413).json({ error: { code: 'FILE_TOO_LARGE', message: error.message } });
      else throw error;
    }
  });
  http.get('/templates/students.xlsx', async (_req, res) => {
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="students-template.xlsx"; filename*=UTF-8''${encodeURIComponent('学生信息导入模板.xlsx')}`);
    res.send(await studentTemplate());
  });
  if (options.portal && existsSync(path.join(PORTAL_DIST, 'index.html'))) {
    http.use(express.static(PORTAL_DIST, { index: false, maxAge: '1h' }));
    // Client-side routes (deep links) all load the app shell.
    http.get(/^\/(?!graphql|healthz|uploads|templates).*/, (_req, res) => res.sendFile(path.join(PORTAL_DIST, 'index.html')));
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
