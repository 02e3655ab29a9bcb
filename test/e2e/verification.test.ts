import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../../api/test/support/images.js';
import { graphql } from '../support/product-process.js';
import { startE2E, type E2E } from './support/e2e.js';
import { DEMO_PASSWORD } from './support/product.js';

/**
 * Semester verification (学期核查), in real Chromium against the real product on fresh demo data:
 * the district opens a campaign; a registrar of a school in it confirms one class, marking one pupil
 * as left for no known school and one as changed; the district sees the school's progress, and the
 * pupil who left is deleted.
 */

/** 上城区 (330102)'s district staff and 杭州市上城区胜利小学's registrar in the demo seed (api/src/seed/demo.ts). */
const DISTRICT = 'district.sc';
const REGISTRAR = 'reg01';
const SCHOOL_CODE = '1330102001';

/** A query's data; a GraphQL error fails the test with the API's own words. */
async function query(url: string, text: string, variables: Record<string, unknown>, bearer: string) {
  const { data, errors } = await graphql(url, text, variables, bearer);
  if (errors) throw new Error(`GraphQL errors: ${JSON.stringify(errors)}`);
  return data;
}

async function token(url: string, username: string): Promise<string> {
  const { data } = await graphql(url, `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: DEMO_PASSWORD });
  return data.login.token as string;
}

interface Pupil {
  id: string;
  name: string;
}

/** The registrar's first class of the open campaign with at least three pupils, and its pupils. */
async function pickClass(url: string, bearer: string): Promise<{ grade: string; className: string; pupils: Pupil[] }> {
  const data = await query(url, `{ verificationCampaigns(status: OPEN) { id myClasses { grade className pupils confirmedAt } } }`, {}, bearer);
  expect(data.verificationCampaigns).toHaveLength(1);
  type Row = { grade: string; className: string; pupils: number; confirmedAt: string | null };
  const row = (data.verificationCampaigns[0].myClasses as Row[]).find((k) => k.pupils >= 3 && !k.confirmedAt && k.grade && k.className);
  if (!row) throw new Error(`${REGISTRAR} has no class of three pupils or more in the demo data`);
  const roster = await query(
    url,
    `query($g: String!, $c: String!) { verificationCampaigns(status: OPEN) { classRoster(grade: $g, className: $c) { id name } } }`,
    { g: row.grade, c: row.className },
    bearer,
  );
  return { grade: row.grade, className: row.className, pupils: roster.verificationCampaigns[0].classRoster as Pupil[] };
}

/** A full-page screenshot from the top (scrolled, the sticky header would sit in the middle of it). */
async function screenshot(e2e: E2E, page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await e2e.screenshot(page, name);
}

describe('semester verification: the district opens it, a school confirms a class, the district follows (real Chromium, real product)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('opens a campaign, confirms a class with one pupil left and one changed, shows the progress, deletes the pupil who left and corrects the changed one', async () => {
    const url = e2e.product.url;
    const title = '端到端测试学期核查';

    // ── The district opens a campaign for its region ──────────────────────────────────────────────
    const district = await e2e.newPage();
    await e2e.login(district, DISTRICT);
    await district.getByRole('menuitem', { name: '学期核查' }).click();
    await district.waitForURL(/\/verification$/);
    await district.locator('[data-testid="verification-empty"]').waitFor({ state: 'visible', timeout: 30_000 });
    await district.getByRole('button', { name: '发起学期核查' }).click();
    const form = district.getByRole('dialog', { name: '发起学期核查' });
    await form.waitFor({ state: 'visible' });
    await form.getByLabel('学期').fill('2026-2027-1');
    await form.getByLabel('截止日期').fill('2027-01-31');
    await form.getByLabel('截止日期').press('Enter');
    await form.getByLabel('标题').fill(title);
    await form.getByRole('button', { name: '发起核查' }).click();
    await district.getByText('已发起学期核查').first().waitFor({ timeout: 30_000 });
    await form.waitFor({ state: 'hidden' });
    const card = district.locator('.verification__campaign').filter({ hasText: title });
    await card.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await card.locator('[data-testid="campaign-status"]').textContent()).toBe('进行中');
    expect(await card.locator(`[data-testid="campaign-school-classes-${SCHOOL_CODE}"]`).textContent()).toMatch(/^0 \/ \d+$/);

    // ── A registrar of the district confirms one class ────────────────────────────────────────────
    const bearer = await token(url, REGISTRAR);
    const chosen = await pickClass(url, bearer);
    const [left, changed] = chosen.pupils as [Pupil, Pupil];
    const school = await e2e.newPage();
    await e2e.login(school, REGISTRAR);
    await school.getByRole('menuitem', { name: '学期核查' }).click();
    await school.waitForURL(/\/verification$/);
    await school.locator('[data-testid="verification-reminder"]').waitFor({ state: 'visible', timeout: 30_000 });
    await school.getByRole('button', { name: `确认班级：${chosen.grade} ${chosen.className}` }).click();
    const dialog = school.getByRole('dialog', { name: `确认班级：${chosen.grade} ${chosen.className}` });
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator(`[data-testid="confirm-mark-${left.id}"]`).waitFor({ state: 'visible', timeout: 30_000 });
    expect(await dialog.textContent()).toContain('以“不在本校就读”为由删除（区县可恢复）');
    await dialog.locator(`[data-testid="confirm-mark-${left.id}-LEFT"]`).click();
    await dialog.locator(`input[data-testid="confirm-note-${left.id}"]`).fill('已随家人出国，去向不明');
    await dialog.locator(`[data-testid="confirm-mark-${changed.id}-CHANGED"]`).click();
    await dialog.locator(`input[data-testid="confirm-note-${changed.id}"]`).fill('户口簿上的出生日期已更正');
    expect(await dialog.locator('[data-testid="confirm-class-summary"]').textContent()).toBe(`共 ${chosen.pupils.length} 名学生：1 名离校，1 名信息有变`);
    await screenshot(e2e, school, 'verification-confirm-class');
    await dialog.getByRole('button', { name: '确认班级' }).click();
    await school.getByText(`已确认 ${chosen.grade} ${chosen.className}`).first().waitFor({ timeout: 30_000 });
    await dialog.waitFor({ state: 'hidden' });
    expect(await school.getByRole('button', { name: `确认班级：${chosen.grade} ${chosen.className}` }).count()).toBe(0);

    // ── The district sees the school's progress ───────────────────────────────────────────────────
    await district.reload();
    const progress = card.locator(`[data-testid="campaign-school-classes-${SCHOOL_CODE}"]`);
    await expect.poll(() => progress.textContent(), { timeout: 30_000 }).toMatch(/^1 \/ \d+$/);
    const row = card.locator('tr').filter({ has: district.locator(`[data-testid="campaign-school-${SCHOOL_CODE}"]`) });
    expect(await row.locator('td').nth(3).textContent()).toBe('1');
    expect(await row.locator('td').nth(4).textContent()).toBe('1');
    await screenshot(e2e, district, 'verification-progress');

    // ── The registry: the pupil who left for no known school is deleted, the changed one stays ────
    const records = await query(url, `query($a: ID!, $b: ID!) { a: student(id: $a) { status deleteReason } b: student(id: $b) { status } }`, { a: left.id, b: changed.id }, bearer);
    expect(records.a).toEqual({ status: 'DELETED', deleteReason: 'NOT_STUDYING_HERE' });
    expect(records.b.status).toBe('ENROLLED');

    // ── The registrar corrects the changed pupil, with the household register as proof ────────────
    const state = school.locator(`[data-testid="changed-state-${changed.id}"]`);
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe('待更正');
    await school.locator(`[data-testid="changed-correct-${changed.id}"]`).click();
    const correction = school.getByRole('dialog', { name: `更正 ${changed.name} 的学籍信息` });
    await correction.waitFor({ state: 'visible' });
    expect(await correction.locator('[data-testid="correct-record-note"]').textContent()).toBe('核查时的备注：户口簿上的出生日期已更正');
    const nameInput = correction.locator('input[data-testid="change-name"]');
    await expect.poll(() => nameInput.inputValue(), { timeout: 30_000 }).toBe(changed.name);
    const newName = `${changed.name.slice(0, -1)}${changed.name.endsWith('欣') ? '悦' : '欣'}`;
    await nameInput.fill(newName);
    // Without proof the form says so and sends nothing.
    await correction.getByRole('button', { name: '提交更正' }).click();
    await correction.getByText('请至少上传一份证明材料').waitFor({ state: 'visible' });
    await correction.locator('input[type="file"]').setInputFiles({ name: '户口簿.png', mimeType: 'image/png', buffer: await png() });
    await correction.getByText('已上传').first().waitFor({ timeout: 30_000 });
    await correction.locator('textarea[data-testid="correct-record-comment"]').fill('户口簿已更正姓名');
    await screenshot(e2e, school, 'verification-correct-record');
    await correction.getByRole('button', { name: '提交更正' }).click();
    await school.getByText(`已更正 ${changed.name} 的学籍信息`).first().waitFor({ timeout: 30_000 });
    await correction.waitFor({ state: 'hidden' });
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toMatch(/已更正$/);
    const corrected = await query(url, `query($b: ID!) { b: student(id: $b) { name status } }`, { b: changed.id }, bearer);
    expect(corrected.b).toEqual({ name: newName, status: 'ENROLLED' });
  });
});
