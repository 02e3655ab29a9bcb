import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/**
 * `pnpm bench:portal`: runs test/bench/portal.ts (what it measures is described there) in a child
 * process with the API's compiler options. tsx applies the tsconfig it is given only to the files
 * that tsconfig includes, and test/tsconfig.json does not include api/src, whose legacy decorators
 * the benchmark needs to load the product's services (its data set and write load); `pnpm bench`
 * starts its parts the same way.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./portal.ts', import.meta.url))], {
  cwd: ROOT,
  env: { ...process.env, TSX_TSCONFIG_PATH: fileURLToPath(new URL('../../api/tsconfig.json', import.meta.url)) },
  stdio: 'inherit',
});
const [code] = (await once(child, 'exit')) as [number | null];
process.exit(code ?? 1);
