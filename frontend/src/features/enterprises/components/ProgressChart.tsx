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
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : (
        <>
          <dl className="numbers">
            <div>
              <dt>{t('home.organisations')}</dt>
              <dd>{formatNumber(q.data.organisations, lang)}</dd>
            </div>
            <div>
              <dt>{t('home.jobs')}</dt>
              <dd>{formatNumber(q.data.employees_total, lang)}</dd>
            </div>
            <div>
              <dt>{t('home.vulnerableJobs')}</dt>
              <dd>{formatNumber(q.data.employees_vulnerable, lang)}</dd>
            </div>
            <div>
              <dt>{t('home.products')}</dt>
              <dd>{formatNumber(q.data.products, lang)}</dd>
            </div>
          </dl>
          {q.data.progress.slice(-1).map((p) => (
            <div key={p.year} className="bars">
              <h3>{t('home.targetYear', { year: p.year })}</h3>
              <Bar
                label={t('home.organisations')}
                value={p.organisations}
                target={p.organisations_target}
                percent={p.organisations_percent}
                lang={lang}
              />
              <Bar
                label={t('home.jobs')}
                value={p.jobs}
                target={p.jobs_target}
                percent={p.jobs_percent}
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
