import { chromiumPath } from './browser.js';

/** Resolves (and if need be unpacks) the browser once, before test files start in parallel. */
export default async function setup(): Promise<void> {
  process.env.CHROMIUM_PATH = await chromiumPath();
}
