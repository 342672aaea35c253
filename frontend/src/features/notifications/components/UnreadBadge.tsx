import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../api/queries';

/** The notifications link with its unread count (header). */
export function NotificationsLink() {
  const { t } = useTranslation();
  const q = useUnreadCount(true);
  const n = q.data?.unread ?? 0;
  return (
    <Link to="/notifications" className="nav-link">
      {t('nav.notifications')}
      {n > 0 && (
        <span className="count-badge">
          <span aria-hidden="true">{n > 99 ? '99+' : n}</span>
          <span className="sr-only">{t('notifications.unread', { count: n })}</span>
        </span>
      )}
    </Link>
  );
}
