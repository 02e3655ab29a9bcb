import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT, runCli, startProductProcess, type ProductProcess } from '../../support/product-process.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from './database.js';

/** The demo users' password (README, "Demo logins"; api/src/seed/demo.ts). */
export const DEMO_PASSWORD = 'demo1234';

export interface RunningProduct {
  url: string;
  /** `server` on a throwaway PostgreSQL database, `embedded` on a throwaway DATA_DIR. */
  database: 'server' | 'embedded';
  output(): string;
  stop(): Promise<void>;
}

/** One lock per checkout, so test files running in parallel do not build into the same dist/ at once. */
const BUILD_LOCK = path.join(tmpdir(), `pss-portal-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`);
/** A lock older than this was left by a killed run. */
const STALE_LOCK_MS = 10 * 60 * 1000;

async function withBuildLock<T>(fn: () => T): Promise<T> {
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/**
 * `pnpm --filter portal run build:if-stale` (`force`: build anyway): the product serves
 * portal/dist, which must match src/. The first caller builds; the others wait and find it fresh.
 */
export function buildPortalIfStale(options: { force?: boolean } = {}): Promise<void> {
  const args = [path.join(ROOT, 'portal/scripts/build-if-stale.mjs'), ...(options.force ? ['--force'] : [])];
  return withBuildLock(() => {
    const result = spawnSync(process.execPath, args, { cwd: path.join(ROOT, 'portal'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status !== 0) throw new Error(`building the portal failed:\n${result.stdout}\n${result.stderr}`);
  });
}

/**
 * The real product in its own process, with the demo data, on data nobody else uses:
 * with DATABASE_URL, a new database on that server (migrated and seeded by the CLI, as an
 * operator would); without it, a new embedded database in a temporary DATA_DIR (the product
 * loads the demo data itself on first start). The portal is built first if it is stale.
 */
export async function startProductForE2E(): Promise<RunningProduct> {
  await buildPortalIfStale();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pss-e2e-'));
  const serverUrl = process.env.DATABASE_URL || undefined;
  let database: ThrowawayDatabase | undefined;
  let product: ProductProcess | undefined;
  const cleanUp = async () => {
    await product?.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (serverUrl) {
      database = await createThrowawayDatabase(serverUrl);
      const env = { DATABASE_URL: database.url, DATA_DIR: dataDir };
      await runCli(['migrate'], env);
      await runCli(['seed', '--demo'], env);
      product = await startProductProcess(env);
    } else {
      product = await startProductProcess({ DATABASE_URL: '', DATA_DIR: dataDir });
    }
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const started = product;
  return { url: started.url, database: serverUrl ? 'server' : 'embedded', output: started.output, stop: cleanUp };
}
