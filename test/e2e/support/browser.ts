import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); playwright-core brings no browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
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
