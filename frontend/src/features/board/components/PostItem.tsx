import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Post } from '../api/queries';
import { formatDate, formatDateTime } from '../../../lib/format';

/** One post in the feed. */
export function PostItem({ post }: { post: Post }) {
  const { t, i18n } = useTranslation();
  return (
    <li className={`card post-item${post.pinned ? ' pinned' : ''}`}>
      <div className="card-body">
        <p className="badges">
          {post.pinned && <span className="badge accent">{t('board.pinned')}</span>}
          <span className="badge">{t(`board.kind.${post.kind}`)}</span>
          {post.status && (
            <span className={`badge ${post.status === 'open' ? 'ok' : 'muted'}`}>
              {t(`board.status.${post.status}`)}
            </span>
          )}
          {post.hidden && <span className="badge warn">{t('board.hiddenMark')}</span>}
        </p>
        <h3>
          <Link to={`/board/${post.id}`}>{post.title}</Link>
        </h3>
        <p className="clamp">{post.excerpt}</p>
        <p className="muted post-meta">
          {post.enterprise
            ? t('board.onBehalfOf', {
                name:
                  i18n.language === 'en' && post.enterprise.name_en
                    ? post.enterprise.name_en
                    : post.enterprise.name,
              })
            : t('board.by', { name: post.author.display_name })}
          {' · '}
          <time dateTime={post.created_at}>{formatDateTime(post.created_at, i18n.language)}</time>
          {post.edited && ` · ${t('board.edited')}`}
          {post.deadline && ` · ${t('board.deadline', { date: formatDate(post.deadline, i18n.language) })}`}
          {' · '}
          {t('board.commentCount', { count: post.comment_count })}
          {post.status && ` · ${t('board.interested', { count: post.interest_count })}`}
        </p>
        {post.tags.length > 0 && (
          <p className="badges">
            {post.tags.map((tag) => (
              <Link key={tag} className="badge muted" to={`/board?tag=${encodeURIComponent(tag)}`}>
                #{tag}
              </Link>
            ))}
          </p>
        )}
      </div>
    </li>
  );
}
