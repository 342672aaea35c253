import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterprises, type EnterpriseFilters } from '../api/queries';
import { EnterpriseCard } from './EnterpriseCard';
import { MapView } from './MapView';
import { QueryState } from '../../../components/ui/States';
import { Pager } from '../../../components/ui/Pager';
import {
  CheckFilters,
  FilterBar,
  ResultCount,
  SearchField,
  SelectFilter,
  ViewSwitch,
} from '../../../components/ui/Filters';
import { useUrlFilters } from '../../../lib/useUrlFilters';
import { useTitle } from '../../../lib/useTitle';
import { KINDS, DISTRICTS, SECTORS } from './choices';

type Many<K extends keyof EnterpriseFilters> = NonNullable<EnterpriseFilters[K]>;
const CHECKS = [
  ['vulnerable', 'directory.vulnerable'],
  ['products', 'directory.hasProducts'],
  ['verified', 'directory.verifiedOnly'],
] as const;

export function DirectoryPage() {
  const { t } = useTranslation();
  useTitle(t('nav.directory'));
  const f = useUrlFilters();
  const view = f.get('view') === 'map' ? 'map' : 'list';

  // The same filters select the cards of the list and the markers of the map.
  const filters: Omit<EnterpriseFilters, 'page' | 'page_size'> = {};
  if (f.q) filters.search = f.q;
  if (f.get('kind')) filters.kind = [f.get('kind') as Many<'kind'>[number]];
  if (f.get('district')) filters.district = [f.get('district') as Many<'district'>[number]];
  if (f.get('sector')) filters.sector = [f.get('sector') as Many<'sector'>[number]];
  if (f.get('vulnerable') === '1') filters.employs_vulnerable = true;
  if (f.get('products') === '1') filters.has_products = true;
  if (f.get('verified') === '1') filters.verified = true;

  const query = useEnterprises({ ...filters, page: f.page, page_size: 20 }, view === 'list');
  // The options change only with the language (this page re-renders on every keystroke).
  const options = useMemo(
    () => ({
      kind: KINDS.map((k) => ({ value: k, label: t(`enum.kind.${k}`) })),
      district: DISTRICTS.map((k) => ({ value: k, label: t(`enum.district.${k}`) })),
      sector: SECTORS.map((k) => ({ value: k, label: t(`enum.sector.${k}`) })),
    }),
    [t],
  );
  // The CSV has what the filters select (the export takes the list's filters, verified aside).
  const exportQuery = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key !== 'verified') exportQuery.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }

  return (
    <div className="page">
      <h1>{t('directory.title')}</h1>
      <FilterBar>
        <SearchField
          label={t('directory.search')}
          value={f.text}
          onChange={f.setText}
          placeholder={t('directory.searchPlaceholder')}
        />
        <SelectFilter
          label={t('directory.kind')}
          value={f.get('kind')}
          onChange={(v) => f.set('kind', v)}
          allLabel={t('directory.all')}
          options={options.kind}
        />
        <SelectFilter
          label={t('directory.district')}
          value={f.get('district')}
          onChange={(v) => f.set('district', v)}
          allLabel={t('directory.all')}
          options={options.district}
        />
        <SelectFilter
          label={t('directory.sector')}
          value={f.get('sector')}
          onChange={(v) => f.set('sector', v)}
          allLabel={t('directory.all')}
          options={options.sector}
        />
        <CheckFilters
          legend={t('directory.more')}
          items={CHECKS.map(([key, label]) => ({ key, label: t(label), checked: f.get(key) === '1' }))}
          onChange={(key, checked) => f.set(key, checked ? '1' : '')}
        />
      </FilterBar>
      <ViewSwitch
        label={t('directory.view')}
        value={view}
        onChange={(v) => f.set('view', v === 'map' ? 'map' : '')}
        options={[
          { value: 'list', label: t('directory.viewList') },
          { value: 'map', label: t('directory.viewMap') },
        ]}
      />
      {/* Above the results, so nothing moves it when they arrive. */}
      <p className="export-link">
        <a href={`/api/v1/enterprises/export/${exportQuery.size ? `?${exportQuery}` : ''}`} download>
          {t('directory.export')}
        </a>
      </p>
      {view === 'map' ? (
        <MapView filters={filters} />
      ) : (
        <>
          <ResultCount>{query.data ? t('directory.count', { count: query.data.count }) : null}</ResultCount>
          <h2 className="sr-only">{t('directory.results')}</h2>
          <QueryState query={query} empty={t('directory.empty')} isEmpty={(d) => d.results.length === 0}>
            {(d) => (
              <>
                <ul className="cards">
                  {d.results.map((e) => (
                    <EnterpriseCard key={e.id} e={e} />
                  ))}
                </ul>
                <Pager page={f.page} hasNext={!!d.next} onPage={f.setPage} />
              </>
            )}
          </QueryState>
        </>
      )}
    </div>
  );
}
