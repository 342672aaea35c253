import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useComment, useDeleteComment, useHideComment, type Comment, type PostDetail } from '../api/queries';
import { ReportForm } from './ReportForm';
import { Field } from '../../../components/ui/Field';
import { FormError } from '../../../components/ui/States';
import { fieldErrors, type Schemas } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useMe, useSignedIn } from '../../../lib/session';

/** Comments with one level of replies; removed ones keep their place. */
export function Comments({ post }: { post: PostDetail }) {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  return (
    <section aria-labelledby="comments-title" className="comments">
      <h2 id="comments-title">
        {t('board.comments.title')} ({post.comment_count})
      </h2>
      {post.comments.length === 0 ? (
        <p className="muted">{t('board.comments.none')}</p>
      ) : (
        <ol className="comment-list">
          {post.comments.map((c) => (
            <CommentItem key={c.id} comment={c} postId={post.id} />
          ))}
        </ol>
      )}
      {signedIn ? (
        <CommentForm postId={post.id} label={t('board.comments.write')} />
      ) : (
        <p className="muted">{t('board.comments.loginToComment')}</p>
      )}
    </section>
  );
}

function CommentItem({ comment, postId }: { comment: Comment | Schemas['Comment']; postId: number }) {
  const { t, i18n } = useTranslation();
  const signedIn = useSignedIn();
  const me = useMe();
  const del = useDeleteComment();
  const hide = useHideComment();
  const [replying, setReplying] = useState(false);
  const replies = 'replies' in comment ? comment.replies : [];
  return (
    <li id={`comment-${comment.id}`} className="comment">
      {comment.removed && !comment.body_html ? (
        <p className="muted">
          {comment.removed_reason === 'hidden'
            ? t('board.comments.hiddenByModerator')
            : t('board.comments.removed')}
        </p>
      ) : (
        <>
          <p className="muted comment-meta">
            <strong>{comment.author?.display_name}</strong> ·{' '}
            <time dateTime={comment.created_at}>{formatDateTime(comment.created_at, i18n.language)}</time>
            {comment.edited && ` · ${t('board.edited')}`}
            {comment.removed && ` · ${comment.removed_reason}`}
          </p>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: comment.body_html }} />
        </>
      )}
      {signedIn && !comment.removed && (
        <p className="comment-actions">
          {'replies' in comment && (
            <button
              type="button"
              className="link-button"
              aria-expanded={replying}
              onClick={() => setReplying(!replying)}
            >
              {t('board.comments.reply')}
            </button>
          )}{' '}
          {comment.can_edit && (
            <button type="button" className="link-button" onClick={() => del.mutate(comment.id)}>
              {t('board.comments.delete')}
            </button>
          )}{' '}
          {me.data?.is_coordinator && (
            <button
              type="button"
              className="link-button"
              onClick={() => hide.mutate({ id: comment.id, reason: '관리자 검토' })}
            >
              {t('board.post.hide')}
            </button>
          )}{' '}
          <ReportForm target="comment" id={comment.id} />
        </p>
      )}
      {replies.length > 0 && (
        <ol className="comment-list replies">
          {replies.map((r) => (
            <CommentItem key={r.id} comment={r} postId={postId} />
          ))}
        </ol>
      )}
      {replying && <CommentForm postId={postId} parentId={comment.id} label={t('board.comments.replyTo')} />}
    </li>
  );
}

function CommentForm({ postId, parentId, label }: { postId: number; parentId?: number; label: string }) {
  const { t } = useTranslation();
  const create = useComment();
  const [body, setBody] = useState('');
  return (
    <form
      className="form"
      onSubmit={(ev) => {
        ev.preventDefault();
        create.mutate(
          { post_id: postId, body, ...(parentId ? { parent_id: parentId } : {}) },
          { onSuccess: () => setBody('') },
        );
      }}
    >
      <Field label={label} errors={fieldErrors(create.error, 'body')}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            value={body}
            required
            maxLength={20000}
            onChange={(e) => setBody(e.target.value)}
          />
        )}
      </Field>
      <FormError error={create.error} withFields />
      <p>
        <button type="submit" disabled={create.isPending}>
          {t('board.comments.send')}
        </button>
      </p>
    </form>
  );
}
