import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BIN = '/usr/lib/postgresql/15/bin';

/** Whether this machine can run a PostgreSQL server of the test's own (Debian's binaries). */
export const canRunPrivatePostgres = existsSync(`${BIN}/pg_ctl`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A PostgreSQL server owned by one test, on its own port and folder, so the test can stop and
 * start it without touching the server every other test uses. Runs as the `postgres` user when
 * the test runs as root (initdb refuses root).
 */
export async function startPrivatePostgres() {
  const dir = mkdtempSync(path.join(tmpdir(), 'pss-pg-'));
  chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const asPostgres = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    execFileSync(asPostgres ? 'runuser' : `${BIN}/${command}`, asPostgres ? ['-u', 'postgres', '--', `${BIN}/${command}`, ...args] : args, { stdio: 'pipe' });
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const start = () => run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    dispose() {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
