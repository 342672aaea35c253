/**
 * The Leaflet map of organisations. Its own chunk (Leaflet and its CSS, about 45 KB gzipped), loaded
 * only when someone opens the map view: the directory's initial JavaScript does not carry it.
 */
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

export interface MapPoint {
  slug: string;
  name: string;
  lat: number;
  lng: number;
}

interface Props {
  points: MapPoint[];
  tileUrl: string;
  attribution: string;
  label: string;
  zoomInTitle: string;
  zoomOutTitle: string;
  /** A marker was chosen: open that organisation. */
  onOpen: (slug: string) => void;
  /** No tile could be loaded (offline, blocked, provider down): the caller shows its list instead. */
  onTilesFailed: () => void;
}

/** Goyang city hall: the centre when no organisation has a location. */
const GOYANG: L.LatLngTuple = [37.6584, 126.832];
/** Without a single tile after this long, the map is useless: say so and show the list. */
const TILE_TIMEOUT_MS = 10_000;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The attribution is plain text from the server; OpenStreetMap's gets the link its licence asks for. */
function attributionHtml(text: string): string {
  const safe = escapeHtml(text);
  return /openstreetmap/i.test(text)
    ? `<a href="https://www.openstreetmap.org/copyright" rel="noopener" target="_blank">${safe}</a>`
    : safe;
}

export default function LeafletMap({
  points,
  tileUrl,
  attribution,
  label,
  zoomInTitle,
  zoomOutTitle,
  onOpen,
  onTilesFailed,
}: Props) {
  const box = useRef<HTMLDivElement>(null);
  // The latest callbacks, without rebuilding the map when a parent re-renders.
  const open = useRef(onOpen);
  const failed = useRef(onTilesFailed);
  useEffect(() => {
    open.current = onOpen;
    failed.current = onTilesFailed;
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const map = L.map(el, { zoomControl: false, scrollWheelZoom: false, keyboard: true });
    L.control.zoom({ zoomInTitle, zoomOutTitle }).addTo(map);
    map.attributionControl.setPrefix(
      '<a href="https://leafletjs.com" rel="noopener" target="_blank">Leaflet</a>',
    );

    let loaded = 0;
    let errors = 0;
    let gaveUp = false;
    const giveUp = () => {
      if (gaveUp || loaded > 0) return;
      gaveUp = true;
      failed.current();
    };
    const tiles = L.tileLayer(tileUrl, { attribution: attributionHtml(attribution), maxZoom: 18 });
    tiles.on('tileload', () => {
      loaded += 1;
    });
    // One broken tile among good ones is the provider's hiccup; two before any loads is no map.
    tiles.on('tileerror', () => {
      errors += 1;
      if (errors >= 2) giveUp();
    });
    const timer = window.setTimeout(giveUp, TILE_TIMEOUT_MS);
    tiles.addTo(map);

    const icon = L.divIcon({
      className: 'org-marker',
      html: '<span class="org-marker-dot"></span>',
      iconSize: [24, 24],
      iconAnchor: [12, 12],
    });
    const markers = points.map((p) =>
      // keyboard: false — markers are not tab stops (there may be hundreds); the list below the
      // map reaches the same pages by keyboard.
      L.marker([p.lat, p.lng], { icon, title: p.name, keyboard: false, riseOnHover: true })
        .on('click', () => open.current(p.slug))
        .addTo(map),
    );
    for (const [i, m] of markers.entries()) {
      const el = m.getElement();
      if (el) el.dataset.slug = points[i]!.slug;
    }
    if (points.length > 0) {
      map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng] as L.LatLngTuple)), {
        padding: [24, 24],
        maxZoom: 15,
      });
    } else {
      map.setView(GOYANG, 12);
    }
    return () => {
      window.clearTimeout(timer);
      map.remove();
    };
  }, [points, tileUrl, attribution, zoomInTitle, zoomOutTitle]);

  return <div ref={box} className="org-map" role="region" aria-label={label} />;
}
