import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProducts, type ProductFilters } from '../api/queries';
import { ProductCard } from './ProductCard';
import { CATEGORIES } from './choices';
import { Empty, ErrorState, Loading } from '../../../components/ui/States';
import { Pager } from '../../../components/ui/Pager';
import { useDebounced } from '../../../lib/useDebounced';
import { useTitle } from '../../../lib/useTitle';

export function ProductsPage() {
  const { t } = useTranslation();
  useTitle(t('nav.products'));
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const [page, setPage] = useState(1);
  const q = useDebounced(text.trim(), 200);
  const filters: ProductFilters = { page, page_size: 24 };
  if (q) filters.search = q;
  if (category) filters.category = [category as NonNullable<ProductFilters['category']>[number]];
  const query = useProducts(filters);
  return (
    <div className="page">
      <h1>{t('products.title')}</h1>
      <p className="lead">{t('products.lead')}</p>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field grow">
          <label htmlFor="prod-search">{t('products.search')}</label>
          <input
            id="prod-search"
            type="search"
            value={text}
            autoComplete="off"
            onChange={(e) => {
              setText(e.target.value);
              setPage(1);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="prod-cat">{t('products.category')}</label>
          <select
            id="prod-cat"
            value={category}
            onChange={(e) => {
              setCategory(e.target.value);
              setPage(1);
            }}
          >
            <option value="">{t('directory.all')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`enum.category.${c}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p className="result-count" role="status" aria-live="polite">
        {query.data ? t('products.count', { count: query.data.count }) : '\u00a0'}
      </p>
      <h2 className="sr-only">{t('directory.results')}</h2>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} retry={() => void query.refetch()} />
      ) : query.data.results.length === 0 ? (
        <Empty>{t('products.empty')}</Empty>
      ) : (
        <>
          <ul className="cards">
            {query.data.results.map((p) => (
              <ProductCard key={p.id} p={p} showEnterprise />
            ))}
          </ul>
          <Pager page={page} hasNext={!!query.data.next} onPage={setPage} />
        </>
      )}
    </div>
  );
}
