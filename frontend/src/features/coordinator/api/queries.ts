import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, formData, unwrap, type Schemas } from '../../../lib/api-client';

export const coordinatorKeys = {
  all: ['coordinator'] as const,
  pending: ['coordinator', 'pending'] as const,
  targets: ['coordinator', 'targets'] as const,
  booths: (status: string) => ['coordinator', 'booths', status] as const,
};

export function usePendingEnterprises() {
  return useQuery({
    queryKey: coordinatorKeys.pending,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/enterprises/', { params: { query: { verified: 'false', page_size: 100 } } }),
      ),
  });
}

export function useDecideEnterprise() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ slug, verify }: { slug: string; verify: boolean }) => {
      const opts = { params: { path: { slug } } };
      return unwrap(
        verify
          ? await api.POST('/api/v1/enterprises/{slug}/verify/', opts)
          : await api.POST('/api/v1/enterprises/{slug}/reject/', opts),
      );
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: coordinatorKeys.pending }),
  });
}

export function useImportCsv() {
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      unwrap(
        await api.POST('/api/v1/enterprises/import/', {
          body: { file: '', dry_run: dryRun },
          bodySerializer: () => formData({ file, dry_run: dryRun }),
        }),
      ),
  });
}

export function useTargets() {
  return useQuery({
    queryKey: coordinatorKeys.targets,
    queryFn: async () => unwrap(await api.GET('/api/v1/stats/targets/')),
  });
}

export function useSaveTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ target, exists }: { target: Schemas['ProgressTargetRequest']; exists: boolean }) =>
      unwrap(
        exists
          ? await api.PATCH('/api/v1/stats/targets/{year}/', {
              params: { path: { year: String(target.year) } },
              body: { organisations: target.organisations, jobs: target.jobs, note: target.note ?? '' },
            })
          : await api.POST('/api/v1/stats/targets/', { body: target }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: coordinatorKeys.targets }),
  });
}

export function useBoothApplications(status: Schemas['BoothApplicationStatusEnum']) {
  return useQuery({
    queryKey: coordinatorKeys.booths(status),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/booth-applications/', {
          params: { query: { status: [status], page_size: 100 } },
        }),
      ),
  });
}

export function useDecideBooth() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, accept, reason }: { id: number; accept: boolean; reason: string }) => {
      const path = { params: { path: { id } } };
      return unwrap(
        accept
          ? await api.POST('/api/v1/booth-applications/{id}/accept/', path)
          : await api.POST('/api/v1/booth-applications/{id}/decline/', { ...path, body: { reason } }),
      );
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['coordinator', 'booths'] }),
  });
}

/** `rows[4].기업유형` → { row: 4, column: '기업유형' }; other fields → null. */
export function parseRowField(field: string): { row: number; column: string } | null {
  const m = /^rows\[(\d+)\](?:\.(.+))?$/.exec(field);
  if (!m) return null;
  return { row: Number(m[1]), column: m[2] ?? '' };
}
