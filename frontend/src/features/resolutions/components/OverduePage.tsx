import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../../components/ui/States';
import { useTitle } from '../../../lib/useTitle';
import { useResolutions, type ResolutionFilters } from '../api/queries';
import { ResolutionItem, ResolutionsNav } from './Shared';

const STALE_DAYS = 30;

function List({ filters, title, intro }: { filters: ResolutionFilters; title: string; intro?: string }) {
  const { t } = useTranslation();
  const q = useResolutions(filters);
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {intro && <p>{intro}</p>}
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : q.data.results.length === 0 ? (
        <Empty>{t('resolutions.empty')}</Empty>
      ) : (
        <ul className="cards">
          {q.data.results.map((r) => (
            <ResolutionItem key={r.id} r={r} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function OverduePage() {
  const { t } = useTranslation();
  useTitle(t('resolutions.overdueTitle'));
  return (
    <div className="page">
      <h1>{t('resolutions.overdueTitle')}</h1>
      <ResolutionsNav />
      <List
        filters={{ overdue: true, page_size: 100, ordering: 'due_date' }}
        title={t('resolutions.overdueTitle')}
        intro={t('resolutions.overdueIntro')}
      />
      <List
        filters={{ stale_days: STALE_DAYS, page_size: 100, ordering: 'last_update_at' }}
        title={t('resolutions.staleTitle', { days: STALE_DAYS })}
      />
    </div>
  );
}
