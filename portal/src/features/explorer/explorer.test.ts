import { describe, expect, it, vi } from 'vitest';
import { TOKEN_STORAGE_KEY as APP_TOKEN_KEY, setAuthToken } from '@/composables/use-auth-token';
import { LOCALE_STORAGE_KEY as APP_LOCALE_KEY } from '@/i18n';
import { mountWithApp } from '@/test/mount';
import ExplorerPage from './ExplorerPage.vue';
import { TOKEN_STORAGE_KEY, loadStoredToken } from '@/composables/auth-token-storage';
import { createTokenFetcher } from './explorer-fetcher';
import { EXPLORER_OWNER_KEY, explorerStorage, fingerprint } from './explorer-storage';
import { DEFAULT_QUERY, LOCALE_STORAGE_KEY, explorerLocale, signInHref } from './explorer-text';

describe('the explorer’s fetcher', () => {
  it('sends each query to /graphql with the signed-in user’s token, read at the time of the request', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockImplementation(async () => Response.json({ data: { me: { id: '1' } } }));
    let token: string | null = 'first.token';
    const fetcher = createTokenFetcher({ getToken: () => token, fetch });

    expect(await fetcher({ query: '{ me { id } }', operationName: null })).toEqual({ data: { me: { id: '1' } } });
    token = 'second.token';
    await fetcher({ query: 'query Q($id: ID!) { problem(id: $id) { id } }', operationName: 'Q', variables: { id: '5' } });

    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(init?.credentials).toBe('omit');
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer first.token' });
    expect(JSON.parse(String(init?.body))).toEqual({ query: '{ me { id } }' });
    expect(fetch.mock.calls[1]![1]?.headers).toMatchObject({ authorization: 'Bearer second.token' });
    expect(JSON.parse(String(fetch.mock.calls[1]![1]?.body))).toEqual({ query: 'query Q($id: ID!) { problem(id: $id) { id } }', operationName: 'Q', variables: { id: '5' } });
  });

  it('reports a refused token, and shows a non-JSON answer as an error', async () => {
    const onUnauthenticated = vi.fn();
    const refused = vi.fn<typeof globalThis.fetch>().mockResolvedValue(Response.json({ errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }] }, { status: 401 }));
    const result = await createTokenFetcher({ getToken: () => 'old', fetch: refused, onUnauthenticated })({ query: '{ me { id } }' });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    expect(result.errors?.[0]?.message).toBe('Sign in');

    const html = vi.fn<typeof globalThis.fetch>().mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(await createTokenFetcher({ getToken: () => 't', fetch: html })({ query: '{ me { id } }' })).toEqual({ errors: [{ message: 'HTTP 502 Bad Gateway' }] });
  });
});

describe('the explorer’s storage', () => {
  it('keeps GraphiQL’s state for one sign-in, and drops it when someone else signs in', () => {
    sessionStorage.clear();
    const first = explorerStorage(sessionStorage, 'token.of.alice');
    first.setItem('graphiql:tabState', '{"response":"pupils"}');
    sessionStorage.setItem('unrelated', 'kept');
    expect(explorerStorage(sessionStorage, 'token.of.alice').getItem('graphiql:tabState')).toBe('{"response":"pupils"}');

    explorerStorage(sessionStorage, 'token.of.bob');
    expect(sessionStorage.getItem('graphiql:tabState')).toBeNull();
    expect(sessionStorage.getItem('unrelated')).toBe('kept');
    expect(sessionStorage.getItem(EXPLORER_OWNER_KEY)).toBe(fingerprint('token.of.bob'));
    expect(sessionStorage.getItem(EXPLORER_OWNER_KEY)).not.toContain('bob');
  });
});

describe('the explorer’s page', () => {
  it('reads the same token and language the portal stores', () => {
    expect(TOKEN_STORAGE_KEY).toBe(APP_TOKEN_KEY);
    expect(LOCALE_STORAGE_KEY).toBe(APP_LOCALE_KEY);
    setAuthToken('shared.token', '2999-01-01T00:00:00Z');
    expect(loadStoredToken()).toBe('shared.token');
    localStorage.setItem(APP_LOCALE_KEY, 'en');
    expect(explorerLocale()).toBe('en');
    expect(DEFAULT_QUERY[explorerLocale()]).toContain('problemStats(groupBy: [SCHOOL], filter: { scope: CROSS_SCHOOL, status: OPEN })');
    expect(signInHref(true)).toBe('/login?reason=expired&redirect=%2Fexplorer');
  });

  it('opens the explorer page from the portal (the product forbids framing it)', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    const { wrapper } = await mountWithApp(ExplorerPage, { route: '/explorer' });
    expect(wrapper.find('[data-testid="explorer-open"]').attributes('href')).toBe('/explorer.html');
    expect(wrapper.find('[data-testid="explorer-open-new"]').attributes()).toMatchObject({ href: '/explorer.html', target: '_blank', rel: 'noopener' });
    expect(wrapper.text()).toContain('查询以您本人的身份执行');
    expect(wrapper.find('iframe').exists()).toBe(false);
    wrapper.unmount();
  });
});
