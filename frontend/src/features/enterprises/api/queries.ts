import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, formData, ifMatch, unwrap, type Schemas } from '../../../lib/api-client';
import type { paths } from '../../../api/schema';

export type Enterprise = Schemas['Enterprise'];
export type Product = Schemas['Product'];
export type EnterpriseFilters = NonNullable<paths['/api/v1/enterprises/']['get']['parameters']['query']>;
export type ProductFilters = NonNullable<paths['/api/v1/products/']['get']['parameters']['query']>;

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (f: EnterpriseFilters) => ['enterprises', 'list', f] as const,
  detail: (slug: string) => ['enterprises', 'detail', slug] as const,
  products: (f: ProductFilters) => ['enterprises', 'products', f] as const,
  product: (id: number) => ['enterprises', 'product', id] as const,
  members: (slug: string) => ['enterprises', 'members', slug] as const,
  stats: ['enterprises', 'stats'] as const,
  targets: ['enterprises', 'targets'] as const,
};

export function useEnterprises(filters: EnterpriseFilters, enabled = true) {
  return useQuery({
    queryKey: enterpriseKeys.list(filters),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/enterprises/', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The map shows at most this many organisations (pages of 100 read one after another). */
export const MAP_LIMIT = 300;

/** Every organisation matching the filters, up to MAP_LIMIT, with the total count: the map's data. */
export function useEnterpriseLocations(
  filters: Omit<EnterpriseFilters, 'page' | 'page_size'>,
  enabled = true,
) {
  return useQuery({
    queryKey: ['enterprises', 'locations', filters] as const,
    queryFn: async ({ signal }) => {
      const results: Enterprise[] = [];
      let count = 0;
      for (let page = 1; results.length < MAP_LIMIT; page++) {
        const r = unwrap(
          await api.GET('/api/v1/enterprises/', {
            params: { query: { ...filters, page, page_size: 100 } },
            signal,
          }),
        );
        results.push(...r.results);
        count = r.count;
        if (!r.next) break;
      }
      return { count, results: results.slice(0, MAP_LIMIT) };
    },
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One organisation and its ETag: the options of useEnterprise, also used to start the read early. */
export const enterpriseQuery = (slug: string) =>
  queryOptions({
    queryKey: enterpriseKeys.detail(slug),
    queryFn: async () => {
      const r = await api.GET('/api/v1/enterprises/{slug}/', { params: { path: { slug } } });
      return { data: unwrap(r), etag: r.response.headers.get('ETag') };
    },
  });

export function useEnterprise(slug: string) {
  return useQuery(enterpriseQuery(slug));
}

export function useProducts(filters: ProductFilters, enabled = true) {
  return useQuery({
    queryKey: enterpriseKeys.products(filters),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/products/', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProduct(id: number) {
  return useQuery({
    queryKey: enterpriseKeys.product(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/products/{id}/', { params: { path: { id } } })),
  });
}

export function useStats() {
  return useQuery({
    queryKey: enterpriseKeys.stats,
    queryFn: async () => unwrap(await api.GET('/api/v1/stats/')),
    staleTime: 5 * 60_000,
  });
}

/** Members are listed only to owners and editors: a 200 means "you may manage this organisation". */
export function useMembers(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: enterpriseKeys.members(slug),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/enterprises/{slug}/members/', { params: { path: { slug } } })),
    enabled,
    retry: false,
  });
}

export function useUpdateEnterprise(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: Schemas['PatchedEnterpriseRequest']; etag: string | null }) =>
      unwrap(
        await api.PATCH('/api/v1/enterprises/{slug}/', {
          params: { path: { slug } },
          body,
          headers: ifMatch(etag),
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: enterpriseKeys.all }),
  });
}

export function useCreateEnterprise() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['EnterpriseRequest']) =>
      unwrap(await api.POST('/api/v1/enterprises/', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: enterpriseKeys.all }),
  });
}

export function useUploadLogo(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) =>
      unwrap(
        await api.POST('/api/v1/enterprises/{slug}/logo/', {
          params: { path: { slug } },
          body: { file: '' },
          bodySerializer: () => formData({ file }),
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: enterpriseKeys.all }),
  });
}

export function useCreateProduct(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['ProductAddInputRequest']) =>
      unwrap(await api.POST('/api/v1/enterprises/{slug}/products/', { params: { path: { slug } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: enterpriseKeys.all }),
  });
}

export function useDeleteProduct() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(await api.DELETE('/api/v1/products/{id}/', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: enterpriseKeys.all }),
  });
}

export function useAddMember(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['MembershipAddInputRequest']) =>
      unwrap(await api.POST('/api/v1/enterprises/{slug}/members/', { params: { path: { slug } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: enterpriseKeys.members(slug) }),
  });
}

export function useRemoveMember(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (membership_id: number) =>
      unwrap(
        await api.DELETE('/api/v1/enterprises/{slug}/members/{membership_id}/', {
          params: { path: { slug, membership_id } },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: enterpriseKeys.members(slug) }),
  });
}
