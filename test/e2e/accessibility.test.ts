import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/product-process.js';
import { startE2E, type E2E } from './support/e2e.js';
import { DEMO_PASSWORD } from './support/product.js';

/**
 * Accessibility of every page of the portal and of the dialogs people open on them (issue #17
 * item 8: GB/T 37668 and WCAG 2.1 AA, as public-sector portals must), checked with axe-core in real
 * Chromium against the real product on the demo data, as a school registrar and as district staff.
 * Serious and critical violations fail the test; the sign-in form and a problem's record actions
 * must also be reachable with Tab and show where the focus is.
 */

/** axe-core's browser build, injected into each page it checks. */
const AXE_SOURCE = readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');
/** WCAG 2.1 A and AA, the level GB/T 37668 asks of web content. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);
/**
 * Violations inside third-party code the portal only hosts: only these exact elements are let
 * through, anything else on the same page still fails.
 */
const UPSTREAM: { rule: string; html: RegExp }[] = [
  // GraphiQL 5 draws each editor tab as <li role="tab"> holding its own select and close <button>s
  // (@graphiql/react's Tabs): only a change to GraphiQL itself can fix it.
  { rule: 'nested-interactive', html: /^<li [^>]*class="graphiql-tab\b/ },
];

/** School A: 杭州市上城区胜利小学 (api/src/seed/demo.ts). */
const REGISTRAR = 'reg01';
/** District staff: the city reviewer of 杭州, who decides problems between its districts. */
const STAFF = 'review.hz';

interface Finding {
  where: string;
  rule: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** What axe found on the pages of one test, printed as a readable list when any are found. */
class Findings {
  readonly list: Finding[] = [];
  readonly checked: string[] = [];

  async audit(page: Page, where: string): Promise<void> {
    await settle(page);
    // Evaluated rather than added as a <script>: the product's Content-Security-Policy (script-src 'self') refuses inline scripts.
    if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
    const results = await page.evaluate(
      (values) =>
        (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe.run(
          (globalThis as unknown as { document: unknown }).document,
          { runOnly: { type: 'tag', values }, resultTypes: ['violations'] },
        ),
      WCAG_TAGS,
    );
    const screen = `${where} (${new URL(page.url()).pathname})`;
    this.checked.push(screen);
    for (const violation of results.violations) {
      if (!FAILING_IMPACTS.has(violation.impact ?? '')) continue;
      const nodes = violation.nodes.filter((node) => !UPSTREAM.some((known) => known.rule === violation.id && known.html.test(node.html)));
      if (nodes.length === 0) continue;
      this.list.push({
        where: screen,
        rule: violation.id,
        impact: violation.impact ?? '',
        help: violation.help,
        nodes: nodes.map((node) => ({
          target: node.target.map(String).join(' '),
          summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
        })),
      });
    }
  }

  report(): string {
    const lines = [`${this.list.length} serious or critical accessibility violation(s) on ${this.checked.length} screens:`];
    for (const f of this.list) {
      lines.push(`[${f.impact}] ${f.rule} on "${f.where}": ${f.help} (${f.nodes.length} element(s))`);
      for (const node of f.nodes) lines.push(`    ${node.target}\n        ${node.summary}`);
    }
    return lines.join('\n');
  }

  expectNone(): void {
    expect(this.list.length, this.report()).toBe(0);
  }
}

/**
 * Waits until the page has its data and nothing is loading: no request in flight, no skeleton,
 * loading mask or busy region left, and the DOM still for a moment (a button enabled as a form
 * finishes loading would otherwise be judged halfway through its colour change). axe judges what
 * is on screen, not a placeholder.
 */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('[aria-busy="true"], .el-skeleton, .el-loading-mask'),
    undefined,
    { timeout: 30_000 },
  );
  await page.evaluate(
    ({ quietMs, timeoutMs }) =>
      new Promise<void>((resolve) => {
        type Observer = { observe(target: unknown, options: object): void; disconnect(): void };
        const g = globalThis as unknown as {
          document: { documentElement: unknown };
          MutationObserver: new (callback: () => void) => Observer;
        };
        let quiet: ReturnType<typeof setTimeout>;
        const done = () => {
          observer.disconnect();
          clearTimeout(limit);
          resolve();
        };
        const observer = new g.MutationObserver(() => {
          clearTimeout(quiet);
          quiet = setTimeout(done, quietMs);
        });
        const limit = setTimeout(done, timeoutMs);
        observer.observe(g.document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
        quiet = setTimeout(done, quietMs);
      }),
    { quietMs: 300, timeoutMs: 5_000 },
  );
  await nextFrames(page);
}

/** A page whose transitions end at once (the portal honours reduced motion), so dialogs are checked fully shown. */
async function newPage(e2e: E2E, locale?: string): Promise<Page> {
  const page = await e2e.newPage(locale);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  return page;
}

async function token(url: string, username: string): Promise<string> {
  const { data } = await graphql(url, `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: DEMO_PASSWORD });
  return data.login.token as string;
}

/** A GraphQL mutation that must succeed (`ok: true` in its payload). */
async function mutate(url: string, auth: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { data, errors } = await graphql(url, query, variables, auth);
  const payload = data ? (Object.values(data)[0] as { ok: boolean; error?: unknown }) : null;
  if (!payload?.ok) throw new Error(`${query} failed: ${JSON.stringify(errors ?? payload?.error)}`);
  return payload;
}

interface Scenario {
  problemId: string;
  ours: string;
  theirs: string;
  /** The registrar of the other school. */
  registrarB: string;
}

/** An open cross-district DUPLICATE_ID problem of the registrar's school, with the registrar of the other school. */
async function pickScenario(url: string): Promise<Scenario> {
  const { data } = await graphql(
    url,
    `{ problems(filter: { type: DUPLICATE_ID, scope: CROSS_SCHOOL, status: OPEN }, first: 100) {
         nodes { id messages { id } members { studentId inMyScope allowedActions school { code regionCode } } } } }`,
    {},
    await token(url, REGISTRAR),
  );
  type Member = { studentId: string; inMyScope: boolean; allowedActions: string[]; school: { code: string; regionCode: string } };
  for (const node of data.problems.nodes as { id: string; messages: unknown[]; members: Member[] }[]) {
    const ours = node.members.find((m) => m.inMyScope);
    const theirs = node.members.find((m) => !m.inMyScope);
    if (node.members.length !== 2 || node.messages.length > 0 || !ours || !theirs || ours.allowedActions.length < 3) continue;
    if (ours.school.regionCode.slice(0, 4) !== theirs.school.regionCode.slice(0, 4) || ours.school.regionCode === theirs.school.regionCode) continue;
    for (let i = 1; i <= 12; i++) {
      const username = `reg${String(i).padStart(2, '0')}`;
      const me = await graphql(url, `{ me { school { code } } }`, {}, await token(url, username));
      if (me.data.me?.school?.code === theirs.school.code) return { problemId: node.id, ours: ours.studentId, theirs: theirs.studentId, registrarB: username };
    }
  }
  throw new Error(`${REGISTRAR} has no open cross-district DUPLICATE_ID problem in the demo data`);
}

async function problemVersion(url: string, auth: string, id: string): Promise<number> {
  const { data } = await graphql(url, `query($id: ID!) { problem(id: $id) { version } }`, { id }, auth);
  return data.problem.version as number;
}

/**
 * Opens a dialog with `open`, checks the page with it, and closes it with its close button (not
 * Escape: Element Plus's select keeps Escape to itself, and a dialog may open with one focused).
 */
async function auditDialog(findings: Findings, page: Page, where: string, open: () => Promise<void>, dialog = '.el-dialog'): Promise<void> {
  await open();
  const shown = page.locator(`${dialog}:visible`).last();
  await shown.waitFor({ state: 'visible' });
  await findings.audit(page, where);
  await shown.locator('.el-dialog__headerbtn, .el-message-box__headerbtn').click();
  await shown.waitFor({ state: 'hidden' });
}

/** The bits of the DOM the keyboard checks read (the test package has no DOM types). */
interface DomElement {
  parentElement: DomElement | null;
  getAttribute(name: string): string | null;
}

/**
 * How focus is drawn around an element: the outline and box shadow of the element and of the two
 * elements around it (Element Plus draws a focused input's ring on its wrapper, not on the <input>).
 */
function focusRing(element: DomElement): string {
  const { getComputedStyle } = globalThis as unknown as { getComputedStyle(e: DomElement): { outlineStyle: string; outlineWidth: string; outlineColor: string; boxShadow: string } };
  const parts: string[] = [];
  for (let e: DomElement | null = element, depth = 0; e && depth < 3; e = e.parentElement, depth++) {
    const style = getComputedStyle(e);
    parts.push(style.outlineStyle === 'none' ? 'none' : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, style.boxShadow);
  }
  return parts.join(' | ');
}

/** Waits two animation frames: a focus style drawn through a transition shows in computed styles only then. */
async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const { requestAnimationFrame } = globalThis as unknown as { requestAnimationFrame(callback: () => void): void };
    return new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/**
 * Presses Tab from where the focus is until every control in `wanted` (test ids) has had the focus,
 * and returns, for each, whether it showed a focus indicator: an outline or box shadow around it
 * that it did not have before it had the focus. Fails if one is never reached.
 */
async function tabTo(page: Page, wanted: string[], maxTabs = 80): Promise<Record<string, boolean>> {
  const unfocused: Record<string, string> = {};
  for (const id of wanted) unfocused[id] = await page.locator(`[data-testid="${id}"]`).evaluate(focusRing);
  const seen: Record<string, boolean> = {};
  for (let i = 0; i < maxTabs && wanted.some((id) => !(id in seen)); i++) {
    await page.keyboard.press('Tab');
    await nextFrames(page);
    // The document's body when nothing else has the focus, so never null.
    const active = await page.evaluateHandle(() => (globalThis as unknown as { document: { activeElement: DomElement } }).document.activeElement);
    const testId = await active.evaluate((e) => e.getAttribute('data-testid'));
    if (testId && testId in unfocused) seen[testId] = (await active.evaluate(focusRing)) !== unfocused[testId];
    await active.dispose();
  }
  expect(Object.keys(seen).sort(), `reached with Tab within ${maxTabs} presses`).toEqual([...wanted].sort());
  return seen;
}

/** Takes the focus off whatever has it, so that Tab starts from the top of the page. */
async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { blur(): void } | null } }).document.activeElement?.blur());
}

describe('accessibility: WCAG 2.1 AA with axe-core, and the keyboard (real Chromium, real product)', () => {
  let e2e: E2E;
  let url: string;
  let scenario: Scenario;
  beforeAll(async () => {
    e2e = await startE2E();
    url = e2e.product.url;
    scenario = await pickScenario(url);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the sign-in page, in both languages, and its form from the keyboard', async () => {
    const findings = new Findings();
    const signIn = await newPage(e2e);
    await signIn.goto('/login');
    await signIn.locator('[data-testid="login-submit"]').waitFor({ state: 'visible' });
    for (const locale of ['zh-CN', 'en']) {
      await signIn.locator(`[data-testid="language-${locale}"]`).click();
      // Screen readers pick their voice from <html lang>.
      await expect.poll(() => signIn.locator('html').getAttribute('lang')).toBe(locale);
      await findings.audit(signIn, `sign-in (${locale})`);
    }
    // A wrong password: the error is announced and checked too.
    const page = await newPage(e2e);
    await page.goto('/login');
    await page.locator('input[data-testid="login-username"]').fill(REGISTRAR);
    await page.locator('input[data-testid="login-password"]').fill('wrong-password');
    await page.locator('[data-testid="login-submit"]').click();
    await page.locator('[data-testid="login-error"]').waitFor({ state: 'visible', timeout: 30_000 });
    await findings.audit(page, 'sign-in, refused');
    findings.expectNone();

    // From the top of a fresh page, Tab reaches the fields and the button, each with a focus ring,
    // and Enter signs in.
    const keyboard = await newPage(e2e);
    await keyboard.goto('/login');
    await keyboard.locator('[data-testid="login-submit"]').waitFor({ state: 'visible' });
    await blur(keyboard);
    const rings = await tabTo(keyboard, ['login-username', 'login-password', 'login-submit']);
    expect(rings).toEqual({ 'login-username': true, 'login-password': true, 'login-submit': true });
    await keyboard.locator('input[data-testid="login-username"]').fill(REGISTRAR);
    await keyboard.locator('input[data-testid="login-password"]').fill(DEMO_PASSWORD);
    await keyboard.locator('[data-testid="login-submit"]').focus();
    await keyboard.keyboard.press('Enter');
    await keyboard.waitForURL((u) => u.pathname !== '/login', { timeout: 30_000 });
  });

  it('a school registrar’s pages and dialogs', async () => {
    const findings = new Findings();
    const page = await newPage(e2e);
    await e2e.login(page, REGISTRAR);

    await page.locator('[data-testid="problems-table"]').waitFor({ state: 'visible' });
    await findings.audit(page, 'registrar: problems list');
    await auditDialog(findings, page, 'registrar: change password dialog', () => page.locator('[data-testid="header-change-password"]').click());

    await page.goto('/problems?waiting=1');
    await findings.audit(page, 'registrar: problems waiting for me');

    await page.goto('/students');
    await page.locator('[data-testid="students-table"]').waitFor({ state: 'visible' });
    await findings.audit(page, 'registrar: students list');

    await page.goto(`/students/${scenario.ours}`);
    await page.locator('[data-testid="student-identity"]').waitFor({ state: 'visible', timeout: 30_000 });
    await findings.audit(page, 'registrar: student record');

    await page.goto('/import');
    await page.locator('[data-testid="import-own-school"]').waitFor({ state: 'visible', timeout: 30_000 });
    await findings.audit(page, 'registrar: import');
    // A file with bad rows (a gender the template does not know, a missing name): the refusal and
    // the table of row errors, empty cells included.
    const rows = [
      '姓名,性别,出生日期,身份证件类型,身份证件号,民族,年级,班级,入学年月,户口所在地,联系电话',
      '林雨桐,女生,2015-06-01,居民身份证,330106201506010021,汉族,三年级,2班,2021-09,浙江省杭州市西湖区,',
      ',男,2015-04-12,居民身份证,330106201504120013,汉族,三年级,2班,2021-09,浙江省杭州市西湖区,',
    ];
    await page.locator('[data-testid="import-file"] input[type="file"]').setInputFiles({
      name: '三年级2班.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`, 'utf8'),
    });
    await findings.audit(page, 'registrar: import, file chosen');
    await page.locator('[data-testid="import-start"]').click();
    await page.locator('[data-testid="import-errors-table"]').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.import-errors__empty-value').first().waitFor({ state: 'visible' });
    await findings.audit(page, 'registrar: import, row errors');

    // On a phone the menu is a drawer opened from the header.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/problems');
    await page.locator('.app-header__menu-button').click();
    await page.locator('#app-nav-drawer').waitFor({ state: 'visible' });
    await findings.audit(page, 'registrar: phone, menu drawer');
    await page.keyboard.press('Escape');
    await page.locator('#app-nav-drawer').waitFor({ state: 'hidden' });
    await page.setViewportSize({ width: 1366, height: 900 });

    // Pages outside a registrar's menu still open by address and explain themselves.
    for (const [path, where] of [
      ['/review', 'registrar: review (not allowed)'],
      ['/dashboard', 'registrar: dashboard (not allowed)'],
      ['/reports', 'registrar: reports'],
      ['/explorer', 'registrar: explorer'],
    ] as const) {
      await page.goto(path);
      await findings.audit(page, where);
    }
    findings.expectNone();
  });

  it('a problem: comparing, acting on a record, negotiating, escalating — and its actions from the keyboard', async () => {
    const findings = new Findings();
    const { problemId, ours, registrarB } = scenario;
    const page = await newPage(e2e);
    await e2e.login(page, REGISTRAR);
    await page.goto(`/problems/${problemId}`);
    await page.locator('[data-testid="member-comparison"]').waitFor({ state: 'visible', timeout: 30_000 });
    await findings.audit(page, 'registrar: problem');

    // The record actions, each with a focus ring, reached with Tab from the top of the page; Enter opens the dialog.
    const actions = ['CHANGE', 'CORROBORATE', 'DELETE'].map((action) => `action-${action}-${ours}`);
    await blur(page);
    const rings = await tabTo(page, [...actions, 'message-send']);
    expect(rings).toEqual(Object.fromEntries([...actions, 'message-send'].map((id) => [id, true])));
    await page.locator(`[data-testid="action-CHANGE-${ours}"]`).focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="record-action-dialog"]').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="record-action-dialog"]').waitFor({ state: 'hidden' });

    for (const action of ['CHANGE', 'CORROBORATE', 'DELETE']) {
      await auditDialog(findings, page, `registrar: ${action} record dialog`, () => page.locator(`[data-testid="action-${action}-${ours}"]`).click());
    }
    await page.locator('[data-testid="proposal-kind-KEEP_ONE"]').click();
    await findings.audit(page, 'registrar: problem, composing a proposal');

    // The registrar proposes; the other school sees the proposal and starts to reject it.
    const tokenA = await token(url, REGISTRAR);
    const proposal = await mutate(url, tokenA, `mutation($input: PostMessageInput!) { postMessage(input: $input) { ok id error { code } } }`, {
      input: { problemId, body: '该生在我校就读，请贵校核实后删除学籍。', proposal: 'KEEP_ONE', keepStudentId: ours },
    });
    const b = await newPage(e2e);
    await e2e.login(b, registrarB);
    await b.goto(`/problems/${problemId}`);
    await b.locator('[data-testid="proposal-reject"]').waitFor({ state: 'visible', timeout: 30_000 });
    await findings.audit(b, 'other school: problem with a proposal to answer');
    await b.locator('[data-testid="proposal-reject"]').click();
    await b.locator('textarea[data-testid="reject-reason"]').waitFor({ state: 'visible' });
    await findings.audit(b, 'other school: rejecting a proposal');
    await mutate(url, await token(url, registrarB), `mutation($input: AnswerProposalInput!) { answerProposal(input: $input) { ok id error { code } } }`, {
      input: { messageId: proposal.id, accept: false, reason: '该生仍在我校上课。' },
    });

    // Rejected: the registrar may escalate.
    await page.locator('[data-testid="problem-refresh"]').click();
    await page.locator('[data-testid="escalate"]').waitFor({ state: 'visible', timeout: 30_000 });
    await findings.audit(page, 'registrar: problem after the proposal was rejected');
    await auditDialog(findings, page, 'registrar: escalate dialog', () => page.locator('[data-testid="escalate"]').click());
    await mutate(url, tokenA, `mutation($input: EscalateInput!) { escalateProblem(input: $input) { ok id error { code } } }`, {
      input: { problemId, version: await problemVersion(url, tokenA, problemId), reason: '双方均称学生在本校就读，请区县核查。' },
    });

    // The city reviewer decides: the panel, and the confirmation before the decision is sent.
    const staff = await newPage(e2e);
    await e2e.login(staff, STAFF);
    await staff.goto(`/problems/${problemId}`);
    await staff.locator('[data-testid="decision-panel"]').waitFor({ state: 'visible', timeout: 30_000 });
    await findings.audit(staff, 'staff: problem to decide');
    await staff.locator(`[data-testid="decision-keep-${ours}"]`).click();
    await staff.locator(`[data-testid="decision-delete-${scenario.theirs}"]`).click();
    await staff.locator('textarea[data-testid="decision-note"]').fill('经核查，学生在本校就读。');
    await auditDialog(findings, staff, 'staff: confirm a decision', () => staff.locator('[data-testid="decision-submit"]').click(), '.el-message-box');

    await staff.goto('/review');
    await staff.locator('[data-testid="review-tab-escalated"]').waitFor({ state: 'visible', timeout: 30_000 });
    await findings.audit(staff, 'staff: review queue');
    await staff.goto('/review?tab=escalated');
    await staff.locator(`[data-testid="review-table-escalated"] a[href="/problems/${problemId}"]`).first().waitFor({ state: 'visible', timeout: 30_000 });
    await findings.audit(staff, 'staff: review queue, escalated');
    findings.expectNone();
  });

  it('district staff’s pages: lists, dashboard, reports (built, saved, reopened) and the explorer', async () => {
    const findings = new Findings();
    const page = await newPage(e2e);
    await e2e.login(page, STAFF);

    await page.locator('[data-testid="problems-table"]').waitFor({ state: 'visible' });
    await findings.audit(page, 'staff: problems list');

    await page.goto('/students');
    await page.locator('[data-testid="students-table"]').waitFor({ state: 'visible' });
    await findings.audit(page, 'staff: students list');

    await page.goto(`/students/${scenario.theirs}`);
    await page.locator('[data-testid="student-identity"]').waitFor({ state: 'visible', timeout: 30_000 });
    await findings.audit(page, 'staff: student record');

    await page.goto('/dashboard');
    await page.locator('[data-testid="stat-value"]').first().waitFor({ state: 'visible', timeout: 30_000 });
    await findings.audit(page, 'staff: dashboard');

    await page.goto('/import');
    await findings.audit(page, 'staff: import (not allowed)');

    await page.goto('/reports');
    await page.locator('[data-testid="report-document"]').waitFor({ state: 'visible' });
    await findings.audit(page, 'staff: new report');
    await page.locator('[data-testid="report-dimensions"] .el-select__wrapper').click();
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: /^\s*学校\s*$/ }).click();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="report-run"]').click();
    await page.locator('[data-testid="report-table"] .el-table__body tbody tr').first().waitFor({ state: 'visible', timeout: 30_000 });
    await findings.audit(page, 'staff: report run');
    await page.locator('[data-testid="report-save"]').click();
    await page.locator('[data-testid="save-dialog"]').waitFor({ state: 'visible' });
    await findings.audit(page, 'staff: save report dialog');
    await page.locator('input[data-testid="save-name"]').fill('各校问题');
    await page.locator('[data-testid="save-submit"]').click();
    await page.waitForURL(/\/reports\/\d+$/, { timeout: 30_000 });
    await page.goto(new URL(page.url()).pathname);
    await page.locator('[data-testid="report-not-run"]').waitFor({ state: 'visible', timeout: 30_000 });
    await findings.audit(page, 'staff: saved report');

    await page.goto('/explorer');
    await page.locator('[data-testid="explorer-open"]').waitFor({ state: 'visible' });
    await findings.audit(page, 'staff: explorer');
    await page.locator('[data-testid="explorer-open"]').click();
    await page.waitForURL((u) => u.pathname === '/explorer.html');
    await page.locator('.graphiql-query-editor .view-lines', { hasText: 'problemStats' }).waitFor({ state: 'visible', timeout: 60_000 });
    await findings.audit(page, 'staff: GraphiQL explorer');
    findings.expectNone();
  });
});
