import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvents } from '../api/queries';
import { Empty, ErrorState, Loading } from '../../../components/ui/States';
import { Pager } from '../../../components/ui/Pager';
import { EventItem } from './EventItem';

export function UpcomingList({ pageSize = 20 }: { pageSize?: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const q = useEvents({ upcoming: true, page, page_size: pageSize, ordering: 'starts_at' });
  // The cards are drawn in a second, interruptible render at transition priority, not in the
  // query's synchronous update (one long task while the page is loading).
  const data = useDeferredValue(q.data);
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  if (!data) return <Loading />;
  if (data.results.length === 0) return <Empty>{t('events.empty')}</Empty>;
  return (
    <>
      <ul className="cards">
        {data.results.map((e) => (
          <EventItem key={e.id} e={e} />
        ))}
      </ul>
      {pageSize >= 20 && <Pager page={page} hasNext={!!data.next} onPage={setPage} />}
    </>
  );
}
