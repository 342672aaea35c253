import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormError, Loading } from '../../../components/ui/States';
import { Field } from '../../../components/ui/Field';
import { fieldErrors } from '../../../lib/api-client';
import { seoulLocalToIso } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { useTitle } from '../../../lib/useTitle';
import { useCreateMeeting, useCreateResolution, useMeetings } from '../api/queries';
import { ResolutionsNav } from './Shared';

function ids(text: string): number[] {
  return text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

function words(text: string): string[] {
  return text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
}

function optionalId(text: string): number | null {
  const n = Number(text);
  return text && Number.isInteger(n) && n > 0 ? n : null;
}

function CoordinatorsOnly({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (!me.data?.is_coordinator) return <p className="notice">{t('resolutions.form.coordinatorsOnly')}</p>;
  return <>{children}</>;
}

export function NewResolutionPage() {
  const { t } = useTranslation();
  useTitle(t('resolutions.nav.newResolution'));
  return (
    <div className="page">
      <h1>{t('resolutions.nav.newResolution')}</h1>
      <ResolutionsNav />
      <CoordinatorsOnly>
        <ResolutionForm />
      </CoordinatorsOnly>
    </div>
  );
}

function ResolutionForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const meetings = useMeetings({ page_size: 100 });
  const create = useCreateResolution();
  const [form, setForm] = useState({
    meeting: '',
    title: '',
    description: '',
    body: '',
    enterprises: '',
    due: '',
    tags: '',
    carriedFrom: '',
    parent: '',
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const err = (name: string) => fieldErrors(create.error, name);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          {
            meeting_id: Number(form.meeting),
            title: form.title,
            description: form.description,
            proposer: '',
            responsible_body: form.body,
            responsible_enterprise_ids: ids(form.enterprises),
            due_date: form.due || null,
            tags: words(form.tags),
            carried_over_from_id: optionalId(form.carriedFrom),
            parent_id: optionalId(form.parent),
          },
          { onSuccess: (r) => void navigate(`/resolutions/${r.id}`) },
        );
      }}
    >
      <Field label={t('resolutions.form.meeting')} errors={err('meeting_id')}>
        {(p) => (
          <select {...p} required value={form.meeting} onChange={set('meeting')}>
            <option value="">{t('resolutions.form.chooseMeeting')}</option>
            {(meetings.data?.results ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('resolutions.form.title')} errors={err('title')}>
        {(p) => <input {...p} required maxLength={200} value={form.title} onChange={set('title')} />}
      </Field>
      <Field label={t('resolutions.form.description')} errors={err('description')}>
        {(p) => <textarea {...p} rows={4} value={form.description} onChange={set('description')} />}
      </Field>
      <Field label={t('resolutions.form.body')} errors={err('responsible_body')}>
        {(p) => <input {...p} maxLength={200} value={form.body} onChange={set('body')} />}
      </Field>
      <Field label={t('resolutions.form.enterprises')} errors={err('responsible_enterprise_ids')}>
        {(p) => <input {...p} inputMode="numeric" value={form.enterprises} onChange={set('enterprises')} />}
      </Field>
      <Field label={t('resolutions.form.due')} errors={err('due_date')}>
        {(p) => <input {...p} type="date" value={form.due} onChange={set('due')} />}
      </Field>
      <Field label={t('resolutions.form.tags')} errors={err('tags')}>
        {(p) => <input {...p} value={form.tags} onChange={set('tags')} />}
      </Field>
      <Field label={t('resolutions.form.carriedFrom')} errors={err('carried_over_from_id')}>
        {(p) => <input {...p} inputMode="numeric" value={form.carriedFrom} onChange={set('carriedFrom')} />}
      </Field>
      <Field label={t('resolutions.form.parent')} errors={err('parent_id')}>
        {(p) => <input {...p} inputMode="numeric" value={form.parent} onChange={set('parent')} />}
      </Field>
      <button type="submit" disabled={create.isPending}>
        {t('resolutions.form.create')}
      </button>
      <FormError error={create.error} withFields />
    </form>
  );
}

export function NewMeetingPage() {
  const { t } = useTranslation();
  useTitle(t('resolutions.nav.newMeeting'));
  return (
    <div className="page">
      <h1>{t('resolutions.nav.newMeeting')}</h1>
      <ResolutionsNav />
      <CoordinatorsOnly>
        <MeetingForm />
      </CoordinatorsOnly>
    </div>
  );
}

function MeetingForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const [form, setForm] = useState({ title: '', heldAt: '', agenda: '', minutes: '', attendance: '' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const err = (name: string) => fieldErrors(create.error, name);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          {
            title: form.title,
            held_at: seoulLocalToIso(form.heldAt),
            agenda: form.agenda,
            minutes: form.minutes,
            attendance_count: form.attendance ? Number(form.attendance) : null,
          },
          { onSuccess: (m) => void navigate(`/resolutions/meetings/${m.id}`) },
        );
      }}
    >
      <Field label={t('resolutions.form.title')} errors={err('title')}>
        {(p) => <input {...p} required maxLength={200} value={form.title} onChange={set('title')} />}
      </Field>
      <Field label={t('resolutions.form.heldAt')} errors={err('held_at')}>
        {(p) => <input {...p} required type="datetime-local" value={form.heldAt} onChange={set('heldAt')} />}
      </Field>
      <Field label={t('resolutions.form.agenda')} errors={err('agenda')}>
        {(p) => <textarea {...p} rows={3} value={form.agenda} onChange={set('agenda')} />}
      </Field>
      <Field label={t('resolutions.form.minutes')} errors={err('minutes')}>
        {(p) => <textarea {...p} rows={8} value={form.minutes} onChange={set('minutes')} />}
      </Field>
      <Field label={t('resolutions.form.attendance')} errors={err('attendance_count')}>
        {(p) => <input {...p} type="number" min={0} value={form.attendance} onChange={set('attendance')} />}
      </Field>
      <button type="submit" disabled={create.isPending}>
        {t('resolutions.form.create')}
      </button>
      <FormError error={create.error} withFields />
    </form>
  );
}
