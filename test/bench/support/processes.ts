import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { BENCH_JWT_SECRET } from './app.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = path.join(ROOT, 'api/src/main.ts');
const SERVE = fileURLToPath(new URL('./serve.ts', import.meta.url));
const POSTGRAPHILE = fileURLToPath(new URL('./postgraphile.ts', import.meta.url));

/**
 * How the product processes load TypeScript: tsx, with the API's compiler options (legacy
 * decorators), and the young generation `pnpm start` gives the server (package.json).
 */
const TSX = { execArgv: ['--import', 'tsx', '--max-semi-space-size=64'], env: { TSX_TSCONFIG_PATH: path.join(ROOT, 'api/tsconfig.json') } };

export interface ProductProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

function productEnv(databaseUrl: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...TSX.env,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: BENCH_JWT_SECRET,
    HOST: '127.0.0.1',
    // The product's default: one JSON log line per request (kept as the law asks), here to /dev/null.
    LOG_LEVEL: 'info',
    // The keys the data set was sealed with (app.ts benchApp).
    ...(process.env.BENCH_DATA_DIR ? { DATA_DIR: process.env.BENCH_DATA_DIR } : {}),
    ...extra,
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The product as an operator starts it: `pnpm start [--subgraph NAME | --gateway --subgraph-url …]`
 * (api/src/main.ts) on a free port; resolves when it logs that it listens.
 */
export async function startProduct(args: string[], databaseUrl: string, extra: Record<string, string> = {}): Promise<ProductProcess> {
  const child = spawn(process.execPath, [...TSX.execArgv, MAIN, ...args, '--port', '0'], {
    cwd: ROOT,
    env: productEnv(databaseUrl, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start in 60 s: ${stderr}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr}`)));
    lines.on('line', (line) => {
      // JSON log lines of `--subgraph` and `--gateway`, or the welcome text of the single process.
      const match = /"url":"(http[^"]+)"|is running: (http\S+)/.exec(line);
      if (match && /listening|is running/.test(line)) {
        clearTimeout(timer);
        resolve(match[1] ?? match[2]!);
      }
    });
  });
  // Keep reading (and dropping) the request log, so that the pipe never fills and stalls the process.
  lines.removeAllListeners('line');
  lines.on('line', () => {});
  return { url: url.replace('localhost', '127.0.0.1'), pid: child.pid!, child, stop: () => stopChild(child) };
}

export interface ProcessStats {
  /** SQL statements the process has sent so far. */
  statements: number;
  /** CPU time the process has used so far (user + system), µs. */
  cpuMicros: number;
}

export interface ServedProcess extends ProductProcess {
  stats(): Promise<ProcessStats>;
  /** SQL statements the process has sent so far (the product's statement counter). */
  statements(): Promise<number>;
}

/** A benchmark's server process with an IPC channel: it sends `ready` with its URL and answers `stats`. */
async function forkServed(script: string, args: string[], env: NodeJS.ProcessEnv, label: string): Promise<ServedProcess> {
  const child = fork(script, args, { cwd: ROOT, execArgv: TSX.execArgv, env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not start in 60 s: ${stderr}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${label} exited with ${code}: ${stderr}`)));
    child.on('message', (message: { type: string; url?: string }) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.url!);
      }
    });
  });
  const stats = () =>
    new Promise<ProcessStats>((resolve) => {
      const listener = (message: { type: string } & ProcessStats) => {
        if (message.type !== 'stats') return;
        child.off('message', listener);
        resolve({ statements: message.statements, cpuMicros: message.cpuMicros });
      };
      child.on('message', listener);
      child.send('stats');
    });
  return { url, pid: child.pid!, child, stats, statements: async () => (await stats()).statements, stop: () => stopChild(child) };
}

/**
 * A product process started by test/bench/support/serve.ts. `mode`: `all` (gateway + in-process
 * subgraphs, what `pnpm start` runs), `subgraph:NAME` (as `pnpm start --subgraph NAME`), or
 * `subgraphs` (registry and problems in one process under /registry/graphql and /problems/graphql,
 * for calling them as the gateway would).
 */
export function startServed(mode: string, databaseUrl: string, extra: Record<string, string> = {}): Promise<ServedProcess> {
  return forkServed(SERVE, [mode], productEnv(databaseUrl, extra), `serve ${mode}`);
}

/** PostGraphile on the same database, every request in the row scope of the region `prefix` (postgraphile.ts). */
export function startPostGraphile(databaseUrl: string, prefix: string): Promise<ServedProcess> {
  return forkServed(POSTGRAPHILE, [], { ...process.env, ...TSX.env, DATABASE_URL: databaseUrl, BENCH_REGION_PREFIX: prefix }, 'postgraphile');
}
