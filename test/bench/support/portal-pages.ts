import { gzipSync } from 'node:zlib';
import type { Browser, Locator, Page } from 'playwright-core';
import { newContext } from '../../e2e/support/browser.js';

/**
 * The portal's pages in headless Chromium, for `pnpm bench:portal`: what a page loads, and when a
 * page is ready by the page's own clock (performance.now(): from navigation start, or compared with
 * the click event), so that a busy bench process does not add to the times.
 */
export const LIST_READY = '[data-testid="problems-table"]';
const DETAIL_READY = process.env.DETAIL_READY_SELECTOR ?? '[data-testid="member-comparison"]';
/** The side menu's dashboard item by its label: newContext opens the portal in zh-CN (portal/src/i18n/zh-CN.ts, nav.dashboard). */
const DASHBOARD_MENU_ITEM = '统计概览';
const DASHBOARD = {
  cards: ['card-unresolved', 'card-overdue', 'card-resolved-month', 'card-median-days'],
  charts: ['chart-type-status', 'chart-top-schools'],
};
const TIMEOUT_MS = 30_000;
const TOKEN_KEY = 'psp.token';

/**
 * Installed before the portal's own scripts (DevTools protocol, so the page's CSP does not apply);
 * source text because this project is type-checked without DOM types.
 */
const signedInScript = (token: string) => ({ content: `localStorage.setItem(${JSON.stringify(TOKEN_KEY)}, ${JSON.stringify(token)});` });

/** The few browser globals the in-page checks use (the project has no DOM types). */
interface PageElement {
  offsetParent: unknown;
  textContent: string | null;
  getBoundingClientRect(): { height: number };
}

interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, width: number, height: number): { data: ArrayLike<number> } } | null;
}

interface PageGlobals {
  document: { querySelector(selector: string): PageElement | null };
  performance: { now(): number };
  addEventListener(type: string, listener: () => void, options: { capture: boolean; once: boolean }): void;
  benchClickAt?: number;
}

/** Resolves with the page's clock when the page is ready. */
export type Ready = (page: Page) => Promise<number>;

export interface ScriptLoad {
  url: string;
  bytes: number;
  gzip: number;
}

/** Loads `path` in a new profile (optionally signed in) and returns every script it fetched. */
export async function scriptsOf(browser: Browser, base: string, path: string, token: string | null, ready: string): Promise<ScriptLoad[]> {
  const context = await newContext(browser, base);
  if (token) await context.addInitScript(signedInScript(token));
  const page = await context.newPage();
  const pending: Promise<ScriptLoad | null>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response.body().then(
        (body) => ({ url: new URL(response.url()).pathname, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length }),
        () => null,
      ),
    );
  });
  await page.goto(path, { waitUntil: 'load' });
  await page.locator(ready).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await page.waitForLoadState('networkidle');
  const scripts = (await Promise.all(pending)).filter((s): s is ScriptLoad => s !== null);
  await context.close();
  return scripts;
}

/** In the page: its clock when `selector` is visible, else null. */
function visibleAt(selector: string): number | null {
  const { document, performance } = globalThis as unknown as PageGlobals;
  const element = document.querySelector(selector);
  return element && element.offsetParent !== null && element.getBoundingClientRect().height > 0 ? performance.now() : null;
}

/**
 * In the page: its clock when the dashboard is interactive, else null. A chart counts once its
 * canvas has a painted pixel (ECharts sizes the canvas at once and paints on a later animation
 * frame): axes and labels are drawn and the bars clickable, while they still grow in by ECharts'
 * entry animation, which is not waited for. No named functions inside: tsx compiles with
 * keepNames, whose helper the page does not have.
 */
function dashboardInteractiveAt(ids: typeof DASHBOARD): number | null {
  const { document, performance } = globalThis as unknown as PageGlobals;
  for (const card of ids.cards) {
    const value = document.querySelector(`[data-testid="${card}"] [data-testid="stat-value"]`)?.textContent?.trim() ?? '';
    if (value === '' || value === '—' || (card === 'card-unresolved' && !/^\d[\d,]*$/.test(value))) return null;
  }
  for (const chart of ids.charts) {
    const canvas = document.querySelector(`[data-testid="${chart}"] canvas`) as unknown as PageCanvas | null;
    const pixels = canvas && canvas.width > 0 && canvas.height > 0 ? canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data : undefined;
    if (!pixels) return null;
    let painted = false;
    for (let alpha = 3; alpha < pixels.length && !painted; alpha += 4) painted = pixels[alpha] !== 0;
    if (!painted) return null;
  }
  return performance.now();
}

// Functions, not source text: the portal's CSP (no 'unsafe-eval') refuses strings evaluated in the page.
export const detailReady: Ready = async (page) =>
  (await (await page.waitForFunction(visibleAt, DETAIL_READY, { polling: 'raf', timeout: TIMEOUT_MS })).jsonValue()) as number;
export const dashboardReady: Ready = async (page) =>
  (await (await page.waitForFunction(dashboardInteractiveAt, DASHBOARD, { polling: 'raf', timeout: TIMEOUT_MS })).jsonValue()) as number;

/** Milliseconds from navigation start until `ready`, in a new signed-in browser profile (nothing cached). */
export async function coldRun(browser: Browser, base: string, token: string, path: string, ready: Ready): Promise<number> {
  const context = await newContext(browser, base);
  try {
    await context.addInitScript(signedInScript(token));
    const page = await context.newPage();
    await page.goto(path, { waitUntil: 'commit' });
    return await ready(page);
  } finally {
    await context.close();
  }
}

/**
 * Milliseconds from a click on `target` until `ready`, in a portal loaded on the problem list (a new
 * profile each run, so the target page's chunk and data are fetched as on a first visit). The click
 * is timed by the page's own click event, and the check is armed before the click is sent.
 */
export async function warmRun(browser: Browser, base: string, token: string, target: (page: Page) => Locator, ready: Ready): Promise<number> {
  const context = await newContext(browser, base);
  try {
    await context.addInitScript(signedInScript(token));
    const page = await context.newPage();
    await page.goto('/problems', { waitUntil: 'load' });
    await page.locator(LIST_READY).waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    const link = target(page);
    await link.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await page.evaluate(() => {
      const inPage = globalThis as unknown as PageGlobals;
      inPage.addEventListener('click', () => void (inPage.benchClickAt = inPage.performance.now()), { capture: true, once: true });
    });
    const [readyAt] = await Promise.all([ready(page), link.click()]);
    return readyAt - (await page.evaluate(() => (globalThis as unknown as PageGlobals).benchClickAt!));
  } finally {
    await context.close();
  }
}

/** The side menu's way to the dashboard. */
export const dashboardMenuItem = (page: Page) => page.getByRole('menuitem', { name: DASHBOARD_MENU_ITEM });

/** The first problem of the list. */
export const firstProblemLink = (page: Page) => page.locator('.problem-table__link').first();
