import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  usePreferences,
  useSavePreferences,
} from '../api/queries';
import { Empty, ErrorState, FormError, Loading } from '../../../components/ui/States';
import { formatDateTime } from '../../../lib/format';
import { useTitle } from '../../../lib/useTitle';

export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  useTitle(t('nav.notifications'));
  const q = useNotifications();
  const read = useMarkRead();
  const readAll = useMarkAllRead();
  const items = q.data?.pages.flatMap((p) => p.results) ?? [];
  return (
    <div className="page">
      <h1>{t('nav.notifications')}</h1>
      <p>
        <button
          type="button"
          className="secondary"
          onClick={() => readAll.mutate()}
          disabled={readAll.isPending}
        >
          {t('notifications.readAll')}
        </button>
      </p>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('notifications.empty')}</Empty>
      ) : (
        <ul className="list notifications">
          {items.map((n) => (
            <li key={n.id} className={n.is_read ? 'read' : 'unread'}>
              <p>
                {!n.is_read && <span className="badge accent">{t('notifications.new')}</span>}{' '}
                <strong>{n.url ? <Link to={n.url}>{n.title}</Link> : n.title}</strong>
              </p>
              {n.body && <p>{n.body}</p>}
              <p className="muted">
                {n.kind_label} · {formatDateTime(n.created_at, i18n.language)}
                {!n.is_read && (
                  <>
                    {' '}
                    <button type="button" className="small secondary" onClick={() => read.mutate(n.id)}>
                      {t('notifications.markRead')}
                    </button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {q.hasNextPage && (
        <button type="button" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
          {t('notifications.more')}
        </button>
      )}
      <Preferences />
    </div>
  );
}

function Preferences() {
  const { t } = useTranslation();
  const q = usePreferences();
  const save = useSavePreferences();
  const [state, setState] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (q.data) setState(Object.fromEntries(q.data.map((p) => [p.kind, p.email])));
  }, [q.data]);
  return (
    <section aria-labelledby="prefs-title">
      <h2 id="prefs-title">{t('notifications.emailPrefs')}</h2>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} />
      ) : (
        <form
          className="form"
          onSubmit={(ev) => {
            ev.preventDefault();
            save.mutate(q.data.map((p) => ({ kind: p.kind, email: state[p.kind] ?? p.email })));
          }}
        >
          <fieldset>
            <legend>{t('notifications.emailMe')}</legend>
            {q.data.map((p) => (
              <label key={p.kind} className="check">
                <input
                  type="checkbox"
                  checked={state[p.kind] ?? p.email}
                  onChange={(e) => setState({ ...state, [p.kind]: e.target.checked })}
                />
                {p.kind_label}
              </label>
            ))}
          </fieldset>
          <FormError error={save.error} />
          {save.isSuccess && (
            <p role="status" className="notice ok">
              {t('manage.saved')}
            </p>
          )}
          <button type="submit" disabled={save.isPending}>
            {t('manage.save')}
          </button>
        </form>
      )}
    </section>
  );
}
