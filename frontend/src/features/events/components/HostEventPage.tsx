import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCreateEvent } from '../api/queries';
import { Field } from '../../../components/ui/Field';
import { FormError } from '../../../components/ui/States';
import { type Schemas, fieldErrors } from '../../../lib/api-client';
import { seoulLocalToIso } from '../../../lib/format';
import { useTitle } from '../../../lib/useTitle';

const KINDS: Schemas['EventKindEnum'][] = [
  'fair',
  'workshop',
  'education',
  'members_day',
  'networking',
  'market',
  'meeting',
];

export function HostEventPage() {
  const { t } = useTranslation();
  useTitle(t('hostEvent.title'));
  const create = useCreateEvent();
  const [f, setF] = useState({
    title: '',
    description: '',
    kind: 'workshop',
    starts_at: '',
    ends_at: '',
    venue_name: '',
    venue_address: '',
    capacity: '',
  });
  const set = (k: keyof typeof f) => (ev: { target: { value: string } }) =>
    setF({ ...f, [k]: ev.target.value });
  const err = create.error;
  const fe = (field: string) => fieldErrors(err, field);
  if (create.isSuccess) {
    return (
      <div className="page">
        <h1>{t('hostEvent.title')}</h1>
        <p role="status" className="notice ok">
          {t('hostEvent.created')}
        </p>
        <p>
          <Link to={`/events/${create.data.id}`}>{create.data.title}</Link> ·{' '}
          <Link to={`/my/events/${create.data.id}/attendees`}>{t('attendees.title')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>{t('hostEvent.title')}</h1>
      <form
        className="form"
        onSubmit={(ev) => {
          ev.preventDefault();
          create.mutate({
            title: f.title,
            description: f.description,
            kind: f.kind as Schemas['EventKindEnum'],
            starts_at: seoulLocalToIso(f.starts_at),
            ends_at: seoulLocalToIso(f.ends_at),
            venue_name: f.venue_name,
            venue_address: f.venue_address,
            capacity: f.capacity === '' ? null : Number(f.capacity),
          });
        }}
      >
        <Field label={t('hostEvent.eventTitle')} errors={fe('title')}>
          {(p) => <input {...p} value={f.title} onChange={set('title')} required />}
        </Field>
        <Field label={t('hostEvent.kind')} errors={fe('kind')}>
          {(p) => (
            <select {...p} value={f.kind} onChange={set('kind')}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`enum.eventKind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('hostEvent.startsAt')} errors={fe('starts_at')} hint={t('hostEvent.seoulTime')}>
          {(p) => (
            <input {...p} type="datetime-local" value={f.starts_at} onChange={set('starts_at')} required />
          )}
        </Field>
        <Field label={t('hostEvent.endsAt')} errors={fe('ends_at')}>
          {(p) => <input {...p} type="datetime-local" value={f.ends_at} onChange={set('ends_at')} required />}
        </Field>
        <Field label={t('hostEvent.venue')} errors={fe('venue_name')}>
          {(p) => <input {...p} value={f.venue_name} onChange={set('venue_name')} />}
        </Field>
        <Field label={t('fields.address')} errors={fe('venue_address')}>
          {(p) => <input {...p} value={f.venue_address} onChange={set('venue_address')} />}
        </Field>
        <Field label={t('hostEvent.capacity')} errors={fe('capacity')} hint={t('hostEvent.capacityHint')}>
          {(p) => <input {...p} type="number" min={1} value={f.capacity} onChange={set('capacity')} />}
        </Field>
        <Field label={t('fields.description')} errors={fe('description')}>
          {(p) => <textarea {...p} rows={4} value={f.description} onChange={set('description')} />}
        </Field>
        <FormError error={err} withFields />
        <button type="submit" disabled={create.isPending}>
          {t('hostEvent.create')}
        </button>
      </form>
    </div>
  );
}
