import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDismissReport, useHideComment, useModeratePost, useReports } from '../api/queries';
import { Empty, ErrorState, Loading } from '../../../components/ui/States';
import type { Schemas } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useTitle } from '../../../lib/useTitle';

/** Coordinators: open reports, oldest first; hide the content or dismiss the report, with a reason. */
export function ModerationPage() {
  const { t } = useTranslation();
  useTitle(t('board.moderation.title'));
  const q = useReports();
  return (
    <div className="page">
      <h1>{t('board.moderation.title')}</h1>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} />
      ) : q.data.results.length === 0 ? (
        <Empty>{t('board.moderation.none')}</Empty>
      ) : (
        <ul className="cards">
          {q.data.results.map((r) => (
            <ReportItem key={r.id} report={r} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ReportItem({ report }: { report: Schemas['Report'] }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const dismiss = useDismissReport();
  const hidePost = useModeratePost(report.target_post.id);
  const hideComment = useHideComment();
  const done = dismiss.isSuccess || hidePost.isSuccess || hideComment.isSuccess;
  return (
    <li className="card">
      <div className="card-body">
        <p>
          <strong>{t('board.moderation.target')}:</strong>{' '}
          <Link to={`/board/${report.target_post.id}${report.comment ? `#comment-${report.comment}` : ''}`}>
            {report.target_post.title}
          </Link>{' '}
          ({report.target})
        </p>
        <blockquote>{report.excerpt}</blockquote>
        <p>
          <strong>{t('board.moderation.reason')}:</strong> {report.reason} · {t('board.moderation.reporter')}{' '}
          {report.reporter.display_name} · {formatDateTime(report.created_at, i18n.language)}
        </p>
        {done ? (
          <p role="status" className="notice ok">
            {t('board.moderation.done')}
          </p>
        ) : (
          <form className="form inline" onSubmit={(ev) => ev.preventDefault()}>
            <label>
              {t('board.post.reason')}{' '}
              <input value={reason} required maxLength={1000} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button
              type="button"
              disabled={!reason}
              onClick={() =>
                report.comment
                  ? hideComment.mutate({ id: report.comment, reason })
                  : hidePost.mutate({ hide: true, reason })
              }
            >
              {t('board.moderation.hideTarget')}
            </button>
            <button
              type="button"
              disabled={!reason}
              onClick={() => dismiss.mutate({ id: report.id, reason })}
            >
              {t('board.moderation.dismiss')}
            </button>
          </form>
        )}
      </div>
    </li>
  );
}
