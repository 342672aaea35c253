import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { useEnterprise, useMembers, useProducts } from '../api/queries';
import { ErrorState, Loading, QueryState } from '../../../components/ui/States';
import { useTitle } from '../../../lib/useTitle';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format';
import { api, unwrap } from '../../../lib/api-client';
import { useSignedIn } from '../../../lib/session';
import { ProductCard } from './ProductCard';

/** `extra`: sections other features add below (composed by the app, e.g. the support received). */
export function EnterprisePage({ extra }: { extra?: (slug: string) => React.ReactNode } = {}) {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const q = useEnterprise(slug);
  const e = q.data?.data;
  const name = e ? (i18n.language === 'en' && e.name_en ? e.name_en : e.name) : undefined;
  useTitle(name);
  const signedIn = useSignedIn();
  const members = useMembers(slug, signedIn && !!e);
  const products = useProducts({ enterprise: slug, page_size: 50 }, !!e);
  const events = useQuery({
    queryKey: ['enterprises', 'events', slug],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/events/', {
          params: { query: { host: slug, upcoming: true, page_size: 10 } },
        }),
      ),
    enabled: !!e,
  });

  if (q.isPending) return <Loading />;
  if (q.isError || !e) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const lang = i18n.language;

  return (
    <article className="page enterprise">
      <header className="enterprise-head">
        {e.logo ? (
          <img src={e.logo} alt={t('enterprises.logoOf', { name })} width={96} height={96} />
        ) : (
          <span className="logo-fallback big" aria-hidden="true">
            {e.name.slice(0, 1)}
          </span>
        )}
        <div>
          <h1>{name}</h1>
          {lang === 'en' ? null : e.name_en ? <p className="muted">{e.name_en}</p> : null}
          <p className="badges">
            <span className="badge">{e.kind_label}</span>
            <span className="badge muted">{e.district_label}</span>
            {e.sector_label && <span className="badge muted">{e.sector_label}</span>}
            {e.is_verified ? (
              <span className="badge ok">{t('enterprises.verified')}</span>
            ) : (
              <span className="badge warn">{e.verification_status_label}</span>
            )}
          </p>
          {members.isSuccess && (
            <p>
              <Link className="button" to={`/my/enterprises/${e.slug}`}>
                {t('enterprises.manage')}
              </Link>
            </p>
          )}
        </div>
      </header>

      {e.social_mission && (
        <section>
          <h2>{t('enterprises.mission')}</h2>
          <p>{e.social_mission}</p>
        </section>
      )}
      {e.description && <p className="prewrap">{e.description}</p>}

      <section>
        <h2>{t('enterprises.numbers')}</h2>
        <dl className="numbers">
          {e.employees_total != null && (
            <div>
              <dt>{t('enterprises.employees')}</dt>
              <dd>{formatNumber(e.employees_total, lang)}</dd>
            </div>
          )}
          {e.employees_vulnerable != null && (
            <div>
              <dt>{t('enterprises.vulnerableEmployees')}</dt>
              <dd>{formatNumber(e.employees_vulnerable, lang)}</dd>
            </div>
          )}
          {e.founded_on && (
            <div>
              <dt>{t('enterprises.founded')}</dt>
              <dd>{formatDate(e.founded_on, lang)}</dd>
            </div>
          )}
          <div>
            <dt>{t('enterprises.products')}</dt>
            <dd>{formatNumber(e.product_count, lang)}</dd>
          </div>
        </dl>
        {e.vulnerable_groups && e.vulnerable_groups.length > 0 && (
          <p>
            {t('enterprises.vulnerableGroups')}:{' '}
            {e.vulnerable_groups.map((g) => t(`enum.vulnerable.${g}`)).join(', ')}
          </p>
        )}
      </section>

      <section>
        <h2>{t('enterprises.contact')}</h2>
        <ul className="channels">
          {e.website && (
            <li>
              <a className="channel web" href={e.website} rel="noopener" target="_blank">
                {t('enterprises.website')}
              </a>
            </li>
          )}
          {e.social_links?.map((l) => (
            <li key={l.url}>
              <a className={`channel ${l.kind}`} href={l.url} rel="noopener" target="_blank">
                <span aria-hidden="true" className="channel-icon">
                  {CHANNEL_ICON[l.kind] ?? '🔗'}
                </span>
                {l.label || l.kind_label}
                {l.followers != null && (
                  <span className="muted"> · {t('enterprises.followers', { count: l.followers })}</span>
                )}
              </a>
            </li>
          ))}
          {e.phone && (
            <li>
              <a className="channel phone" href={`tel:${e.phone}`}>
                {t('enterprises.phone')}: {e.phone}
              </a>
            </li>
          )}
          {e.email && (
            <li>
              <a className="channel email" href={`mailto:${e.email}`}>
                {e.email}
              </a>
            </li>
          )}
        </ul>
        {e.address && (
          <p>
            {t('enterprises.address')}: {e.address}
          </p>
        )}
      </section>

      <section>
        <h2>{t('enterprises.products')}</h2>
        <QueryState query={products} empty={t('products.empty')} isEmpty={(d) => d.results.length === 0}>
          {(d) => (
            <ul className="cards">
              {d.results.map((p) => (
                <ProductCard key={p.id} p={p} />
              ))}
            </ul>
          )}
        </QueryState>
      </section>

      <section>
        <h2>{t('enterprises.upcomingEvents')}</h2>
        <QueryState query={events} empty={t('events.empty')} isEmpty={(d) => d.results.length === 0}>
          {(d) => (
            <ul className="list">
              {d.results.map((ev) => (
                <li key={ev.id}>
                  <Link to={`/events/${ev.id}`}>{ev.title}</Link>{' '}
                  <span className="muted">{formatDateTime(ev.starts_at, lang)}</span>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
        <p>
          <a href={`/api/v1/enterprises/${e.slug}/calendar.ics`}>{t('enterprises.calendar')}</a>
        </p>
      </section>
      {extra?.(e.slug)}
    </article>
  );
}

const CHANNEL_ICON: Record<string, string> = {
  naver_band: 'B',
  kakao_channel: 'K',
  kakao_story: 'K',
  facebook: 'f',
  instagram: '◎',
  blog: 'b',
  naver_cafe: 'N',
  youtube: '▶',
};
