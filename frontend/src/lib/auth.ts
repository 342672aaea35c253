/** The signed-in session: the token pair, kept in localStorage, with change listeners. */

export interface TokenPair {
  access: string;
  refresh: string;
}

const KEY = 'sehub.tokens';
type Listener = () => void;
const listeners = new Set<Listener>();

function read(): TokenPair | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as TokenPair) : null;
  } catch {
    return null;
  }
}

let current: TokenPair | null = typeof localStorage === 'undefined' ? null : read();

export function getTokens(): TokenPair | null {
  return current;
}

export function setTokens(pair: TokenPair | null): void {
  current = pair;
  if (pair) localStorage.setItem(KEY, JSON.stringify(pair));
  else localStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export function subscribeTokens(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

if (typeof window !== 'undefined') {
  // Another tab signed in or out.
  window.addEventListener('storage', (e) => {
    if (e.key === KEY) {
      current = read();
      listeners.forEach((l) => l());
    }
  });
}
