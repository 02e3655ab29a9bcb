import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinoHttp } from 'pino-http';
import type { App } from '../app.js';
import type { Context } from '../core/graphql/context.js';
import { INTERNAL_MESSAGE } from '../core/graphql/errors.js';
import { REQUEST_ID_HEADER, type SubgraphServer } from '../core/graphql/subgraph-server.js';
import { scopeOf, type Caller } from '../core/auth/caller.js';
import { can, type Permission } from '../core/auth/permissions.js';
import { NO_ROWS, withRowScope } from '../core/db/row-scope.js';
import { UploadInterrupted, UploadRefused } from '../core/files/uploads.js';
import { TEXT_LIMITS } from '../core/text-limits.js';
import { MaterialRefused } from '../problems/index.js';
import { gatewayContext, type GatewayContext } from '../gateway/context.js';
import { operationsAs } from '../gateway/gateway.js';
import { ExportRefused, exportReport, type ExportRequest } from '../reports/index.js';
import { studentTemplateXlsx } from '../registry/index.js';

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
  return name.replace(/[\\/\0]/g, '_').slice(0, TEXT_LIMITS.fileName) || 'upload';
}

/** Apps whose server is shutting down: they finish what they have, and take nothing new. */
export const draining = new WeakSet<App>();

/** A bounded check: a database that hangs (rather than refusing) must not hang the health check. */
async function databaseAnswers(app: App): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 2_000)));
  const query = app.db.dataSource.query('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The signed-in caller of a plain HTTP request (uploads, downloads), or null. */
async function callerOf(app: App, req: Request): Promise<Caller | null> {
  try {
    return (await gatewayContext(app, req.headers.authorization, String(req.id), req.ip ?? null)).caller;
  } catch {
    return null;
  }
}

/**
 * The caller of a plain HTTP route when signed in and allowed to do this; otherwise null, with the
 * 401 or 403 answer already sent (before the body is read: a refused upload stores nothing).
 */
async function permittedCaller(app: App, req: Request, res: Response, permission: Permission, refusal: string): Promise<Caller | null> {
  const caller = await callerOf(app, req);
  if (!caller) res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first.' } });
  else if (!can(caller, permission)) res.status(403).json({ error: { code: 'FORBIDDEN', message: refusal } });
  else return caller;
  return null;
}

/**
 * Security headers on every response. Scripts only from our own origin (no inline scripts, no
 * eval); inline styles are allowed because Element Plus and the explorer set style attributes.
 * Blob URLs are for previews of materials the portal has downloaded with the user's token.
 * No page of ours may be framed. HSTS only on requests that arrived over TLS (directly or, with
 * TRUST_PROXY, through a proxy that says so): on plain HTTP it would mean nothing.
 */
function securityHeaders() {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
  return (req: Request, res: express.Response, next: express.NextFunction) => {
    if (req.secure) {
      res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    headers(req, res, next);
  };
}

function baseApp(app: App): Express {
  const http = express();
  http.disable('x-powered-by');
  if (app.config.TRUST_PROXY) http.set('trust proxy', 1);
  http.use(securityHeaders());
  http.use(
    pinoHttp({
      logger: app.log,
      genReqId: (req, res) => {
        const given = req.headers[REQUEST_ID_HEADER];
        const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader(REQUEST_ID_HEADER, id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
  // Liveness and database: 200 when the database answers within two seconds.
  http.get('/healthz', async (_req, res) => {
    const up = await databaseAnswers(app);
    res.status(up ? 200 : 503).json({ status: up ? 'ok' : 'unavailable', database: app.db.mode });
  });
  // Readiness for a load balancer: also 503 while the process drains its requests before stopping.
  http.get('/readyz', async (_req, res) => {
    if (draining.has(app)) return void res.status(503).json({ status: 'draining' });
    const up = await databaseAnswers(app);
    res.status(up ? 200 : 503).json({ status: up ? 'ready' : 'unavailable' });
  });
  return http;
}

/** What the body parser (http-errors) throws: a status, a type, and `expose` when the message is for the client. */
interface BodyParserError {
  status?: unknown;
  type?: unknown;
  expose?: unknown;
  message?: unknown;
}

/** The body parser's refusals that clients meet, in words of ours; others keep the parser's own message. */
const BODY_REFUSALS: Record<string, string> = {
  'entity.parse.failed': 'The request body must be a JSON object: {"query": "…", "variables": {…}}.',
  'entity.too.large': `The request body is over ${BODY_LIMIT}.`,
  'charset.unsupported': 'Send the request body in UTF-8.',
  'encoding.unsupported': 'Send the request body uncompressed or compressed with gzip, deflate or br.',
};

/** A refusal of the body parser that is the client's to fix: its status and our words for it. */
function bodyRefusal(error: unknown): { status: number; message: string } | null {
  const { status, type, expose, message } = (error ?? {}) as BodyParserError;
  if (typeof status !== 'number' || status < 400 || status >= 500 || expose !== true) return null;
  return { status, message: (typeof type === 'string' ? BODY_REFUSALS[type] : undefined) ?? String(message) };
}

/**
 * Answers what fails on `/graphql` before Apollo sees the request (the body parser refusing a body
 * that is not JSON, is over BODY_LIMIT, or comes in an unknown charset or encoding) the way Apollo
 * answers every refusal: JSON errors with a stable code and a 4xx status. Express's own answer is
 * an HTML page that, outside production, shows a stack trace. Anything else is our fault: logged,
 * masked, 500.
 */
const graphqlRequestFailed: ErrorRequestHandler = (error: unknown, req, res, next) => {
  // An answer already under way can only be cut off, which Express does.
  if (res.headersSent) return void next(error);
  const refusal = bodyRefusal(error);
  if (refusal) return void res.status(refusal.status).json({ errors: [{ message: refusal.message, extensions: { code: 'BAD_REQUEST' } }] });
  req.log.error({ err: error }, 'internal error');
  res.status(500).json({ errors: [{ message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
};

/** The same for the plain HTTP routes (uploads, materials, exports), in their `{ error: { code, message } }` shape. */
const httpRequestFailed: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) return void next(error);
  const refusal = bodyRefusal(error);
  if (refusal) return void res.status(refusal.status).json({ error: { code: 'BAD_REQUEST', message: refusal.message } });
  req.log.error({ err: error }, 'internal error');
  res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_MESSAGE } });
};

/** `/graphql`: the gateway, each request with its caller from the bearer token. */
function serveGateway(http: Express, app: App, gateway: ApolloServer<GatewayContext>): void {
  http.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(gateway, {
      context: async ({ req }) => gatewayContext(app, req.headers.authorization, String(req.id), req.ip ?? null),
    }),
    graphqlRequestFailed,
  );
}

/** `POST /uploads`: a file to import (a registrar's template, a district's police results), kept until it is imported or expires. */
function templateUpload(app: App): RequestHandler {
  return async (req, res) => {
    // A role that may not import would only leave a file nobody uses.
    const caller = await permittedCaller(app, req, res, 'file.upload', 'Files are uploaded by those who import them: a school registrar, district staff or a system admin.');
    if (!caller) return;
    const fileName = safeFileName(req.headers['x-file-name']);
    const length = req.headers['content-length'];
    try {
      const upload = await app.uploads.save(req, { ownerId: caller.userId, fileName, declaredBytes: length === undefined ? undefined : Number(length) });
      res.status(201).json({ uploadId: upload.id, size: upload.size, fileName });
    } catch (error) {
      if (error instanceof UploadInterrupted) return void req.log.info('upload cut off by the client');
      if (!(error instanceof UploadRefused)) throw error;
      // 413 only for a file too large on its own (sending it again can never work); 429 when the
      // user's waiting uploads are over their limits, which frees up as they are imported or expire.
      if (error.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(error.retryAfterSeconds));
      res.status(error.code === 'FILE_TOO_LARGE' ? 413 : 429).json({ error: { code: error.code, message: error.message } });
    }
  };
}

/** `POST /materials`: a school's supporting document for a problem it acts on. */
function materialUpload(app: App): RequestHandler {
  return async (req, res) => {
    const caller = await permittedCaller(app, req, res, 'material.upload', 'Materials are uploaded by the school that acts on its records.');
    if (!caller) return;
    try {
      const material = await withRowScope(scopeOf(caller), () =>
        app.services.materials.upload(req, { caller, kind: String(req.query.kind ?? ''), fileName: safeFileName(req.headers['x-file-name']) }),
      );
      res.status(201).json({ materialId: material.id, contentType: material.contentType, size: material.size });
    } catch (error) {
      if (error instanceof UploadInterrupted) return void req.log.info('material upload cut off by the client');
      if (!(error instanceof MaterialRefused)) throw error;
      req.resume();
      res.status(error.code === 'FILE_TOO_LARGE' ? 413 : error.code === 'UNSUPPORTED_TYPE' ? 415 : 400).json({ error: { code: error.code, message: error.message } });
    }
  };
}

/** `GET /materials/:id`: a material in the caller's scope, as an attachment, logged as read. */
function materialDownload(app: App): RequestHandler<{ id: string }> {
  return async (req, res) => {
    const caller = await callerOf(app, req);
    if (!caller) return void res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first.' } });
    const { material, allowed } = await withRowScope(scopeOf(caller), () => app.services.materials.readable(scopeOf(caller), req.params.id));
    // Not readable answers exactly like missing (404, same body): material ids cannot be probed.
    if (!material || !allowed) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such material.' } });
    await app.services.accessLog.record(caller, 'material', [material.id], 'download', String(req.id));
    res.setHeader('content-type', material.contentType);
    res.setHeader('content-length', String(material.size));
    // Never rendered inline on the API's origin: a crafted PDF or image cannot run in our pages.
    res.setHeader('content-disposition', `attachment; filename="material-${material.id}"; filename*=UTF-8''${encodeURIComponent(material.fileName)}`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, no-store');
    (await app.services.materials.content(material)).pipe(res);
  };
}

/** `POST /exports`: a report or list as CSV or XLSX, its query run through the gateway as the caller. */
function reportExport(app: App, gateway: ApolloServer<GatewayContext>): RequestHandler {
  return async (req, res) => {
    const context = await gatewayContext(app, req.headers.authorization, String(req.id), req.ip ?? null).catch(() => null);
    if (!context?.caller) return void res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first.' } });
    const body = (req.body ?? {}) as Partial<ExportRequest>;
    if (typeof body.document !== 'string' || (body.variables !== undefined && (typeof body.variables !== 'object' || body.variables === null))) {
      return void res.status(400).json({ error: { code: 'INVALID_VALUE', message: 'Send {"document": "<query>", "variables": {…}, "format": "csv" | "xlsx"}.' } });
    }
    try {
      const request = {
        document: body.document,
        variables: body.variables,
        format: body.format as 'csv',
        name: typeof body.name === 'string' ? body.name : undefined,
        locale: body.locale,
      };
      const file = await exportReport(operationsAs(gateway, context), request);
      app.log.info({ userId: context.caller.userId, rows: file.rows, format: body.format }, 'report exported');
      res.setHeader('content-type', file.contentType);
      res.setHeader('content-disposition', `attachment; filename="export.${body.format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      res.setHeader('cache-control', 'private, no-store');
      res.send(file.body);
    } catch (error) {
      if (!(error instanceof ExportRefused)) throw error;
      res.status(400).json({ error: { code: error.code, message: error.message } });
    }
  };
}

/** `GET /templates/students.xlsx`: the empty import template. */
const studentTemplateDownload: RequestHandler = async (_req, res) => {
  res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('content-disposition', `attachment; filename="students-template.xlsx"; filename*=UTF-8''${encodeURIComponent('学生信息导入模板.xlsx')}`);
  res.send(await studentTemplate());
};

/** The built portal, when there is one: its files, and the app shell for every client-side route. */
function servePortal(http: Express): void {
  if (!existsSync(path.join(PORTAL_DIST, 'index.html'))) return;
  http.use(express.static(PORTAL_DIST, { index: false, maxAge: '1h' }));
  // Client-side routes (deep links) all load the app shell.
  http.get(/^\/(?!graphql|healthz|readyz|uploads|templates|materials|exports).*/, (_req, res) => res.sendFile(path.join(PORTAL_DIST, 'index.html')));
}

/** The product on one port: `/graphql` (gateway), `/healthz`, the plain HTTP routes and the portal. */
export function gatewayHttpApp(app: App, gateway: ApolloServer<GatewayContext>, options: { portal: boolean }): Express {
  const http = baseApp(app);
  serveGateway(http, app, gateway);
  http.post('/uploads', templateUpload(app));
  http.post('/materials', materialUpload(app));
  http.get('/materials/:id', materialDownload(app));
  http.post('/exports', express.json({ limit: BODY_LIMIT }), reportExport(app, gateway));
  http.get('/templates/students.xlsx', studentTemplateDownload);
  if (options.portal) servePortal(http);
  http.use(httpRequestFailed);
  return http;
}

/** One subgraph on its own: `/graphql` for the gateway only, and `/healthz`. */
export function subgraphHttpApp(app: App, subgraph: SubgraphServer): Express {
  const http = baseApp(app);
  http.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    // After the body parser: its stream callbacks would otherwise run outside the frame.
    (_req: Request, _res: express.Response, next: express.NextFunction) => withRowScope(NO_ROWS, next),
    expressMiddleware<Context>(subgraph.server, {
      context: async ({ req }) => subgraph.context({ get: (name) => req.get(name) }),
    }),
    graphqlRequestFailed,
  );
  return http;
}
