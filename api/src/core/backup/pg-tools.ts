import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { UserInputError } from '../errors.js';

type Tool = 'pg_dump' | 'pg_restore' | 'psql';

/**
 * PostgreSQL's own client tools: on PATH first, else the newest of Debian's versioned folders
 * (where the server packages put them without linking them onto PATH).
 */
export function pgTool(name: Tool): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const candidate = path.join(debian, version, 'bin', name);
      if (existsSync(candidate)) return candidate;
    }
  }
  throw new UserInputError(`${name} was not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client) or put them on PATH`);
}

/**
 * The connection for a client tool: the URL without its password, which goes by PGPASSWORD so that
 * it does not show in the process list.
 */
export function toolConnection(url: string, applicationName: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: {
      ...process.env,
      ...(password ? { PGPASSWORD: password } : {}),
      PGAPPNAME: applicationName,
      // The restore's DROP … CASCADE lists every object it drops as a notice: not news to anyone.
      PGOPTIONS: '-c client_min_messages=warning',
    },
  };
}

/** Runs a tool to completion; its stderr becomes the error message when it fails. */
export function runTool(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new UserInputError(`${path.basename(file)} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/**
 * Replays a custom-format dump into a database in one transaction: pg_restore writes the SQL, psql
 * runs it with ON_ERROR_STOP inside --single-transaction. `prelude` runs first in that same
 * transaction, so emptying the target (--force) and filling it commit together or not at all.
 */
export function restoreDump(dumpFile: string, url: string, prelude: string): Promise<void> {
  const { dbname, env } = toolConnection(url, 'pss-restore');
  return new Promise((resolve, reject) => {
    // --no-owner: the objects belong to whoever restores, whatever role owned them before.
    const restore = spawn(pgTool('pg_restore'), ['--no-owner', '--file=-', dumpFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const psql = spawn(pgTool('psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '--dbname', dbname], { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    restore.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    psql.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    // psql stops reading at the first error; the rest of pg_restore's output has nowhere to go.
    psql.stdin.on('error', () => {});
    psql.stdin.write(prelude);
    restore.stdout.pipe(psql.stdin);
    const exits = [restore, psql].map((child) => new Promise<number | null>((done) => {
      child.once('error', (error) => {
        errors += `${error.message}\n`;
        done(-1);
      });
      child.once('close', done);
    }));
    Promise.all(exits).then(([restoreCode, psqlCode]) => {
      if (restoreCode === 0 && psqlCode === 0) resolve();
      else reject(new UserInputError(`the restore failed and was rolled back (pg_restore exit ${restoreCode}, psql exit ${psqlCode}): ${errors.trim()}`));
    }, reject);
  });
}
