import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Event } from '../api/queries';
import { formatDateTime } from '../../../lib/format';

export function EventItem({ e }: { e: Event }) {
  const { i18n } = useTranslation();
  return (
    <li className="card event">
      <div className="card-body">
        <h3>
          <Link to={`/events/${e.id}`}>{e.title}</Link>
        </h3>
        <p className="muted">
          <time dateTime={e.starts_at}>{formatDateTime(e.starts_at, i18n.language)}</time>
          {e.venue_name ? ` · ${e.venue_name}` : ''}
        </p>
        <p className="badges">
          <span className="badge">{e.kind_label}</span>
          {e.status !== 'scheduled' && <span className="badge warn">{e.status_label}</span>}
          <SeatsBadge e={e} />
        </p>
      </div>
    </li>
  );
}

export function SeatsBadge({ e }: { e: Event }) {
  const { t } = useTranslation();
  if (e.capacity == null) return <span className="badge muted">{t('events.noLimit')}</span>;
  if (e.seats_left === 0) return <span className="badge warn">{t('events.full')}</span>;
  return <span className="badge ok">{t('events.seatsLeft', { count: e.seats_left ?? 0 })}</span>;
}
