import { useParams, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { downloadAttendeesCsv, useAttendees, useCheckIn, useEvent } from '../api/queries';
import { Empty, ErrorState, FormError, Loading } from '../../../components/ui/States';
import { formatDateTime } from '../../../lib/format';
import { useTitle } from '../../../lib/useTitle';

/** Attendee list of an event: hosts' members, organisers and coordinators. */
export function AttendeesPage() {
  const { id = '' } = useParams();
  const eventId = Number(id);
  const { t, i18n } = useTranslation();
  const event = useEvent(eventId);
  const q = useAttendees(eventId);
  const checkIn = useCheckIn(eventId);
  useTitle(t('attendees.title'));
  return (
    <div className="page">
      <h1>{t('attendees.title')}</h1>
      {event.data && (
        <p>
          <Link to={`/events/${eventId}`}>{event.data.title}</Link>
        </p>
      )}
      <p>
        <button type="button" className="secondary" onClick={() => void downloadAttendeesCsv(eventId)}>
          {t('attendees.csv')}
        </button>
      </p>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : q.data.results.length === 0 ? (
        <Empty>{t('attendees.empty')}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('attendees.name')}</th>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('attendees.status')}</th>
                <th scope="col">{t('attendees.checkIn')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.results.map((a) => (
                <tr key={a.id}>
                  <td>{a.user.display_name}</td>
                  <td>{a.user.email}</td>
                  <td>
                    {a.status_label}
                    {a.waitlist_position != null && ` #${a.waitlist_position}`}
                  </td>
                  <td>
                    {a.status === 'confirmed' && (
                      <button
                        type="button"
                        className="small"
                        aria-pressed={!!a.checked_in_at}
                        onClick={() => checkIn.mutate({ registration_id: a.id, undo: !!a.checked_in_at })}
                      >
                        {a.checked_in_at
                          ? t('attendees.checkedIn', { at: formatDateTime(a.checked_in_at, i18n.language) })
                          : t('attendees.checkIn')}
                        <span className="sr-only"> {a.user.display_name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormError error={checkIn.error} />
    </div>
  );
}
