import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { ROOT } from './product-process.js';

/** Every subgraph, each in a process of its own, as README "Running as several processes" starts them. */
const SUBGRAPH_NAMES: readonly string[] = ['registry', 'problems', 'reports'];

/** The subgraph processes of a split deployment, to pause as a stalled process is (a long GC, a throttled CPU). */
export interface SubgraphProcesses {
  /** SIGSTOP to each: the process runs nothing, the system still accepts connections and data for it. */
  pause(): void;
  /** SIGCONT to each. */
  resume(): void;
}

export interface SplitProcesses {
  /** The gateway's http://127.0.0.1:<port>. */
  url: string;
  /** What every process printed so far, each line prefixed with the process's name. */
  output(): string;
  /** Resumes the subgraphs if paused, stops the gateway, then the subgraphs (SIGTERM, each finishing its requests). */
  stop(): Promise<void>;
  subgraphs: SubgraphProcesses;
}

interface ApiProcess {
  /** http://127.0.0.1:<port>, from the process's "listening" log line. */
  url: string;
  /** Sends the process a signal (SIGSTOP and SIGCONT pause and resume it). */
  signal(signal: NodeJS.Signals): void;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** The interleaved output of several processes, kept line by line so that each line names its process. */
class ProcessLog {
  private text = '';

  /**
   * A writer for one stream of the process `name`: it holds back a partial line until its end
   * arrives, then adds the line and hands it to `onLine`.
   */
  writer(name: string, onLine: (line: string) => void): (chunk: Buffer) => void {
    let partial = '';
    return (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        this.text += `[${name}] ${line}\n`;
        onLine(line);
      }
    };
  }

  toString(): string {
    return this.text;
  }
}

/** The URL a process announced in its pino line "subgraph listening" or "gateway listening", if `line` is that line. */
function listeningUrl(line: string): string | null {
  if (!line.startsWith('{')) return null;
  try {
    const entry = JSON.parse(line) as { msg?: unknown; url?: unknown };
    return typeof entry.msg === 'string' && entry.msg.endsWith(' listening') && typeof entry.url === 'string' ? entry.url : null;
  } catch {
    return null;
  }
}

/**
 * `pnpm start <args>` (the API's entry point) in its own process; resolves once it logs that it
 * listens. Unlike the all-in-one product, a subgraph or the gateway alone prints no banner: its
 * URL is in its "listening" log line, an info line, so these processes log at LOG_LEVEL=info
 * (which adds a line per request, useful beside a failure). Port 0 lets the system pick a free one.
 */
function startApiProcess(name: string, args: string[], env: NodeJS.ProcessEnv, log: ProcessLog, timeoutMs: number): Promise<ApiProcess> {
  // Node with tsx's loader rather than the tsx command (which runs Node as a child of its own and
  // relays only SIGINT and SIGTERM): so the product is this very process, and SIGSTOP pauses it.
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts', ...args, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: 'api/tsconfig.json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${log.toString()}`));
    }, timeoutMs);
    let listening = false;
    const onLine = (line: string): void => {
      const url = listening ? null : listeningUrl(line);
      if (!url) return;
      listening = true;
      clearTimeout(timer);
      // It names localhost; 127.0.0.1 is where it listens (HOST), whatever localhost resolves to first.
      resolve({
        url: url.replace('localhost', '127.0.0.1'),
        signal: (signal: NodeJS.Signals) => {
          child.kill(signal);
        },
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    // A writer each: a partial line of one stream must not be joined to the other's.
    child.stdout!.on('data', log.writer(name, onLine));
    child.stderr!.on('data', log.writer(name, onLine));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it listened:\n${log.toString()}`));
    });
  });
}

/**
 * The split deployment of README "Running as several processes" on one machine: each subgraph in
 * its own process, and a gateway process calling them over HTTP (@apollo/gateway's
 * RemoteGraphQLDataSource, through CallerDataSource). All of them on 127.0.0.1, with `env`
 * (DATABASE_URL, DATA_DIR) and one JWT_SECRET shared, as separate machines would need it.
 */
export async function startSplitProcesses(env: NodeJS.ProcessEnv, timeoutMs = 150_000): Promise<SplitProcesses> {
  const log = new ProcessLog();
  const shared: NodeJS.ProcessEnv = { ...env, HOST: '127.0.0.1', JWT_SECRET: randomBytes(48).toString('base64url') };
  const subgraphs: ApiProcess[] = [];
  let gateway: ApiProcess | undefined;
  const signalSubgraphs = (signal: NodeJS.Signals): void => subgraphs.forEach((subgraph) => subgraph.signal(signal));
  const stop = async (): Promise<void> => {
    // A paused process would hold SIGTERM until it is resumed.
    signalSubgraphs('SIGCONT');
    // The gateway first: its kept-alive connections to the subgraphs close with it, so theirs stop at once.
    await gateway?.stop();
    await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
  };
  try {
    // Together: each start mostly waits for tsx and the database, and all of them are needed.
    const started = await Promise.allSettled(SUBGRAPH_NAMES.map((name) => startApiProcess(name, ['--subgraph', name], shared, log, timeoutMs)));
    for (const result of started) if (result.status === 'fulfilled') subgraphs.push(result.value);
    const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    const urls = SUBGRAPH_NAMES.flatMap((name, index) => ['--subgraph-url', `${name}=${subgraphs[index]!.url}/graphql`]);
    gateway = await startApiProcess('gateway', ['--gateway', ...urls], shared, log, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: gateway.url,
    output: () => log.toString(),
    stop,
    subgraphs: { pause: () => signalSubgraphs('SIGSTOP'), resume: () => signalSubgraphs('SIGCONT') },
  };
}
