import { useDeferredValue } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="state loading" role="status" aria-live="polite">
      {label ?? t('state.loading')}
    </p>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="state empty">{children}</p>;
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="state error" role="alert">
      <p>{notFound ? t('state.notFound') : t('state.error')}</p>
      {error instanceof ApiError && !notFound && error.message ? <p>{error.message}</p> : null}
      {retry && !notFound ? (
        <button type="button" onClick={retry}>
          {t('state.retry')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * The error of a form that no field shows. With `withFields`, messages of named fields are shown by
 * their <Field>s, so only the others (field null / non_field_errors) or the detail appear here.
 */
export function FormError({ error, withFields = false }: { error: unknown; withFields?: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  let msg: string;
  if (error instanceof ApiError) {
    const general = [
      ...(error.fieldErrors['non_field_errors'] ?? []),
      ...(error.fieldErrors['detail'] ?? []),
    ];
    if (general.length) msg = general.join(' ');
    else if (withFields && error.problem.errors?.length) return null;
    else msg = error.message;
  } else {
    msg = t('state.error');
  }
  return (
    <p className="form-error" role="alert">
      {msg}
    </p>
  );
}

/**
 * The three states every list or detail shows before its data: loading, error (with retry) and,
 * when `isEmpty` says so, the empty message; then `children(data)`.
 */
export function QueryState<T>({
  query,
  empty,
  isEmpty,
  children,
}: {
  query: Pick<UseQueryResult<T>, 'isPending' | 'isError' | 'error' | 'data' | 'refetch'>;
  empty?: React.ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => React.ReactNode;
}) {
  // The results are drawn in a second, interruptible render at transition priority, not inside the
  // query's synchronous update (one long task while the page is still loading); a new page of
  // results replaces the old one once drawn.
  const data = useDeferredValue(query.data);
  if (query.isError) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  if (data === undefined) {
    if (query.isPending || query.data !== undefined) return <Loading />;
    return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  }
  if (isEmpty?.(data)) return <Empty>{empty}</Empty>;
  return <>{children(data)}</>;
}
