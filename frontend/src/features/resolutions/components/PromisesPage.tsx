import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../components/ui/States';
import { formatDate, formatNumber } from '../../../lib/format';
import { useTitle } from '../../../lib/useTitle';
import { STATUSES, usePromisesKept, useStats } from '../api/queries';
import { ResolutionsNav } from './Shared';

function share(value: number | null | undefined, none: string): string {
  return value == null ? none : `${Math.round(value * 100)}%`;
}

export function PromisesPage() {
  const { t, i18n } = useTranslation();
  useTitle(t('resolutions.promisesTitle'));
  const stats = useStats();
  const promises = usePromisesKept();
  const lang = i18n.language;
  const none = t('resolutions.none');
  return (
    <div className="page promises-page">
      <h1>{t('resolutions.promisesTitle')}</h1>
      <p>{t('resolutions.promisesIntro')}</p>
      <ResolutionsNav />
      {stats.isPending || promises.isPending ? (
        <Loading />
      ) : stats.isError || promises.isError ? (
        <ErrorState error={stats.error ?? promises.error} />
      ) : (
        <>
          <section aria-labelledby="by-status">
            <h2 id="by-status">{t('resolutions.byStatus')}</h2>
            <dl className="numbers">
              {STATUSES.map((s) => (
                <div key={s}>
                  <dt>{t(`resolutions.status.${s}`)}</dt>
                  <dd>{formatNumber(stats.data.by_status[s], lang)}</dd>
                </div>
              ))}
              <div>
                <dt>
                  <Link to="/resolutions/overdue">{t('resolutions.overdueCount')}</Link>
                </dt>
                <dd>{formatNumber(stats.data.by_status.overdue, lang)}</dd>
              </div>
            </dl>
          </section>
          <section aria-labelledby="by-meeting">
            <h2 id="by-meeting">{t('resolutions.byMeeting')}</h2>
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="by-meeting">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('resolutions.meeting')}</th>
                    <th scope="col">{t('resolutions.total')}</th>
                    <th scope="col">{t('resolutions.done')}</th>
                    <th scope="col">{t('resolutions.onTime')}</th>
                    <th scope="col">{t('resolutions.overdueCount')}</th>
                    <th scope="col">{t('resolutions.kept')}</th>
                  </tr>
                </thead>
                <tbody>
                  {promises.data.by_meeting.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">
                        <Link to={`/resolutions/meetings/${m.id}`}>{m.title}</Link>{' '}
                        <span className="muted">{formatDate(m.held_at, lang)}</span>
                      </th>
                      <td>{m.total}</td>
                      <td>{m.done}</td>
                      <td>{m.done_on_time}</td>
                      <td>{m.overdue}</td>
                      <td>{share(m.kept_share, none)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="by-year">
            <h2 id="by-year">{t('resolutions.byYear')}</h2>
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="by-year">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('resolutions.year')}</th>
                    <th scope="col">{t('resolutions.total')}</th>
                    <th scope="col">{t('resolutions.done')}</th>
                    <th scope="col">{t('resolutions.onTime')}</th>
                    <th scope="col">{t('resolutions.dropped')}</th>
                    <th scope="col">{t('resolutions.kept')}</th>
                  </tr>
                </thead>
                <tbody>
                  {promises.data.by_year.map((y) => (
                    <tr key={y.year}>
                      <th scope="row">{y.year}</th>
                      <td>{y.total}</td>
                      <td>{y.done}</td>
                      <td>{y.done_on_time}</td>
                      <td>{y.dropped}</td>
                      <td>{share(y.kept_share, none)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="by-party">
            <h2 id="by-party">{t('resolutions.byParty')}</h2>
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="by-party">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('resolutions.party')}</th>
                    <th scope="col">{t('resolutions.total')}</th>
                    <th scope="col">{t('resolutions.open')}</th>
                    <th scope="col">{t('resolutions.done')}</th>
                    <th scope="col">{t('resolutions.overdueCount')}</th>
                    <th scope="col">{t('resolutions.onTimeShare')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.data.by_party.map((p) => (
                    <tr key={`${p.enterprise_id ?? ''}-${p.party}`}>
                      <th scope="row">
                        {p.enterprise_slug ? (
                          <Link to={`/enterprises/${p.enterprise_slug}`}>{p.party}</Link>
                        ) : (
                          p.party
                        )}
                      </th>
                      <td>{p.total}</td>
                      <td>{p.open}</td>
                      <td>{p.done}</td>
                      <td>{p.overdue}</td>
                      <td>{share(p.on_time_share, none)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
