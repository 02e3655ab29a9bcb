import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext, screenshot } from './browser.js';
import { login } from './login.js';
import { startProductForE2E, type RunningProduct } from './product.js';

export interface E2E {
  product: RunningProduct;
  browser: Browser;
  /** A page in a fresh browser context (its own storage), on the product's origin. */
  newPage(locale?: string): Promise<Page>;
  login: typeof login;
  screenshot: typeof screenshot;
  close(): Promise<void>;
}

/**
 * Everything an end-to-end test file needs: the product started on fresh demo data and headless
 * Chromium. Call once per file in `beforeAll` and `close()` in `afterAll`; a product and a browser
 * are started per file (not per run) so that each file's data starts from the demo as it ships.
 */
export async function startE2E(): Promise<E2E> {
  const product = await startProductForE2E();
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await product.stop();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  return {
    product,
    browser,
    async newPage(locale) {
      const context = await newContext(browser, product.url, locale);
      contexts.push(context);
      return context.newPage();
    },
    login,
    screenshot,
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await product.stop();
    },
  };
}
