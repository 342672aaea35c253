import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  useClosePost,
  useDeletePost,
  useInterest,
  useMatch,
  useModeratePost,
  useMyOrganisations,
  usePost,
  useSuggestions,
  type PostDetail,
} from '../api/queries';
import { Comments } from './Comments';
import { ReportForm } from './ReportForm';
import { Field } from '../../../components/ui/Field';
import { ErrorState, FormError, Loading } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useMe, useSignedIn } from '../../../lib/session';
import { useTitle } from '../../../lib/useTitle';

/** `collaborationExtra`: what other features show under a matched post's collaboration (composed by the app). */
export function PostPage({
  collaborationExtra,
}: { collaborationExtra?: (collaborationId: number) => React.ReactNode } = {}) {
  const { id } = useParams();
  const postId = Number(id);
  const q = usePost(postId);
  useTitle(q.data?.title);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  return <PostView post={q.data} collaborationExtra={collaborationExtra} />;
}

function orgName(o: { name: string; name_en: string }, lang: string): string {
  return lang === 'en' && o.name_en ? o.name_en : o.name;
}

function PostView({
  post,
  collaborationExtra,
}: {
  post: PostDetail;
  collaborationExtra?: ((collaborationId: number) => React.ReactNode) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const signedIn = useSignedIn();
  const me = useMe();
  const matchable = post.kind === 'request' || post.kind === 'offer';
  const open = post.status === 'open';
  return (
    <article className="page post">
      <p>
        <Link to="/board">← {t('board.post.back')}</Link>
      </p>
      <p className="badges">
        <span className="badge">{t(`board.kind.${post.kind}`)}</span>
        {post.status && (
          <span className={`badge ${open ? 'ok' : 'muted'}`}>{t(`board.status.${post.status}`)}</span>
        )}
        {post.hidden && <span className="badge warn">{t('board.hiddenMark')}</span>}
      </p>
      <h1>{post.title}</h1>
      <p className="muted">
        {post.enterprise ? (
          <Link to={`/enterprises/${post.enterprise.slug}`}>{orgName(post.enterprise, i18n.language)}</Link>
        ) : null}{' '}
        {t('board.by', { name: post.author.display_name })} ·{' '}
        <time dateTime={post.created_at}>{formatDateTime(post.created_at, i18n.language)}</time>
        {post.edited && ` · ${t('board.edited')}`}
        {post.deadline && ` · ${t('board.deadline', { date: formatDate(post.deadline, i18n.language) })}`}
      </p>
      {post.hidden_reason && (
        <p className="notice" role="note">
          {t('board.post.reason')}: {post.hidden_reason}
        </p>
      )}
      <div className="markdown" dangerouslySetInnerHTML={{ __html: post.body_html }} />
      {post.images.length > 0 && (
        <ul className="post-images">
          {post.images.map((img) => (
            <li key={img.id}>
              <img src={img.image ?? undefined} alt={img.alt} loading="lazy" />
            </li>
          ))}
        </ul>
      )}
      {post.tags.length > 0 && (
        <p className="badges">
          {post.tags.map((tag) => (
            <Link key={tag} className="badge muted" to={`/board?tag=${encodeURIComponent(tag)}`}>
              #{tag}
            </Link>
          ))}
        </p>
      )}
      {post.campaign && (
        <p>
          <Link to={`/campaigns/${post.campaign}`}>{t('board.post.campaign')}</Link>
        </p>
      )}
      {post.collaboration && (
        <>
          <p className="notice ok" role="status">
            {t('board.post.matched', {
              names: post.collaboration.partners.map((p) => orgName(p, i18n.language)).join(', '),
            })}
          </p>
          {collaborationExtra?.(post.collaboration.id)}
        </>
      )}
      {matchable && (
        <section aria-labelledby="interest-title">
          <h2 id="interest-title">{t('board.post.interestedOrgs')}</h2>
          {post.interests.length === 0 ? (
            <p className="muted">{t('board.post.noInterest')}</p>
          ) : (
            <ul className="list">
              {post.interests.map((i) => (
                <li key={i.id}>
                  <Link to={`/enterprises/${i.enterprise.slug}`}>{orgName(i.enterprise, i18n.language)}</Link>
                  {i.message && ` — ${i.message}`}
                </li>
              ))}
            </ul>
          )}
          {open && signedIn && !post.can_edit && <InterestForm post={post} />}
          {open && post.can_edit && post.interests.length > 0 && <MatchForm post={post} />}
          {open && post.can_edit && <CloseButton id={post.id} />}
        </section>
      )}
      {matchable && open && <Suggestions id={post.id} />}
      <Comments post={post} />
      {signedIn && (
        <section aria-labelledby="actions-title" className="post-actions">
          <h2 id="actions-title" className="sr-only">
            {t('board.post.report')}
          </h2>
          <ReportForm target="post" id={post.id} />
          {me.data?.is_coordinator && <ModerateForm post={post} />}
          {post.can_edit && <DeleteButton id={post.id} />}
        </section>
      )}
    </article>
  );
}

function InterestForm({ post }: { post: PostDetail }) {
  const { t } = useTranslation();
  const orgs = useMyOrganisations().filter((o) => o.id !== post.enterprise?.id);
  const interest = useInterest(post.id);
  const [org, setOrg] = useState('');
  const [message, setMessage] = useState('');
  if (orgs.length === 0) return null;
  const chosen = org || String(orgs[0]!.id);
  return (
    <form
      className="form"
      onSubmit={(ev) => {
        ev.preventDefault();
        interest.mutate({ enterprise_id: Number(chosen), message });
      }}
    >
      {orgs.length > 1 && (
        <Field label={t('board.post.interestAs')} errors={fieldErrors(interest.error, 'enterprise_id')}>
          {(p) => (
            <select {...p} value={chosen} onChange={(e) => setOrg(e.target.value)}>
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('board.post.interestMessage')} errors={fieldErrors(interest.error, 'message')}>
        {(p) => (
          <input {...p} value={message} maxLength={2000} onChange={(e) => setMessage(e.target.value)} />
        )}
      </Field>
      <FormError error={interest.error} withFields />
      {interest.isSuccess && (
        <p role="status" className="notice ok">
          {t('board.post.interestSent')}
        </p>
      )}
      <p>
        <button type="submit" className="button" disabled={interest.isPending}>
          {t('board.post.interest')}
        </button>
      </p>
    </form>
  );
}

function MatchForm({ post }: { post: PostDetail }) {
  const { t, i18n } = useTranslation();
  const match = useMatch(post.id);
  const [chosen, setChosen] = useState<number[]>([]);
  const [note, setNote] = useState('');
  return (
    <form
      className="form"
      onSubmit={(ev) => {
        ev.preventDefault();
        match.mutate({ enterprise_ids: chosen, note });
      }}
    >
      <fieldset>
        <legend>{t('board.post.matchHint')}</legend>
        {post.interests.map((i) => (
          <label key={i.id} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(i.enterprise.id)}
              onChange={(e) =>
                setChosen(
                  e.target.checked
                    ? [...chosen, i.enterprise.id]
                    : chosen.filter((x) => x !== i.enterprise.id),
                )
              }
            />{' '}
            {orgName(i.enterprise, i18n.language)}
          </label>
        ))}
      </fieldset>
      <Field label={t('board.post.matchNote')}>
        {(p) => <input {...p} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <FormError error={match.error} />
      <p>
        <button type="submit" className="button" disabled={match.isPending || chosen.length === 0}>
          {t('board.post.match')}
        </button>
      </p>
    </form>
  );
}

function CloseButton({ id }: { id: number }) {
  const { t } = useTranslation();
  const close = useClosePost(id);
  return (
    <p>
      <button
        type="button"
        className="button secondary"
        onClick={() => close.mutate()}
        disabled={close.isPending}
      >
        {t('board.post.close')}
      </button>
    </p>
  );
}

function Suggestions({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const q = useSuggestions(id, true);
  if (!q.data) return null;
  const { posts, organisations } = q.data;
  return (
    <section aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('board.post.suggestions')}</h2>
      {posts.length === 0 && organisations.length === 0 ? (
        <p className="muted">{t('board.post.noSuggestions')}</p>
      ) : (
        <>
          {posts.length > 0 && (
            <>
              <h3>{t('board.post.suggestedPosts')}</h3>
              <ul className="list">
                {posts.map((p) => (
                  <li key={p.id}>
                    <Link to={`/board/${p.id}`}>{p.title}</Link>{' '}
                    <span className="muted">({t('board.post.score', { score: p.score })})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {organisations.length > 0 && (
            <>
              <h3>{t('board.post.suggestedOrgs')}</h3>
              <ul className="list">
                {organisations.map((o) => (
                  <li key={o.id}>
                    <Link to={`/enterprises/${o.slug}`}>{orgName(o, i18n.language)}</Link>{' '}
                    <span className="muted">({t('board.post.score', { score: o.score })})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function ModerateForm({ post }: { post: PostDetail }) {
  const { t } = useTranslation();
  const moderate = useModeratePost(post.id);
  const [reason, setReason] = useState('');
  return (
    <form
      className="form inline"
      onSubmit={(ev) => {
        ev.preventDefault();
        moderate.mutate({ hide: !post.hidden, reason });
      }}
    >
      <Field label={t('board.post.reason')} errors={fieldErrors(moderate.error, 'reason')}>
        {(p) => (
          <input
            {...p}
            value={reason}
            required
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <button type="submit">{post.hidden ? t('board.post.unhide') : t('board.post.hide')}</button>
    </form>
  );
}

function DeleteButton({ id }: { id: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const del = useDeletePost(id);
  return (
    <p>
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          if (window.confirm(t('board.post.confirmDelete')))
            del.mutate(undefined, { onSuccess: () => void navigate('/board') });
        }}
      >
        {t('board.post.delete')}
      </button>
    </p>
  );
}
