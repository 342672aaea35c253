import { useTranslation } from 'react-i18next';
import { useStats } from '../api/queries';
import { ErrorState, Loading } from '../../../components/ui/States';
import { formatNumber } from '../../../lib/format';

/** The city's progress against its targets: bars with their numbers in text (readable without the chart). */
export function ProgressChart() {
  const { t, i18n } = useTranslation();
  const q = useStats();
  const lang = i18n.language;
  return (
    <section aria-labelledby="progress-title" className="progress-section">
      <h2 id="progress-title">{t('home.progressTitle')}</h2>
      {q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : (
        // The same boxes while loading (dashes, empty bars): nothing moves when the numbers arrive.
        <>
          {q.isPending && <Loading />}
          <dl className="numbers">
            {(
              [
                ['home.organisations', q.data?.organisations],
                ['home.jobs', q.data?.employees_total],
                ['home.vulnerableJobs', q.data?.employees_vulnerable],
                ['home.products', q.data?.products],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt>{t(label)}</dt>
                <dd>{value == null ? '–' : formatNumber(value, lang)}</dd>
              </div>
            ))}
          </dl>
          {(q.data ? q.data.progress.slice(-1) : [null]).map((p) => (
            <div key={p?.year ?? 'pending'} className="bars">
              <h3>{p ? t('home.targetYear', { year: p.year }) : '\u00a0'}</h3>
              <Bar
                label={t('home.organisations')}
                value={p?.organisations ?? 0}
                target={p?.organisations_target ?? 0}
                percent={p?.organisations_percent ?? 0}
                lang={lang}
              />
              <Bar
                label={t('home.jobs')}
                value={p?.jobs ?? 0}
                target={p?.jobs_target ?? 0}
                percent={p?.jobs_percent ?? 0}
                lang={lang}
              />
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function Bar(props: { label: string; value: number; target: number; percent: number; lang: string }) {
  const { t } = useTranslation();
  const text = t('home.progressOf', {
    value: formatNumber(props.value, props.lang),
    target: formatNumber(props.target, props.lang),
    percent: Math.round(props.percent),
  });
  return (
    <div className="bar-row">
      <span className="bar-label">{props.label}</span>
      <div
        className="bar"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={props.target}
        aria-valuenow={Math.min(props.value, props.target)}
        aria-valuetext={text}
      >
        <span style={{ width: `${Math.min(100, props.percent)}%` }} />
      </div>
      <span className="bar-value">{text}</span>
    </div>
  );
}
