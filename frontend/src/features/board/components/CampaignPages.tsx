import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  useCampaign,
  useCampaigns,
  useJoinCampaign,
  useMyOrganisations,
  usePublishCampaign,
  type Campaign,
} from '../api/queries';
import { Empty, ErrorState, FormError, Loading } from '../../../components/ui/States';
import { formatDate, formatWon } from '../../../lib/format';
import { useSignedIn } from '../../../lib/session';
import { useTitle } from '../../../lib/useTitle';

function Period({ c }: { c: Campaign }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {t('board.campaigns.period', {
        from: formatDate(c.starts_on, i18n.language),
        to: formatDate(c.ends_on, i18n.language),
      })}
    </>
  );
}

export function CampaignsPage() {
  const { t } = useTranslation();
  useTitle(t('board.campaigns.title'));
  const q = useCampaigns();
  return (
    <div className="page">
      <h1>{t('board.campaigns.title')}</h1>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} />
      ) : q.data.results.length === 0 ? (
        <Empty>{t('board.campaigns.none')}</Empty>
      ) : (
        <ul className="cards">
          {q.data.results.map((c) => (
            <li key={c.id} className="card">
              <div className="card-body">
                <p className="badges">
                  <span className={`badge ${c.status === 'published' ? 'ok' : 'muted'}`}>
                    {t(`board.campaigns.${c.status}`)}
                  </span>
                </p>
                <h2>
                  <Link to={`/campaigns/${c.id}`}>{c.title}</Link>
                </h2>
                <p className="muted">
                  <Period c={c} /> · {c.participants.map((p) => p.enterprise.name).join(', ')}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function CampaignPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const q = useCampaign(Number(id));
  useTitle(q.data?.title);
  const signedIn = useSignedIn();
  const orgs = useMyOrganisations();
  const join = useJoinCampaign(Number(id));
  const publish = usePublishCampaign(Number(id));
  const [org, setOrg] = useState('');
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} />;
  const c = q.data;
  const taking = new Set(c.participants.map((p) => p.enterprise.id));
  const free = orgs.filter((o) => !taking.has(o.id));
  return (
    <article className="page">
      <p>
        <Link to="/campaigns">← {t('board.campaigns.title')}</Link>
      </p>
      <p className="badges">
        <span className={`badge ${c.status === 'published' ? 'ok' : 'muted'}`}>
          {t(`board.campaigns.${c.status}`)}
        </span>
      </p>
      <h1>{c.title}</h1>
      <p className="muted">
        <Period c={c} />
      </p>
      <div className="markdown" dangerouslySetInnerHTML={{ __html: c.story_html }} />
      <h2>{t('board.campaigns.participants')}</h2>
      <ul className="list">
        {c.participants.map((p) => (
          <li key={p.enterprise.id}>
            <Link to={`/enterprises/${p.enterprise.slug}`}>{p.enterprise.name}</Link>
          </li>
        ))}
      </ul>
      {c.products.length > 0 && (
        <>
          <h2>{t('board.campaigns.products')}</h2>
          <ul className="list">
            {c.products.map((p) => (
              <li key={p.id}>
                <Link to={`/products/${p.id}`}>{p.name}</Link>
                {p.price != null && <span className="muted"> · {formatWon(p.price, i18n.language)}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {signedIn && c.status === 'proposed' && free.length > 0 && (
        <form
          className="form inline"
          onSubmit={(ev) => {
            ev.preventDefault();
            join.mutate({ enterprise_id: Number(org || free[0]!.id) });
          }}
        >
          {free.length > 1 && (
            <label>
              <span className="sr-only">{t('board.post.interestAs')}</span>
              <select value={org} onChange={(e) => setOrg(e.target.value)}>
                {free.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" className="button">
            {t('board.campaigns.join')}
          </button>
          <FormError error={join.error} />
        </form>
      )}
      {c.can_edit && c.status === 'proposed' && (
        <p>
          <button type="button" className="button secondary" onClick={() => publish.mutate()}>
            {t('board.campaigns.publish')}
          </button>
        </p>
      )}
    </article>
  );
}
