import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useProduct } from '../api/queries';
import { ErrorState, Loading } from '../../../components/ui/States';
import { formatWon } from '../../../lib/format';
import { useTitle } from '../../../lib/useTitle';

export function ProductPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const q = useProduct(Number(id));
  useTitle(q.data?.name);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const p = q.data;
  return (
    <article className="page">
      <h1>{p.name}</h1>
      {p.enterprise && (
        <p>
          <Link to={`/enterprises/${p.enterprise}`}>{p.enterprise_name}</Link>
        </p>
      )}
      {p.image && <img className="product-image" src={p.image} alt={p.name} width={320} height={320} />}
      <p className="badges">
        {p.category_label && <span className="badge muted">{p.category_label}</span>}
        {p.is_available === false && <span className="badge warn">{t('products.unavailable')}</span>}
      </p>
      <p className="price big">
        {p.price_on_request || p.price == null
          ? t('products.priceOnRequest')
          : formatWon(p.price, i18n.language)}
      </p>
      {p.description && <p className="prewrap">{p.description}</p>}
      <section>
        <h2>{t('products.howToOrder')}</h2>
        {p.order_url ? (
          <p>
            <a className="button" href={p.order_url} rel="noopener" target="_blank">
              {t('products.orderOnline')}
            </a>
          </p>
        ) : null}
        {p.order_contact ? <p>{p.order_contact}</p> : null}
        {!p.order_url && !p.order_contact && <p>{t('products.orderViaOrganisation')}</p>}
      </section>
    </article>
  );
}
