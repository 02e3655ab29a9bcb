#!/usr/bin/env node
// `vite build` only when dist/index.html is missing or older than any input of the build, so
// `pnpm start` serves the built portal without rebuilding it every time.
// Inputs: src/, public/, index.html, explorer.html, the two Vite configs, package.json. Type declarations (*.d.ts, e.g.
// the ones unplugin rewrites on every run) and tests (*.test.ts) do not change the output.
// Pass --force to build anyway.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const portalDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(portalDir, 'dist', 'index.html');
const inputs = ['src', 'public', 'index.html', 'explorer.html', 'vite.config.ts', 'vite.explorer.config.ts', 'package.json'];

/** Modification time of the output, or null when it does not exist. */
function mtimeOrNull(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** The first input newer than `since`, or null. Walks directories. */
function newerInput(entry, since) {
  let stat;
  try {
    stat = statSync(entry);
  } catch {
    return null; // an optional input (e.g. public/) that does not exist
  }
  if (stat.isDirectory()) {
    for (const child of readdirSync(entry)) {
      const found = newerInput(path.join(entry, child), since);
      if (found) return found;
    }
    return null;
  }
  if (/\.(d|test)\.ts$/.test(entry)) return null;
  return stat.mtimeMs > since ? entry : null;
}

const built = mtimeOrNull(output);
let reason = null;
if (process.argv.includes('--force')) reason = '--force';
else if (built === null) reason = 'dist/index.html is missing';
else {
  for (const input of inputs) {
    const found = newerInput(path.join(portalDir, input), built);
    if (found) {
      reason = `${path.relative(portalDir, found)} changed`;
      break;
    }
  }
}

if (!reason) {
  console.log('portal: dist/ is up to date, not rebuilding.');
  process.exit(0);
}

console.log(`portal: building (${reason})…`);
const vite = path.join(portalDir, 'node_modules', 'vite', 'bin', 'vite.js');
// The portal, then the GraphQL explorer into the same dist/ (see vite.explorer.config.ts).
for (const args of [['build'], ['build', '--config', 'vite.explorer.config.ts']]) {
  const result = spawnSync(process.execPath, [vite, ...args], { cwd: portalDir, stdio: 'inherit' });
  if (result.error) {
    console.error(result.error.message);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}
