import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/product-process.js';
import { startE2E, type E2E } from './support/e2e.js';
import { DEMO_PASSWORD } from './support/product.js';

/**
 * Possible duplicates (可能重复), in real Chromium against the real product on fresh demo data: the
 * demo plants pupils recorded twice with slips the exact rules miss, and seeding runs the matching
 * model; province staff see the pairs with their explanation, dismiss one with a reason and
 * confirm another, which opens a problem holding the two records.
 */

const STAFF = 'province.zj';

async function query(url: string, text: string, variables: Record<string, unknown>, bearer: string) {
  const { data, errors } = await graphql(url, text, variables, bearer);
  if (errors) throw new Error(`GraphQL errors: ${JSON.stringify(errors)}`);
  return data;
}

describe('possible duplicates: staff review the pairs the model suggests (real Chromium, real product)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows each pair with why it was suggested, dismisses one with a reason and confirms another into a problem', async () => {
    const url = e2e.product.url;
    const { data } = await graphql(url, `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: STAFF, p: DEMO_PASSWORD });
    const bearer = data.login.token as string;
    const listed = await query(url, `{ possibleDuplicates(first: 50) { totalCount nodes { id records { id } } } }`, {}, bearer);
    expect(listed.possibleDuplicates.totalCount).toBeGreaterThanOrEqual(2);
    const [first, second] = listed.possibleDuplicates.nodes as { id: string; records: { id: string }[] }[];

    const page = await e2e.newPage();
    await e2e.login(page, STAFF);
    await page.getByRole('menuitem', { name: '可能重复' }).click();
    await page.waitForURL(/\/possible-duplicates/);
    const card = page.locator(`[data-testid="pair-${first!.id}"]`);
    await card.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.locator('[data-testid="duplicates-about"]').textContent()).toContain('为什么会列出这一对学籍');
    // Why: one sentence per compared field, and the waterfall drawn.
    expect(await card.locator(`[data-testid="pair-explanation-${first!.id}"] li`).count()).toBe(6);
    await card.locator('canvas, svg').first().waitFor({ state: 'visible', timeout: 30_000 });
    expect(await card.locator(`[data-testid="pair-probability-${first!.id}"]`).textContent()).toMatch(/%/);
    await e2e.screenshot(page, 'possible-duplicates');

    // Dismiss the second pair: a reason is asked for first.
    await page.locator(`[data-testid="pair-dismiss-${second!.id}"]`).click();
    const dismiss = page.locator('[data-testid="decide-pair-dialog"]');
    await dismiss.waitFor({ state: 'visible' });
    await dismiss.locator('[data-testid="decide-submit"]').click();
    await expect.poll(() => dismiss.locator('.is-error, [role="alert"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await dismiss.locator('textarea').fill('双胞胎，已核对户口簿');
    await dismiss.locator('[data-testid="decide-submit"]').click();
    await dismiss.waitFor({ state: 'hidden', timeout: 30_000 });
    await page.locator(`[data-testid="pair-${second!.id}"]`).waitFor({ state: 'detached', timeout: 30_000 });

    // Confirm the first: a problem opens with the two records, and the page links to it.
    await page.locator(`[data-testid="pair-confirm-${first!.id}"]`).click();
    const confirm = page.locator('[data-testid="decide-pair-dialog"]');
    await confirm.waitFor({ state: 'visible' });
    await confirm.locator('textarea').fill('同一学生重复建籍');
    await confirm.locator('[data-testid="decide-submit"]').click();
    await page.locator('[data-testid="duplicates-opened-link"]').waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('[data-testid="duplicates-opened-link"]').click();
    await page.waitForURL(/\/problems\/\d+$/);
    const problemId = page.url().split('/').pop()!;
    const problem = await query(url, `query($id: ID!) { problem(id: $id) { type status members { studentId } } }`, { id: problemId }, bearer);
    expect(problem.problem.type).toBe('DUPLICATE_IDENTITY');
    expect(problem.problem.members.map((m: { studentId: string }) => m.studentId).sort()).toEqual(first!.records.map((r) => r.id).sort());
    const decided = await query(url, `{ d: possibleDuplicates(filter: { status: DISMISSED }) { nodes { id reason } } c: possibleDuplicates(filter: { status: CONFIRMED }) { nodes { id } } }`, {}, bearer);
    expect(decided.d.nodes).toEqual([{ id: second!.id, reason: '双胞胎，已核对户口簿' }]);
    expect(decided.c.nodes).toEqual([{ id: first!.id }]);
  });
});
