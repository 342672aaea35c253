import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { useEnterprises, type EnterpriseFilters } from '../api/queries';
import { EnterpriseCard } from './EnterpriseCard';
import { Empty, ErrorState, Loading } from '../../../components/ui/States';
import { Pager } from '../../../components/ui/Pager';
import { useDebounced } from '../../../lib/useDebounced';
import { useTitle } from '../../../lib/useTitle';
import { KINDS, DISTRICTS, SECTORS } from './choices';

export function DirectoryPage() {
  const { t } = useTranslation();
  useTitle(t('nav.directory'));
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim(), 200);
  const page = Number(params.get('page') ?? '1') || 1;

  useEffect(() => {
    if ((params.get('q') ?? '') === q) return;
    const next = new URLSearchParams(params);
    if (q) next.set('q', q);
    else next.delete('q');
    next.delete('page');
    setParams(next, { replace: true });
  }, [q, params, setParams]);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };

  const filters: EnterpriseFilters = { page, page_size: 20 };
  if (q) filters.search = q;
  const kind = params.get('kind');
  if (kind) filters.kind = [kind as NonNullable<EnterpriseFilters['kind']>[number]];
  const district = params.get('district');
  if (district) filters.district = [district as NonNullable<EnterpriseFilters['district']>[number]];
  const sector = params.get('sector');
  if (sector) filters.sector = [sector as NonNullable<EnterpriseFilters['sector']>[number]];
  if (params.get('vulnerable') === '1') filters.employs_vulnerable = 'true';
  if (params.get('products') === '1') filters.has_products = 'true';
  if (params.get('verified') === '1') filters.verified = 'true';

  const query = useEnterprises(filters);

  return (
    <div className="page">
      <h1>{t('directory.title')}</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field grow">
          <label htmlFor="dir-search">{t('directory.search')}</label>
          <input
            id="dir-search"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('directory.searchPlaceholder')}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="dir-kind">{t('directory.kind')}</label>
          <select id="dir-kind" value={kind ?? ''} onChange={(e) => set('kind', e.target.value)}>
            <option value="">{t('directory.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`enum.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dir-district">{t('directory.district')}</label>
          <select id="dir-district" value={district ?? ''} onChange={(e) => set('district', e.target.value)}>
            <option value="">{t('directory.all')}</option>
            {DISTRICTS.map((k) => (
              <option key={k} value={k}>
                {t(`enum.district.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dir-sector">{t('directory.sector')}</label>
          <select id="dir-sector" value={sector ?? ''} onChange={(e) => set('sector', e.target.value)}>
            <option value="">{t('directory.all')}</option>
            {SECTORS.map((k) => (
              <option key={k} value={k}>
                {t(`enum.sector.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="checks">
          <legend className="sr-only">{t('directory.more')}</legend>
          {(
            [
              ['vulnerable', 'directory.vulnerable'],
              ['products', 'directory.hasProducts'],
              ['verified', 'directory.verifiedOnly'],
            ] as const
          ).map(([key, label]) => (
            <label key={key} className="check">
              <input
                type="checkbox"
                checked={params.get(key) === '1'}
                onChange={(e) => set(key, e.target.checked ? '1' : '')}
              />
              {t(label)}
            </label>
          ))}
        </fieldset>
      </form>
      <p className="result-count" role="status" aria-live="polite">
        {query.data ? t('directory.count', { count: query.data.count }) : '\u00a0'}
      </p>
      <h2 className="sr-only">{t('directory.results')}</h2>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} retry={() => void query.refetch()} />
      ) : query.data.results.length === 0 ? (
        <Empty>{t('directory.empty')}</Empty>
      ) : (
        <>
          <ul className="cards">
            {query.data.results.map((e) => (
              <EnterpriseCard key={e.id} e={e} />
            ))}
          </ul>
          <Pager page={page} hasNext={!!query.data.next} onPage={(p) => set('page', String(p))} />
        </>
      )}
      <p>
        <a href={`/api/v1/enterprises/export/${q ? `?search=${encodeURIComponent(q)}` : ''}`} download>
          {t('directory.export')}
        </a>
      </p>
    </div>
  );
}
