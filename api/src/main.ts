import './production-mode.js';
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createApp, migrate, type App } from './app.js';
import { ConfigError, parseConfig } from './core/config.js';
import { asSystem } from './core/db/row-scope.js';
import { DEMO_PASSWORD, demoLogins, hasAnyUser, seedDemo } from './seed/demo.js';
import { parseSubgraphUrls } from './gateway/gateway.js';
import { shutdown, startAllInOne, startGateway, startSubgraph, type Running } from './server/start.js';

const USAGE = `Usage:
  pnpm start                                      gateway, all subgraphs and the portal in one process
  pnpm start --subgraph NAME --port N             one subgraph (registry | problems | reports)
  pnpm start --gateway [--port N] [--subgraph-url NAME=URL[,URL...] ...]
                                                  the gateway alone, calling subgraphs over HTTP
                                                  (several URLs: replicas of one subgraph, called in turn)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      subgraph: { type: 'string' },
      gateway: { type: 'boolean', default: false },
      port: { type: 'string' },
      'subgraph-url': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const config = parseConfig();
  const port = values.port ? Number(values.port) : config.PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be a port number, got "${values.port}"`);
  const urls = parseSubgraphUrls(values['subgraph-url'] ?? []);

  const app = await createApp(config);
  let running: Running;
  try {
    if (values.subgraph) {
      running = await startSubgraph(app, values.subgraph, config.HOST, port);
      // Deadlines are checked by the problems subgraph's processes (the job is idempotent: several replicas may run it).
      if (values.subgraph === 'problems') scheduleEscalation(app);
      app.log.info({ subgraph: values.subgraph, url: running.url }, 'subgraph listening');
    } else if (values.gateway) {
      running = await startGateway(app, urls, config.HOST, port);
      app.log.info({ url: running.url, subgraphs: Object.fromEntries(urls) }, 'gateway listening');
    } else {
      const seeded = await asSystem(() => prepareDatabase(app));
      running = await startAllInOne(app, config.HOST, port);
      scheduleEscalation(app);
      scheduleAccessLogPurge(app);
      printWelcome(app, running.url, seeded);
    }
  } catch (error) {
    await app.close();
    throw error;
  }

  const stop = (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    // Finish in-flight requests, then release the database.
    void shutdown(app, running, 10_000)
      .then(() => app.close())
      .then(() => process.exit(0));
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

const HOUR = 60 * 60 * 1000;

/**
 * Escalates overdue problems, and the schools of a semester verification past its deadline, now
 * and every hour; a failed run is logged and tried again next hour.
 */
function scheduleEscalation(app: App): void {
  const run = () =>
    asSystem(async () => ({ problems: await app.services.escalation.escalateOverdue(), schools: await app.services.verification.escalateOverdue() })).then(
      ({ problems, schools }) => {
        if (problems.length > 0) app.log.info({ escalated: problems }, 'problems escalated past their deadline');
        if (schools.length > 0) app.log.info({ escalated: schools }, 'schools escalated past their verification deadline');
      },
      (error: unknown) => app.log.error({ err: error }, 'deadline check failed'),
    );
  void run();
  setInterval(run, HOUR).unref();
}

/** Deletes read-log entries and ended sessions past their retention, now and every day. */
function scheduleAccessLogPurge(app: App): void {
  const run = () =>
    asSystem(async () => {
      const deleted = await app.services.accessLog.purge();
      const sessions = await app.services.sessions.purgeEnded(app.config.ACCESS_LOG_RETENTION_DAYS);
      return { deleted, sessions };
    }).then(
      ({ deleted, sessions }) => (deleted > 0 || sessions > 0) && app.log.info({ deleted, sessions }, 'read log entries and sessions past retention deleted'),
      (error: unknown) => app.log.error({ err: error }, 'read log purge failed'),
    );
  void run();
  setInterval(run, 24 * HOUR).unref();
}

/** Migrates; loads demo data into a new embedded database. Returns whether it did. */
async function prepareDatabase(app: App): Promise<boolean> {
  const applied = await migrate(app);
  if (applied.length > 0) app.log.info({ migrations: applied }, 'database migrated');
  // Demo data goes only into the embedded database: a real server gets it only when asked (`pnpm cli seed --demo`).
  if (app.db.mode !== 'embedded' || (await hasAnyUser(app))) return false;
  await seedDemo(app);
  return true;
}

function printWelcome(app: App, url: string, seeded: boolean): void {
  const lines = [
    '',
    `  Problem student-status portal is running: ${url}`,
    `  GraphQL: ${url}/graphql    Health: ${url}/healthz`,
    `  Database: ${app.db.mode === 'embedded' ? `embedded (${app.config.DATA_DIR}/pgdata)` : 'PostgreSQL server (DATABASE_URL)'}${seeded ? ', demo data loaded' : ''}`,
  ];
  if (app.db.mode === 'embedded') {
    lines.push(`  Demo logins (password ${DEMO_PASSWORD} for all):`);
    for (const login of demoLogins()) lines.push(`    ${login.username.padEnd(14)} ${login.description}`);
  }
  console.log(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
