import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReport } from '../api/queries';
import { Field } from '../../../components/ui/Field';
import { fieldErrors } from '../../../lib/api-client';

/** "Report" link that opens a one-field form (a reason) for a post or a comment. */
export function ReportForm({ target, id }: { target: 'post' | 'comment'; id: number }) {
  const { t } = useTranslation();
  const report = useReport();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (report.isSuccess) {
    return (
      <p role="status" className="notice ok">
        {t('board.post.reported')}
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('board.post.report')}
      </button>
    );
  }
  return (
    <form
      className="form inline"
      onSubmit={(ev) => {
        ev.preventDefault();
        report.mutate({ target, id, reason });
      }}
    >
      <Field label={t('board.post.reportReason')} errors={fieldErrors(report.error, 'reason')}>
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
      <button type="submit">{t('board.post.report')}</button>
    </form>
  );
}
