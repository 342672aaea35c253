import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../lib/api-client';

/** Never retry what the API refused on purpose (4xx); a server or network error twice. */
export function shouldRetry(count: number, error: unknown): boolean {
  return !(error instanceof ApiError && error.status < 500) && count < 2;
}

/**
 * Wait as long as the API asks (`retry_after` of a 503 while its database restarts, at most 10 s),
 * otherwise 1 s, then 2 s.
 */
export function retryDelay(count: number, error: unknown): number {
  const asked = error instanceof ApiError ? error.problem.retry_after : undefined;
  if (typeof asked === 'number' && asked > 0) return Math.min(asked, 10) * 1000;
  return Math.min(1000 * 2 ** count, 10_000);
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: shouldRetry, retryDelay },
    },
  });
}

export function Providers({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [qc] = useState(() => client ?? makeQueryClient());
  return <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
}
