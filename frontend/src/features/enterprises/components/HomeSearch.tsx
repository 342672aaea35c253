import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEnterprises, useProducts } from '../api/queries';
import { useDebounced } from '../../../lib/useDebounced';

/** Search as you type over organisations and products (home page). */
export function HomeSearch() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 200);
  const orgs = useEnterprises({ search: q, page_size: 5 }, q.length > 0);
  const products = useProducts({ search: q, page_size: 5 }, q.length > 0);
  return (
    <section className="home-search" aria-labelledby="home-search-title">
      <h2 id="home-search-title">{t('home.searchTitle')}</h2>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="home-search" className="sr-only">
          {t('home.searchLabel')}
        </label>
        <input
          id="home-search"
          type="search"
          value={text}
          placeholder={t('home.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
      </form>
      {q && (
        <div className="search-results" aria-live="polite">
          <div>
            <h3>{t('home.organisations')}</h3>
            {orgs.data && orgs.data.results.length === 0 ? (
              <p className="muted">{t('directory.empty')}</p>
            ) : (
              <ul className="list">
                {orgs.data?.results.map((e) => (
                  <li key={e.id}>
                    <Link to={`/enterprises/${e.slug}`}>{e.name}</Link>{' '}
                    <span className="muted">{e.kind_label}</span>
                  </li>
                ))}
              </ul>
            )}
            {orgs.data && orgs.data.count > 5 && (
              <Link to={`/enterprises?q=${encodeURIComponent(q)}`}>
                {t('home.allResults', { count: orgs.data.count })}
              </Link>
            )}
          </div>
          <div>
            <h3>{t('home.products')}</h3>
            {products.data && products.data.results.length === 0 ? (
              <p className="muted">{t('products.empty')}</p>
            ) : (
              <ul className="list">
                {products.data?.results.map((p) => (
                  <li key={p.id}>
                    <Link to={`/products/${p.id}`}>{p.name}</Link>{' '}
                    <span className="muted">{p.enterprise_name}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
