import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNetwork } from '../api/queries';

const SIZE = 360;
const CENTER = SIZE / 2;
const RADIUS = 130;
const MAX_NODES = 24;

/** Who worked with whom: organisations on a circle, a line per pair (thicker = more often), and
 *  the same pairs as a list for screen readers and keyboards. Hand-made SVG, no chart library. */
export function CollaborationNetwork() {
  const { t, i18n } = useTranslation();
  // The query's update renders synchronously (one long task); the graph is drawn in a second,
  // interruptible render at transition priority.
  const data = useDeferredValue(useNetwork().data);
  if (!data) return null;
  const nodes = data.nodes.slice(0, MAX_NODES);
  const name = (n: { name: string; name_en: string }) =>
    i18n.language === 'en' && n.name_en ? n.name_en : n.name;
  const at = new Map(
    nodes.map((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(nodes.length, 1) - Math.PI / 2;
      return [n.id, { x: CENTER + RADIUS * Math.cos(angle), y: CENTER + RADIUS * Math.sin(angle), node: n }];
    }),
  );
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edges = data.edges.filter((e) => at.has(e.source) && at.has(e.target));
  const total = data.nodes.reduce((sum, n) => sum + n.collaborations, 0);
  return (
    <section aria-labelledby="network-title" className="network">
      <h2 id="network-title">{t('board.network.title')}</h2>
      <p className="muted">{t('board.network.lead')}</p>
      {nodes.length === 0 ? (
        <p className="muted">{t('board.network.empty')}</p>
      ) : (
        <div className="network-body">
          <svg
            viewBox={`0 0 ${SIZE} ${SIZE}`}
            role="img"
            aria-labelledby="network-title"
            className="network-graph"
            data-testid="collaboration-network"
          >
            {edges.map((e) => {
              const a = at.get(e.source)!;
              const b = at.get(e.target)!;
              return (
                <line
                  key={`${e.source}-${e.target}`}
                  x1={a.x}
                  y1={a.y}
                  x2={b.x}
                  y2={b.y}
                  stroke="#0b5d4b"
                  strokeOpacity={0.55}
                  strokeWidth={1 + Math.min(e.weight, 6)}
                />
              );
            })}
            {nodes.map((n) => {
              const p = at.get(n.id)!;
              const right = p.x >= CENTER;
              return (
                <g key={n.id}>
                  <circle cx={p.x} cy={p.y} r={5 + Math.min(n.collaborations, 8)} fill="#8a4b00" />
                  <text
                    x={p.x + (right ? 12 : -12)}
                    y={p.y + 4}
                    textAnchor={right ? 'start' : 'end'}
                    fontSize="11"
                    fill="#1c2421"
                  >
                    {name(n).slice(0, 12)}
                  </text>
                </g>
              );
            })}
          </svg>
          <div>
            <p>
              {t('board.network.stat', {
                count: Math.round(total / 2) || edges.length,
                orgs: data.nodes.length,
              })}
            </p>
            <h3>{t('board.network.list')}</h3>
            <ul className="list network-pairs">
              {data.edges.map((e) => {
                const a = byId.get(e.source);
                const b = byId.get(e.target);
                if (!a || !b) return null;
                return (
                  <li key={`${e.source}-${e.target}`}>
                    <Link to={`/enterprises/${a.slug}`}>{name(a)}</Link> —{' '}
                    <Link to={`/enterprises/${b.slug}`}>{name(b)}</Link>{' '}
                    <span className="muted">×{e.weight}</span>
                  </li>
                );
              })}
            </ul>
          </div>
        </div>
      )}
    </section>
  );
}
