import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../e2e/support/database.js';
import { runCli, startProductProcess, type ProductProcess } from './product-process.js';

export type DatabaseMode = 'embedded' | 'server';

export interface DemoProduct {
  /** http://127.0.0.1:<port>: the product listens on the loopback interface only. */
  url: string;
  mode: DatabaseMode;
  /** Everything the product printed so far (its banner, and its log at LOG_LEVEL=warn). */
  output(): string;
  /** Stops the product (SIGTERM), drops its database, removes its DATA_DIR. */
  stop(): Promise<void>;
}

/**
 * The real product (`pnpm start`'s entry point, in its own process) with the demo data, on data
 * nobody else uses, in the mode asked for rather than the one DATABASE_URL implies, so one test
 * run can drive both:
 * - `embedded`: a new PGlite database in a temporary DATA_DIR; the product loads the demo data
 *   itself on its first start, as in the quick start.
 * - `server`: a new database on the PostgreSQL server at `serverUrl`, migrated and seeded by
 *   `pnpm cli seed --demo` (which migrates first), as an operator would; dropped by `stop()`.
 * The portal is not built: nothing here loads it.
 */
export async function startDemoProduct(mode: DatabaseMode, serverUrl?: string): Promise<DemoProduct> {
  if (mode === 'server' && !serverUrl) throw new Error('the server mode needs the URL of a PostgreSQL server');
  const dataDir = mkdtempSync(path.join(tmpdir(), `pss-${mode}-`));
  let database: ThrowawayDatabase | undefined;
  let product: ProductProcess | undefined;
  const stop = async () => {
    await product?.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (mode === 'server') {
      database = await createThrowawayDatabase(serverUrl!, 'pss_soak');
      await runCli(['seed', '--demo'], { DATABASE_URL: database.url, DATA_DIR: dataDir });
    }
    product = await startProductProcess({ DATABASE_URL: database?.url ?? '', DATA_DIR: dataDir, HOST: '127.0.0.1' });
  } catch (error) {
    await stop();
    throw error;
  }
  const started = product;
  // The banner names localhost; 127.0.0.1 is where it listens, whatever localhost resolves to first.
  return { url: started.url.replace('localhost', '127.0.0.1'), mode, output: started.output, stop };
}
