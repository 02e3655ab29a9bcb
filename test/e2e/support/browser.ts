import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`, as `.ci/run` does, with CJK fonts for the screenshots). */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium the tests drive (playwright-core brings no browser of its own): CHROMIUM_PATH when
 * set, else Debian's, else the self-contained build that @sparticuz/chromium carries in the npm
 * registry (it needs nothing of the system but libc), unpacked to /tmp/chromium — so that
 * `pnpm test` runs the browser tests on a machine with only Node.js. The global set-up resolves it
 * once and puts it in CHROMIUM_PATH, so parallel test files never unpack it at the same time.
 */
export async function chromiumPath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const { default: portable } = await import('@sparticuz/chromium');
  return portable.executablePath();
}

/** Screenshots of e2e runs, for people to look at (git-ignored). */
export const SCREENSHOTS_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));

/**
 * Headless Chromium for tests on a machine without a display or a network: no sandbox (CI runs as
 * root, where Chromium's sandbox refuses to start), no GPU, and none of the background traffic
 * (updates, sync, QUIC probes) a fresh profile would otherwise start.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  const executablePath = await chromiumPath();
  if (!existsSync(executablePath)) throw new Error(`Chromium is not at ${executablePath} (CHROMIUM_PATH): unset it to use Debian's or the one from npm.`);
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A fresh browser profile (no token, no language choice) pointed at the product. `localhost` is
 * replaced by 127.0.0.1: the product listens on IPv4, and Chromium would try ::1 first.
 */
export async function newContext(browser: Browser, productUrl: string, locale = 'zh-CN'): Promise<BrowserContext> {
  const baseURL = productUrl.replace('//localhost:', '//127.0.0.1:');
  return browser.newContext({ baseURL, locale, viewport: { width: 1366, height: 900 }, acceptDownloads: true });
}

/** Saves a full-page screenshot as test/e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
