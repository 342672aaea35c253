import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Empty, ErrorState, Loading } from '../../../components/ui/States';
import { Pager } from '../../../components/ui/Pager';
import { formatDateTime } from '../../../lib/format';
import { useTitle } from '../../../lib/useTitle';
import { useMeetings } from '../api/queries';
import { ResolutionsNav } from './Shared';

export function MeetingsPage() {
  const { t, i18n } = useTranslation();
  useTitle(t('resolutions.meetings'));
  const [page, setPage] = useState(1);
  const q = useMeetings({ page, page_size: 20 });
  return (
    <div className="page">
      <h1>{t('resolutions.meetings')}</h1>
      <ResolutionsNav />
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : q.data.results.length === 0 ? (
        <Empty>{t('resolutions.empty')}</Empty>
      ) : (
        <>
          <ul className="cards">
            {q.data.results.map((m) => (
              <li key={m.id} className="card">
                <div className="card-body">
                  <h2 className="card-title">
                    <Link to={`/resolutions/meetings/${m.id}`}>{m.title}</Link>
                  </h2>
                  <p className="muted">
                    <time dateTime={m.held_at}>{formatDateTime(m.held_at, i18n.language)}</time>
                  </p>
                  <p>{t('resolutions.resolutionsDone', { total: m.resolution_count, done: m.done_count })}</p>
                </div>
              </li>
            ))}
          </ul>
          <Pager page={page} hasNext={Boolean(q.data.next)} onPage={setPage} />
        </>
      )}
    </div>
  );
}
