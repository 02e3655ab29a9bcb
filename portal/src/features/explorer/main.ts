/**
 * The GraphQL explorer (DESIGN.md story 3): GraphiQL, bundled with the portal (no CDN), as its own
 * page, explorer.html. GraphiQL is a React application with the Monaco editor; keeping it in a
 * separate Vite entry keeps React and Monaco out of the Vue app's bundle entirely. The portal's
 * /explorer route links here.
 *
 * Plain `createElement` instead of JSX: this one small file is the only React code in the
 * project, and it needs no JSX tooling next to the Vue compiler.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './explorer.css';
import { GraphiQL } from 'graphiql';
import { StrictMode, createElement as h } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { TOKEN_STORAGE_KEY, loadStoredToken } from '@/composables/auth-token-storage';
import { createTokenFetcher } from './explorer-fetcher';
import { explorerStorage } from './explorer-storage';
import { DEFAULT_QUERY, EXPLORER_TEXT, explorerLocale, signInHref } from './explorer-text';

const locale = explorerLocale();
const text = EXPLORER_TEXT[locale];
document.documentElement.lang = locale;
document.title = text.title;

function SignIn(props: { expired: boolean }) {
  return h(
    'main',
    { className: 'explorer-signin' },
    h('h1', null, props.expired ? text.expiredTitle : text.signInTitle),
    h('p', null, props.expired ? text.expiredBody : text.signInBody),
    h('a', { className: 'explorer-signin__button', href: signInHref(props.expired) }, text.signIn),
  );
}

function render(root: Root): void {
  const token = loadStoredToken();
  if (!token) {
    root.render(h(StrictMode, null, h(SignIn, { expired: false })));
    return;
  }
  const fetcher = createTokenFetcher({
    getToken: loadStoredToken,
    onUnauthenticated: () => root.render(h(StrictMode, null, h(SignIn, { expired: true }))),
  });
  root.render(
    h(
      StrictMode,
      null,
      h(
        GraphiQL,
        {
          fetcher,
          defaultQuery: DEFAULT_QUERY[locale],
          storage: explorerStorage(sessionStorage, token),
          // The token is added by the fetcher; there is nothing else to send, and nothing to persist.
          isHeadersEditorEnabled: false,
          shouldPersistHeaders: false,
          forcedTheme: 'light',
        },
        h(GraphiQL.Logo, null, h('a', { className: 'explorer-logo', href: '/' }, text.product)),
      ),
    ),
  );
}

const root = createRoot(document.getElementById('explorer')!);
render(root);

// Signing out or in as someone else (in the portal, in any tab) starts the explorer afresh.
window.addEventListener('storage', (event) => {
  if (event.key === TOKEN_STORAGE_KEY || event.key === null) window.location.reload();
});
