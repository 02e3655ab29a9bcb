import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext } from '../e2e/support/browser.js';
import { buildPortalIfStale, DEMO_PASSWORD, startProductForE2E } from '../e2e/support/product.js';
import { graphql } from '../support/product-process.js';

/**
 * `pnpm bench:portal`: the portal's budget, measured in headless Chromium against the real product
 * on fresh demo data (DATABASE_URL: a throwaway database on that server; else embedded).
 *
 * - initial JavaScript of the sign-in page and of the problem list: every script response the page
 *   loads (entry, vendor and route chunks) until the network is quiet, each gzipped at level 9 as
 *   Vite reports sizes (the product serves files uncompressed; a proxy in front would compress);
 * - time until the problem detail page is usable: from navigation start until the members table
 *   (`[data-testid="member-comparison"]`) is visible, in a new browser profile each run (cold cache),
 *   and from a click on a problem in the list (the portal already loaded, as a registrar works).
 *
 * Not a test: prints figures, passes or fails nothing. RUNS (default 5) sets the runs per figure.
 */
const RUNS = Number(process.env.RUNS ?? 5);
const USER = process.env.BENCH_USER ?? 'reg01';
const LIST_READY = '[data-testid="problems-table"]';
const DETAIL_READY = process.env.DETAIL_READY_SELECTOR ?? '[data-testid="member-comparison"]';
const TOKEN_KEY = 'psp.token';

/**
 * Installed before the portal's own scripts (DevTools protocol, so the page's CSP does not apply);
 * source text because this project is type-checked without DOM types.
 */
const signedInScript = (token: string) => ({ content: `localStorage.setItem(${JSON.stringify(TOKEN_KEY)}, ${JSON.stringify(token)});` });

/** The few browser globals the in-page check uses (the project has no DOM types). */
interface PageGlobals {
  document: { querySelector(selector: string): { offsetParent: unknown; getBoundingClientRect(): { height: number } } | null };
  performance: { now(): number };
}

interface ScriptLoad {
  url: string;
  bytes: number;
  gzip: number;
}

/** Loads `path` in a new profile (optionally signed in) and returns every script it fetched. */
async function scriptsOf(browser: Browser, base: string, path: string, token: string | null, ready: string | null): Promise<ScriptLoad[]> {
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
  if (ready) await page.locator(ready).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const scripts = (await Promise.all(pending)).filter((s): s is ScriptLoad => s !== null);
  await context.close();
  return scripts;
}

/** The page's clock (ms since navigation start) when `selector` becomes visible, checked frame by frame. */
async function visibleAt(page: Page, selector: string): Promise<number> {
  // A function, not source text: the portal's CSP (no 'unsafe-eval') refuses strings evaluated in the page.
  const handle = await page.waitForFunction(
    (sel) => {
      const { document, performance } = globalThis as unknown as PageGlobals;
      const element = document.querySelector(sel);
      return element && element.offsetParent !== null && element.getBoundingClientRect().height > 0 ? performance.now() : null;
    },
    selector,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Milliseconds from navigation start until `selector` is visible. */
async function timeToVisible(page: Page, path: string, selector: string): Promise<number> {
  await page.goto(path, { waitUntil: 'commit' });
  return visibleAt(page, selector);
}

/** Milliseconds from a click on the first problem in the list until `selector` is visible: a registrar's way in. */
async function timeFromList(page: Page, selector: string): Promise<number> {
  await page.goto('/problems', { waitUntil: 'load' });
  await page.locator(LIST_READY).waitFor({ state: 'visible', timeout: 30_000 });
  const link = page.locator('.problem-table__link').first();
  await link.waitFor({ state: 'visible', timeout: 30_000 });
  const clickedAt = await page.evaluate(() => (globalThis as unknown as PageGlobals).performance.now());
  await link.click();
  return (await visibleAt(page, selector)) - clickedAt;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function main(): Promise<void> {
  console.log('portal: building (forced, so the figures are for the current sources)…');
  await buildPortalIfStale({ force: true });
  const product = await startProductForE2E();
  const browser = await launchChromium();
  try {
    const base = product.url;
    const login = await graphql(base, `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: USER, p: DEMO_PASSWORD });
    const token = login.data?.login?.token as string | undefined;
    if (!token) throw new Error(`cannot sign in as ${USER}: ${JSON.stringify(login)}`);
    const list = await graphql(base, `{ problems(first: 1) { nodes { id } } }`, {}, token);
    const problemId = list.data?.problems?.nodes?.[0]?.id as string | undefined;
    if (!problemId) throw new Error(`no problem visible to ${USER}: ${JSON.stringify(list)}`);

    const loginScripts = await scriptsOf(browser, base, '/login', null, 'input[data-testid="login-username"]');
    const listScripts = await scriptsOf(browser, base, '/problems', token, LIST_READY);

    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await newContext(browser, base);
      await context.addInitScript(signedInScript(token));
      times.push(await timeToVisible(await context.newPage(), `/problems/${problemId}`, DETAIL_READY));
      await context.close();
    }
    const fromList: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await newContext(browser, base);
      await context.addInitScript(signedInScript(token));
      fromList.push(await timeFromList(await context.newPage(), DETAIL_READY));
      await context.close();
    }

    const sum = (scripts: ScriptLoad[], key: 'bytes' | 'gzip') => scripts.reduce((total, s) => total + s[key], 0);
    console.log(`\nPortal budget (${product.database} database, Chromium headless, ${USER}, ${new Date().toISOString().slice(0, 10)})\n`);
    console.table([
      { measure: 'initial JS, /login', files: loginScripts.length, raw: kb(sum(loginScripts, 'bytes')), gzip: kb(sum(loginScripts, 'gzip')) },
      { measure: 'initial JS, /problems', files: listScripts.length, raw: kb(sum(listScripts, 'bytes')), gzip: kb(sum(listScripts, 'gzip')) },
    ]);
    console.table([
      {
        measure: `/problems/${problemId} until ${DETAIL_READY} is visible (cold)`,
        runs: times.length,
        median: `${median(times).toFixed(0)} ms`,
        min: `${Math.min(...times).toFixed(0)} ms`,
        max: `${Math.max(...times).toFixed(0)} ms`,
      },
      {
        measure: `a problem opened from the list until ${DETAIL_READY} is visible`,
        runs: fromList.length,
        median: `${median(fromList).toFixed(0)} ms`,
        min: `${Math.min(...fromList).toFixed(0)} ms`,
        max: `${Math.max(...fromList).toFixed(0)} ms`,
      },
    ]);
    console.log('\nScripts of /problems:');
    for (const script of [...listScripts].sort((a, b) => b.gzip - a.gzip)) console.log(`  ${kb(script.gzip).padStart(10)}  ${script.url}`);
  } finally {
    await browser.close();
    await product.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
