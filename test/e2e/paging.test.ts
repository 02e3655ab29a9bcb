import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './support/e2e.js';

/**
 * Paging a list in the portal against the real product: the list query is a Relay connection,
 * Apollo's relayStylePagination merges the pages that "next" fetches, and the page shows one page
 * of them at a time. Going back shows a page already loaded, without asking the server again.
 */
describe('paging the student list (real Chromium, real product)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  /** The StudentsPage_Students requests the page sends from now on, with their variables. */
  function watchListRequests(page: Page): { after: string | null }[] {
    const seen: { after: string | null }[] = [];
    page.on('request', (request) => {
      const body = request.postDataJSON() as { operationName?: string; variables?: { after?: string | null } } | null;
      if (body?.operationName === 'StudentsPage_Students') seen.push({ after: body.variables?.after ?? null });
    });
    return seen;
  }

  const pageLabel = (page: Page) => page.locator('[data-testid="students-page"]').innerText();
  const rows = (page: Page) => page.locator('[data-testid="students-table"] tbody').innerText();

  it('turns pages forward with fetchMore and back from the cache, page n of m, and starts again on a new page size', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'reg01');
    const requests = watchListRequests(page);
    await page.goto('/students');
    await expect.poll(() => pageLabel(page), { timeout: 30_000 }).toMatch(/^第 1 \/ \d+ 页$/);
    const pageCount = Number(/\/ (\d+) 页/.exec(await pageLabel(page))![1]);
    expect(pageCount).toBeGreaterThanOrEqual(3);
    const first = await rows(page);

    await page.locator('[data-testid="students-next"]').click();
    await expect.poll(() => pageLabel(page)).toBe(`第 2 / ${pageCount} 页`);
    await expect.poll(() => rows(page)).not.toBe(first);
    const second = await rows(page);
    await page.locator('[data-testid="students-next"]').click();
    await expect.poll(() => pageLabel(page)).toBe(`第 3 / ${pageCount} 页`);
    await expect.poll(() => rows(page)).not.toBe(second);
    // Page 1 without a cursor, then one fetchMore per new page, each after the last loaded cursor.
    expect(requests.map((r) => r.after === null)).toEqual([true, false, false]);
    expect(new Set(requests.map((r) => r.after)).size).toBe(3);

    await page.locator('[data-testid="students-previous"]').click();
    await expect.poll(() => pageLabel(page)).toBe(`第 2 / ${pageCount} 页`);
    expect(await rows(page)).toBe(second);
    await page.locator('[data-testid="students-previous"]').click();
    await expect.poll(() => pageLabel(page)).toBe(`第 1 / ${pageCount} 页`);
    expect(await rows(page)).toBe(first);
    expect(await page.locator('[data-testid="students-previous"]').isDisabled()).toBe(true);
    expect(requests).toHaveLength(3);

    // A new page size is kept in the URL and starts again from page 1.
    await page.locator('[data-testid="students-next"]').click();
    await expect.poll(() => pageLabel(page)).toBe(`第 2 / ${pageCount} 页`);
    await page.locator('[data-testid="students-page-size"] .el-select__wrapper').click();
    await page.locator('.el-select-dropdown__item', { hasText: '50' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('size')).toBe('50');
    await expect.poll(() => pageLabel(page)).toMatch(/^第 1 \/ \d+ 页$/);
    expect(Number(/\/ (\d+) 页/.exec(await pageLabel(page))![1])).toBeLessThan(pageCount);
    expect((await rows(page)).startsWith(first)).toBe(true);
  }, 180_000);
});
