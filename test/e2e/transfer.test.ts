import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/product-process.js';
import { startE2E, type E2E } from './support/e2e.js';
import { DEMO_PASSWORD } from './support/product.js';

/**
 * Transfers between schools (学籍转接), in real Chromium against the real product on fresh demo data:
 * the pupil of a cross-school DUPLICATE_ID problem moved to school B, whose registrar asks for the
 * transfer inside the problem; school A's registrar confirms it on the transfers page; the problem
 * is resolved by transfer and A's record is TRANSFERRED_OUT, continued by B's.
 */

/** School B, which the pupil moved to: 杭州市上城区胜利小学 (上城区 330102) in the demo seed (api/src/seed/demo.ts). */
const REGISTRAR_B = 'reg01';

interface Candidate {
  id: string;
  /** B's record, which continues the pupil's status. */
  ours: { studentId: string; schoolName: string };
  /** A's record, which is transferred out. */
  theirs: { studentId: string; schoolCode: string; schoolName: string };
}

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

/**
 * An open cross-school DUPLICATE_ID problem between school B and one other school that nobody has
 * negotiated or asked a transfer in yet. Transfers inside a problem need no district approval, so
 * the other school may be in any district.
 */
async function pickProblem(url: string, tokenB: string): Promise<Candidate> {
  const data = await query(
    url,
    `{ problems(filter: { type: DUPLICATE_ID, scope: CROSS_SCHOOL, status: OPEN }, first: 100) {
         nodes { id messages { id } transfers { id } members { studentId inMyScope school { code name } } } } }`,
    {},
    tokenB,
  );
  type Member = { studentId: string; inMyScope: boolean; school: { code: string; name: string } };
  for (const node of data.problems.nodes as { id: string; messages: unknown[]; transfers: unknown[]; members: Member[] }[]) {
    if (node.members.length !== 2 || node.messages.length > 0 || node.transfers.length > 0) continue;
    const ours = node.members.find((m) => m.inMyScope);
    const theirs = node.members.find((m) => !m.inMyScope);
    if (!ours || !theirs) continue;
    return {
      id: node.id,
      ours: { studentId: ours.studentId, schoolName: ours.school.name },
      theirs: { studentId: theirs.studentId, schoolCode: theirs.school.code, schoolName: theirs.school.name },
    };
  }
  throw new Error(`${REGISTRAR_B} has no untouched open cross-school DUPLICATE_ID problem in the demo data`);
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

/** A full-page screenshot from the top (scrolled, the sticky header would sit in the middle of it). */
async function screenshot(e2e: E2E, page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await e2e.screenshot(page, name);
}

describe('transfers: the pupil moved, the new school asks, the old school confirms (real Chromium, real product)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('B requests a transfer in the problem, A confirms it under 转出, the problem is resolved by transfer and A’s record is transferred out to B’s', async () => {
    const url = e2e.product.url;
    const tokenB = await token(url, REGISTRAR_B);
    const problem = await pickProblem(url, tokenB);
    const registrarA = await registrarOf(url, problem.theirs.schoolCode);
    const tokenA = await token(url, registrarA);
    const note = '该生已于本学期随父母迁居，现在我校就读，请贵校办理转出。';

    // ── School B opens the problem and asks for the transfer, with a note ────────────────────────
    const b = await e2e.newPage();
    await e2e.login(b, REGISTRAR_B);
    await b.goto(`/problems/${problem.id}`);
    await b.locator('[data-testid="member-comparison"]').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await statusTag(b).textContent()).toContain('待处理');
    await b.getByRole('button', { name: '该生已转入我校，申请转学' }).click();
    const request = b.getByRole('dialog', { name: '申请转学' });
    await request.waitFor({ state: 'visible' });
    // The records are named, not chosen: the other school's moves out, ours continues it.
    expect(await request.textContent()).toContain(problem.theirs.schoolName);
    expect(await request.textContent()).toContain(problem.ours.schoolName);
    await request.getByLabel('说明', { exact: true }).fill(note);
    await request.getByRole('button', { name: '发送申请' }).click();
    await b.getByText(`已向${problem.theirs.schoolName}发出转学申请`).waitFor({ timeout: 30_000 });

    const panelB = b.locator('[data-testid="transfer-panel"]');
    await expect.poll(() => panelB.locator('[data-testid="transfer-status"]').first().textContent(), { timeout: 30_000 }).toBe('待原学校确认');
    expect(await panelB.textContent()).toContain(note);
    // B may take its request back, not answer it; and it asks only once.
    expect(await panelB.getByRole('button', { name: /^撤回申请/ }).count()).toBe(1);
    expect(await panelB.getByRole('button', { name: /^确认转出/ }).count()).toBe(0);
    expect(await b.getByRole('button', { name: '该生已转入我校，申请转学' }).count()).toBe(0);
    await screenshot(e2e, b, 'transfer-requested');

    // The API agrees: one transfer out of A, waiting for A's answer.
    const requested = await query(
      url,
      `query($p: ID!) { transfers(filter: { problemId: $p }) { id status steps pupilName fromSchool { code } } }`,
      { p: problem.id },
      tokenA,
    );
    expect(requested.transfers).toHaveLength(1);
    expect(requested.transfers[0]).toMatchObject({ status: 'REQUESTED', steps: ['ANSWER'], fromSchool: { code: problem.theirs.schoolCode } });
    const pupil = requested.transfers[0].pupilName as string;

    // ── School A finds the request on the transfers page under 转出, and confirms it ─────────────
    const a = await e2e.newPage();
    await e2e.login(a, registrarA);
    await a.getByRole('menuitem', { name: '学籍转接' }).click();
    await a.waitForURL(/\/transfers$/);
    await a.locator('[data-testid="transfers-direction-OUTGOING"]').click();
    await a.waitForURL(/direction=OUTGOING/);
    const confirm = a.getByRole('button', { name: `确认转出：${pupil}` });
    await confirm.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await a.getByRole('button', { name: `拒绝：${pupil}` }).count()).toBe(1);
    await screenshot(e2e, a, 'transfer-outgoing');
    await confirm.click();

    const answer = a.getByRole('dialog', { name: '确认转出' });
    await answer.waitFor({ state: 'visible' });
    expect(await answer.textContent()).toContain(note);
    await answer.getByLabel('说明（可选）').fill('核实无误，同意转出。');
    await answer.getByRole('button', { name: '确认转出' }).click();
    await a.getByText('已确认转出').first().waitFor({ timeout: 30_000 });
    await answer.waitFor({ state: 'hidden' });
    const row = a.locator('[data-testid="transfers-table"] tr').filter({ hasText: pupil });
    await expect.poll(() => row.locator('[data-testid="transfer-status"]').textContent(), { timeout: 30_000 }).toBe('已完成');
    expect(await a.getByRole('button', { name: `确认转出：${pupil}` }).count()).toBe(0);

    // ── Both schools see the problem resolved by transfer ─────────────────────────────────────────
    await b.locator('[data-testid="problem-refresh"]').click();
    await expect.poll(() => statusTag(b).textContent(), { timeout: 30_000 }).toContain('已解决');
    expect(await b.locator('[data-testid="problem-closed-by"]').textContent()).toBe('已通过转学解决');
    expect(await panelB.locator('[data-testid="transfer-status"]').first().textContent()).toBe('已完成');
    const history = b.locator('[data-testid="problem-history"]');
    for (const step of ['申请转学', '原学校确认转出', '转学完成', '因转学解决问题']) expect(await history.textContent()).toContain(step);
    await screenshot(e2e, b, 'transfer-resolved');

    await a.goto(`/problems/${problem.id}`);
    await expect.poll(() => statusTag(a).textContent(), { timeout: 30_000 }).toContain('已解决');
    expect(await a.locator('[data-testid="problem-closed-by"]').textContent()).toBe('已通过转学解决');

    // ── The registry: A's record is TRANSFERRED_OUT and points at B's ─────────────────────────────
    const moved = await query(url, `query($id: ID!) { student(id: $id) { status transferredTo transferredAt } }`, { id: problem.theirs.studentId }, tokenA);
    expect(moved.student).toMatchObject({ status: 'TRANSFERRED_OUT', transferredTo: problem.ours.studentId });
    expect(moved.student.transferredAt).toBeTruthy();
    const continued = await query(url, `query($id: ID!) { student(id: $id) { status } }`, { id: problem.ours.studentId }, tokenB);
    expect(continued.student.status).toBe('ENROLLED');

    // A's record page says so; B's record is beyond A's scope, so it is named, not linked.
    await a.goto(`/students/${problem.theirs.studentId}`);
    const notice = a.locator('[data-testid="student-transferred"]');
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await notice.textContent()).toContain('已转出');
    await a.locator('[data-testid="student-continued-elsewhere"]').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await a.locator('[data-testid="student-continued-by"]').count()).toBe(0);
  });
});
