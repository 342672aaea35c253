import { useTranslation } from 'react-i18next';
import { formatWon } from '../../../lib/format';
import type { SummaryLine } from '../api/queries';

const ROW = 46;

/**
 * Allocated (light) and executed (dark) bars for each line, hand-made SVG. Bar lengths are
 * percentages of the largest allocation, so the chart fits any width (375 px phones included)
 * while its text keeps its size. The same figures are in the table that always follows it.
 */
export function BarChart({ lines, title }: { lines: SummaryLine[]; title: string }) {
  const { t, i18n } = useTranslation();
  const max = Math.max(1, ...lines.map((l) => Math.max(l.allocated, l.executed)));
  const pct = (n: number) => `${Math.max(0, (n / max) * 100).toFixed(2)}%`;
  return (
    <figure className="budget-chart">
      <svg
        width="100%"
        height={lines.length * ROW + 4}
        role="img"
        aria-label={t('budget.chartLabel', { what: title })}
      >
        {lines.map((line, index) => {
          const y = index * ROW;
          const rate = line.execution_rate === null ? '–' : `${(line.execution_rate * 100).toFixed(1)}%`;
          return (
            <g key={String(line.key)}>
              <text x="0" y={y + 14} className="chart-label">
                {line.label} · {formatWon(line.allocated, i18n.language)} · {rate}
              </text>
              <rect
                x="0"
                y={y + 20}
                height="9"
                rx="3"
                width={pct(line.allocated)}
                className="chart-allocated"
              />
              <rect
                x="0"
                y={y + 31}
                height="9"
                rx="3"
                width={pct(line.executed)}
                className="chart-executed"
              />
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        <span className="swatch allocated" aria-hidden="true" /> {t('budget.allocated')}{' '}
        <span className="swatch executed" aria-hidden="true" /> {t('budget.executed')}
      </figcaption>
    </figure>
  );
}

/** The accessible table of the same lines. */
export function SummaryTable({ lines, caption }: { lines: SummaryLine[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <TableWrap label={caption}>
      <table className="table budget-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('budget.group')}</th>
            <th scope="col">{t('budget.allocated')}</th>
            <th scope="col">{t('budget.executed')}</th>
            <th scope="col">{t('budget.remaining')}</th>
            <th scope="col">{t('budget.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={String(line.key)}>
              <th scope="row">{line.label}</th>
              <td className="num">{formatWon(line.allocated, lang)}</td>
              <td className="num">{formatWon(line.executed, lang)}</td>
              <td className="num">{formatWon(line.remaining, lang)}</td>
              <td className="num">{formatRate(line.execution_rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '–' : `${(rate * 100).toFixed(1)}%`;
}

/** A table that may scroll sideways on a phone: focusable and named, so keyboards can scroll it. */
export function TableWrap({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
