import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it, type ExpectStatic } from 'vitest';
import { DEMO_PASSWORD } from '../e2e/support/product.js';
import { startDemoProduct, type DatabaseMode, type DemoProduct } from '../support/demo-product.js';
import { jsonHeaders, KeepAliveClient, type GraphQLAnswer } from '../support/keep-alive-client.js';

/**
 * Soak: the real product, left idle longer than every idle timer between a client and the
 * database, still serves the three stories afterwards, on the embedded database and on a
 * PostgreSQL server. (Sign-in on the embedded database used to fail after ~10 s idle: the pool
 * closed its idle client, the next one opened into PGlite's one shared session, and
 * rate-limiter-flexible's named prepared statements were already there.)
 *
 * The idle timers, and where they are set (IDLE_MS must exceed each one that an idle product can
 * cross):
 * - pg pool `idleTimeoutMillis`: pg-pool's default 10 s on the server (api/src/core/db/data-source.ts
 *   sets only `max`); 0, never, on the embedded database (EMBEDDED_POOL in the same file).
 * - pg pool `maxLifetimeSeconds`: pg-pool's default 0 (no limit); 0 explicitly for the embedded one.
 * - data-source.ts also sets `connectionTimeoutMillis` 30 s, `statement_timeout` 60 s and
 *   `idle_in_transaction_session_timeout` 120 s: they bound a wait for a connection, a statement
 *   and an open transaction, none of which an idle product has.
 * - PostgreSQL server: `idle_session_timeout` 0 (the default; 0 on the CI server, 15.x) and TCP
 *   keepalives after 7200 s (`tcp_keepalives_idle`, the system's): not crossed.
 * - PGlite socket server (api/src/core/db/embedded.ts, @electric-sql/pglite-socket): `idleTimeout`
 *   not set, so its default 0 (an idle connection is never closed); a connection beyond
 *   `maxConnections` waits in its queue up to CONNECTION_QUEUE_TIMEOUT, 60 s (a constant of the
 *   package).
 * - The product's Node HTTP server (api/src/server/start.ts `listen`, Node's defaults, none
 *   changed): `keepAliveTimeout` 5 s (the idle connection is closed 5–6 s after the last response),
 *   `headersTimeout` 60 s and `requestTimeout` 300 s (per request, not idle).
 * - Gateway → subgraphs: `pnpm start` (what is started here) answers them in-process
 *   (api/src/gateway/gateway.ts, CallerDataSource's `fetcher`), no connection to time out. Only
 *   the split deployment (`--gateway --subgraph-url …`) uses HTTP: @apollo/gateway's
 *   make-fetch-happen agent (keep-alive, no idle timeout of its own) against each subgraph's Node
 *   server (`keepAliveTimeout` 5 s); not exercised here.
 * - Tokens: the gateway → subgraph caller token lives 60 s (api/src/core/auth/tokens.ts) but is
 *   signed for every call; sessions live JWT_TTL, 8 h (api/src/core/config.ts). Every round signs
 *   in anew, and also uses the session opened in the first round: a request relies on an earlier
 *   check of its session for at most SESSION_RECHECK_SECONDS, 30 s (api/src/registry/user/
 *   session.service.ts), which the idle periods together cross.
 * - rate-limiter-flexible (api/src/registry/user/user.service.ts): failed sign-ins are limited per
 *   username (LOGIN_ATTEMPTS, 10 in 15 min; see WRONG_PASSWORD_USER below), and its own timer
 *   deleting expired rows every 5 min (with the named statement `rlflx-clear-expired`): longer
 *   than this test.
 * - Jobs (api/src/main.ts): escalation hourly, read-log purge daily; both run at start, not during
 *   the idle time.
 * - This test's client (test/support/keep-alive-client.ts): one kept-alive connection with no idle
 *   timeout of its own, so it is the product that closes it while the test idles, and the round
 *   after each idle goes through a new connection (asserted).
 */
/** Past the two timers an idle product crosses (pg-pool's 10 s, the HTTP server's 5 s); the rest are off or far longer. */
const IDLE_MS = 12_000;
/** Idle periods, each followed by a round of the stories; one round runs before the first. */
const CYCLES = 5;
/** Start (the embedded one loads the demo data), CYCLES × IDLE_MS and the rounds, on 2 busy cores. */
const TEST_TIMEOUT_MS = 300_000;

/** A registrar of 上城区 with open cross-school problems in the demo data (README, "Demo logins"). */
const REGISTRAR = 'reg01';
/** District staff over reg01's school. */
const DISTRICT = 'district.sc';
/**
 * Signs in with a wrong password only: failures per username are counted for 15 minutes and
 * refused after 10, so a user no other call signs in as, and CYCLES + 1 < 10 failures.
 */
const WRONG_PASSWORD_USER = 'reg12';

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token error { code message } } }`;
const OPEN_CROSS_SCHOOL = `{ problems(filter: { scope: CROSS_SCHOOL, status: OPEN }, first: 20) { totalCount nodes { id } } }`;
const PROBLEM = `query($id: ID!) {
  problem(id: $id) {
    id scope status version viewerCan { negotiate }
    members { studentId inMyScope name school { name } }
    messages { id body }
  }
}`;
const POST_MESSAGE = `mutation($i: PostMessageInput!) { postMessage(input: $i) { ok id error { code message } } }`;
const STATS = `{
  totals: problemStats { count unresolved overdue }
  byType: problemStats(groupBy: [TYPE]) { type count }
}`;
/** Takes `$after`, so the export fetches every page of the district's problems. */
const EXPORT_DOCUMENT = `query($after: String) { problems(first: 100, after: $after) { nodes { id type scope status openedAt } pageInfo { endCursor hasNextPage } } }`;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

interface Soak {
  product: DemoProduct;
  client: KeepAliveClient;
  expect: ExpectStatic;
  /** The problem reg01 negotiates on, chosen in the first round. */
  problemId?: string;
  /** reg01's session of the first round, used in every round after. */
  firstSession?: string;
}

/** Where a failure happened and what the product logged, to read beside a failed assertion. */
function context(soak: Soak, round: number, what: string, answer: unknown): string {
  return `${soak.product.mode}, round ${round}, ${what}: ${JSON.stringify(answer).slice(0, 2_000)}\nproduct log (tail):\n${soak.product.output().slice(-4_000)}`;
}

/** Asserts HTTP 200 and no GraphQL errors; returns the data. */
function dataOf(soak: Soak, round: number, what: string, answer: GraphQLAnswer): any {
  soak.expect(answer.status, context(soak, round, what, answer)).toBe(200);
  soak.expect(answer.body.errors, context(soak, round, what, answer)).toBeUndefined();
  return answer.body.data;
}

async function signIn(soak: Soak, round: number, username: string): Promise<string> {
  const { login } = dataOf(soak, round, `sign-in as ${username}`, await soak.client.graphql(LOGIN, { u: username, p: DEMO_PASSWORD }));
  soak.expect(login.error, context(soak, round, `sign-in as ${username}`, login)).toBeNull();
  soak.expect(login.token).toEqual(soak.expect.any(String));
  return login.token as string;
}

/** Story 1: a registrar lists its open cross-school problems, opens one and writes to the other school. */
async function registrarStory(soak: Soak, round: number): Promise<void> {
  const { expect } = soak;
  const token = await signIn(soak, round, REGISTRAR);
  soak.firstSession ??= token;
  const me = dataOf(soak, round, 'the first round\'s session', await soak.client.graphql(`{ me { username } }`, {}, soak.firstSession)).me;
  expect(me).toEqual({ username: REGISTRAR });
  const listed = dataOf(soak, round, 'problem list', await soak.client.graphql(OPEN_CROSS_SCHOOL, {}, token)).problems;
  expect(listed.totalCount).toBeGreaterThan(0);
  soak.problemId ??= listed.nodes[0].id as string;
  // A message changes nothing but the thread and the version: the problem stays open and listed.
  expect(listed.nodes.map((node: { id: string }) => node.id)).toContain(soak.problemId);

  const before = dataOf(soak, round, 'problem', await soak.client.graphql(PROBLEM, { id: soak.problemId }, token)).problem;
  expect(before).toMatchObject({ id: soak.problemId, scope: 'CROSS_SCHOOL', status: 'OPEN', viewerCan: { negotiate: true } });
  expect(before.members.some((member: { inMyScope: boolean }) => member.inMyScope)).toBe(true);
  expect(before.members.some((member: { inMyScope: boolean }) => !member.inMyScope)).toBe(true);

  // A plain message (no proposal) is allowed any number of times while the problem is open, so
  // every round can make the same kind of write.
  const body = `soak round ${round}: 请核对该生的在读情况。`;
  const posted = dataOf(soak, round, 'postMessage', await soak.client.graphql(POST_MESSAGE, { i: { problemId: soak.problemId, body } }, token)).postMessage;
  expect(posted, context(soak, round, 'postMessage', posted)).toMatchObject({ ok: true, error: null, id: expect.any(String) });

  const after = dataOf(soak, round, 'problem after the message', await soak.client.graphql(PROBLEM, { id: soak.problemId }, token)).problem;
  expect(after.version).toBe(before.version + 1);
  expect(after.messages).toHaveLength(before.messages.length + 1);
  expect(after.messages.at(-1)).toEqual({ id: posted.id, body });
}

/** Story 2: district staff look at their statistics. Returns the staff's token for the export. */
async function districtStory(soak: Soak, round: number): Promise<string> {
  const { expect } = soak;
  const token = await signIn(soak, round, DISTRICT);
  const stats = dataOf(soak, round, 'problemStats', await soak.client.graphql(STATS, {}, token));
  expect(stats.totals).toHaveLength(1);
  expect(stats.totals[0].count).toBeGreaterThan(0);
  // Each problem has one type, so the groups add up to the total.
  expect(stats.byType.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(stats.totals[0].count);
  return token;
}

/** Story 3: district staff export their problem list as CSV through POST /exports. */
async function exportStory(soak: Soak, round: number, token: string): Promise<void> {
  const { expect } = soak;
  const answer = await soak.client.request('POST', '/exports', {
    headers: jsonHeaders(token),
    body: JSON.stringify({ document: EXPORT_DOCUMENT, format: 'csv', name: 'soak' }),
  });
  const shown = { status: answer.status, headers: answer.headers, body: answer.body.subarray(0, 500).toString('utf8') };
  expect(answer.status, context(soak, round, 'export', shown)).toBe(200);
  expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect([...answer.body.subarray(0, 3)]).toEqual(UTF8_BOM);
  const [header, ...rows] = answer.body.subarray(3).toString('utf8').trim().split(/\r?\n/);
  expect(header).toBe('id,type,scope,status,openedAt');
  expect(rows.length).toBeGreaterThan(0);
}

/** A wrong password is an answer the user can act on (data), not a failure of the product. */
async function wrongPassword(soak: Soak, round: number): Promise<void> {
  const answer = await soak.client.graphql(LOGIN, { u: WRONG_PASSWORD_USER, p: `not-${DEMO_PASSWORD}` });
  const { login } = dataOf(soak, round, 'wrong-password sign-in', answer);
  soak.expect(login, context(soak, round, 'wrong-password sign-in', answer)).toMatchObject({ token: null, error: { code: 'INVALID_CREDENTIALS' } });
}

async function round(soak: Soak, index: number): Promise<void> {
  await registrarStory(soak, index);
  await exportStory(soak, index, await districtStory(soak, index));
  await wrongPassword(soak, index);
}

async function soakTest(mode: DatabaseMode, expect: ExpectStatic, serverUrl?: string): Promise<void> {
  const started = Date.now();
  const product = await startDemoProduct(mode, serverUrl);
  const startMs = Date.now() - started;
  const soak: Soak = { product, client: new KeepAliveClient(product.url), expect };
  const roundMs: number[] = [];
  const timed = async (index: number): Promise<void> => {
    const t0 = Date.now();
    await round(soak, index);
    roundMs.push(Date.now() - t0);
  };
  try {
    await timed(0);
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const { opened, endedByServer } = soak.client;
      await sleep(IDLE_MS);
      // The product closed the idle connection during the pause (its keep-alive timeout passed)...
      expect(soak.client.endedByServer, `${mode}, idle ${cycle}: the product kept the connection open`).toBe(endedByServer + 1);
      await timed(cycle);
      // ...and the round after it went through a new one, kept alive for the whole round.
      expect(soak.client.opened).toBe(opened + 1);
    }
  } finally {
    soak.client.close();
    await product.stop();
  }
  const totalMs = Date.now() - started;
  console.log(`soak ${mode}: start ${startMs} ms, rounds ${roundMs.join(' / ')} ms, idle ${CYCLES} × ${IDLE_MS} ms, total ${totalMs} ms`);
}

const SERVER_URL = process.env.DATABASE_URL || undefined;

// Concurrent: the two modes share no data, and most of each test is waiting, so together they
// take little longer than the slower one.
describe.concurrent('soak: the stories still work after idling past every pool and keep-alive timeout', () => {
  it('on the embedded database', { timeout: TEST_TIMEOUT_MS }, ({ expect }) => soakTest('embedded', expect));
  it.skipIf(!SERVER_URL)('on the PostgreSQL server in DATABASE_URL', { timeout: TEST_TIMEOUT_MS }, ({ expect }) => soakTest('server', expect, SERVER_URL));
});
