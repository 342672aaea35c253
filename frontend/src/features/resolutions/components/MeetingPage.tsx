import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, FormError, Loading } from '../../../components/ui/States';
import { formatDateTime } from '../../../lib/format';
import { useMe, useSignedIn } from '../../../lib/session';
import { useTitle } from '../../../lib/useTitle';
import { useFollowMeeting, useMeeting, type MeetingDetail } from '../api/queries';
import { ResolutionItem, ResolutionsNav, StatusBadge } from './Shared';

export function MeetingPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const q = useMeeting(Number(id));
  const me = useMe();
  useTitle(q.data?.title);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const m = q.data;
  const lang = i18n.language;
  return (
    <article className="page meeting-page">
      <ResolutionsNav />
      <h1>{m.title}</h1>
      {me.data?.is_coordinator && (
        <p>
          <Link to={`/resolutions/meetings/${m.id}/edit`}>{t('resolutions.edit.meetingLink')}</Link>
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{t('resolutions.heldAt')}</dt>
          <dd>
            <time dateTime={m.held_at}>{formatDateTime(m.held_at, lang)}</time>
            {m.attendance_count != null && ` · ${t('resolutions.attendance', { count: m.attendance_count })}`}
          </dd>
        </div>
        {m.event && (
          <div>
            <dt>{t('resolutions.event')}</dt>
            <dd>
              <Link to={`/events/${m.event.id}`}>{m.event.title}</Link>
            </dd>
          </div>
        )}
        {m.participants.length > 0 && (
          <div>
            <dt>{t('resolutions.participants')}</dt>
            <dd>
              {m.participants.map((p, i) => (
                <span key={p.id}>
                  {i > 0 && ', '}
                  <Link to={`/enterprises/${p.slug}`}>{lang === 'en' && p.name_en ? p.name_en : p.name}</Link>
                </span>
              ))}
            </dd>
          </div>
        )}
        {m.agenda && (
          <div>
            <dt>{t('resolutions.agenda')}</dt>
            <dd className="prewrap">{m.agenda}</dd>
          </div>
        )}
      </dl>
      <FollowMeeting m={m} />
      {m.agenda_items.length > 0 && (
        <section aria-labelledby="agenda-title">
          <h2 id="agenda-title">{t('resolutions.carriedAgenda')}</h2>
          <ul className="list">
            {m.agenda_items.map((item) => (
              <li key={item.id}>
                <Link to={`/resolutions/${item.resolution.id}`}>{item.resolution.title}</Link>{' '}
                <StatusBadge status={item.resolution.status} overdue />{' '}
                <span className="muted">{item.resolution.meeting.title}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t('resolutions.decisions')}</h2>
        {m.resolutions.length === 0 ? (
          <Empty>{t('resolutions.empty')}</Empty>
        ) : (
          <ul className="cards">
            {m.resolutions.map((r) => (
              <ResolutionItem key={r.id} r={r} />
            ))}
          </ul>
        )}
      </section>
      {m.minutes_html && (
        <section aria-labelledby="minutes-title">
          <h2 id="minutes-title">{t('resolutions.minutes')}</h2>
          {/* Rendered and sanitised on the server (api/common/richtext.py). */}
          <div className="rich" dangerouslySetInnerHTML={{ __html: m.minutes_html }} />
        </section>
      )}
    </article>
  );
}

function FollowMeeting({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const follow = useFollowMeeting(m.id);
  if (!signedIn) return null;
  return (
    <p>
      <button
        type="button"
        className={m.is_following ? 'secondary' : undefined}
        disabled={follow.isPending}
        onClick={() => follow.mutate(!m.is_following)}
      >
        {m.is_following ? t('resolutions.unfollowMeeting') : t('resolutions.followMeeting')}
      </button>
      <FormError error={follow.error} />
    </p>
  );
}
