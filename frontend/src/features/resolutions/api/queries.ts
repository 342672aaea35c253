import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Schemas } from '../../../lib/api-client';
import type { paths } from '../../../api/schema';

export type Resolution = Schemas['Resolution'];
export type ResolutionDetail = Schemas['ResolutionDetail'];
export type Meeting = Schemas['Meeting'];
export type MeetingDetail = Schemas['MeetingDetail'];
export type WrittenUpdate = Schemas['ResolutionUpdate'];
export type ResolutionStatus = Resolution['status'];
export type ResolutionFilters = NonNullable<paths['/api/v1/resolutions/']['get']['parameters']['query']>;
export type MeetingFilters = NonNullable<paths['/api/v1/meetings/']['get']['parameters']['query']>;
export type ResolutionCreate = Schemas['ResolutionCreateInputRequest'];
export type MeetingCreate = Schemas['MeetingCreateInputRequest'];
export type ResolutionEdit = Schemas['PatchedResolutionUpdateInputRequest'];
export type MeetingEdit = Schemas['PatchedMeetingUpdateInputRequest'];

export const STATUSES: ResolutionStatus[] = ['proposed', 'accepted', 'in_progress', 'done', 'dropped'];
/** The workflow: one step forward, or dropped from any open state (the server decides; this only offers). */
export const NEXT: Record<ResolutionStatus, ResolutionStatus[]> = {
  proposed: ['accepted', 'dropped'],
  accepted: ['in_progress', 'dropped'],
  in_progress: ['done', 'dropped'],
  done: [],
  dropped: [],
};

export const resolutionKeys = {
  all: ['resolutions'] as const,
  list: (f: ResolutionFilters) => ['resolutions', 'list', f] as const,
  detail: (id: number) => ['resolutions', 'detail', id] as const,
  updates: (id: number) => ['resolutions', 'updates', id] as const,
  meetings: (f: MeetingFilters) => ['resolutions', 'meetings', f] as const,
  meeting: (id: number) => ['resolutions', 'meeting', id] as const,
  stats: ['resolutions', 'stats'] as const,
  promises: ['resolutions', 'promises'] as const,
  linkKinds: ['resolutions', 'link-kinds'] as const,
  editing: (kind: 'resolution' | 'meeting', id: number) => ['resolutions', 'editing', kind, id] as const,
};

export function useResolutions(filters: ResolutionFilters) {
  return useQuery({
    queryKey: resolutionKeys.list(filters),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/resolutions/', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useResolution(id: number, enabled = true) {
  return useQuery({
    queryKey: resolutionKeys.detail(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/resolutions/{id}/', { params: { path: { id } } })),
    enabled,
  });
}

export function useUpdates(id: number) {
  return useQuery({
    queryKey: resolutionKeys.updates(id),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/resolutions/{id}/updates/', {
          params: { path: { id }, query: { page_size: 100 } },
        }),
      ),
  });
}

export function useMeetings(filters: MeetingFilters) {
  return useQuery({
    queryKey: resolutionKeys.meetings(filters),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/meetings/', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: number) {
  return useQuery({
    queryKey: resolutionKeys.meeting(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/meetings/{id}/', { params: { path: { id } } })),
  });
}

export function useStats() {
  return useQuery({
    queryKey: resolutionKeys.stats,
    queryFn: async () => unwrap(await api.GET('/api/v1/resolutions/stats/')),
  });
}

export function usePromisesKept() {
  return useQuery({
    queryKey: resolutionKeys.promises,
    queryFn: async () => unwrap(await api.GET('/api/v1/resolutions/promises-kept/')),
  });
}

export function useLinkKinds() {
  return useQuery({
    queryKey: resolutionKeys.linkKinds,
    queryFn: async () => unwrap(await api.GET('/api/v1/resolutions/link-kinds/')),
  });
}

export function useFollow(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (follow: boolean) => {
      const options = { params: { path: { id } } };
      if (follow) unwrap(await api.POST('/api/v1/resolutions/{id}/follow/', options));
      else unwrap(await api.DELETE('/api/v1/resolutions/{id}/follow/', options));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: resolutionKeys.detail(id) }),
  });
}

export function useFollowMeeting(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (follow: boolean) => {
      const options = { params: { path: { id } } };
      if (follow) unwrap(await api.POST('/api/v1/meetings/{id}/follow/', options));
      else unwrap(await api.DELETE('/api/v1/meetings/{id}/follow/', options));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: resolutionKeys.all }),
  });
}

export function usePostUpdate(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['WrittenUpdateCreateInputRequest']) =>
      unwrap(await api.POST('/api/v1/resolutions/{id}/updates/', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: resolutionKeys.all }),
  });
}

export function useAddLink(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['LinkCreateInputRequest']) =>
      unwrap(await api.POST('/api/v1/resolutions/{id}/links/', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: resolutionKeys.detail(id) }),
  });
}

export function useRemoveLink(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (linkId: number) =>
      unwrap(
        await api.DELETE('/api/v1/resolutions/{id}/links/{link_id}/', {
          params: { path: { id, link_id: linkId } },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: resolutionKeys.detail(id) }),
  });
}

export function useCreateResolution() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: ResolutionCreate) => unwrap(await api.POST('/api/v1/resolutions/', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: resolutionKeys.all }),
  });
}

export type FromCollaboration = Schemas['FromCollaborationInputRequest'];

/** One collaboration (its title for the form that records it as a resolution). */
export function useCollaboration(id: number) {
  return useQuery({
    queryKey: [...resolutionKeys.all, 'collaboration', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/collaborations/{id}/', { params: { path: { id } } })),
    enabled: id > 0,
  });
}

/** A matched collaboration made a resolution: its partners become the owners, and it links to it. */
export function useResolutionFromCollaboration() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: FromCollaboration) =>
      unwrap(await api.POST('/api/v1/resolutions/from-collaboration/', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: resolutionKeys.all }),
  });
}

export function useCreateMeeting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: MeetingCreate) => unwrap(await api.POST('/api/v1/meetings/', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: resolutionKeys.all }),
  });
}

/** A resolution and its ETag, read afresh for its edit form (the PATCH sends it as If-Match). */
export function useResolutionForEdit(id: number) {
  return useQuery({
    queryKey: resolutionKeys.editing('resolution', id),
    queryFn: async () => {
      const r = await api.GET('/api/v1/resolutions/{id}/', { params: { path: { id } } });
      return { data: unwrap(r), etag: r.response.headers.get('ETag') };
    },
    staleTime: 0,
    gcTime: 0,
  });
}

export function useMeetingForEdit(id: number) {
  return useQuery({
    queryKey: resolutionKeys.editing('meeting', id),
    queryFn: async () => {
      const r = await api.GET('/api/v1/meetings/{id}/', { params: { path: { id } } });
      return { data: unwrap(r), etag: r.response.headers.get('ETag') };
    },
    staleTime: 0,
    gcTime: 0,
  });
}

export function useEditResolution(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: ResolutionEdit; etag: string | null }) =>
      unwrap(
        await api.PATCH('/api/v1/resolutions/{id}/', {
          params: { path: { id } },
          body,
          headers: ifMatch(etag),
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: resolutionKeys.all }),
  });
}

export function useEditMeeting(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: MeetingEdit; etag: string | null }) =>
      unwrap(
        await api.PATCH('/api/v1/meetings/{id}/', { params: { path: { id } }, body, headers: ifMatch(etag) }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: resolutionKeys.all }),
  });
}
