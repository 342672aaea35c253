import { useState } from 'react';
import { Link, NavLink, Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  parseRowField,
  useBoothApplications,
  useDecideBooth,
  useDecideEnterprise,
  useImportCsv,
  usePendingEnterprises,
  useSaveTarget,
  useTargets,
} from '../api/queries';
import { Empty, ErrorState, FormError, Loading } from '../../../components/ui/States';
import { Field } from '../../../components/ui/Field';
import { ApiError, type Schemas, fieldErrors } from '../../../lib/api-client';
import { useMe } from '../../../lib/session';
import { useTitle } from '../../../lib/useTitle';
import { formatDateTime } from '../../../lib/format';

export function CoordinatorPage() {
  const { t } = useTranslation();
  useTitle(t('coordinator.title'));
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} />;
  if (!me.data.is_coordinator)
    return (
      <div className="page">
        <h1>{t('coordinator.title')}</h1>
        <p role="alert">{t('coordinator.only')}</p>
      </div>
    );
  return (
    <div className="page">
      <h1>{t('coordinator.title')}</h1>
      <nav className="tabs" aria-label={t('coordinator.title')}>
        <NavLink to="/coordinator/verify">{t('coordinator.verify')}</NavLink>
        <NavLink to="/coordinator/import">{t('coordinator.import')}</NavLink>
        <NavLink to="/coordinator/targets">{t('coordinator.targets')}</NavLink>
        <NavLink to="/coordinator/booths">{t('coordinator.booths')}</NavLink>
      </nav>
      <Routes>
        <Route index element={<Navigate to="verify" replace />} />
        <Route path="verify" element={<Verify />} />
        <Route path="import" element={<ImportCsv />} />
        <Route path="targets" element={<Targets />} />
        <Route path="booths" element={<Booths />} />
      </Routes>
    </div>
  );
}

function Verify() {
  const { t } = useTranslation();
  const q = usePendingEnterprises();
  const decide = useDecideEnterprise();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  if (q.data.results.length === 0) return <Empty>{t('coordinator.nothingPending')}</Empty>;
  return (
    <section>
      <h2>{t('coordinator.verify')}</h2>
      <ul className="list">
        {q.data.results.map((e) => (
          <li key={e.id}>
            <Link to={`/enterprises/${e.slug}`}>{e.name}</Link> <span className="badge">{e.kind_label}</span>{' '}
            <span className="badge warn">{e.verification_status_label}</span>{' '}
            <button
              type="button"
              className="small"
              onClick={() => decide.mutate({ slug: e.slug ?? '', verify: true })}
            >
              {t('coordinator.approve')}
              <span className="sr-only"> {e.name}</span>
            </button>{' '}
            <button
              type="button"
              className="small secondary"
              onClick={() => decide.mutate({ slug: e.slug ?? '', verify: false })}
            >
              {t('coordinator.reject')}
              <span className="sr-only"> {e.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <FormError error={decide.error} />
    </section>
  );
}

function ImportCsv() {
  const { t } = useTranslation();
  const imp = useImportCsv();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const err = imp.error instanceof ApiError ? imp.error : null;
  const rowErrors = (err?.problem.errors ?? [])
    .map((e) => ({ ...e, pos: parseRowField(e.field ?? '') }))
    .filter((e) => e.pos !== null);
  const otherErrors = (err?.problem.errors ?? []).filter((e) => parseRowField(e.field ?? '') === null);
  return (
    <section>
      <h2>{t('coordinator.import')}</h2>
      <p>{t('coordinator.importLead')}</p>
      <form
        className="form"
        onSubmit={(ev) => {
          ev.preventDefault();
          if (file) imp.mutate({ file, dryRun });
        }}
      >
        <Field label={t('coordinator.csvFile')}>
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <label className="check">
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
          {t('coordinator.dryRun')}
        </label>
        <button type="submit" disabled={!file || imp.isPending}>
          {t('coordinator.upload')}
        </button>
      </form>
      {imp.isSuccess && (
        <p role="status" className="notice ok">
          {t(imp.data.dry_run ? 'coordinator.importChecked' : 'coordinator.importDone', {
            rows: imp.data.rows,
            created: imp.data.created,
            updated: imp.data.updated,
          })}
        </p>
      )}
      {err && (
        <div role="alert">
          <p className="form-error">{rowErrors.length ? t('coordinator.importErrors') : err.message}</p>
          {otherErrors.map((e) => (
            <p key={`${e.field}-${e.message}`} className="form-error">
              {e.message}
            </p>
          ))}
          {rowErrors.length > 0 && (
            <div className="table-wrap">
              <table className="table">
                <caption>{t('coordinator.importErrors')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('coordinator.row')}</th>
                    <th scope="col">{t('coordinator.column')}</th>
                    <th scope="col">{t('coordinator.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rowErrors.map((e, i) => (
                    <tr key={i}>
                      <td>{e.pos?.row}</td>
                      <td>{e.pos?.column}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function Targets() {
  const { t } = useTranslation();
  const q = useTargets();
  const save = useSaveTarget();
  const [f, setF] = useState({
    year: String(new Date().getFullYear()),
    organisations: '',
    jobs: '',
    note: '',
  });
  const err = save.error;
  const fe = (field: string) => fieldErrors(err, field);
  return (
    <section>
      <h2>{t('coordinator.targets')}</h2>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} />
      ) : q.data.length === 0 ? (
        <Empty>{t('coordinator.noTargets')}</Empty>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('coordinator.year')}</th>
              <th scope="col">{t('home.organisations')}</th>
              <th scope="col">{t('home.jobs')}</th>
              <th scope="col">{t('coordinator.note')}</th>
              <th scope="col">
                <span className="sr-only">{t('coordinator.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {q.data.map((row) => (
              <tr key={row.year}>
                <td>{row.year}</td>
                <td>{row.organisations}</td>
                <td>{row.jobs}</td>
                <td>{row.note}</td>
                <td>
                  <button
                    type="button"
                    className="small secondary"
                    onClick={() =>
                      setF({
                        year: String(row.year),
                        organisations: String(row.organisations),
                        jobs: String(row.jobs),
                        note: row.note ?? '',
                      })
                    }
                  >
                    {t('coordinator.edit')}
                    <span className="sr-only"> {row.year}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="form"
        onSubmit={(ev) => {
          ev.preventDefault();
          const year = Number(f.year);
          save.mutate({
            target: { year, organisations: Number(f.organisations), jobs: Number(f.jobs), note: f.note },
            exists: !!q.data?.some((r) => r.year === year),
          });
        }}
      >
        <Field label={t('coordinator.year')} errors={fe('year')}>
          {(p) => (
            <input
              {...p}
              type="number"
              value={f.year}
              onChange={(e) => setF({ ...f, year: e.target.value })}
              required
            />
          )}
        </Field>
        <Field label={t('home.organisations')} errors={fe('organisations')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={0}
              value={f.organisations}
              onChange={(e) => setF({ ...f, organisations: e.target.value })}
              required
            />
          )}
        </Field>
        <Field label={t('home.jobs')} errors={fe('jobs')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={0}
              value={f.jobs}
              onChange={(e) => setF({ ...f, jobs: e.target.value })}
              required
            />
          )}
        </Field>
        <Field label={t('coordinator.note')} errors={fe('note')}>
          {(p) => <input {...p} value={f.note} onChange={(e) => setF({ ...f, note: e.target.value })} />}
        </Field>
        <FormError error={err} withFields />
        {save.isSuccess && (
          <p role="status" className="notice ok">
            {t('manage.saved')}
          </p>
        )}
        <button type="submit" disabled={save.isPending}>
          {t('manage.save')}
        </button>
      </form>
    </section>
  );
}

function Booths() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Schemas['BoothApplicationStatusEnum']>('pending');
  const q = useBoothApplications(status);
  const decide = useDecideBooth();
  const [reasons, setReasons] = useState<Record<number, string>>({});
  return (
    <section>
      <h2>{t('coordinator.booths')}</h2>
      <div className="field">
        <label htmlFor="booth-status">{t('attendees.status')}</label>
        <select
          id="booth-status"
          value={status}
          onChange={(e) => setStatus(e.target.value as Schemas['BoothApplicationStatusEnum'])}
        >
          {(['pending', 'waitlisted', 'accepted', 'declined', 'withdrawn'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`enum.booth.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : q.data.results.length === 0 ? (
        <Empty>{t('coordinator.noBooths')}</Empty>
      ) : (
        <ul className="list">
          {q.data.results.map((a) => (
            <li key={a.id}>
              <p>
                <Link to={`/enterprises/${a.enterprise.slug}`}>{a.enterprise.name}</Link> →{' '}
                <Link to={`/events/${a.event}`}>{t('coordinator.eventNo', { id: a.event })}</Link> ·{' '}
                {a.category} · <span className="badge">{a.status_label}</span>{' '}
                <span className="muted">{formatDateTime(a.created_at, i18n.language)}</span>
              </p>
              {a.note && <p>{a.note}</p>}
              {(a.status === 'pending' || a.status === 'waitlisted') && (
                <div className="form inline">
                  <button
                    type="button"
                    className="small"
                    onClick={() => decide.mutate({ id: a.id, accept: true, reason: '' })}
                  >
                    {t('coordinator.accept')}
                    <span className="sr-only"> {a.enterprise.name}</span>
                  </button>
                  <label className="sr-only" htmlFor={`reason-${a.id}`}>
                    {t('coordinator.reason')}
                  </label>
                  <input
                    id={`reason-${a.id}`}
                    placeholder={t('coordinator.reason')}
                    value={reasons[a.id] ?? ''}
                    onChange={(e) => setReasons({ ...reasons, [a.id]: e.target.value })}
                  />
                  <button
                    type="button"
                    className="small secondary"
                    onClick={() => decide.mutate({ id: a.id, accept: false, reason: reasons[a.id] ?? '' })}
                  >
                    {t('coordinator.decline')}
                    <span className="sr-only"> {a.enterprise.name}</span>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormError error={decide.error} />
    </section>
  );
}
