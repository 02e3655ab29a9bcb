import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it, type ExpectStatic } from 'vitest';
import { DEMO_PASSWORD } from '../e2e/support/product.js';
import { startDemoProduct, type DemoProduct, type Deployment } from '../support/demo-product.js';
import { jsonHeaders, KeepAliveClient, type GraphQLAnswer } from '../support/keep-alive-client.js';

/**
 * Soak: the real product, left idle longer than every idle timer between a client and the
 * database, still serves the three stories afterwards, on the embedded database, on a PostgreSQL
 * server, and split into a gateway process calling a process per subgraph over HTTP. (Sign-in on
 * the embedded database used to fail after ~10 s idle: the pool closed its idle client, the next
 * one opened into PGlite's one shared session, and rate-limiter-flexible's named prepared
 * statements were already there. The split deployment's gateway used to fail a request sent
 * after a lull of about 6 s now and then, and always when a subgraph had stalled as the lull
 * ended: see "Gateway → subgraphs" below.)
 *
 * The idle timers, and where they are set (IDLE_MS must exceed each one that an idle product can
 * cross):
 * - pg pool `idleTimeoutMillis`: pg-pool's default 10 s on the server (api/src/core/db/data-source.ts
 *   sets only `max`); 0, never, on the embedded database (EMBEDDED_POOL in the same file). Split:
 *   the gateway and each subgraph process have a pool of their own, each with the same 10 s.
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
 * - The product's Node HTTP servers (api/src/server/start.ts `listen`, Node's defaults, none
 *   changed; split: the gateway's and each subgraph's): `keepAliveTimeout` 5 s, announced as
 *   `Keep-Alive: timeout=5`, but Node 20 closes the idle connection 1 s later
 *   (HTTP_SERVER_KEEP_ALIVE_TIMEOUT_BUFFER in its lib/_http_server.js), 6 s after the last response
 *   (SUBGRAPH_CLOSE_MS); `headersTimeout` 60 s and `requestTimeout` 300 s (per request, not idle).
 * - Gateway → subgraphs: `pnpm start` answers them in-process (api/src/gateway/gateway.ts,
 *   CallerDataSource's `fetcher`), no connection to time out. The split deployment (`--gateway
 *   --subgraph-url …`) calls them over HTTP, with Node's fetch (undici 6.24 in Node 20) since the
 *   fix in CallerDataSource: it keeps an idle connection for the server's `Keep-Alive` hint less
 *   `keepAliveTimeoutThreshold` 2 s, so 3 s (4 s, `keepAliveTimeout`, without a hint; at most
 *   `keepAliveMaxTimeout` 600 s), on timers of 1 s resolution: closed 3–4 s after its last
 *   response, before the subgraph's 6 s; `connectTimeout` 10 s, `headersTimeout` and
 *   `bodyTimeout` 300 s are per request. Before, @apollo/gateway's own fetcher, make-fetch-happen
 *   15 (`maxSockets: Infinity`, `retry: false`), through @npmcli/agent 4 had no idle timeout at
 *   all: its `timeouts.idle` is the `timeout` option, not given, so 0 (and connection, response
 *   and transfer 0); Node's http.Agent under it has no `timeout` either, and applies the server's
 *   hint only to lower one (lib/_http_agent.js `keepSocketAlive`); `keepAliveMsecs` 1 s only
 *   starts TCP keepalive probes, which no HTTP server counts as activity; `scheduling: 'fifo'`
 *   reuses the least recently used idle connection, the one nearest its close; agents live in an
 *   LRU of 20 and DNS answers 5 min, neither a connection's timer. (agentkeepalive, whose free
 *   socket timeout is 4 s, is what make-fetch-happen used before version 11; it is not installed.)
 *   So the gateway held every idle connection until the subgraph closed it, and a request that
 *   went out on one as the subgraph closed it (lulls of about SUBGRAPH_CLOSE_MS) was reset
 *   ("socket hang up", ECONNRESET) and failed. RACE_IDLES_MS idle around that close, where the
 *   race bites by chance; the paused cycle makes it certain (see pausedCycle).
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

/** When a Node server closes an idle connection: `keepAliveTimeout` 5 s and Node 20's 1 s more. */
const SUBGRAPH_CLOSE_MS = 6_000;
/**
 * Split only, after the CYCLES: idles around SUBGRAPH_CLOSE_MS, each followed by a round. The
 * round's first call (sign-in, to registry) goes out on the connection that the previous round's
 * last call (the wrong password, also to registry) left idle for about this long. (5 s, the
 * announced timeout, would be safe: the connection is still open then.)
 */
const RACE_IDLES_MS = [5_960, 5_990, 6_020];
/** The paused cycle: idle past SUBGRAPH_CLOSE_MS with the subgraphs paused, then a round, resumed after PAUSED_ROUND_MS. */
const PAUSED_IDLE_MS = SUBGRAPH_CLOSE_MS + 1_000;
/** Long enough for the round's first call to reach the paused subgraph, on 2 busy cores. */
const PAUSED_ROUND_MS = 1_000;

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
  // Headers in the default language of exports, Chinese.
  expect(header).toBe('编号,问题类型,范围,状态,发现时间');
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

/**
 * The race on the split gateway's connections to the subgraphs, near the subgraphs' close: a
 * round after each of RACE_IDLES_MS. Only the gateway's connections idle across the close: the
 * test's own connection to the gateway is closed first, as the same race on it would be this
 * client's (and would hide which hop failed).
 */
async function raceCycles(soak: Soak, timed: (index: number) => Promise<void>, first: number): Promise<void> {
  for (const [offset, idleMs] of RACE_IDLES_MS.entries()) {
    soak.client.close();
    const { opened } = soak.client;
    await sleep(idleMs);
    await timed(first + offset);
    soak.expect(soak.client.opened).toBe(opened + 1);
  }
}

/**
 * The same race, made certain: the subgraph processes are paused (SIGSTOP) right after a round,
 * before any closed its idle connections; the test idles past SUBGRAPH_CLOSE_MS and starts a
 * round; the subgraphs resume (SIGCONT) once its first call has reached registry. A resumed
 * process runs its due timers before it reads what arrived (libuv does not poll again when the
 * stop interrupted its epoll_wait past the wait's timeout, and each turn of its loop runs timers
 * before polling), as a subgraph busy when the close falls due does (a long GC, a throttled CPU):
 * its keep-alive timeout closes the connection with the request unread. A gateway that sent the
 * call on that idle connection has it reset; one that had closed its idle connections before the
 * subgraph's close sends it on a new one, which the system accepts for the paused process and
 * which the process answers once resumed.
 */
async function pausedCycle(soak: Soak, timed: (index: number) => Promise<void>, index: number): Promise<void> {
  const { subgraphs } = soak.product;
  if (!subgraphs) throw new Error(`${soak.product.mode}: no subgraph processes to pause`);
  soak.client.close();
  const { opened } = soak.client;
  subgraphs.pause();
  try {
    await sleep(PAUSED_IDLE_MS);
    await Promise.all([timed(index), sleep(PAUSED_ROUND_MS).then(() => subgraphs.resume())]);
  } finally {
    subgraphs.resume();
  }
  soak.expect(soak.client.opened).toBe(opened + 1);
}

async function soakTest(mode: Deployment, expect: ExpectStatic, serverUrl?: string): Promise<void> {
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
  let raceMs = 0;
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
    if (mode === 'split') {
      const raceStarted = Date.now();
      await raceCycles(soak, timed, CYCLES + 1);
      await pausedCycle(soak, timed, CYCLES + 1 + RACE_IDLES_MS.length);
      raceMs = Date.now() - raceStarted;
    }
  } finally {
    soak.client.close();
    await product.stop();
  }
  const totalMs = Date.now() - started;
  const race = mode === 'split' ? `, then idle ${RACE_IDLES_MS.join(' / ')} ms and ${PAUSED_IDLE_MS} ms paused (${raceMs} ms with their rounds)` : '';
  console.log(`soak ${mode}: start ${startMs} ms, rounds ${roundMs.join(' / ')} ms, idle ${CYCLES} × ${IDLE_MS} ms${race}, total ${totalMs} ms`);
}

const SERVER_URL = process.env.DATABASE_URL || undefined;

// Concurrent: the three deployments share no data, and most of each test is waiting, so together
// they take little longer than the slowest one.
describe.concurrent('soak: the stories still work after idling past every pool and keep-alive timeout', () => {
  it('on the embedded database', { timeout: TEST_TIMEOUT_MS }, ({ expect }) => soakTest('embedded', expect));
  it.skipIf(!SERVER_URL)('on the PostgreSQL server in DATABASE_URL', { timeout: TEST_TIMEOUT_MS }, ({ expect }) => soakTest('server', expect, SERVER_URL));
  it.skipIf(!SERVER_URL)('split into a gateway and subgraph processes over HTTP, on the PostgreSQL server in DATABASE_URL', { timeout: TEST_TIMEOUT_MS }, ({ expect }) =>
    soakTest('split', expect, SERVER_URL),
  );
});
