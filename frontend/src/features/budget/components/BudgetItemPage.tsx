import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/Field';
import { Empty, ErrorState, FormError, Loading } from '../../../components/ui/States';
import { ApiError } from '../../../lib/api-client';
import { formatDate, formatDateTime, formatWon, seoulDay } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { useTitle } from '../../../lib/useTitle';
import {
  useAddEvidence,
  useUploadEvidence,
  useAmend,
  useBudgetItem,
  useHistory,
  useRecordExecution,
  useReverse,
  useSetStatus,
  useUpdateItem,
  type BudgetItemDetail,
  type Execution,
  type LedgerEntry,
} from '../api/queries';
import { formatRate, TableWrap } from './BarChart';

/** `extra`: sections other features add below (composed by the app, e.g. the resolutions it carries out). */
export function BudgetItemPage({ extra }: { extra?: (id: number) => React.ReactNode } = {}) {
  const { id: raw = '' } = useParams();
  const id = Number(raw);
  const { t, i18n } = useTranslation();
  const q = useBudgetItem(id);
  const me = useMe();
  useTitle(q.data?.title);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const item = q.data;
  const lang = i18n.language;
  const coordinator = !!me.data?.is_coordinator;
  const share = item.allocated_amount
    ? Math.min(100, (item.executed_amount / item.allocated_amount) * 100)
    : 0;
  const programme = lang === 'en' && item.programme.name_en ? item.programme.name_en : item.programme.name;

  return (
    <article className="page budget-item">
      <p>
        <Link to={`/budget?year=${item.fiscal_year}`}>← {t('budget.back')}</Link>
      </p>
      <h1>{item.title}</h1>
      <p className="badges">
        <span className="badge">{item.fiscal_year}</span>
        <span className="badge muted">{programme}</span>
        <span className="badge muted">{t(`budget.categories.${item.category}`)}</span>
        <span className="badge muted">{t(`budget.sources.${item.funding_source}`)}</span>
        <span className={item.status === 'cancelled' ? 'badge warn' : 'badge ok'}>
          {t(`budget.statuses.${item.status}`)}
        </span>
      </p>
      {item.status_reason ? (
        <p>
          {t('budget.reason')}: {item.status_reason}
        </p>
      ) : null}
      {item.description ? <p className="prewrap">{item.description}</p> : null}
      <dl className="numbers">
        <div>
          <dt>{t('budget.allocated')}</dt>
          <dd>{formatWon(item.allocated_amount, lang)}</dd>
        </div>
        <div>
          <dt>{t('budget.executed')}</dt>
          <dd>{formatWon(item.executed_amount, lang)}</dd>
        </div>
        <div>
          <dt>{t('budget.remaining')}</dt>
          <dd>{formatWon(item.remaining_amount, lang)}</dd>
        </div>
        <div>
          <dt>{t('budget.rate')}</dt>
          <dd>{formatRate(item.execution_rate)}</dd>
        </div>
      </dl>
      <div
        className="bar budget-progress"
        role="progressbar"
        aria-label={t('budget.rate')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share)}
      >
        <span style={{ width: `${share}%` }} />
      </div>
      {item.recipient ? (
        <p>
          {t('budget.recipient')}:{' '}
          <Link to={`/enterprises/${item.recipient.slug}`}>{item.recipient.name}</Link>
        </p>
      ) : null}
      {item.events.length > 0 ? (
        <p>
          {t('budget.fundsEvents')}:{' '}
          {item.events.map((ev, index) => (
            <span key={ev.id}>
              {index > 0 ? ', ' : ''}
              <Link to={`/events/${ev.id}`}>{ev.title}</Link>
            </span>
          ))}
        </p>
      ) : null}

      <Executions item={item} coordinator={coordinator} />
      {coordinator && item.status !== 'cancelled' ? <ExecutionForm item={item} /> : null}
      <Amendments item={item} />
      {coordinator && item.status !== 'cancelled' ? <AmendForm item={item} /> : null}
      <Evidence item={item} coordinator={coordinator} />
      {coordinator && item.status !== 'cancelled' ? <StatusForm item={item} /> : null}
      {coordinator && item.status !== 'cancelled' ? <EditForm item={item} /> : null}
      <History id={item.id} />
      {extra?.(item.id)}
    </article>
  );
}

function Executions({ item, coordinator }: { item: BudgetItemDetail; coordinator: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [reversing, setReversing] = useState<number | null>(null);
  return (
    <section>
      <h2>{t('budget.executions')}</h2>
      {item.executions.length === 0 ? (
        <Empty>{t('budget.noExecutions')}</Empty>
      ) : (
        <TableWrap label={t('budget.executions')}>
          <table className="table budget-table">
            <caption>{t('budget.executions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budget.date')}</th>
                <th scope="col">{t('budget.kind')}</th>
                <th scope="col">{t('budget.payee')}</th>
                <th scope="col">{t('budget.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {item.executions.map((ex) => (
                <tr key={ex.id} className={ex.reversed_by ? 'reversed' : undefined}>
                  <td>{formatDate(ex.executed_on, lang)}</td>
                  <td>
                    {ex.kind === 'reversal' ? t('budget.reversal') : t('budget.kinds.execute')} #{ex.id}
                    {ex.reverses ? (
                      <div className="muted">{t('budget.reverses', { id: ex.reverses })}</div>
                    ) : null}
                    {ex.reversed_by ? (
                      <div className="muted">{t('budget.reversedBy', { id: ex.reversed_by })}</div>
                    ) : null}
                    {ex.reason ? (
                      <div className="muted">
                        {t('budget.reason')}: {ex.reason}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {ex.payee}
                    {ex.description ? <div className="muted">{ex.description}</div> : null}
                  </td>
                  <td className="num">
                    {formatWon(ex.amount, lang)}
                    {coordinator && canReverse(ex, item) ? (
                      <div>
                        <button type="button" className="small secondary" onClick={() => setReversing(ex.id)}>
                          {t('budget.reverse')}
                        </button>
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {reversing !== null ? <ReverseForm executionId={reversing} onDone={() => setReversing(null)} /> : null}
    </section>
  );
}

function canReverse(ex: Execution, item: BudgetItemDetail): boolean {
  return ex.kind === 'execution' && !ex.reversed_by && item.status !== 'cancelled';
}

function errorsOf(error: unknown): Record<string, string[]> {
  return error instanceof ApiError ? error.fieldErrors : {};
}

function ReverseForm({ executionId, onDone }: { executionId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const reverse = useReverse();
  const [reason, setReason] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    reverse.mutate({ id: executionId, reason }, { onSuccess: onDone });
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <h3>
        {t('budget.reverse')} #{executionId}
      </h3>
      <Field label={t('budget.reverseReason')} errors={errorsOf(reverse.error)['reason']}>
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormError error={reverse.error} withFields />
      <button type="submit" disabled={reverse.isPending}>
        {t('budget.reverseSubmit')}
      </button>
    </form>
  );
}

function ExecutionForm({ item }: { item: BudgetItemDetail }) {
  const { t, i18n } = useTranslation();
  const record = useRecordExecution(item.id);
  const [form, setForm] = useState({
    executed_on: seoulDay(new Date()),
    amount: '',
    payee: '',
    description: '',
  });
  const [done, setDone] = useState(false);
  const err = errorsOf(record.error);
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => {
    setDone(false);
    setForm({ ...form, [name]: e.target.value });
  };
  function submit(e: FormEvent) {
    e.preventDefault();
    record.mutate(
      { ...form, amount: Number(form.amount) },
      {
        onSuccess: () => {
          setDone(true);
          setForm({ ...form, amount: '', description: '' });
        },
      },
    );
  }
  return (
    <section>
      <h2>{t('budget.recordExecution')}</h2>
      <p className="notice">
        {t('budget.remainingNow', { amount: formatWon(item.remaining_amount, i18n.language) })}
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('budget.executedOn')} errors={err['executed_on']}>
          {(p) => <input {...p} type="date" value={form.executed_on} onChange={set('executed_on')} />}
        </Field>
        <Field label={t('budget.amount')} errors={err['amount']}>
          {(p) => <input {...p} inputMode="numeric" value={form.amount} onChange={set('amount')} />}
        </Field>
        <Field label={t('budget.payee')} errors={err['payee']}>
          {(p) => <input {...p} value={form.payee} onChange={set('payee')} />}
        </Field>
        <Field label={t('budget.executionDescription')} errors={err['description']}>
          {(p) => <input {...p} value={form.description} onChange={set('description')} />}
        </Field>
        <FormError error={record.error} withFields />
        {done ? (
          <p className="notice ok" role="status">
            {t('budget.recorded')}
          </p>
        ) : null}
        <button type="submit" disabled={record.isPending}>
          {t('budget.save')}
        </button>
      </form>
    </section>
  );
}

function Amendments({ item }: { item: BudgetItemDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <section>
      <h2>{t('budget.amendments')}</h2>
      {item.amendments.length === 0 ? (
        <Empty>{t('budget.noAmendments')}</Empty>
      ) : (
        <TableWrap label={t('budget.amendments')}>
          <table className="table budget-table">
            <caption>{t('budget.amendments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budget.when')}</th>
                <th scope="col">{t('budget.oldAmount')}</th>
                <th scope="col">{t('budget.newAmount')}</th>
                <th scope="col">{t('budget.reason')}</th>
                <th scope="col">{t('budget.who')}</th>
              </tr>
            </thead>
            <tbody>
              {item.amendments.map((a) => (
                <tr key={a.id}>
                  <td>{formatDateTime(a.created_at, lang)}</td>
                  <td className="num">{formatWon(a.old_amount, lang)}</td>
                  <td className="num">{formatWon(a.new_amount, lang)}</td>
                  <td>{a.reason}</td>
                  <td>{a.created_by_name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function AmendForm({ item }: { item: BudgetItemDetail }) {
  const { t, i18n } = useTranslation();
  const amend = useAmend(item.id);
  const [form, setForm] = useState({ new_amount: '', reason: '' });
  const [done, setDone] = useState(false);
  const err = errorsOf(amend.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    amend.mutate(
      { new_amount: Number(form.new_amount), reason: form.reason },
      {
        onSuccess: () => {
          setDone(true);
          setForm({ new_amount: '', reason: '' });
        },
      },
    );
  }
  return (
    <section>
      <h2>{t('budget.amend')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label={t('budget.newAllocation')}
          errors={err['new_amount']}
          hint={`${t('budget.executed')}: ${formatWon(item.executed_amount, i18n.language)}`}
        >
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={form.new_amount}
              onChange={(e) => setForm({ ...form, new_amount: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('budget.reason')} errors={err['reason']}>
          {(p) => (
            <input
              {...p}
              value={form.reason}
              onChange={(e) => setForm({ ...form, reason: e.target.value })}
            />
          )}
        </Field>
        <FormError error={amend.error} withFields />
        {done ? (
          <p className="notice ok" role="status">
            {t('budget.amended')}
          </p>
        ) : null}
        <button type="submit" disabled={amend.isPending}>
          {t('budget.amend')}
        </button>
      </form>
    </section>
  );
}

const STATUSES = ['planned', 'approved', 'in_progress', 'completed', 'cancelled'] as const;

function StatusForm({ item }: { item: BudgetItemDetail }) {
  const { t } = useTranslation();
  const change = useSetStatus(item.id);
  const [status, setStatus] = useState<(typeof STATUSES)[number]>(
    item.status === 'approved' ? 'in_progress' : 'completed',
  );
  const [reason, setReason] = useState('');
  const err = errorsOf(change.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    change.mutate({ status, reason }, { onSuccess: () => setReason('') });
  }
  return (
    <section>
      <h2>{t('budget.changeStatus')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('budget.newStatus')} errors={err['status']}>
          {(p) => (
            <select
              {...p}
              value={status}
              onChange={(e) => setStatus(e.target.value as (typeof STATUSES)[number])}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`budget.statuses.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('budget.statusReason')} errors={err['reason']}>
          {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <FormError error={change.error} withFields />
        {change.isSuccess ? (
          <p className="notice ok" role="status">
            {t('budget.statusChanged')}
          </p>
        ) : null}
        <button type="submit" disabled={change.isPending}>
          {t('budget.changeStatus')}
        </button>
      </form>
    </section>
  );
}

function EditForm({ item }: { item: BudgetItemDetail }) {
  const { t } = useTranslation();
  const update = useUpdateItem(item.id);
  const [form, setForm] = useState({ title: item.title, description: item.description });
  const err = errorsOf(update.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    update.mutate(form);
  }
  return (
    <section>
      <h2>{t('budget.edit')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('budget.itemTitle')} errors={err['title']}>
          {(p) => (
            <input {...p} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
          )}
        </Field>
        <Field label={t('budget.description')} errors={err['description']}>
          {(p) => (
            <textarea
              {...p}
              rows={3}
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
            />
          )}
        </Field>
        <FormError error={update.error} withFields />
        {update.isSuccess ? (
          <p className="notice ok" role="status">
            {t('budget.saved')}
          </p>
        ) : null}
        <button type="submit" disabled={update.isPending}>
          {t('budget.edit')}
        </button>
      </form>
    </section>
  );
}

const EVIDENCE_KINDS = ['decision', 'contract', 'report', 'receipt', 'other'] as const;

/** The default of BUDGET_EVIDENCE_MAX_BYTES (the server names its own limit when a file is larger). */
const EVIDENCE_MAX_SIZE = '20 MB';

function formatBytes(n: number, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (n < 1024) return t('budget.bytes', { n });
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

type EvidenceDoc = BudgetItemDetail['evidence'][number];

function EvidenceHash({ doc }: { doc: EvidenceDoc }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  if (!doc.sha256) return null;
  const hash = doc.sha256;
  return (
    <div className="muted small">
      {t('budget.sha256')}{' '}
      <code title={t('budget.sha256Help', { hash })} data-sha256={hash}>
        {hash.slice(0, 12)}…
      </code>{' '}
      <button
        type="button"
        className="link-button small"
        onClick={() => {
          void navigator.clipboard?.writeText(hash).then(() => setCopied(true));
        }}
      >
        {t('budget.copyHash')}
      </button>
      {copied ? (
        <span role="status" className="small">
          {' '}
          {t('budget.hashCopied')}
        </span>
      ) : null}
    </div>
  );
}

function Evidence({ item, coordinator }: { item: BudgetItemDetail; coordinator: boolean }) {
  const { t } = useTranslation();
  const add = useAddEvidence(item.id);
  const upload = useUploadEvidence(item.id);
  const [mode, setMode] = useState<'link' | 'file'>('link');
  const [form, setForm] = useState({ kind: 'report' as (typeof EVIDENCE_KINDS)[number], title: '', url: '' });
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const active = mode === 'file' ? upload : add;
  const err = errorsOf(active.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (mode === 'link') {
      add.mutate(form, { onSuccess: () => setForm({ ...form, title: '', url: '' }) });
      return;
    }
    if (!file) return;
    upload.mutate(
      { kind: form.kind, title: form.title, file },
      {
        onSuccess: () => {
          setForm({ ...form, title: '', url: '' });
          setFile(null);
          setFileKey((k) => k + 1);
        },
      },
    );
  }
  return (
    <section>
      <h2>{t('budget.evidence')}</h2>
      {item.evidence.length === 0 ? (
        <Empty>{t('budget.noEvidence')}</Empty>
      ) : (
        <ul className="list">
          {item.evidence.map((doc) => (
            <li key={doc.id} data-evidence={doc.id}>
              <span className="badge muted">{t(`budget.evidenceKinds.${doc.kind}`)}</span>{' '}
              {doc.is_file ? (
                <>
                  <a href={doc.url} download={doc.filename ?? undefined} rel="noopener noreferrer">
                    {doc.title}
                  </a>{' '}
                  <span className="muted small">
                    ({doc.filename} · {formatBytes(doc.size ?? 0, t)} · {t('budget.download')})
                  </span>
                </>
              ) : (
                <a href={doc.url} rel="noopener noreferrer" target="_blank">
                  {doc.title}
                </a>
              )}
              {doc.execution ? <span className="muted"> (#{doc.execution})</span> : null}
              <EvidenceHash doc={doc} />
            </li>
          ))}
        </ul>
      )}
      {coordinator && item.status !== 'cancelled' ? (
        <form className="form" onSubmit={submit} noValidate>
          <h3>{t('budget.addEvidence')}</h3>
          <fieldset>
            <legend>{t('budget.evidenceSource')}</legend>
            <label>
              <input
                type="radio"
                name="evidence-source"
                checked={mode === 'link'}
                onChange={() => setMode('link')}
              />{' '}
              {t('budget.evidenceByLink')}
            </label>{' '}
            <label>
              <input
                type="radio"
                name="evidence-source"
                checked={mode === 'file'}
                onChange={() => setMode('file')}
              />{' '}
              {t('budget.evidenceByFile')}
            </label>
          </fieldset>
          <Field label={t('budget.evidenceKind')} errors={err['kind']}>
            {(p) => (
              <select
                {...p}
                value={form.kind}
                onChange={(e) =>
                  setForm({ ...form, kind: e.target.value as (typeof EVIDENCE_KINDS)[number] })
                }
              >
                {EVIDENCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`budget.evidenceKinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('budget.evidenceTitle')} errors={err['title']}>
            {(p) => (
              <input
                {...p}
                value={form.title}
                onChange={(e) => setForm({ ...form, title: e.target.value })}
              />
            )}
          </Field>
          {mode === 'link' ? (
            <Field label={t('budget.evidenceUrl')} errors={err['url']}>
              {(p) => (
                <input
                  {...p}
                  type="url"
                  value={form.url}
                  onChange={(e) => setForm({ ...form, url: e.target.value })}
                />
              )}
            </Field>
          ) : (
            <Field
              label={t('budget.evidenceFile')}
              hint={t('budget.evidenceFileHint', { size: EVIDENCE_MAX_SIZE })}
              errors={err['file'] ?? err['url']}
            >
              {(p) => (
                <input
                  {...p}
                  key={fileKey}
                  type="file"
                  accept=".pdf,.hwp,.hwpx,.xlsx,.docx,.png,.jpg,.jpeg"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              )}
            </Field>
          )}
          <FormError error={active.error} withFields />
          {active.isSuccess ? (
            <p className="notice ok" role="status">
              {t('budget.evidenceAdded')}
            </p>
          ) : null}
          <button type="submit" disabled={active.isPending || (mode === 'file' && !file)}>
            {t('budget.addEvidence')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function History({ id }: { id: number }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <section>
      <h2>{t('budget.history')}</h2>
      <p className="muted">{t('budget.historyLead')}</p>
      <ol className="ledger">
        {cursors.map((cursor, index) => (
          <HistoryPage
            key={cursor ?? 'first'}
            id={id}
            cursor={cursor}
            last={index === cursors.length - 1}
            onMore={(next) => setCursors([...cursors, next])}
          />
        ))}
      </ol>
    </section>
  );
}

function cursorOf(url: string | null | undefined): string | null {
  if (!url) return null;
  return new URL(url, 'http://x').searchParams.get('cursor');
}

function HistoryPage({
  id,
  cursor,
  last,
  onMore,
}: {
  id: number;
  cursor: string | null;
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const q = useHistory(id, cursor);
  if (q.isPending) return <li>{<Loading />}</li>;
  if (q.isError) return <li>{<ErrorState error={q.error} />}</li>;
  const next = cursorOf(q.data.next);
  return (
    <>
      {q.data.results.map((entry) => (
        <HistoryEntry key={entry.id} entry={entry} />
      ))}
      {last && next ? (
        <li className="more">
          <button type="button" className="secondary" onClick={() => onMore(next)}>
            {t('budget.moreHistory')}
          </button>
        </li>
      ) : null}
    </>
  );
}

function HistoryEntry({ entry }: { entry: LedgerEntry }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const d = entry.data as Record<string, unknown>;
  const won = (v: unknown) => (typeof v === 'number' ? formatWon(v, lang) : '');
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  let what = '';
  switch (entry.kind) {
    case 'create':
      what = won(d['allocated_amount']);
      break;
    case 'execute':
      what = `${won(d['amount'])} · ${text(d['payee'])}`;
      break;
    case 'reverse':
      what = `${won(d['amount'])} · ${text(d['reason'])}`;
      break;
    case 'amend':
      what = `${won(d['old_amount'])} → ${won(d['new_amount'])} · ${text(d['reason'])}`;
      break;
    case 'status':
      what = `${t(`budget.statuses.${text(d['old'])}`)} → ${t(`budget.statuses.${text(d['new'])}`)}${
        d['reason'] ? ` · ${text(d['reason'])}` : ''
      }`;
      break;
    case 'update':
      what = Object.keys((d['changes'] as Record<string, unknown>) ?? {}).join(', ');
      break;
    case 'evidence':
      what = d['sha256']
        ? `${text(d['title'])} · ${text(d['name'])} · SHA-256 ${text(d['sha256']).slice(0, 16)}…`
        : text(d['title']);
      break;
  }
  return (
    <li>
      <strong>
        #{entry.id} {t(`budget.kinds.${entry.kind}`, { defaultValue: entry.kind })}
      </strong>{' '}
      <span className="muted">
        {formatDateTime(entry.created_at, lang)} · {text(d['actor'])}
      </span>
      <div>{what}</div>
      <div className="muted small">
        {t('budget.hash')} <code>{entry.hash.slice(0, 16)}…</code>
      </div>
    </li>
  );
}
