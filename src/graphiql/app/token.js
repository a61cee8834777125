// The bearer token lives in this browser's localStorage only; it is sent as Authorization: Bearer ...
const KEY = 'broadsheet.graphiql.token';
const listeners = new Set();

export function readToken() {
  try {
    return window.localStorage.getItem(KEY) || '';
  } catch {
    return '';
  }
}

export function saveToken(token) {
  const value = token.trim();
  try {
    if (value) {
      window.localStorage.setItem(KEY, value);
    } else {
      window.localStorage.removeItem(KEY);
    }
  } catch {
    // Storage disabled (private mode): the token lasts for this page only.
  }
  listeners.forEach(listener => listener(value));
}

export function onTokenChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A short, non-secret hint of the token: its prefix and last characters. */
export function describeToken(token) {
  if (!token) {
    return 'none: anonymous reader';
  }
  return token.length <= 10 ? 'set' : `${token.slice(0, 3)}…${token.slice(-4)}`;
}
