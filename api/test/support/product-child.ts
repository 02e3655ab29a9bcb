import { spawn, type ChildProcess } from 'node:child_process';
import { killGroup, ROOT, TSX } from './cli-process.js';
import { TEST_SECRETS } from './test-app.js';

export interface ProductChild {
  url: string;
  child: ChildProcess;
  /** `kill -9` of the whole process group: no shutdown handler runs, requests and transactions are cut where they are. */
  kill(): Promise<void>;
  /** SIGTERM: the product's own graceful stop. */
  stop(): Promise<void>;
}

/**
 * The product as `pnpm start` runs it (its entry point, in a process of its own, on a random port)
 * against the given database and data folder; resolves once it announces its URL.
 */
export function startProductChild(env: { DATABASE_URL: string; DATA_DIR: string }, timeoutMs = 120_000): Promise<ProductChild> {
  const child = spawn(TSX, ['--tsconfig', 'api/tsconfig.json', 'api/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...TEST_SECRETS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own: tsx runs the product in a child process, which a kill must reach.
    detached: true,
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`the product did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /is running: (http:\/\/localhost:\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.removeAllListeners('data');
      // Drained, so that a chatty child never blocks on a full pipe.
      child.stdout!.resume();
      resolve({
        url: match[1]!.replace('localhost', '127.0.0.1'),
        child,
        kill: () => {
          killGroup(child);
          return exited;
        },
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the product exited before it was ready:\n${output}`));
    });
  });
}
