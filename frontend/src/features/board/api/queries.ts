import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api-client';
import { useMe } from '../../../lib/session';
import type { paths } from '../../../api/schema';

export type Post = Schemas['Post'];
export type PostDetail = Schemas['PostDetail'];
export type Comment = Schemas['CommentThread'];
export type Campaign = Schemas['Campaign'];
export type PostKind = Schemas['PostKindEnum'];
export type FeedFilters = NonNullable<paths['/api/v1/posts/']['get']['parameters']['query']>;

export const boardKeys = {
  all: ['board'] as const,
  feed: (f: FeedFilters) => ['board', 'feed', f] as const,
  post: (id: number) => ['board', 'post', id] as const,
  suggestions: (id: number) => ['board', 'suggestions', id] as const,
  network: ['board', 'network'] as const,
  collaborations: ['board', 'collaborations'] as const,
  campaigns: ['board', 'campaigns'] as const,
  campaign: (id: number) => ['board', 'campaign', id] as const,
  reports: ['board', 'reports'] as const,
  myOrgs: (slug: string) => ['board', 'my-organisation', slug] as const,
};

/** The feed, page by page (cursor). */
export function useFeed(filters: FeedFilters) {
  return useInfiniteQuery({
    queryKey: boardKeys.feed(filters),
    initialPageParam: '' as string,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/posts/', {
          params: { query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (last) =>
      last.next ? (new URL(last.next, 'http://x').searchParams.get('cursor') ?? undefined) : undefined,
  });
}

export function usePost(id: number) {
  return useQuery({
    queryKey: boardKeys.post(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/posts/{id}/', { params: { path: { id } } })),
  });
}

export function useSuggestions(id: number, enabled: boolean) {
  return useQuery({
    queryKey: boardKeys.suggestions(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/posts/{id}/suggestions/', { params: { path: { id } } })),
    enabled,
  });
}

/** The organisations the signed-in user may act for, with their ids. */
export function useMyOrganisations() {
  const me = useMe();
  const orgs = me.data?.organisations ?? [];
  const found = useQueries({
    queries: orgs.map((o) => ({
      queryKey: boardKeys.myOrgs(o.slug),
      queryFn: async () =>
        unwrap(await api.GET('/api/v1/enterprises/{slug}/', { params: { path: { slug: o.slug } } })),
      staleTime: 300_000,
    })),
  });
  return found.flatMap((q) => (q.data ? [{ id: q.data.id, slug: q.data.slug, name: q.data.name }] : []));
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: boardKeys.all });
}

export function useCreatePost() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async (body: Schemas['PostCreateInputRequest']) =>
      unwrap(await api.POST('/api/v1/posts/', { body })),
    onSuccess: done,
  });
}

export function useUploadImage() {
  return useMutation({
    mutationFn: async ({ id, file }: { id: number; file: File }) => {
      const form = new FormData();
      form.append('image', file);
      form.append('alt', file.name);
      return unwrap(
        await api.POST('/api/v1/posts/{id}/images/', {
          params: { path: { id } },
          // openapi-fetch sends FormData as it is (the browser sets the boundary).
          body: form as unknown as Schemas['PostImageInputRequest'],
          bodySerializer: (b) => b as unknown as FormData,
        }),
      );
    },
  });
}

export function usePreview() {
  return useMutation({
    mutationFn: async (body: string) => unwrap(await api.POST('/api/v1/posts/preview/', { body: { body } })),
  });
}

export function useDeletePost(id: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/api/v1/posts/{id}/', { params: { path: { id } } })),
    onSuccess: done,
  });
}

export function useInterest(id: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async (body: Schemas['InterestCreateInputRequest']) =>
      unwrap(await api.POST('/api/v1/posts/{id}/interest/', { params: { path: { id } }, body })),
    onSuccess: done,
  });
}

export function useMatch(id: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async (body: Schemas['PostMatchInputRequest']) =>
      unwrap(await api.POST('/api/v1/posts/{id}/match/', { params: { path: { id } }, body })),
    onSuccess: done,
  });
}

export function useClosePost(id: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/posts/{id}/close/', { params: { path: { id } } })),
    onSuccess: done,
  });
}

export function useModeratePost(id: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async ({ hide, reason }: { hide: boolean; reason: string }) =>
      unwrap(
        hide
          ? await api.POST('/api/v1/posts/{id}/hide/', { params: { path: { id } }, body: { reason } })
          : await api.POST('/api/v1/posts/{id}/unhide/', { params: { path: { id } }, body: { reason } }),
      ),
    onSuccess: done,
  });
}

export function useReport() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async ({ target, id, reason }: { target: 'post' | 'comment'; id: number; reason: string }) =>
      unwrap(
        target === 'post'
          ? await api.POST('/api/v1/posts/{id}/report/', { params: { path: { id } }, body: { reason } })
          : await api.POST('/api/v1/comments/{id}/report/', { params: { path: { id } }, body: { reason } }),
      ),
    onSuccess: done,
  });
}

export function useComment() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async (body: Schemas['CommentCreateInputRequest']) =>
      unwrap(await api.POST('/api/v1/comments/', { body })),
    onSuccess: done,
  });
}

export function useDeleteComment() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(await api.DELETE('/api/v1/comments/{id}/', { params: { path: { id } } })),
    onSuccess: done,
  });
}

export function useHideComment() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: number; reason: string }) =>
      unwrap(await api.POST('/api/v1/comments/{id}/hide/', { params: { path: { id } }, body: { reason } })),
    onSuccess: done,
  });
}

export function useNetwork() {
  return useQuery({
    queryKey: boardKeys.network,
    queryFn: async () => unwrap(await api.GET('/api/v1/collaborations/network/')),
  });
}

export function useCollaborations() {
  return useQuery({
    queryKey: boardKeys.collaborations,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/collaborations/', { params: { query: { page_size: 20 } } })),
  });
}

export function useCampaigns() {
  return useQuery({
    queryKey: boardKeys.campaigns,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/campaigns/', { params: { query: { page_size: 50 } } })),
  });
}

export function useCampaign(id: number) {
  return useQuery({
    queryKey: boardKeys.campaign(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/campaigns/{id}/', { params: { path: { id } } })),
  });
}

export function useJoinCampaign(id: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async (body: Schemas['CampaignJoinInputRequest']) =>
      unwrap(await api.POST('/api/v1/campaigns/{id}/join/', { params: { path: { id } }, body })),
    onSuccess: done,
  });
}

export function usePublishCampaign(id: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/campaigns/{id}/publish/', { params: { path: { id } } })),
    onSuccess: done,
  });
}

export function useReports() {
  return useQuery({
    queryKey: boardKeys.reports,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/reports/', { params: { query: { status: ['open'], page_size: 100 } } })),
  });
}

export function useDismissReport() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: number; reason: string }) =>
      unwrap(await api.POST('/api/v1/reports/{id}/dismiss/', { params: { path: { id } }, body: { reason } })),
    onSuccess: done,
  });
}
