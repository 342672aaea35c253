import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Product } from '../api/queries';
import { formatWon } from '../../../lib/format';

export function ProductCard({ p, showEnterprise = false }: { p: Product; showEnterprise?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="card product">
      <div className="card-media" aria-hidden="true">
        {p.image ? (
          <img src={p.image} alt="" width={56} height={56} loading="lazy" />
        ) : (
          <span className="logo-fallback">{p.name.slice(0, 1)}</span>
        )}
      </div>
      <div className="card-body">
        <h3>
          <Link to={`/products/${p.id}`}>{p.name}</Link>
        </h3>
        {showEnterprise && p.enterprise && (
          <p className="muted">
            <Link to={`/enterprises/${p.enterprise}`}>{p.enterprise_name}</Link>
          </p>
        )}
        <p className="badges">
          {p.category_label && <span className="badge muted">{p.category_label}</span>}
          {p.is_available === false && <span className="badge warn">{t('products.unavailable')}</span>}
        </p>
        <p className="price">
          {p.price_on_request || p.price == null
            ? t('products.priceOnRequest')
            : formatWon(p.price, i18n.language)}
        </p>
      </div>
    </li>
  );
}
