import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../e2e/support/database.js';
import { runCli, startProductProcess, type ProductProcess } from './product-process.js';
import { startSplitProcesses, type SplitProcesses, type SubgraphProcesses } from './split-processes.js';

/** Where the data is and how the product runs: one process on PGlite or on the server, or split into processes on the server. */
export type Deployment = 'embedded' | 'server' | 'split';

export interface DemoProduct {
  /** http://127.0.0.1:<port>: the product listens on the loopback interface only. */
  url: string;
  mode: Deployment;
  /** Everything the product printed so far (its banner, and its log at LOG_LEVEL=warn; split: every process's log at info). */
  output(): string;
  /** Stops the product (SIGTERM), drops its database, removes its DATA_DIR. */
  stop(): Promise<void>;
  /** `split` only: its subgraph processes. */
  subgraphs?: SubgraphProcesses;
}

/**
 * The real product (`pnpm start`'s entry point, in its own process or processes) with the demo
 * data, on data nobody else uses, in the mode asked for rather than the one DATABASE_URL implies,
 * so one test run can drive all three:
 * - `embedded`: a new PGlite database in a temporary DATA_DIR; the product loads the demo data
 *   itself on its first start, as in the quick start.
 * - `server`: a new database on the PostgreSQL server at `serverUrl`, migrated and seeded by
 *   `pnpm cli seed --demo` (which migrates first), as an operator would; dropped by `stop()`.
 * - `split`: the same database, served by a process per subgraph and a gateway process calling
 *   them over HTTP (test/support/split-processes.ts).
 * The portal is not built: nothing here loads it.
 */
export async function startDemoProduct(mode: Deployment, serverUrl?: string): Promise<DemoProduct> {
  if (mode !== 'embedded' && !serverUrl) throw new Error(`the ${mode} mode needs the URL of a PostgreSQL server`);
  const dataDir = mkdtempSync(path.join(tmpdir(), `pss-${mode}-`));
  let database: ThrowawayDatabase | undefined;
  let product: ProductProcess | SplitProcesses | undefined;
  const stop = async () => {
    await product?.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (mode !== 'embedded') {
      database = await createThrowawayDatabase(serverUrl!, 'pss_soak');
      await runCli(['seed', '--demo'], { DATABASE_URL: database.url, DATA_DIR: dataDir });
    }
    const env: NodeJS.ProcessEnv = { DATABASE_URL: database?.url ?? '', DATA_DIR: dataDir };
    product = mode === 'split' ? await startSplitProcesses(env) : await startProductProcess({ ...env, HOST: '127.0.0.1' });
  } catch (error) {
    await stop();
    throw error;
  }
  const started = product;
  // The banner names localhost; 127.0.0.1 is where it listens, whatever localhost resolves to first.
  return {
    url: started.url.replace('localhost', '127.0.0.1'),
    mode,
    output: started.output,
    stop,
    ...('subgraphs' in started ? { subgraphs: started.subgraphs } : {}),
  };
}
