import type { Server } from 'node:http';
import type { Express } from 'express';
import type { App } from '../app.js';
import { createSubgraphServer, type SubgraphServer } from '../core/graphql/subgraph-server.js';
import { createGateway } from '../gateway/gateway.js';
import { createLoaders } from '../loaders.js';
import { SUBGRAPHS, subgraphByName } from '../subgraphs.js';
import { draining, gatewayHttpApp, subgraphHttpApp } from './http.js';

export interface Running {
  server: Server;
  url: string;
  close(graceMs?: number): Promise<void>;
}

export function listen(http: Express, host: string, port: number): Promise<Running> {
  return new Promise((resolve, reject) => {
    const server = http.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        server,
        url: `http://localhost:${actual}`,
        // Stop accepting, let in-flight requests finish, drop idle keep-alive connections at once and
        // any still busy after the grace period.
        close: (graceMs = 10_000) =>
          new Promise<void>((done) => {
            const force = setTimeout(() => server.closeAllConnections(), graceMs);
            server.close(() => {
              clearTimeout(force);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}

const UPLOAD_SWEEP_MS = 60 * 60 * 1000;

/** One sweep of expired uploads; a failed one is logged and tried again at the next. */
async function sweepUploads(app: App): Promise<void> {
  try {
    const removed = await app.uploads.sweep();
    if (removed > 0) app.log.info({ removed }, 'expired uploads removed');
  } catch (error) {
    app.log.error({ err: error }, 'upload sweep failed');
  }
}

/**
 * A server that takes uploads (the gateway's `/uploads`) also removes the expired ones: once
 * before it listens (what a stopped server left behind), then hourly until it is closed.
 */
async function takingUploads(app: App, start: () => Promise<Running>): Promise<Running> {
  await sweepUploads(app);
  const running = await start();
  const timer = setInterval(() => void sweepUploads(app), UPLOAD_SWEEP_MS).unref();
  return {
    ...running,
    close: (graceMs?: number) => {
      clearInterval(timer);
      return running.close(graceMs);
    },
  };
}

/** Gateway, every subgraph (answered in-process) and the portal on one port. */
export async function startAllInOne(app: App, host: string, port: number): Promise<Running> {
  const local = new Map<string, SubgraphServer>();
  for (const def of SUBGRAPHS) local.set(def.name, await createSubgraphServer(app, def, createLoaders));
  const gateway = await createGateway(app, { local });
  return takingUploads(app, () => listen(gatewayHttpApp(app, gateway, { portal: true }), host, port));
}

export async function startSubgraph(app: App, name: string, host: string, port: number): Promise<Running> {
  return listen(subgraphHttpApp(app, await createSubgraphServer(app, subgraphByName(name), createLoaders)), host, port);
}

/** The gateway alone, calling subgraphs over HTTP at `urls` (defaults: the supergraph's URLs). */
export async function startGateway(app: App, urls: Map<string, string>, host: string, port: number): Promise<Running> {
  for (const name of urls.keys()) subgraphByName(name);
  const gateway = await createGateway(app, { urls });
  return takingUploads(app, () => listen(gatewayHttpApp(app, gateway, { portal: true }), host, port));
}

/**
 * Graceful stop: readiness answers 503 at once (a load balancer stops sending), the listener
 * closes, requests in flight finish (or are cut after the grace period).
 */
export function shutdown(app: App, running: Running, graceMs = 10_000): Promise<void> {
  draining.add(app);
  return running.close(graceMs);
}
