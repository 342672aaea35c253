import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/Field';
import { Empty, ErrorState, FormError, Loading } from '../../../components/ui/States';
import { ApiError } from '../../../lib/api-client';
import { formatWon } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { useTitle } from '../../../lib/useTitle';
import {
  exportUrl,
  useBudgetItems,
  useCreateItem,
  useProgrammes,
  useSummary,
  useVerifyLedger,
  type BudgetSummary,
} from '../api/queries';
import { BarChart, formatRate, SummaryTable, TableWrap } from './BarChart';

export function BudgetPage() {
  const { t } = useTranslation();
  useTitle(t('budget.title'));
  const [params, setParams] = useSearchParams();
  const all = useSummary(null);
  const raw = params.get('year');
  const chosen = raw === 'all' ? null : raw ? Number(raw) : (all.data?.years.at(-1) ?? null);
  const year = raw === null && all.isPending ? undefined : chosen;
  const me = useMe();

  return (
    <article className="page budget">
      <h1>{t('budget.title')}</h1>
      <p className="lead">{t('budget.lead')}</p>
      <div className="filters">
        <label>
          {t('budget.year')}{' '}
          <select
            value={year === null ? 'all' : String(year ?? '')}
            onChange={(e) => setParams({ year: e.target.value }, { replace: true })}
          >
            {(all.data?.years ?? []).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
            <option value="all">{t('budget.allYears')}</option>
          </select>
        </label>
      </div>
      {year === undefined ? <Loading /> : <YearView year={year} />}
      <VerifySection />
      <Downloads year={year ?? null} />
      {me.data?.is_coordinator ? <NewItemForm defaultYear={year ?? new Date().getFullYear()} /> : null}
    </article>
  );
}

function YearView({ year }: { year: number | null }) {
  const { t } = useTranslation();
  const q = useSummary(year);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  return (
    <>
      <Totals summary={q.data} />
      <Section title={t('budget.byProgramme')} lines={q.data.by_programme} />
      <Section title={t('budget.byFundingSource')} lines={q.data.by_funding_source} />
      <Section title={t('budget.byDistrict')} lines={q.data.by_district} />
      <Section title={t('budget.byRecipientKind')} lines={q.data.by_recipient_kind} chart={false} />
      <Section title={t('budget.byCategory')} lines={q.data.by_category} chart={false} />
      {year === null ? null : <Items year={year} />}
      <Section title={t('budget.byYear')} lines={q.data.by_year} />
    </>
  );
}

function Totals({ summary }: { summary: BudgetSummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const total = summary.total;
  return (
    <section aria-labelledby="budget-totals">
      <h2 id="budget-totals" className="sr-only">
        {t('budget.title')} {summary.year ?? t('budget.allYears')}
      </h2>
      <dl className="numbers">
        <div>
          <dt>{t('budget.allocated')}</dt>
          <dd>{formatWon(total.allocated, lang)}</dd>
        </div>
        <div>
          <dt>{t('budget.executed')}</dt>
          <dd>{formatWon(total.executed, lang)}</dd>
        </div>
        <div>
          <dt>{t('budget.remaining')}</dt>
          <dd>{formatWon(total.remaining, lang)}</dd>
        </div>
        <div>
          <dt>{t('budget.rate')}</dt>
          <dd>{formatRate(total.execution_rate)}</dd>
        </div>
      </dl>
    </section>
  );
}

function Section({
  title,
  lines,
  chart = true,
}: {
  title: string;
  lines: BudgetSummary['by_programme'] | BudgetSummary['by_year'];
  chart?: boolean;
}) {
  if (lines.length === 0) return null;
  return (
    <section>
      <h2>{title}</h2>
      {chart ? <BarChart lines={lines} title={title} /> : null}
      <SummaryTable lines={lines} caption={title} />
    </section>
  );
}

function Items({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const q = useBudgetItems({ fiscal_year: year, page_size: 100 });
  const lang = i18n.language;
  return (
    <section>
      <h2>{t('budget.itemsOfYear')}</h2>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} />
      ) : q.data.results.length === 0 ? (
        <Empty>{t('budget.noItems')}</Empty>
      ) : (
        <TableWrap label={`${year} ${t('budget.itemsOfYear')}`}>
          <table className="table budget-table">
            <caption>
              {year} {t('budget.itemsOfYear')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('budget.item')}</th>
                <th scope="col">{t('budget.programme')}</th>
                <th scope="col">{t('budget.allocated')}</th>
                <th scope="col">{t('budget.executed')}</th>
                <th scope="col">{t('budget.rate')}</th>
                <th scope="col">{t('budget.status')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.results.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Link to={`/budget/items/${item.id}`}>{item.title}</Link>
                  </th>
                  <td>
                    {lang === 'en' && item.programme.name_en ? item.programme.name_en : item.programme.name}
                  </td>
                  <td className="num">{formatWon(item.allocated_amount, lang)}</td>
                  <td className="num">{formatWon(item.executed_amount, lang)}</td>
                  <td className="num">{formatRate(item.execution_rate)}</td>
                  <td>{t(`budget.statuses.${item.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function VerifySection() {
  const { t } = useTranslation();
  const verify = useVerifyLedger();
  const r = verify.data;
  return (
    <section>
      <h2>{t('budget.verifyTitle')}</h2>
      <p>{t('budget.verifyLead')}</p>
      <button type="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? t('budget.verifying') : t('budget.verify')}
      </button>
      <div role="status" aria-live="polite">
        {r ? (
          r.intact ? (
            <p className="notice ok">
              {t('budget.intact', { count: r.entries, head: (r.head ?? '').slice(0, 16) })}
            </p>
          ) : (
            <p className="notice warn">{t('budget.broken', { id: r.first_break, count: r.entries })}</p>
          )
        ) : null}
      </div>
      {verify.isError ? <ErrorState error={verify.error} /> : null}
      <details>
        <summary>{t('budget.howToVerify')}</summary>
        <p>
          {t('budget.verifySteps')}{' '}
          <a href="/api/v1/budget/exports/ledger.csv">{t('budget.downloadLedger')} (CSV)</a>
        </p>
        <pre className="code" tabIndex={0}>
          {VERIFY_SCRIPT}
        </pre>
      </details>
    </section>
  );
}

function Downloads({ year }: { year: number | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sets = [
    ['items', t('budget.downloadItems')],
    ['executions', t('budget.downloadExecutions')],
    ['ledger', t('budget.downloadLedger')],
  ] as const;
  return (
    <section>
      <h2>{t('budget.downloads')}</h2>
      <ul className="list">
        {sets.map(([dataset, label]) => (
          <li key={dataset}>
            {label}
            {dataset !== 'ledger' && year !== null ? ` (${year})` : ''}:{' '}
            <a href={exportUrl(dataset, 'csv', lang, year)} download>
              CSV
            </a>{' '}
            ·{' '}
            <a href={exportUrl(dataset, 'xlsx', lang, year)} download>
              XLSX
            </a>
          </li>
        ))}
      </ul>
      <p className="muted">{t('budget.licence')}</p>
    </section>
  );
}

// The verifier of docs/budget-ledger.md (the test suite runs the same script against an export).
const VERIFY_SCRIPT = `import csv, hashlib, json, sys

def verify(path):
    prev, count = "0" * 64, 0
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if row["id"].startswith("#"):  # the licence line at the end
                continue
            content = {"created_at": row["created_at"], "data": json.loads(row["data"]), "id": int(row["id"]),
                       "item": int(row["item"]), "kind": row["kind"], "prev_hash": row["prev_hash"]}
            text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            if int(row["id"]) != count + 1 or row["prev_hash"] != prev \\
                    or hashlib.sha256(text.encode("utf-8")).hexdigest() != row["hash"]:
                return {"intact": False, "entries": count, "head": prev, "first_break": int(row["id"])}
            prev, count = row["hash"], count + 1
    return {"intact": True, "entries": count, "head": prev if count else None, "first_break": None}

print(json.dumps(verify(sys.argv[1] if len(sys.argv) > 1 else "ledger.csv")))`;

const CATEGORIES = ['personnel', 'operations', 'project', 'grant', 'event', 'other'] as const;
const SOURCES = ['national', 'provincial', 'city', 'own', 'private'] as const;

function NewItemForm({ defaultYear }: { defaultYear: number }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const programmes = useProgrammes();
  const create = useCreateItem();
  const [form, setForm] = useState({
    fiscal_year: String(defaultYear),
    programme_id: '',
    title: '',
    category: 'project' as (typeof CATEGORIES)[number],
    funding_source: 'city' as (typeof SOURCES)[number],
    allocated_amount: '',
    recipient_id: '',
    description: '',
  });
  const err = create.error instanceof ApiError ? create.error.fieldErrors : {};
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [name]: e.target.value });

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      {
        fiscal_year: Number(form.fiscal_year),
        programme_id: Number(form.programme_id),
        title: form.title,
        category: form.category,
        funding_source: form.funding_source,
        allocated_amount: Number(form.allocated_amount),
        description: form.description,
        status: 'approved',
        ...(form.recipient_id ? { recipient_id: Number(form.recipient_id) } : {}),
      },
      { onSuccess: (item) => void navigate(`/budget/items/${item.id}`) },
    );
  }

  return (
    <section>
      <h2>{t('budget.newItem')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('budget.year')} errors={err['fiscal_year']}>
          {(p) => <input {...p} inputMode="numeric" value={form.fiscal_year} onChange={set('fiscal_year')} />}
        </Field>
        <Field label={t('budget.programme')} errors={err['programme_id']}>
          {(p) => (
            <select {...p} value={form.programme_id} onChange={set('programme_id')}>
              <option value="">–</option>
              {(programmes.data?.results ?? [])
                .filter((pr) => pr.is_active)
                .map((pr) => (
                  <option key={pr.id} value={pr.id}>
                    {i18n.language === 'en' && pr.name_en ? pr.name_en : pr.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label={t('budget.itemTitle')} errors={err['title']}>
          {(p) => <input {...p} value={form.title} onChange={set('title')} />}
        </Field>
        <Field label={t('budget.category')} errors={err['category']}>
          {(p) => (
            <select {...p} value={form.category} onChange={set('category')}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`budget.categories.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('budget.fundingSource')} errors={err['funding_source']}>
          {(p) => (
            <select {...p} value={form.funding_source} onChange={set('funding_source')}>
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`budget.sources.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('budget.allocatedAmount')} errors={err['allocated_amount']}>
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={form.allocated_amount}
              onChange={set('allocated_amount')}
            />
          )}
        </Field>
        <Field label={t('budget.recipientId')} errors={err['recipient_id']}>
          {(p) => (
            <input {...p} inputMode="numeric" value={form.recipient_id} onChange={set('recipient_id')} />
          )}
        </Field>
        <Field label={t('budget.description')} errors={err['description']}>
          {(p) => <textarea {...p} rows={3} value={form.description} onChange={set('description')} />}
        </Field>
        <FormError error={create.error} withFields />
        <button type="submit" disabled={create.isPending}>
          {t('budget.create')}
        </button>
      </form>
    </section>
  );
}
