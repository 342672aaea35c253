import { Component, lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MAP_LIMIT, useEnterpriseLocations, type Enterprise, type EnterpriseFilters } from '../api/queries';
import { Empty, ErrorState, Loading } from '../../../components/ui/States';
import { DISTRICTS } from './choices';
import type { MapPoint } from './LeafletMap';

const LeafletMap = lazy(() => import('./LeafletMap'));

const DEFAULT_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const DEFAULT_ATTRIBUTION = '© OpenStreetMap contributors';

/**
 * Where the map's tiles come from: the server writes settings.MAP_TILE_URL into the index
 * (`<meta name="sehub:map-tiles">`, empty when the site has no map); `npm run dev` has no such tag
 * and uses OpenStreetMap's.
 */
export function mapConfig(doc: Document = document): { tileUrl: string; attribution: string } {
  const tiles = doc.querySelector<HTMLMetaElement>('meta[name="sehub:map-tiles"]');
  const attribution = doc.querySelector<HTMLMetaElement>('meta[name="sehub:map-attribution"]');
  return {
    tileUrl: tiles ? tiles.content.trim() : DEFAULT_TILES,
    attribution: attribution?.content ?? DEFAULT_ATTRIBUTION,
  };
}

/** Leaflet's chunk failed to load or the map threw: the list stands in for it. */
class MapBoundary extends Component<{ onError: () => void; children: ReactNode }, { broken: boolean }> {
  state = { broken: false };
  static getDerivedStateFromError() {
    return { broken: true };
  }
  componentDidCatch() {
    this.props.onError();
  }
  render() {
    return this.state.broken ? null : this.props.children;
  }
}

type Located = Enterprise & { latitude: number; longitude: number };
const located = (e: Enterprise): e is Located => e.latitude != null && e.longitude != null;

/**
 * The map of the organisations the directory's filters select, and the same organisations as a list
 * by district: the list is what keyboard and screen-reader users use, and what everyone sees when the
 * tiles cannot load (no network, a blocked tile host) or the site has no map.
 */
export function MapView({ filters }: { filters: Omit<EnterpriseFilters, 'page' | 'page_size'> }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [{ tileUrl, attribution }] = useState(() => mapConfig());
  const [failed, setFailed] = useState(false);
  const query = useEnterpriseLocations(filters);
  const en = i18n.language === 'en';
  const name = (e: Enterprise) => (en && e.name_en ? e.name_en : e.name);

  const onMap = useMemo(() => (query.data?.results ?? []).filter(located), [query.data]);
  const points: MapPoint[] = useMemo(
    () => onMap.map((e) => ({ slug: e.slug, name: name(e), lat: e.latitude, lng: e.longitude })),
    // name() depends only on the language
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [onMap, en],
  );

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  const { results, count } = query.data;
  if (results.length === 0) return <Empty>{t('directory.empty')}</Empty>;

  const showMap = !!tileUrl && !failed && onMap.length > 0;
  const list = (
    <div className="map-list">
      {DISTRICTS.map((d) => {
        const here = onMap.filter((e) => e.district === d);
        if (here.length === 0) return null;
        return (
          <section key={d} aria-labelledby={`map-list-${d}`}>
            <h3 id={`map-list-${d}`}>
              {t(`enum.district.${d}`)} <span className="muted">({here.length})</span>
            </h3>
            <ul className="list">
              {here.map((e) => (
                <li key={e.id}>
                  <Link to={`/enterprises/${e.slug}`}>{name(e)}</Link>{' '}
                  <span className="muted">
                    {e.kind_label}
                    {e.address ? ` · ${e.address}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );

  return (
    <section className="map-view" aria-labelledby="map-title">
      <h2 id="map-title">{t('map.title')}</h2>
      <p className="muted">
        {t('map.located', { count: onMap.length })}
        {results.length > onMap.length && (
          <> · {t('map.notLocated', { count: results.length - onMap.length })}</>
        )}
        {count > MAP_LIMIT && <> · {t('map.truncated', { count: MAP_LIMIT })}</>}
      </p>
      <div role="status" aria-live="polite">
        {!tileUrl ? (
          <p className="notice">{t('map.off')}</p>
        ) : failed ? (
          <p className="notice">{t('map.unavailable')}</p>
        ) : null}
      </div>
      {showMap ? (
        <>
          <p className="hint">{t('map.hint')}</p>
          <MapBoundary onError={() => setFailed(true)}>
            <Suspense fallback={<div className="org-map placeholder">{t('map.loading')}</div>}>
              <LeafletMap
                points={points}
                tileUrl={tileUrl}
                attribution={attribution}
                label={t('map.label')}
                zoomInTitle={t('map.zoomIn')}
                zoomOutTitle={t('map.zoomOut')}
                onOpen={(slug) => void navigate(`/enterprises/${slug}`)}
                onTilesFailed={() => setFailed(true)}
              />
            </Suspense>
          </MapBoundary>
          <details className="map-list-details">
            <summary>{t('map.showList', { count: onMap.length })}</summary>
            {list}
          </details>
        </>
      ) : (
        list
      )}
    </section>
  );
}
