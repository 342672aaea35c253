import { useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, FormError, Loading } from '../../../components/ui/States';
import { Field } from '../../../components/ui/Field';
import { Picker, type PickerOption } from '../../../components/ui/Picker';
import { fieldErrors } from '../../../lib/api-client';
import { formatDate, formatDateTime, seoulDay } from '../../../lib/format';
import { useMe, useSignedIn } from '../../../lib/session';
import { useTitle } from '../../../lib/useTitle';
import {
  NEXT,
  useAddLink,
  useFollow,
  useLinkKinds,
  usePostUpdate,
  useRemoveLink,
  useResolution,
  useUpdates,
  type ResolutionDetail,
  type ResolutionStatus,
} from '../api/queries';
import { linkTargetSearch } from '../api/pickers';
import { Owners, ResolutionsNav, StatusBadge } from './Shared';

export function ResolutionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const q = useResolution(Number(id));
  const me = useMe();
  useTitle(q.data?.title);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const r = q.data;
  const lang = i18n.language;
  return (
    <article className="page resolution-page">
      <ResolutionsNav />
      <h1>{r.title}</h1>
      <p className="badges">
        <StatusBadge status={r.status} overdue={r.is_overdue} />
        {r.tags.map((tag) => (
          <span key={tag} className="badge muted">
            #{tag}
          </span>
        ))}
      </p>
      {r.status === 'dropped' && r.status_reason && <p className="notice">{r.status_reason}</p>}
      {/* Editing is the coordinators' (the API's rule); the responsible party writes updates below. */}
      {me.data?.is_coordinator && (
        <p>
          <Link to={`/resolutions/${r.id}/edit`}>{t('resolutions.edit.resolutionLink')}</Link>
        </p>
      )}
      <Follow r={r} />
      <dl className="facts">
        <div>
          <dt>{t('resolutions.meeting')}</dt>
          <dd>
            <Link to={`/resolutions/meetings/${r.meeting.id}`}>{r.meeting.title}</Link> (
            {formatDate(r.meeting.held_at, lang)})
          </dd>
        </div>
        <div>
          <dt>{t('resolutions.owners')}</dt>
          <dd>
            <Owners r={r} />
          </dd>
        </div>
        {r.responsible_person && (
          <div>
            <dt>{t('resolutions.person')}</dt>
            <dd>{r.responsible_person.display_name}</dd>
          </div>
        )}
        <div>
          <dt>{t('resolutions.due')}</dt>
          <dd>{r.due_date ? formatDate(r.due_date, lang) : t('resolutions.noDue')}</dd>
        </div>
        {r.proposer && (
          <div>
            <dt>{t('resolutions.proposer')}</dt>
            <dd>{r.proposer}</dd>
          </div>
        )}
        <div>
          <dt>{t('resolutions.progress')}</dt>
          <dd>
            <progress max={100} value={r.progress} aria-label={t('resolutions.progress')} />{' '}
            {r.children_count > 0
              ? t('resolutions.progressValue', {
                  progress: r.progress,
                  done: r.children_done,
                  total: r.children_count,
                })
              : `${r.progress}%`}
          </dd>
        </div>
      </dl>
      {r.description && <p className="prewrap">{r.description}</p>}
      {r.children.length > 0 && (
        <section aria-labelledby="children-title">
          <h2 id="children-title">{t('resolutions.children')}</h2>
          <ul className="list">
            {r.children.map((c) => (
              <li key={c.id}>
                <Link to={`/resolutions/${c.id}`}>{c.title}</Link> <StatusBadge status={c.status} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <Links r={r} />
      <Chain r={r} />
      <Timeline id={r.id} />
      {r.can_write && <UpdateForm r={r} />}
    </article>
  );
}

function Follow({ r }: { r: ResolutionDetail }) {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const location = useLocation();
  const follow = useFollow(r.id);
  if (!signedIn)
    return (
      <p>
        <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>
          {t('resolutions.loginToFollow')}
        </Link>
      </p>
    );
  return (
    <div className="follow">
      <div role="status" aria-live="polite">
        {r.is_following && <p className="notice ok">{t('resolutions.following')}</p>}
      </div>
      <button
        type="button"
        className={r.is_following ? 'secondary' : undefined}
        disabled={follow.isPending}
        onClick={() => follow.mutate(!r.is_following)}
      >
        {r.is_following ? t('resolutions.unfollow') : t('resolutions.follow')}
      </button>
      <FormError error={follow.error} />
    </div>
  );
}

function Links({ r }: { r: ResolutionDetail }) {
  const { t } = useTranslation();
  const remove = useRemoveLink(r.id);
  return (
    <section aria-labelledby="links-title">
      <h2 id="links-title">{t('resolutions.links')}</h2>
      {r.links.length === 0 ? (
        <Empty>{t('resolutions.noLinks')}</Empty>
      ) : (
        <ul className="list">
          {r.links.map((link) => (
            <li key={link.id}>
              <span className="badge muted">{link.kind_label}</span>{' '}
              {link.path ? <Link to={link.path}>{link.title}</Link> : t('resolutions.linkGone')}
              {r.can_write && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link-button"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(link.id)}
                    aria-label={t('resolutions.removeLink', { title: link.title ?? link.target_id })}
                  >
                    ×
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {r.can_write && <AddLink id={r.id} />}
    </section>
  );
}

function AddLink({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const kinds = useLinkKinds();
  const add = useAddLink(id);
  const [kind, setKind] = useState('event');
  const [target, setTarget] = useState<PickerOption | null>(null);
  const [typedId, setTypedId] = useState('');
  // The kinds the app can search are picked by name; any other registered kind by its id.
  const search = useMemo(() => linkTargetSearch(kind, i18n.language), [kind, i18n.language]);
  const targetId = search ? target?.id : Number(typedId) || undefined;
  const targetErrors = fieldErrors(add.error, 'target_id');
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!targetId) return;
        add.mutate(
          { kind, target_id: targetId },
          {
            onSuccess: () => {
              setTarget(null);
              setTypedId('');
            },
          },
        );
      }}
    >
      <Field label={t('resolutions.linkKind')} errors={fieldErrors(add.error, 'kind')}>
        {(p) => (
          <select
            {...p}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value);
              setTarget(null);
              add.reset();
            }}
          >
            {(kinds.data ?? [{ key: 'event', label: 'event' }]).map((k) => (
              <option key={k.key} value={k.key}>
                {k.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {search ? (
        <Picker
          key={kind}
          label={t('resolutions.linkTarget')}
          errors={targetErrors}
          search={search}
          value={target}
          onChange={setTarget}
          required
        />
      ) : (
        <Field label={t('resolutions.linkTargetId')} errors={targetErrors}>
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              pattern="[0-9]*"
              required
              value={typedId}
              onChange={(e) => setTypedId(e.target.value)}
            />
          )}
        </Field>
      )}
      <p>
        <button type="submit" disabled={add.isPending || !targetId}>
          {t('resolutions.addLink')}
        </button>
      </p>
      <FormError error={add.error} withFields />
    </form>
  );
}

function Chain({ r }: { r: ResolutionDetail }) {
  const { t, i18n } = useTranslation();
  if (r.carried_over_chain.length === 0 && r.carried_over_to.length === 0) return null;
  return (
    <section aria-labelledby="chain-title">
      <h2 id="chain-title">{t('resolutions.chain')}</h2>
      <p>{t('resolutions.chainLength', { count: r.chain_length })}</p>
      {r.carried_over_chain.length > 0 && (
        <ol className="list chain">
          {r.carried_over_chain.map((c) => (
            <li key={c.id}>
              <Link to={`/resolutions/${c.id}`}>{c.title}</Link> <StatusBadge status={c.status} />{' '}
              <span className="muted">
                {c.meeting.title} ({formatDate(c.meeting.held_at, i18n.language)})
              </span>
            </li>
          ))}
        </ol>
      )}
      {r.carried_over_to.length > 0 && (
        <>
          <h3>{t('resolutions.carriedTo')}</h3>
          <ul className="list">
            {r.carried_over_to.map((c) => (
              <li key={c.id}>
                <Link to={`/resolutions/${c.id}`}>{c.title}</Link> <StatusBadge status={c.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Timeline({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const q = useUpdates(id);
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('resolutions.timeline')}</h2>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : q.data.results.length === 0 ? (
        <Empty>{t('resolutions.noUpdates')}</Empty>
      ) : (
        <ol className="timeline">
          {q.data.results.map((u) => (
            <li key={u.id}>
              <p className="muted">
                <time dateTime={u.written_on}>{formatDate(u.written_on, i18n.language)}</time> · {u.signature}
                {u.status_to && (
                  <>
                    {' '}
                    <span className="badge">
                      {t('resolutions.statusChange', {
                        from: u.status_from_label,
                        to: u.status_to_label,
                      })}
                    </span>
                  </>
                )}
              </p>
              {/* Rendered and sanitised on the server (api/common/richtext.py). */}
              <div className="rich" dangerouslySetInnerHTML={{ __html: u.body_html }} />
              <p className="muted small">
                <time dateTime={u.created_at}>{formatDateTime(u.created_at, i18n.language)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function UpdateForm({ r }: { r: ResolutionDetail }) {
  const { t } = useTranslation();
  const post = usePostUpdate(r.id);
  const [body, setBody] = useState('');
  const [writtenOn, setWrittenOn] = useState(() => seoulDay(new Date()));
  const [status, setStatus] = useState<ResolutionStatus | ''>('');
  const [done, setDone] = useState(false);
  const next = NEXT[r.status];
  return (
    <section aria-labelledby="update-title">
      <h2 id="update-title">{t('resolutions.postUpdate')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setDone(false);
          post.mutate(
            { body, written_on: writtenOn, ...(status ? { status } : {}) },
            {
              onSuccess: () => {
                setBody('');
                setStatus('');
                setDone(true);
              },
            },
          );
        }}
      >
        <Field label={t('resolutions.updateBody')} errors={fieldErrors(post.error, 'body')}>
          {(p) => (
            <textarea {...p} required rows={5} value={body} onChange={(e) => setBody(e.target.value)} />
          )}
        </Field>
        <Field label={t('resolutions.updateDate')} errors={fieldErrors(post.error, 'written_on')}>
          {(p) => (
            <input {...p} type="date" value={writtenOn} onChange={(e) => setWrittenOn(e.target.value)} />
          )}
        </Field>
        {next.length > 0 && (
          <Field
            label={t('resolutions.newStatus')}
            errors={fieldErrors(post.error, 'status')}
            hint={t('resolutions.dropHint')}
          >
            {(p) => (
              <select
                {...p}
                value={status}
                onChange={(e) => setStatus(e.target.value as ResolutionStatus | '')}
              >
                <option value="">{t('resolutions.keepStatus')}</option>
                {next.map((s) => (
                  <option key={s} value={s}>
                    {t(`resolutions.status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <button type="submit" disabled={post.isPending}>
          {t('resolutions.submit')}
        </button>
        <FormError error={post.error} withFields />
        <div role="status" aria-live="polite">
          {done && <p className="notice ok">{t('resolutions.posted')}</p>}
        </div>
      </form>
    </section>
  );
}
