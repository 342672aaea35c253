import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api-client';
import type { paths } from '../../../api/schema';

export type BudgetItem = Schemas['BudgetItem'];
export type BudgetItemDetail = Schemas['BudgetItemDetail'];
export type BudgetSummary = Schemas['BudgetSummary'];
export type SummaryLine = Schemas['SummaryLine'];
export type LedgerEntry = Schemas['LedgerEntry'];
export type Execution = Schemas['Execution'];
export type ItemFilters = NonNullable<paths['/api/v1/budget-items/']['get']['parameters']['query']>;

export const budgetKeys = {
  all: ['budget'] as const,
  summary: (year: number | null) => ['budget', 'summary', year] as const,
  items: (f: ItemFilters) => ['budget', 'items', f] as const,
  item: (id: number) => ['budget', 'item', id] as const,
  history: (id: number, cursor: string | null) => ['budget', 'history', id, cursor] as const,
  programmes: ['budget', 'programmes'] as const,
  verify: ['budget', 'verify'] as const,
};

export function useSummary(year: number | null) {
  return useQuery({
    queryKey: budgetKeys.summary(year),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/budget/summary/', {
          params: { query: year === null ? {} : { year } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useBudgetItems(filters: ItemFilters, enabled = true) {
  return useQuery({
    queryKey: budgetKeys.items(filters),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/budget-items/', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useBudgetItem(id: number) {
  return useQuery({
    queryKey: budgetKeys.item(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/budget-items/{id}/', { params: { path: { id } } })),
  });
}

export function useHistory(id: number, cursor: string | null) {
  return useQuery({
    queryKey: budgetKeys.history(id, cursor),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/budget-items/{id}/history/', {
          params: { path: { id }, query: { page_size: 50, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useProgrammes(enabled = true) {
  return useQuery({
    queryKey: budgetKeys.programmes,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/budget/programmes/', { params: { query: { page_size: 100 } } })),
    enabled,
  });
}

/** The server's check of the whole chain (on demand: it reads every entry). */
export function useVerifyLedger() {
  return useMutation({
    mutationFn: async () => unwrap(await api.GET('/api/v1/budget/ledger/verify/')),
  });
}

function useInvalidating<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: budgetKeys.all }),
  });
}

export function useCreateItem() {
  return useInvalidating(async (body: Schemas['BudgetItemCreateInputRequest']) =>
    unwrap(await api.POST('/api/v1/budget-items/', { body })),
  );
}

export function useUpdateItem(id: number) {
  return useInvalidating(async (body: Schemas['PatchedBudgetItemUpdateInputRequest']) =>
    unwrap(await api.PATCH('/api/v1/budget-items/{id}/', { params: { path: { id } }, body })),
  );
}

export function useRecordExecution(id: number) {
  return useInvalidating(async (body: Schemas['ExecutionCreateInputRequest']) =>
    unwrap(await api.POST('/api/v1/budget-items/{id}/executions/', { params: { path: { id } }, body })),
  );
}

export function useAmend(id: number) {
  return useInvalidating(async (body: Schemas['AmendmentCreateInputRequest']) =>
    unwrap(await api.POST('/api/v1/budget-items/{id}/amendments/', { params: { path: { id } }, body })),
  );
}

export function useSetStatus(id: number) {
  return useInvalidating(async (body: Schemas['StatusInputRequest']) =>
    unwrap(await api.POST('/api/v1/budget-items/{id}/status/', { params: { path: { id } }, body })),
  );
}

export function useAddEvidence(id: number) {
  return useInvalidating(async (body: Schemas['EvidenceAddInputRequest']) =>
    unwrap(await api.POST('/api/v1/budget-items/{id}/evidence/', { params: { path: { id } }, body })),
  );
}

/** A document itself (a file) as evidence instead of a link (multipart/form-data). */
export function useUploadEvidence(id: number) {
  return useInvalidating(
    async (input: { kind: string; title: string; file: File; execution_id?: number | null }) => {
      const form = new FormData();
      form.append('kind', input.kind);
      form.append('title', input.title);
      form.append('file', input.file);
      if (input.execution_id) form.append('execution_id', String(input.execution_id));
      return unwrap(
        await api.POST('/api/v1/budget-items/{id}/evidence/file/', {
          params: { path: { id } },
          // openapi-fetch sends FormData as it is (the browser sets the boundary).
          body: form as unknown as Schemas['EvidenceUploadInputRequest'],
          bodySerializer: (b) => b as unknown as FormData,
        }),
      );
    },
  );
}

export function useReverse() {
  return useInvalidating(async ({ id, reason }: { id: number; reason: string }) =>
    unwrap(
      await api.POST('/api/v1/budget-executions/{id}/reverse/', {
        params: { path: { id } },
        body: { reason },
      }),
    ),
  );
}

/** Address of an open-data download (public: a plain link, no token needed). */
export function exportUrl(
  dataset: 'items' | 'executions' | 'ledger',
  format: 'csv' | 'xlsx',
  lang: string,
  year: number | null,
): string {
  const query = new URLSearchParams({ lang: lang.startsWith('ko') ? 'ko' : 'en' });
  if (year !== null && dataset !== 'ledger') query.set('fiscal_year', String(year));
  return `/api/v1/budget/exports/${dataset}.${format}?${query.toString()}`;
}
