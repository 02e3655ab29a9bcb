import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client/core';
import { relayStylePagination } from '@apollo/client/utilities';
import { setContext } from '@apollo/client/link/context';
import { onError } from '@apollo/client/link/error';
import { isUnauthenticated } from './errors';

export interface ApolloClientOptions {
  /** The bearer token to send, read for every request. */
  getToken: () => string | null;
  /** Called when the gateway says the caller is not signed in (expired or revoked token). */
  onUnauthenticated: () => void;
  /** The GraphQL endpoint: the gateway on the same origin. */
  uri?: string;
  fetch?: typeof fetch;
}

/**
 * The cache, with the type policies every client of the portal shares (the app and component tests).
 *
 * The lists are Relay connections: `relayStylePagination` keeps one entry per filter and order
 * (its key arguments; `first`, `after`, `last` and `before` are left out) and merges the pages that
 * `fetchMore` brings into it, in list order: `after` appends, `before` prepends, a request with no
 * cursor starts the entry again. So an entry holds every page loaded so far, from the first one on;
 * `useRelayPages` shows one page of it at a time.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // Regions are identified by their GB/T 2260 code, not an `id`.
      Region: { keyFields: ['code'] },
      Query: {
        fields: {
          problems: relayStylePagination(['filter', 'orderBy']),
          students: relayStylePagination(['filter']),
          schools: relayStylePagination(['regionCode']),
        },
      },
    },
  });
}

export function createApolloClient(options: ApolloClientOptions) {
  const authLink = setContext((_operation, { headers }) => {
    const token = options.getToken();
    return {
      headers: { ...(headers as Record<string, string> | undefined), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    };
  });

  const errorLink = onError(({ graphQLErrors, networkError }) => {
    if (isUnauthenticated(graphQLErrors, networkError)) options.onUnauthenticated();
  });

  const httpLink = new HttpLink({ uri: options.uri ?? '/graphql', fetch: options.fetch });

  return new ApolloClient({
    link: ApolloLink.from([errorLink, authLink, httpLink]),
    cache: createCache(),
    defaultOptions: {
      watchQuery: { errorPolicy: 'none' },
      query: { errorPolicy: 'none' },
      mutate: { errorPolicy: 'none' },
    },
    devtools: { enabled: import.meta.env.DEV },
  });
}
