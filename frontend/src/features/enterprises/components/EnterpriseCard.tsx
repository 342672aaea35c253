import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../api/queries';

export function EnterpriseCard({ e }: { e: Enterprise }) {
  const { t, i18n } = useTranslation();
  const name = i18n.language === 'en' && e.name_en ? e.name_en : e.name;
  return (
    <li className="card">
      <div className="card-media" aria-hidden="true">
        {e.logo ? (
          <img src={e.logo} alt="" width={56} height={56} loading="lazy" />
        ) : (
          <span className="logo-fallback">{e.name.slice(0, 1)}</span>
        )}
      </div>
      <div className="card-body">
        <h3>
          <Link to={`/enterprises/${e.slug}`}>{name}</Link>
        </h3>
        <p className="badges">
          <span className="badge">{e.kind_label}</span>
          <span className="badge muted">{e.district_label}</span>
          {e.is_verified && <span className="badge ok">{t('enterprises.verified')}</span>}
          {(e.employees_vulnerable ?? 0) > 0 && (
            <span className="badge accent">{t('enterprises.employsVulnerable')}</span>
          )}
          {e.product_count > 0 && (
            <span className="badge">{t('enterprises.productCount', { count: e.product_count })}</span>
          )}
        </p>
        {e.social_mission && <p className="clamp">{e.social_mission}</p>}
      </div>
    </li>
  );
}
