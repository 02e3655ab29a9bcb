import autocannon from 'autocannon';

export interface LoadResult {
  /** Completed requests per second. */
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  /** Requests answered including the warm-up: what the servers' CPU time was spent on. */
  sent: number;
  /** Connection errors, timeouts, non-2xx answers and answers carrying GraphQL `errors`. */
  failures: number;
}

export interface LoadRequest {
  path: string;
  body: string;
  headers: Record<string, string>;
}

export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
export const DURATION = Number(process.env.BENCH_DURATION ?? 10);

/**
 * Closed-loop HTTP load with autocannon: `connections` clients each sending the next request as soon
 * as the last one is answered, for `duration` seconds, after a 2 s warm-up that is not counted.
 * Several requests are sent in turn on each connection (e.g. the two calls the gateway makes).
 */
export async function load(base: string, requests: LoadRequest[], options: { connections?: number; duration?: number } = {}): Promise<LoadResult> {
  let graphqlErrors = 0;
  const run = (duration: number) =>
    autocannon({
      url: base,
      connections: options.connections ?? CONNECTIONS,
      duration,
      timeout: 30,
      requests: requests.map((r) => ({
        method: 'POST' as const,
        path: r.path,
        body: r.body,
        headers: { 'content-type': 'application/json', ...r.headers },
        onResponse: (_status: number, body: string) => {
          if (body.includes('"errors"')) graphqlErrors += 1;
        },
      })),
    });
  const warmUp = await run(2);
  graphqlErrors = 0;
  const result = await run(options.duration ?? DURATION);
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    requests: result.requests.total,
    sent: result.requests.total + warmUp.requests.total,
    failures: result.errors + result.timeouts + result.non2xx + graphqlErrors,
  };
}
