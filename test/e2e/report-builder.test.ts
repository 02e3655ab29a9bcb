import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/product-process.js';
import { startE2E, type E2E } from './support/e2e.js';

/** Opens an Element Plus select and clicks the option with exactly this text (options live in a popper on <body>). */
async function toggleOption(page: Page, selectTestId: string, label: string): Promise<void> {
  const popperOpen = page.locator('.el-select-dropdown__item:visible').first();
  if (!(await popperOpen.isVisible())) await page.locator(`[data-testid="${selectTestId}"] .el-select__wrapper`).click();
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) }).click();
}

/** The rows of the result table, cell texts trimmed. */
async function tableRows(page: Page): Promise<string[][]> {
  const rows = page.locator('[data-testid="report-table"] .el-table__body tbody tr');
  const texts: string[][] = [];
  for (const row of await rows.all()) texts.push((await row.locator('td').allTextContents()).map((t) => t.trim()));
  return texts;
}

describe('district statistics and custom reports in the portal (real Chromium, real product)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('a district admin sees the dashboard, then builds, runs, saves, reopens and exports a report', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'district.sc');

    // Story 2: the dashboard of the district, charts drawn.
    await page.goto('/dashboard');
    await expect.poll(() => page.locator('[data-testid="card-unresolved"] [data-testid="stat-value"]').textContent(), { timeout: 30_000 }).toMatch(/^\d[\d,]*$/);
    await page.locator('[data-testid="chart-type-status"] canvas').first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('[data-testid="chart-top-schools"] canvas').first().waitFor({ state: 'visible' });
    // ECharts animates bars in; let them settle before the picture.
    await page.waitForTimeout(1500);
    await e2e.screenshot(page, 'dashboard');

    // Story 2, drilling in: a bar of the schools chart opens that school's problems. The bars are
    // drawn on a canvas, so the test clicks down its middle until one answers.
    const canvas = page.locator('[data-testid="chart-top-schools"] canvas').first();
    const box = (await canvas.boundingBox())!;
    for (let y = box.y + 10; y < box.y + box.height && !page.url().includes('/problems'); y += 8) {
      await page.mouse.click(box.x + box.width * 0.4, y);
      await page.waitForTimeout(50);
    }
    await page.waitForURL(/\/problems\?school=\d+/, { timeout: 30_000 });
    const drilledSchool = new URL(page.url()).searchParams.get('school');
    await page.locator('[data-testid="problems-table"] .el-table__body tbody tr').first().waitFor({ state: 'visible', timeout: 30_000 });
    const { data: drilled } = await graphql(
      e2e.product.url,
      `query($school: ID) { problems(filter: { schoolId: $school }, first: 1) { totalCount } }`,
      { school: drilledSchool },
      await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string } }).localStorage.getItem('psp.token')),
    );
    await expect.poll(() => page.locator('[data-testid="problems-total"]').textContent()).toContain(String(drilled.problems.totalCount));

    // Story 3: build a report: schools, with the count and the unresolved problems.
    await page.goto('/reports');
    await page.locator('[data-testid="report-document"]').waitFor({ state: 'visible' });
    await toggleOption(page, 'report-dimensions', '问题类型');
    await toggleOption(page, 'report-dimensions', '学校');
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid="measure-count"] input').isChecked()).toBe(true);
    expect(await page.locator('[data-testid="measure-unresolved"] input').isChecked()).toBe(true);
    await expect.poll(() => page.locator('[data-testid="report-document"]').textContent()).toContain('schoolId');
    const document = (await page.locator('[data-testid="report-document"]').textContent())!;
    expect(document).toContain('problemStats(groupBy: $groupBy, filter: $filter)');
    expect(JSON.parse((await page.locator('[data-testid="report-variables"]').textContent())!)).toEqual({ groupBy: ['SCHOOL'] });

    await page.locator('[data-testid="report-run"]').click();
    await page.locator('[data-testid="report-table"] .el-table__body tbody tr').first().waitFor({ state: 'visible', timeout: 30_000 });
    const rows = await tableRows(page);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toEqual([expect.stringMatching(/\S/), expect.stringMatching(/^\d[\d,]*$/), expect.stringMatching(/^\d[\d,]*$/)]);

    // Save it, shared with the district.
    await page.locator('[data-testid="report-save"]').click();
    await page.locator('input[data-testid="save-name"]').fill('上城区各校问题');
    await page.locator('textarea[data-testid="save-description"]').fill('每周例会用');
    await page.locator('[data-testid="save-share"]').click();
    await page.locator('[data-testid="save-submit"]').click();
    await page.waitForURL(/\/reports\/\d+$/, { timeout: 30_000 });
    const reportPath = new URL(page.url()).pathname;
    await expect.poll(() => page.locator('[data-testid="report-title"]').textContent()).toContain('上城区各校问题');

    // Reopen it from the list, on a fresh page: its query is shown, and runs only on "run".
    const reportRuns: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql' && (request.postData() ?? '').includes('problemStats(groupBy: $groupBy')) reportRuns.push(request.url());
    });
    await page.goto('/reports');
    await expect.poll(() => page.locator('[data-testid="report-title"]').textContent()).toContain('新建报表');
    await page.locator('[data-testid="saved-reports"] a', { hasText: '上城区各校问题' }).click();
    await page.waitForURL((url) => url.pathname === reportPath);
    await expect.poll(() => page.locator('[data-testid="report-title"]').textContent()).toContain('上城区各校问题');
    expect(await page.locator('[data-testid="report-document"]').textContent()).toBe(document);
    await page.locator('[data-testid="report-not-run"]').waitFor({ state: 'visible' });
    await page.waitForTimeout(1000);
    expect(reportRuns).toEqual([]);
    expect(await page.locator('[data-testid="report-table"]').count()).toBe(0);
    await page.locator('[data-testid="report-run"]').click();
    await page.locator('[data-testid="report-table"] .el-table__body tbody tr').first().waitFor({ state: 'visible', timeout: 30_000 });
    expect(await tableRows(page)).toEqual(rows);
    expect(reportRuns).toHaveLength(1);
    expect(await page.locator('[data-testid="report-dirty"]').count()).toBe(0);
    await page.locator('[data-testid="report-chart"] canvas').first().waitFor({ state: 'visible' });
    // A full-page picture of a scrolled page would draw the sticky header halfway down.
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await page.waitForTimeout(1500);
    await e2e.screenshot(page, 'report-builder');

    // Export CSV: the file Excel on Chinese Windows opens correctly (UTF-8 with a BOM), one line per school.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator('[data-testid="report-export-csv"]').click()]);
    expect(download.suggestedFilename()).toBe('上城区各校问题.csv');
    const file = readFileSync((await download.path())!);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.subarray(3).toString('utf8').trimEnd().split('\r\n');
    // The file speaks the page's language: Chinese headers.
    expect(lines[0]).toBe('学校编号,学校,问题数,未解决');
    expect(lines.length).toBe(rows.length + 1);
  });

  it('the GraphQL explorer, served by the product itself, runs queries with the user’s own token', async () => {
    const page = await e2e.newPage();
    const origin = new URL(e2e.product.url.replace('//localhost:', '//127.0.0.1:')).origin;
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) elsewhere.push(url);
    });
    await e2e.login(page, 'district.sc');

    await page.goto('/explorer');
    await page.locator('[data-testid="explorer-open"]').click();
    await page.waitForURL((url) => url.pathname === '/explorer.html');
    // GraphiQL is ready once the default query is in its editor (the tab takes the operation's name).
    await page.locator('.graphiql-tab', { hasText: 'OpenCrossSchoolProblemsBySchool' }).waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.graphiql-query-editor .view-lines', { hasText: 'problemStats' }).waitFor({ state: 'visible' });
    await page.locator('.graphiql-execute-button').click();
    // The default query: open cross-school problems per school, answered within the district's scope.
    await expect.poll(() => page.locator('.result-window').textContent(), { timeout: 30_000 }).toContain('problemStats');
    expect(await page.locator('.result-window').textContent()).not.toContain('errors');
    await page.waitForTimeout(500);
    await e2e.screenshot(page, 'explorer');
    expect(elsewhere).toEqual([]);
  });
});
