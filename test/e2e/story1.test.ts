import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/product-process.js';
import { startE2E, type E2E } from './support/e2e.js';
import { DEMO_PASSWORD } from './support/product.js';

/**
 * DESIGN.md story 1, "two schools negotiate a cross-school duplicate", in real Chromium against the
 * real product on fresh demo data: school A proposes to keep its record, school B rejects with a
 * reason, A escalates, the reviewer over both districts decides, and the problem is resolved.
 */

/** School A: 杭州市上城区胜利小学 (上城区 330102) in the demo seed (api/src/seed/demo.ts). */
const REGISTRAR_A = 'reg01';
/**
 * Who decides: a problem between two districts is decided by district staff of the smallest region
 * containing both, here the city (the demo seed's city-level reviewer of 杭州).
 */
const DECIDER = 'review.hz';

interface Candidate {
  id: string;
  ours: { studentId: string; schoolName: string };
  theirs: { studentId: string; schoolCode: string; schoolName: string };
}

async function token(url: string, username: string): Promise<string> {
  const { data } = await graphql(url, `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: DEMO_PASSWORD });
  return data.login.token as string;
}

/**
 * An open cross-school DUPLICATE_ID problem of school A whose other school is in another district of
 * the same city, that nobody has touched yet (the demo's six months of work settled older ones).
 */
async function pickProblem(url: string): Promise<Candidate> {
  const { data } = await graphql(
    url,
    `{ problems(filter: { type: DUPLICATE_ID, scope: CROSS_SCHOOL, status: OPEN }, first: 100) {
         nodes { id nextStep { kind } messages { id } members { studentId inMyScope school { code name regionCode } } } } }`,
    {},
    await token(url, REGISTRAR_A),
  );
  type Member = { studentId: string; inMyScope: boolean; school: { code: string; name: string; regionCode: string } };
  for (const node of data.problems.nodes as { id: string; nextStep: { kind: string }; messages: unknown[]; members: Member[] }[]) {
    if (node.members.length !== 2 || node.nextStep.kind !== 'ACT_ON_RECORD' || node.messages.length > 0) continue;
    const ours = node.members.find((m) => m.inMyScope);
    const theirs = node.members.find((m) => !m.inMyScope);
    if (!ours || !theirs) continue;
    const sameCity = ours.school.regionCode.slice(0, 4) === theirs.school.regionCode.slice(0, 4);
    if (sameCity && ours.school.regionCode !== theirs.school.regionCode) {
      return {
        id: node.id,
        ours: { studentId: ours.studentId, schoolName: ours.school.name },
        theirs: { studentId: theirs.studentId, schoolCode: theirs.school.code, schoolName: theirs.school.name },
      };
    }
  }
  throw new Error(`${REGISTRAR_A} has no open cross-district DUPLICATE_ID problem in the demo data`);
}

/** The demo registrar of a school (reg01…reg12), found through the API rather than a copy of the seed. */
async function registrarOf(url: string, schoolCode: string): Promise<string> {
  for (let i = 1; i <= 12; i++) {
    const username = `reg${String(i).padStart(2, '0')}`;
    const { data } = await graphql(url, `{ me { school { code } } }`, {}, await token(url, username));
    if (data.me?.school?.code === schoolCode) return username;
  }
  throw new Error(`no demo registrar for school ${schoolCode}`);
}

const statusTag = (page: Page) => page.locator('[data-testid="problem-status"]').first();
/** The "what happens next" line of the problem page: its kind and its sentence. */
const nextStep = (page: Page) => page.locator('[data-testid="problem-next-step"]');
async function expectNextStep(page: Page, kind: string, text: string): Promise<void> {
  await expect.poll(() => nextStep(page).getAttribute('data-kind'), { timeout: 30_000 }).toBe(kind);
  expect(await nextStep(page).textContent()).toContain(text);
}

/** A full-page screenshot from the top (scrolled, the sticky header would sit in the middle of it). */
async function screenshot(e2e: E2E, page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await e2e.screenshot(page, name);
}

describe('story 1: two schools negotiate a cross-school duplicate (real Chromium, real product)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('A proposes, B rejects with a reason, A escalates, the district decides, the problem is resolved', async () => {
    const url = e2e.product.url;
    const problem = await pickProblem(url);
    const registrarB = await registrarOf(url, problem.theirs.schoolCode);

    // ── School A finds the problem in its list (the home page) and opens it ──────────────────────
    const a = await e2e.newPage();
    await e2e.login(a, REGISTRAR_A);
    await a.locator('[data-testid="problems-table"]').waitFor({ state: 'visible' });
    await a.locator('[data-testid="problems-type-DUPLICATE_ID"]').click();
    await a.waitForURL(/type=DUPLICATE_ID/);
    const link = a.locator(`[data-testid="problems-table"] a[href="/problems/${problem.id}"]`);
    await link.waitFor({ state: 'visible', timeout: 30_000 });
    await a.locator('.problem-table[aria-busy="false"]').waitFor({ timeout: 30_000 });
    await screenshot(e2e, a, 'story1-problem-list');
    await link.click();

    await a.locator('[data-testid="member-comparison"]').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await statusTag(a).textContent()).toContain('待处理');
    // Side by side: our record first, the other school's number masked, the differing school highlighted.
    const heads = a.locator('th.compare__head');
    expect(await heads.nth(0).textContent()).toContain('本校');
    expect(await heads.nth(1).textContent()).toContain(problem.theirs.schoolName);
    // The other school's number is compared with ours, never shown, not even masked.
    const theirIdNumber = await a.locator(`[data-testid="compare-idNumber-${problem.theirs.studentId}"]`).textContent();
    expect(theirIdNumber).toContain('与本校记录');
    expect(theirIdNumber).not.toMatch(/\d{3}/);
    expect(await a.locator(`[data-testid="compare-school-${problem.theirs.studentId}"]`).getAttribute('class')).toContain('is-different');
    expect(await a.locator(`[data-testid="compare-name-${problem.theirs.studentId}"]`).getAttribute('class')).not.toContain('is-different');
    expect(await a.locator(`[data-testid="actions-${problem.ours.studentId}"] button`).count()).toBe(3);
    expect(await a.locator(`[data-testid="actions-${problem.theirs.studentId}"]`).count()).toBe(0);
    // A's turn, with the action that fits a cross-school duplicate leading.
    await expectNextStep(a, 'ACT_ON_RECORD', '建议佐证');
    expect(await a.locator(`[data-testid="action-CORROBORATE-${problem.ours.studentId}"]`).getAttribute('data-suggested')).toBe('true');
    await screenshot(e2e, a, 'story1-side-by-side');

    // A proposes: the pupil studies here; B should delete its record.
    await a.locator('textarea[data-testid="message-body"]').fill('该生在我校就读，请贵校核实后删除学籍（不在本校就读）。');
    await a.locator('[data-testid="proposal-kind-KEEP_ONE"]').click();
    expect(await a.locator(`[data-testid="keep-record"] input[value="${problem.ours.studentId}"]`).isChecked()).toBe(true);
    await a.locator('[data-testid="message-send"]').click();
    const proposalStatusA = a.locator('[data-testid="negotiation-thread"] [data-testid="proposal-status"]').last();
    await expect.poll(() => proposalStatusA.textContent(), { timeout: 30_000 }).toContain('等待答复');
    await a.locator('[data-testid="problem-refresh"]').click();
    await expectNextStep(a, 'WAIT_FOR_ANSWER', `等待${problem.theirs.schoolName}答复`);

    // ── School B sees it waiting in its own list, and rejects with a reason ──────────────────────
    const b = await e2e.newPage();
    await e2e.login(b, registrarB);
    await b.goto('/problems?waiting=1');
    const linkB = b.locator(`[data-testid="problems-table"] a[href="/problems/${problem.id}"]`);
    await linkB.waitFor({ state: 'visible', timeout: 30_000 });
    await linkB.click();
    await b.locator('[data-testid="proposal-reject"]').waitFor({ state: 'visible', timeout: 30_000 });
    await expectNextStep(b, 'ANSWER_PROPOSAL', `轮到您：${problem.ours.schoolName}于`);
    expect(await b.locator('[data-testid="negotiation-thread"]').textContent()).toContain('该生在我校就读');
    await b.locator('[data-testid="proposal-reject"]').click();
    await b.locator('textarea[data-testid="reject-reason"]').fill('该生仍在我校上课，有本学期考勤记录。');
    await b.locator('[data-testid="reject-submit"]').click();
    const proposalStatusB = b.locator('[data-testid="negotiation-thread"] [data-testid="proposal-status"]').last();
    await expect.poll(() => proposalStatusB.textContent(), { timeout: 30_000 }).toContain('已拒绝');
    await b.locator('[data-testid="problem-refresh"]').click();
    await expectNextStep(b, 'ACT_ON_RECORD', '请处理本校的学籍');

    // ── School A sees the rejection and escalates to the district ────────────────────────────────
    await a.locator('[data-testid="problem-refresh"]').click();
    await expect.poll(() => proposalStatusA.textContent(), { timeout: 30_000 }).toContain('已拒绝');
    expect(await a.locator('[data-testid="negotiation-thread"]').textContent()).toContain('该生仍在我校上课');
    // Still A's turn: prove the pupil studies here, or take the disagreement to the district.
    await expectNextStep(a, 'ACT_ON_RECORD', '也可以在下方提交区县裁决');
    await a.locator('[data-testid="escalate"]').click();
    await a.locator('textarea[data-testid="escalate-reason"]').fill('双方均称学生在本校就读，请区县核查。');
    await a.locator('[data-testid="escalate-submit"]').click();
    await expect.poll(() => statusTag(a).textContent(), { timeout: 30_000 }).toContain('待裁决');
    // Schools no longer act on an escalated problem.
    expect(await a.locator('[data-testid^="action-"]').count()).toBe(0);
    await expectNextStep(a, 'WAIT_FOR_DECISION', '您现在无需操作');

    // ── The reviewer over both districts decides: A keeps its record, B's is deleted ──────────────
    const reviewer = await e2e.newPage();
    await e2e.login(reviewer, DECIDER);
    await reviewer.goto(`/problems/${problem.id}`);
    await reviewer.locator('[data-testid="decision-panel"]').waitFor({ state: 'visible', timeout: 30_000 });
    await expectNextStep(reviewer, 'DECIDE', '轮到您：学校之间未能达成一致');
    await reviewer.locator(`[data-testid="decision-keep-${problem.ours.studentId}"]`).click();
    await reviewer.locator(`[data-testid="decision-delete-${problem.theirs.studentId}"]`).click();
    await reviewer.locator('textarea[data-testid="decision-note"]').fill(`经公安核查，学生在${problem.ours.schoolName}就读。`);
    await reviewer.locator('[data-testid="decision-submit"]').click();
    const confirm = reviewer.locator('.el-message-box');
    await confirm.waitFor({ state: 'visible' });
    expect(await confirm.textContent()).toContain('保留 1 条，删除 1 条学籍');
    await confirm.getByRole('button', { name: '确认裁决' }).click();
    await expect.poll(() => statusTag(reviewer).textContent(), { timeout: 30_000 }).toContain('已解决');
    const history = reviewer.locator('[data-testid="problem-history"]');
    await expect.poll(() => history.textContent(), { timeout: 30_000 }).toContain('区县裁决');
    for (const step of ['提出建议', '拒绝建议', '提交区县裁决']) expect(await history.textContent()).toContain(step);
    await expectNextStep(reviewer, 'DONE', '问题已解决');
    await screenshot(e2e, reviewer, 'story1-resolved');

    // ── Both schools see the final status ───────────────────────────────────────────────────────
    for (const page of [a, b]) {
      await page.locator('[data-testid="problem-refresh"]').click();
      await expect.poll(() => statusTag(page).textContent(), { timeout: 30_000 }).toContain('已解决');
    }
  });
});
