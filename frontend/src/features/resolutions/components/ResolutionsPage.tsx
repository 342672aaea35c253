import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../../components/ui/States';
import { useTitle } from '../../../lib/useTitle';
import { STATUSES, useResolutions } from '../api/queries';
import { ResolutionItem, ResolutionsNav } from './Shared';

/** The board: every top-level resolution, one column per status. */
export function ResolutionsPage() {
  const { t } = useTranslation();
  useTitle(t('resolutions.title'));
  const q = useResolutions({ top_level: true, page_size: 100, ordering: 'due_date' });
  return (
    <div className="page resolutions-page">
      <h1>{t('resolutions.title')}</h1>
      <p>{t('resolutions.intro')}</p>
      <ResolutionsNav />
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : (
        <div className="status-board">
          {STATUSES.map((status) => {
            const items = q.data.results.filter((r) => r.status === status);
            return (
              <section key={status} aria-labelledby={`col-${status}`} className="status-column">
                <h2 id={`col-${status}`}>
                  {t(`resolutions.status.${status}`)}{' '}
                  <span className="muted">{t('resolutions.count', { count: items.length })}</span>
                </h2>
                {items.length === 0 ? (
                  <Empty>{t('resolutions.empty')}</Empty>
                ) : (
                  <ul className="cards single">
                    {items.map((r) => (
                      <ResolutionItem key={r.id} r={r} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
