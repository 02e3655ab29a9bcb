import { vi } from 'vitest';

export interface FakeResponse {
  status: number;
  body?: unknown;
  /** Fire the `error` event instead of answering (the server could not be reached). */
  networkError?: boolean;
}

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Replaces XMLHttpRequest (happy-dom's would try the network) with one that answers from a queue,
 * reporting upload progress first, as a browser does. Returns the requests it received.
 */
export function fakeXhr(responses: FakeResponse[]) {
  const sent: SentRequest[] = [];
  const queue = [...responses];

  class FakeXMLHttpRequest {
    status = 0;
    responseText = '';
    private method = '';
    private url = '';
    private headers: Record<string, string> = {};
    private listeners = new Map<string, ((event: unknown) => void)[]>();
    readonly upload = {
      listeners: [] as ((event: unknown) => void)[],
      addEventListener(type: string, listener: (event: unknown) => void) {
        if (type === 'progress') this.listeners.push(listener);
      },
    };

    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }

    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }

    addEventListener(type: string, listener: (event: unknown) => void) {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }

    private fire(type: string) {
      for (const listener of this.listeners.get(type) ?? []) listener({ type });
    }

    send(body: unknown) {
      sent.push({ method: this.method, url: this.url, headers: { ...this.headers }, body });
      const response = queue.shift() ?? { status: 500, body: { error: { code: 'INTERNAL', message: 'no fake response left' } } };
      setTimeout(() => {
        for (const listener of this.upload.listeners) listener({ lengthComputable: true, loaded: 1, total: 2 });
        if (response.networkError) {
          this.fire('error');
          return;
        }
        this.status = response.status;
        this.responseText = response.body === undefined ? '' : JSON.stringify(response.body);
        this.fire('load');
      }, 0);
    }

    abort() {
      this.fire('abort');
    }
  }

  vi.stubGlobal('XMLHttpRequest', FakeXMLHttpRequest);
  return { sent };
}
