import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_SECRETS } from './test-app.js';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** The arguments that run `pnpm cli` the way an operator does: tsx on the CLI entry. */
export const CLI_ARGS = ['--tsconfig', 'api/tsconfig.json', 'api/src/cli.ts'];

/**
 * Runs `pnpm cli <args>` as a child process with the given database and data folder. Asynchronous,
 * so that a test holding an embedded database in its own process keeps serving while it runs.
 */
export function runCli(args: string[], env: { DATABASE_URL?: string; DATA_DIR: string }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [...CLI_ARGS, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...TEST_SECRETS, LOG_LEVEL: 'warn', DATABASE_URL: env.DATABASE_URL ?? '', DATA_DIR: env.DATA_DIR },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * `kill -9` of a process started with `detached: true` and everything it started. tsx runs the
 * program in a child node process of its own: killing only the tsx wrapper would leave the real
 * work running, orphaned, to finish what the test meant to interrupt.
 */
export function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
