import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFeed, type FeedFilters, type PostKind } from '../api/queries';
import { PostItem } from './PostItem';
import { Empty, ErrorState, Loading } from '../../../components/ui/States';
import { Field } from '../../../components/ui/Field';
import { useSignedIn } from '../../../lib/session';
import { useTitle } from '../../../lib/useTitle';

export const KINDS: PostKind[] = ['news', 'request', 'offer', 'promotion', 'question', 'notice'];
const STATUSES = ['open', 'matched', 'closed'] as const;

/** The feed with filters (kind, status, tag) and Korean search, newest first, pinned notices on top. */
export function BoardPage() {
  const { t } = useTranslation();
  useTitle(t('board.title'));
  const signedIn = useSignedIn();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('search') ?? '');
  const filters: FeedFilters = {
    ...(params.get('kind') ? { kind: [params.get('kind') as PostKind] } : {}),
    ...(params.get('status') ? { status: [params.get('status') as (typeof STATUSES)[number]] } : {}),
    ...(params.get('tag') ? { tag: params.get('tag')! } : {}),
    ...(params.get('search') ? { search: params.get('search')! } : {}),
  };
  const feed = useFeed(filters);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const posts = feed.data?.pages.flatMap((p) => p.results) ?? [];
  return (
    <div className="page board">
      <h1>{t('board.title')}</h1>
      <p className="lead">{t('board.lead')}</p>
      <p>
        {signedIn ? (
          <Link className="button" to="/board/new">
            {t('board.write')}
          </Link>
        ) : (
          <span className="muted">{t('board.loginToAct')}</span>
        )}{' '}
        <Link to="/campaigns">{t('board.campaigns.title')}</Link>
      </p>
      <form
        className="filters"
        role="search"
        onSubmit={(ev) => {
          ev.preventDefault();
          set('search', search.trim());
        }}
      >
        <div className="grow">
          <Field label={t('board.search')} hint={t('board.searchHint')}>
            {(p) => (
              <input
                {...p}
                type="search"
                value={search}
                maxLength={100}
                onChange={(e) => setSearch(e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field label={t('board.kindLabel')}>
          {(p) => (
            <select {...p} value={params.get('kind') ?? ''} onChange={(e) => set('kind', e.target.value)}>
              <option value="">{t('board.allKinds')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`board.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('board.statusLabel')}>
          {(p) => (
            <select {...p} value={params.get('status') ?? ''} onChange={(e) => set('status', e.target.value)}>
              <option value="">{t('board.anyStatus')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`board.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">{t('board.filter')}</button>
      </form>
      {params.get('tag') && (
        <p>
          <span className="badge">#{params.get('tag')}</span>{' '}
          <button type="button" className="link-button" onClick={() => set('tag', '')}>
            ✕ <span className="sr-only">{t('board.tagLabel')}</span>
          </button>
        </p>
      )}
      {feed.isPending ? (
        <Loading />
      ) : feed.isError ? (
        <ErrorState error={feed.error} retry={() => void feed.refetch()} />
      ) : posts.length === 0 ? (
        <Empty>{t('board.empty')}</Empty>
      ) : (
        <>
          <h2 className="sr-only">{t('board.title')}</h2>
          <ul className="cards post-list">
            {posts.map((p) => (
              <PostItem key={p.id} post={p} />
            ))}
          </ul>
          {feed.hasNextPage && (
            <p>
              <button
                type="button"
                onClick={() => void feed.fetchNextPage()}
                disabled={feed.isFetchingNextPage}
              >
                {t('board.more')}
              </button>
            </p>
          )}
        </>
      )}
      <p>
        <a href="/api/v1/posts/feed.rss">{t('board.rss')}</a> ·{' '}
        <a href="/api/v1/posts/feed.atom">{t('board.atom')}</a>
      </p>
    </div>
  );
}
