/** Who is signed in: the token pair (lib/auth) and `/auth/me/`, shared by every feature. */
import { useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getTokens, subscribeTokens } from './auth';
import { api, unwrap } from './api-client';

export function useSignedIn(): boolean {
  return useSyncExternalStore(
    subscribeTokens,
    () => getTokens() !== null,
    () => false,
  );
}

export function useMe() {
  const signedIn = useSignedIn();
  return useQuery({
    queryKey: ['accounts', 'me', signedIn],
    queryFn: async () => unwrap(await api.GET('/api/v1/auth/me/')),
    enabled: signedIn,
    staleTime: 60_000,
  });
}
