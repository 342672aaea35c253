import { Link, NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import type { Resolution, ResolutionStatus } from '../api/queries';

export function ResolutionsNav() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <nav className="tabs" aria-label={t('resolutions.nav.label')}>
      <NavLink to="/resolutions" end>
        {t('resolutions.nav.board')}
      </NavLink>
      <NavLink to="/resolutions/meetings" end>
        {t('resolutions.nav.meetings')}
      </NavLink>
      <NavLink to="/resolutions/overdue">{t('resolutions.nav.overdue')}</NavLink>
      <NavLink to="/resolutions/promises">{t('resolutions.nav.promises')}</NavLink>
      {me.data?.is_coordinator && (
        <>
          <NavLink to="/resolutions/new">{t('resolutions.nav.newResolution')}</NavLink>
          <NavLink to="/resolutions/meetings/new">{t('resolutions.nav.newMeeting')}</NavLink>
        </>
      )}
    </nav>
  );
}

export function StatusBadge({ status, overdue }: { status: ResolutionStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  const tone = status === 'done' ? 'ok' : status === 'dropped' ? 'muted' : '';
  return (
    <>
      <span className={`badge ${tone}`}>{t(`resolutions.status.${status}`)}</span>
      {overdue && <span className="badge warn">{t('resolutions.overdueBadge')}</span>}
    </>
  );
}

export function Owners({ r }: { r: Pick<Resolution, 'responsible_enterprises' | 'responsible_body'> }) {
  const { i18n } = useTranslation();
  const names = r.responsible_enterprises.map((e) => (
    <Link key={e.id} to={`/enterprises/${e.slug}`}>
      {i18n.language === 'en' && e.name_en ? e.name_en : e.name}
    </Link>
  ));
  const parts = r.responsible_body ? [...names, <span key="body">{r.responsible_body}</span>] : names;
  return (
    <>
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && ', '}
          {p}
        </span>
      ))}
    </>
  );
}

export function ResolutionItem({ r }: { r: Resolution }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="card resolution-card">
      <div className="card-body">
        <h3>
          <Link to={`/resolutions/${r.id}`}>{r.title}</Link>
        </h3>
        <p className="badges">
          <StatusBadge status={r.status} overdue={r.is_overdue} />
        </p>
        <p>
          <span className="muted">{t('resolutions.owners')}: </span>
          <Owners r={r} />
        </p>
        <p className="muted">
          {t('resolutions.due')}:{' '}
          {r.due_date ? formatDate(r.due_date, i18n.language) : t('resolutions.noDue')}
          {' · '}
          {t('resolutions.updatesCount', { count: r.update_count })}
        </p>
      </div>
    </li>
  );
}
