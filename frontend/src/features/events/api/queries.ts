import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api-client';
import type { paths } from '../../../api/schema';

export type Event = Schemas['Event'];
export type EventDetail = Schemas['EventDetail'];
export type EventFilters = NonNullable<paths['/api/v1/events/']['get']['parameters']['query']>;

export const eventKeys = {
  all: ['events'] as const,
  list: (f: EventFilters) => ['events', 'list', f] as const,
  detail: (id: number) => ['events', 'detail', id] as const,
  attendees: (id: number) => ['events', 'attendees', id] as const,
  feed: ['events', 'feed'] as const,
};

export function useEvents(filters: EventFilters) {
  return useQuery({
    queryKey: eventKeys.list(filters),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/events/', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** One event: the options of useEvent, also used to start the read before the page renders. */
export const eventQuery = (id: number) =>
  queryOptions({
    queryKey: eventKeys.detail(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/events/{id}/', { params: { path: { id } } })),
  });

export function useEvent(id: number) {
  return useQuery(eventQuery(id));
}

export function useRegister(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/events/{id}/registration/', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

export function useCancelRegistration(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.DELETE('/api/v1/events/{id}/registration/', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

export function useFeedToken(enabled: boolean) {
  return useQuery({
    queryKey: eventKeys.feed,
    queryFn: async () => {
      const r = await api.GET('/api/v1/calendar/token/');
      if (r.response.status === 404) return null;
      return unwrap(r);
    },
    enabled,
    retry: false,
  });
}

export function useCreateFeedToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/calendar/token/')),
    onSuccess: (data) => qc.setQueryData(eventKeys.feed, data),
  });
}

export function useAttendees(id: number) {
  return useQuery({
    queryKey: eventKeys.attendees(id),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/events/{id}/attendees/', {
          params: { path: { id }, query: { page_size: 100 } },
        }),
      ),
  });
}

export function useCheckIn(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ registration_id, undo }: { registration_id: number; undo: boolean }) => {
      const opts = { params: { path: { id, registration_id } } };
      return unwrap(
        undo
          ? await api.DELETE('/api/v1/events/{id}/attendees/{registration_id}/check-in/', opts)
          : await api.POST('/api/v1/events/{id}/attendees/{registration_id}/check-in/', opts),
      );
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: eventKeys.attendees(id) }),
  });
}

export function useCreateEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['EventCreateInputRequest']) =>
      unwrap(await api.POST('/api/v1/events/', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

export function useApplyBooth(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['BoothApplicationCreateInputRequest']) =>
      unwrap(await api.POST('/api/v1/events/{id}/booth-applications/', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

/**
 * An organisation that may apply for a booth, and its products to show there. Read here (not through
 * the enterprises feature: features do not import each other) from the same public endpoints.
 */
export function useBoothOrganisation(slug: string) {
  return useQuery({
    queryKey: ['events', 'booth-organisation', slug],
    queryFn: async () => {
      const [org, products] = await Promise.all([
        api.GET('/api/v1/enterprises/{slug}/', { params: { path: { slug } } }),
        api.GET('/api/v1/products/', { params: { query: { enterprise: slug, page_size: 100 } } }),
      ]);
      return { organisation: unwrap(org), products: unwrap(products).results };
    },
    enabled: slug !== '',
  });
}

/** The attendee list as CSV, fetched with the token and saved by the browser. */
export async function downloadAttendeesCsv(id: number): Promise<void> {
  const r = await api.GET('/api/v1/events/{id}/attendees.csv', { params: { path: { id } }, parseAs: 'blob' });
  const blob = unwrap(r) as unknown as Blob;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `attendees-${id}.csv`;
  a.click();
  URL.revokeObjectURL(url);
}
