import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';
import { readToken, onTokenChange } from './token.js';

function absoluteWsUrl(path) {
  const url = new URL(path, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * Queries and mutations over HTTP POST, subscriptions over graphql-transport-ws. The stored token is
 * read at every request; an Authorization header typed in the headers editor wins over it.
 */
export function createFetcher({ endpoint, subscriptions }) {
  let wsClient = null;
  if (subscriptions) {
    wsClient = createClient({
      url: absoluteWsUrl(subscriptions),
      lazy: true,
      connectionParams: () => {
        const token = readToken();
        return token ? { Authorization: `Bearer ${token}` } : {};
      },
    });
    // A new token needs a new connection_init: drop the socket, the next subscription reconnects.
    onTokenChange(() => wsClient.terminate());
  }
  const fetcher = createGraphiQLFetcher({
    url: endpoint,
    wsClient: wsClient ?? undefined,
    enableIncrementalDelivery: false,
  });
  return (params, options) => {
    const token = readToken();
    const typed = options?.headers ?? {};
    const hasOwn = Object.keys(typed).some(name => name.toLowerCase() === 'authorization');
    const headers = token && !hasOwn ? { Authorization: `Bearer ${token}`, ...typed } : typed;
    return fetcher(params, { ...options, headers });
  };
}
