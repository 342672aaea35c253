import { useTranslation } from 'react-i18next';
import { useProducts, type ProductFilters } from '../api/queries';
import { ProductCard } from './ProductCard';
import { CATEGORIES } from './choices';
import { QueryState } from '../../../components/ui/States';
import { Pager } from '../../../components/ui/Pager';
import { FilterBar, ResultCount, SearchField, SelectFilter } from '../../../components/ui/Filters';
import { useUrlFilters } from '../../../lib/useUrlFilters';
import { useTitle } from '../../../lib/useTitle';

export function ProductsPage() {
  const { t } = useTranslation();
  useTitle(t('nav.products'));
  const f = useUrlFilters();
  const filters: ProductFilters = { page: f.page, page_size: 24 };
  if (f.q) filters.search = f.q;
  const category = f.get('category');
  if (category) filters.category = [category as NonNullable<ProductFilters['category']>[number]];
  const query = useProducts(filters);
  return (
    <div className="page">
      <h1>{t('products.title')}</h1>
      <p className="lead">{t('products.lead')}</p>
      <FilterBar>
        <SearchField label={t('products.search')} value={f.text} onChange={f.setText} />
        <SelectFilter
          label={t('products.category')}
          value={category}
          onChange={(v) => f.set('category', v)}
          allLabel={t('directory.all')}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`enum.category.${c}`) }))}
        />
      </FilterBar>
      <ResultCount>{query.data ? t('products.count', { count: query.data.count }) : null}</ResultCount>
      <h2 className="sr-only">{t('directory.results')}</h2>
      <QueryState query={query} empty={t('products.empty')} isEmpty={(d) => d.results.length === 0}>
        {(d) => (
          <>
            <ul className="cards">
              {d.results.map((p) => (
                <ProductCard key={p.id} p={p} showEnterprise />
              ))}
            </ul>
            <Pager page={f.page} hasNext={!!d.next} onPage={f.setPage} />
          </>
        )}
      </QueryState>
    </div>
  );
}
