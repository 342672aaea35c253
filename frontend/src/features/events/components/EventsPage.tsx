import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEvents, type Event } from '../api/queries';
import { Empty, ErrorState, Loading } from '../../../components/ui/States';
import { useTitle } from '../../../lib/useTitle';
import { formatDateTime, formatMonth, seoulDay, weekdayNames } from '../../../lib/format';
import { UpcomingList } from './UpcomingList';

export function EventsPage() {
  const { t } = useTranslation();
  useTitle(t('nav.events'));
  const [view, setView] = useState<'list' | 'month'>('list');
  return (
    <div className="page">
      <h1>{t('events.title')}</h1>
      <div className="tabs" role="group" aria-label={t('events.view')}>
        <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
          {t('events.upcoming')}
        </button>
        <button type="button" aria-pressed={view === 'month'} onClick={() => setView('month')}>
          {t('events.month')}
        </button>
      </div>
      {view === 'list' ? (
        <>
          <h2 className="sr-only">{t('events.upcoming')}</h2>
          <UpcomingList />
        </>
      ) : (
        <MonthCalendar />
      )}
      <p>
        <a href="/api/v1/events/calendar.ics">{t('events.subscribeAll')}</a>
      </p>
    </div>
  );
}

function monthStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

function MonthCalendar() {
  const { t, i18n } = useTranslation();
  const today = seoulDay(new Date());
  const [month, setMonth] = useState(() => monthStart(new Date(`${today}T00:00:00Z`)));
  const y = month.getUTCFullYear();
  const m = month.getUTCMonth();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  const from = `${y}-${pad(m + 1)}-01`;
  const to = `${y}-${pad(m + 1)}-${pad(last)}`;
  const q = useEvents({ date_from: from, date_to: to, page_size: 100, ordering: 'starts_at' });
  const byDay = useMemo(() => {
    const map = new Map<string, Event[]>();
    for (const e of q.data?.results ?? []) {
      const d = seoulDay(e.starts_at);
      map.set(d, [...(map.get(d) ?? []), e]);
    }
    return map;
  }, [q.data]);
  const lead = new Date(Date.UTC(y, m, 1)).getUTCDay();
  const cells: (number | null)[] = [
    ...Array(lead).fill(null),
    ...Array.from({ length: last }, (_, i) => i + 1),
  ];
  const label = formatMonth(y, m + 1, i18n.language);
  const weekdays = weekdayNames(i18n.language);
  return (
    <section aria-labelledby="month-title">
      <div className="month-nav">
        <button type="button" onClick={() => setMonth(new Date(Date.UTC(y, m - 1, 1)))}>
          {t('events.prevMonth')}
        </button>
        <h2 id="month-title" aria-live="polite">
          {label}
        </h2>
        <button type="button" onClick={() => setMonth(new Date(Date.UTC(y, m + 1, 1)))}>
          {t('events.nextMonth')}
        </button>
      </div>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : (
        <>
          <table className="calendar">
            <caption className="sr-only">{label}</caption>
            <thead>
              <tr>
                {weekdays.map((w) => (
                  <th key={w} scope="col">
                    {w}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: Math.ceil(cells.length / 7) }, (_, row) => (
                <tr key={row}>
                  {cells.slice(row * 7, row * 7 + 7).map((day, i) => {
                    const key = day ? `${y}-${pad(m + 1)}-${pad(day)}` : '';
                    const events = day ? (byDay.get(key) ?? []) : [];
                    return (
                      <td key={i} className={key === today ? 'today' : undefined}>
                        {day && <span className="day">{day}</span>}
                        {events.map((e) => (
                          <Link key={e.id} to={`/events/${e.id}`} className="cal-event">
                            {e.title}
                          </Link>
                        ))}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {q.data.results.length === 0 ? (
            <Empty>{t('events.emptyMonth')}</Empty>
          ) : (
            <ul className="list calendar-list">
              {q.data.results.map((e) => (
                <li key={e.id}>
                  <Link to={`/events/${e.id}`}>{e.title}</Link>{' '}
                  <span className="muted">{formatDateTime(e.starts_at, i18n.language)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
