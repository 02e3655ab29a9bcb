import http from 'node:http';
import type { Socket } from 'node:net';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface GraphQLBody {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface GraphQLAnswer {
  status: number;
  body: GraphQLBody;
}

/**
 * An HTTP client that sends every request over one kept-alive connection, as a browser or a
 * reverse proxy in front of the product does, and counts what happens to its connections. Unlike
 * `fetch` (undici drops an idle connection itself, shortly before the server's `Keep-Alive:
 * timeout=N` hint), node:http's agent keeps the socket until the server closes it, so a test that
 * idles past the server's keep-alive timeout sees the server end the connection and the next
 * request open a new one.
 */
export class KeepAliveClient {
  // One socket: requests queue on it instead of opening parallel connections, so "the next request
  // reuses the connection or opens a new one" is a single, observable fact.
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private readonly seen = new WeakSet<Socket>();
  private readonly base: URL;
  /** Connections opened so far. */
  opened = 0;
  /** Connections the server ended (a FIN from its side): with this client, only its idle timeout does. */
  endedByServer = 0;

  constructor(baseUrl: string) {
    this.base = new URL(baseUrl);
  }

  request(method: 'GET' | 'POST', path: string, options: { headers?: http.OutgoingHttpHeaders; body?: string } = {}): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: this.base.hostname, port: this.base.port, method, path, agent: this.agent, headers: options.headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.once('error', reject);
          response.once('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        },
      );
      request.on('socket', (socket: Socket) => this.watch(socket));
      request.once('error', reject);
      request.end(options.body);
    });
  }

  async graphql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLAnswer> {
    const answer = await this.request('POST', '/graphql', { headers: jsonHeaders(token), body: JSON.stringify({ query, variables }) });
    const text = answer.body.toString('utf8');
    try {
      return { status: answer.status, body: JSON.parse(text) as GraphQLBody };
    } catch {
      throw new Error(`POST /graphql answered ${answer.status} with a body that is not JSON: ${text.slice(0, 500)}`);
    }
  }

  /** Closes the kept-alive connection, so the product's graceful stop does not wait for it. */
  close(): void {
    this.agent.destroy();
  }

  private watch(socket: Socket): void {
    if (this.seen.has(socket)) return;
    this.seen.add(socket);
    this.opened += 1;
    socket.once('end', () => (this.endedByServer += 1));
  }
}

export function jsonHeaders(token?: string): http.OutgoingHttpHeaders {
  return { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
}
