import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api-client';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
  prefs: ['notifications', 'prefs'] as const,
};

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async () => unwrap(await api.GET('/api/v1/notifications/unread-count/')),
    enabled,
    refetchInterval: 60_000,
  });
}

function cursorOf(next: string | null | undefined): string | undefined {
  if (!next) return undefined;
  return new URL(next, 'http://x').searchParams.get('cursor') ?? undefined;
}

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/notifications/', {
          params: { query: pageParam ? { cursor: pageParam, page_size: 20 } : { page_size: 20 } },
        }),
      ),
    getNextPageParam: (last) => cursorOf(last.next),
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(await api.POST('/api/v1/notifications/{id}/read/', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/notifications/read-all/')),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.prefs,
    queryFn: async () => unwrap(await api.GET('/api/v1/notifications/preferences/')),
  });
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (preferences: Schemas['NotificationPreferenceItemInputRequest'][]) =>
      unwrap(await api.PUT('/api/v1/notifications/preferences/', { body: { preferences } })),
    onSuccess: (data) => qc.setQueryData(notificationKeys.prefs, data),
  });
}
