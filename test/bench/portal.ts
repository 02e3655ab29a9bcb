import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/support/browser.js';
import { buildPortalIfStale } from '../e2e/support/product.js';
import { graphql } from '../support/product-process.js';
import { benchApp, type BenchApp } from './support/app.js';
import { BENCH_DISTRICT, BENCH_PASSWORD, benchUser, buildRegistry, describeRegistry, ensureDetected, type Dataset } from './support/dataset.js';
import { throwawayDatabase, type ThrowawayDatabase } from './support/database.js';
import { coldRun, dashboardMenuItem, dashboardReady, detailReady, firstProblemLink, LIST_READY, scriptsOf, warmRun, type ScriptLoad } from './support/portal-pages.js';
import { startServed, type ServedProcess } from './support/processes.js';
import { f, percentile, table, today } from './support/report.js';
import { loadUsers, WriteLoad, type LoadUsers } from './support/write-load.js';

/**
 * `pnpm bench:portal` (started by portal-budget.ts): the portal's budget and its speed under load,
 * measured in headless Chromium against one product process (the single process of `pnpm start`)
 * on a generated registry of BENCH_STUDENTS records (default 100,000; support/dataset.ts) after a
 * first scan.
 *
 * - initial JavaScript of the sign-in page and of the problem list: every script response the page
 *   loads (entry, vendor and route chunks) until the network is quiet, each gzipped at level 9 as
 *   Vite reports sizes (the product serves files uncompressed; a proxy in front would compress);
 * - the dashboard for district staff (a DISTRICT_ADMIN of 西湖区): time until it is interactive —
 *   every stat card shows its value, the unresolved count a number, and the charts by type and
 *   status and by school have painted their canvases;
 * - the problem detail for a registrar of a 西湖区 school: time until the members table
 *   (`[data-testid="member-comparison"]`) is visible.
 *
 * Each page cold (a new browser profile opening its URL: from navigation start) and warm (the portal
 * already loaded on the problem list, as people work: from the click on the menu item or on the
 * first problem). All four RUNS times (default 5), interleaved, on the idle product and again while
 * the write load of `pnpm bench:write` (support/write-load.ts: BENCH_REGISTRARS registrars, default
 * 20, and a reviewer) runs against the same process; the load's own throughput in that window is
 * printed too. p95 is the nearest rank: with 5 runs, the slowest.
 *
 * Not a test: prints the figures beside the targets (under load: dashboard interactive ≤ 1 s,
 * problem detail usable ≤ 500 ms), passes or fails nothing.
 */
const RUNS = Number(process.env.RUNS ?? 5);
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 100_000);
const REGISTRARS = Number(process.env.BENCH_REGISTRARS ?? 20);
/** The load runs this long before the first page is measured: its first lists and uploads are not its steady state. */
const LOAD_WARM_UP_MS = 5_000;
const TARGET_MS = { dashboard: 1000, detail: 500 };
const DISTRICT_USER = 'bench.portal.district';
const REGISTRAR_USER = 'bench.portal.registrar';

interface Measure {
  page: keyof typeof TARGET_MS;
  how: string;
  run(): Promise<number>;
}

interface Sessions {
  district: string;
  registrar: string;
  /** A problem of the registrar's school, so one the registrar may open. */
  problemId: string;
}

function measures(browser: Browser, base: string, sessions: Sessions): Measure[] {
  const { district, registrar, problemId } = sessions;
  return [
    { page: 'dashboard', how: 'cold: new profile opens /dashboard', run: () => coldRun(browser, base, district, '/dashboard', dashboardReady) },
    {
      page: 'dashboard',
      how: 'warm: menu item clicked on the loaded problem list',
      run: () => warmRun(browser, base, district, dashboardMenuItem, dashboardReady),
    },
    { page: 'detail', how: `cold: new profile opens /problems/${problemId}`, run: () => coldRun(browser, base, registrar, `/problems/${problemId}`, detailReady) },
    { page: 'detail', how: 'warm: first problem of the list clicked', run: () => warmRun(browser, base, registrar, firstProblemLink, detailReady) },
  ];
}

/** RUNS times of each measure, taken in turn so that a change in the machine's load spreads over all of them. */
async function timeAll(list: Measure[]): Promise<number[][]> {
  const times = list.map(() => [] as number[]);
  for (let run = 0; run < RUNS; run++) for (const [index, measure] of list.entries()) times[index]!.push(await measure.run());
  return times;
}

/** The registry (built, or the shared one described), its problems, and the users of the load and of the browser. */
async function prepare(bench: BenchApp, database: ThrowawayDatabase): Promise<{ dataset: Dataset; users: LoadUsers }> {
  const { app } = bench;
  console.log(`portal: ${database.owned ? `building a registry of ${f(STUDENTS)} records` : `using ${database.name}`} and its first scan…`);
  const dataset = database.owned ? await buildRegistry(app, database.url, STUDENTS) : await describeRegistry(app);
  await ensureDetected(app);
  const schools = dataset.districtSchools;
  if (schools.length === 0) throw new Error(`no schools in ${BENCH_DISTRICT}`);
  const users = await loadUsers(app, schools, REGISTRARS);
  await benchUser(app, DISTRICT_USER, 'DISTRICT_ADMIN', { regionCode: BENCH_DISTRICT });
  // The district's last school: the load's registrars take the first ones, so this one's problems change less while measured.
  await benchUser(app, REGISTRAR_USER, 'SCHOOL_REGISTRAR', { schoolId: schools.at(-1)! });
  return { dataset, users };
}

/** Signs both browser users in through the product, as the sign-in page does, and finds the registrar's problem. */
async function signIn(base: string): Promise<Sessions> {
  const token = async (username: string) => {
    const login = await graphql(base, `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: BENCH_PASSWORD });
    const value = login.data?.login?.token as string | undefined;
    if (!value) throw new Error(`cannot sign in as ${username}: ${JSON.stringify(login)}`);
    return value;
  };
  const sessions = { district: await token(DISTRICT_USER), registrar: await token(REGISTRAR_USER) };
  const list = await graphql(base, `{ problems(first: 1) { nodes { id } } }`, {}, sessions.registrar);
  const problemId = list.data?.problems?.nodes?.[0]?.id as string | undefined;
  if (!problemId) throw new Error(`no problem visible to ${REGISTRAR_USER}: ${JSON.stringify(list)}`);
  return { ...sessions, problemId };
}

/** `measure` while the write load runs against `product`, and what the load did meanwhile. */
async function underLoad<T>(load: WriteLoad, product: ServedProcess, measure: () => Promise<T>) {
  let running = true;
  const loadDone = load.run(() => running);
  try {
    await sleep(LOAD_WARM_UP_MS);
    const from = load.mark();
    const statementsBefore = await product.statements();
    const result = await measure();
    const statements = (await product.statements()) - statementsBefore;
    return { result, window: load.window(from, load.mark()), statements };
  } finally {
    running = false;
    await loadDone;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (values: number[]) => `${f(median(values))} / ${f(percentile(values, 0.95))}`;

function printScripts(loginScripts: ScriptLoad[], listScripts: ScriptLoad[]): void {
  const sum = (scripts: ScriptLoad[], key: 'bytes' | 'gzip') => scripts.reduce((total, s) => total + s[key], 0);
  const row = (path: string, scripts: ScriptLoad[]) => [`initial JS, ${path}`, f(scripts.length), kb(sum(scripts, 'bytes')), kb(sum(scripts, 'gzip'))];
  console.log(`\n${table(['measure', 'files', 'raw', 'gzip'], [row('/login', loginScripts), row('/problems', listScripts)])}`);
  console.log('\nScripts of /problems:');
  for (const script of [...listScripts].sort((a, b) => b.gzip - a.gzip)) console.log(`  ${kb(script.gzip).padStart(10)}  ${script.url}`);
}

function printTimes(list: Measure[], idle: number[][], loaded: number[][]): void {
  const title = { dashboard: 'dashboard interactive (district staff)', detail: 'problem detail usable (registrar)' };
  const rows = list.map((measure, index) => {
    const target = TARGET_MS[measure.page];
    return [title[measure.page], measure.how, ms(idle[index]!), ms(loaded[index]!), `≤ ${f(target)} ms`, median(loaded[index]!) <= target ? 'met' : '**missed**'];
  });
  console.log(`\n${table(['page', 'how', 'idle: median / p95 ms', 'under write load: median / p95 ms', 'target under load', 'median under load'], rows, ['l', 'l', 'r', 'r', 'l', 'l'])}`);
}

function printLoad(window: ReturnType<WriteLoad['window']>, statements: number): void {
  const rows = [
    [`window (after a warm-up of ${f(LOAD_WARM_UP_MS / 1000)} s)`, `${f(window.seconds, 1)} s, ${f(REGISTRARS)} registrars + 1 reviewer`],
    ['actions accepted (per second)', `${f(window.actions)} (${f(window.actions / window.seconds, 1)}/s)`],
    ['actOnRecord latency p50 / p99 ms', `${f(percentile(window.actionMs, 0.5), 1)} / ${f(percentile(window.actionMs, 0.99), 1)}`],
    ['all requests per second (lists, actions, uploads, reviews)', f(window.requests / window.seconds, 1)],
    ['SQL statements per second (whole process)', f(statements / window.seconds)],
    ['STALE_VERSION answers (expected) / other errors', `${f(window.stale)} / ${f(window.failures)}`],
    ['registrar lists with nothing to act on', f(window.idle)],
  ];
  console.log(`\nThe write load meanwhile, against the same process:\n\n${table(['write load', 'value'], rows, ['l', 'l'])}`);
}

async function measureProduct(bench: BenchApp, database: ThrowawayDatabase, product: ServedProcess, prepared: Awaited<ReturnType<typeof prepare>>): Promise<void> {
  const browser = await launchChromium();
  try {
    const base = product.url;
    const sessions = await signIn(base);
    const loginScripts = await scriptsOf(browser, base, '/login', null, 'input[data-testid="login-username"]');
    const listScripts = await scriptsOf(browser, base, '/problems', sessions.registrar, LIST_READY);
    const list = measures(browser, base, sessions);
    const loadBefore = loadavg()[0]!;
    console.log(`portal: measuring, ${RUNS} runs a figure, idle…`);
    const idle = await timeAll(list);
    console.log('portal: …and under the write load');
    const load = new WriteLoad(bench.app, base, prepared.users);
    const loaded = await underLoad(load, product, () => timeAll(list));
    const { dataset } = prepared;
    console.log(
      `\nbench:portal ${today()}: ${f(dataset.students)} records in ${f(dataset.schools)} schools (${database.name}), one product process, ` +
        `Chromium headless; ${cpus().length} cores, load average ${f(loadBefore, 1)} before measuring, ${f(loadavg()[0]!, 1)} after; ` +
        `dashboard as ${DISTRICT_USER} (DISTRICT_ADMIN of ${BENCH_DISTRICT}), problem detail as ${REGISTRAR_USER}`,
    );
    printScripts(loginScripts, listScripts);
    printTimes(list, idle, loaded.result);
    printLoad(loaded.window, loaded.statements);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  console.log('portal: building (forced, so the figures are for the current sources)…');
  await buildPortalIfStale({ force: true });
  const database = await throwawayDatabase('pss_bench_portal');
  const bench = await benchApp(database.url);
  try {
    const prepared = await prepare(bench, database);
    // The bench's DATA_DIR: the product reads the data keys the registry was sealed with there.
    const product = await startServed('all', database.url, { DB_POOL_SIZE: '10', DATA_DIR: bench.dataDir });
    try {
      await measureProduct(bench, database, product, prepared);
    } finally {
      await product.stop();
    }
  } finally {
    await bench.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
