import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, Loading } from '../../../components/ui/States';
import { Field } from '../../../components/ui/Field';
import { MultiPicker, Picker, type PickerOption } from '../../../components/ui/Picker';
import { ApiError, fieldErrors } from '../../../lib/api-client';
import { formatDate, isoToSeoulLocal, seoulLocalToIso } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { useTitle } from '../../../lib/useTitle';
import {
  useCreateMeeting,
  useCreateResolution,
  useEditMeeting,
  useEditResolution,
  useMeetingForEdit,
  useMeetings,
  useResolution,
  useResolutionForEdit,
  useCollaboration,
  useResolutionFromCollaboration,
  type MeetingDetail,
  type ResolutionDetail,
} from '../api/queries';
import {
  collaborationSearch,
  eventSearch,
  organisationOption,
  organisationSearch,
  personSearch,
  resolutionSearch,
} from '../api/pickers';
import { ResolutionsNav } from './Shared';

function words(text: string): string[] {
  return text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
}

/** The fields of `body` whose value differs from `initial`: an edit sends only what changed. */
function changed<T extends object>(body: T, initial: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(body) as (keyof T)[]) {
    if (JSON.stringify(body[key]) !== JSON.stringify(initial[key])) out[key] = body[key];
  }
  return out;
}

function CoordinatorsOnly({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (!me.data?.is_coordinator) return <p className="notice">{t('resolutions.form.coordinatorsOnly')}</p>;
  return <>{children}</>;
}

/** A stale If-Match (412): someone saved in between; loading again starts the form afresh. */
function Stale({ error, reload }: { error: unknown; reload: () => void }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError && error.status === 412)) return null;
  return (
    <div className="form-error" role="alert">
      <p>{t('resolutions.form.stale')}</p>
      <button type="button" className="secondary" onClick={reload}>
        {t('resolutions.form.reload')}
      </button>
    </div>
  );
}

function FormPage({ title, children }: { title: string; children: React.ReactNode }) {
  useTitle(title);
  return (
    <div className="page">
      <h1>{title}</h1>
      <ResolutionsNav />
      <CoordinatorsOnly>{children}</CoordinatorsOnly>
    </div>
  );
}

/** The meeting a resolution is taken at (the newest hundred). */
function MeetingSelect({
  value,
  onChange,
  errors,
}: {
  value: string;
  onChange: (value: string) => void;
  errors: string[] | undefined;
}) {
  const { t } = useTranslation();
  const meetings = useMeetings({ page_size: 100 });
  return (
    <Field label={t('resolutions.form.meeting')} errors={errors}>
      {(p) => (
        <select {...p} required value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('resolutions.form.chooseMeeting')}</option>
          {(meetings.data?.results ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

// --- Resolutions -----------------------------------------------------------------------------------------

export function NewResolutionPage() {
  const { t } = useTranslation();
  return (
    <FormPage title={t('resolutions.nav.newResolution')}>
      <ResolutionForm />
    </FormPage>
  );
}

export function EditResolutionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <FormPage title={t('resolutions.edit.resolution')}>
      <EditResolution id={Number(id)} />
    </FormPage>
  );
}

function EditResolution({ id }: { id: number }) {
  const q = useResolutionForEdit(id);
  // The parent is named by id only: its title, for the picker.
  const parentId = q.data?.data.parent ?? 0;
  const parent = useResolution(parentId, parentId > 0);
  if (q.isPending || (parentId > 0 && parent.isPending)) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  return (
    <ResolutionForm
      // A fresh read (after a 412) starts the form again from what is stored now.
      key={q.data.etag ?? q.dataUpdatedAt}
      editing={{
        r: q.data.data,
        etag: q.data.etag,
        parentTitle: parent.data?.title,
        reload: () => void q.refetch(),
      }}
    />
  );
}

interface ResolutionValues {
  meeting: string;
  title: string;
  description: string;
  proposer: string;
  body: string;
  enterprises: PickerOption[];
  person: PickerOption | null;
  due: string;
  tags: string;
  carriedFrom: PickerOption | null;
  parent: PickerOption | null;
}

function resolutionValues(lang: string, r?: ResolutionDetail, parentTitle?: string): ResolutionValues {
  if (!r)
    return {
      meeting: '',
      title: '',
      description: '',
      proposer: '',
      body: '',
      enterprises: [],
      person: null,
      due: '',
      tags: '',
      carriedFrom: null,
      parent: null,
    };
  // The chain is newest first: its head is the resolution this one carries over.
  const from = r.carried_over_chain.find((c) => c.id === r.carried_over_from);
  return {
    meeting: String(r.meeting.id),
    title: r.title,
    description: r.description,
    proposer: r.proposer,
    body: r.responsible_body,
    enterprises: r.responsible_enterprises.map((e) => organisationOption(lang, e)),
    person: r.responsible_person
      ? { id: r.responsible_person.id, label: r.responsible_person.display_name }
      : null,
    due: r.due_date ?? '',
    tags: r.tags.join(', '),
    carriedFrom: r.carried_over_from
      ? { id: r.carried_over_from, label: from?.title ?? `#${r.carried_over_from}` }
      : null,
    parent: r.parent ? { id: r.parent, label: parentTitle ?? `#${r.parent}` } : null,
  };
}

function resolutionBody(v: ResolutionValues) {
  return {
    title: v.title,
    description: v.description,
    proposer: v.proposer,
    responsible_body: v.body,
    responsible_enterprise_ids: v.enterprises.map((e) => e.id),
    responsible_person_id: v.person?.id ?? null,
    due_date: v.due || null,
    tags: words(v.tags),
    carried_over_from_id: v.carriedFrom?.id ?? null,
    parent_id: v.parent?.id ?? null,
  };
}

/** Records a resolution, or (with `editing`) changes one: the same fields, the meeting fixed once taken. */
function ResolutionForm({
  editing,
}: {
  editing?: {
    r: ResolutionDetail;
    etag: string | null;
    parentTitle?: string | undefined;
    reload: () => void;
  };
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const r = editing?.r;
  const create = useCreateResolution();
  const edit = useEditResolution(r?.id ?? 0);
  const mutation = r ? edit : create;
  const [initial] = useState(() => resolutionValues(lang, r, editing?.parentTitle));
  const [form, setForm] = useState(initial);
  const set = (key: keyof ResolutionValues) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const pick =
    <K extends keyof ResolutionValues>(key: K) =>
    (value: ResolutionValues[K]) =>
      setForm({ ...form, [key]: value });
  const err = (name: string) => fieldErrors(mutation.error, name);
  const searchOrganisations = useMemo(() => organisationSearch(lang), [lang]);
  const searchResolutions = useMemo(() => resolutionSearch(lang, r?.id), [lang, r?.id]);
  const me = useMe();
  const meId = me.data?.id;
  const meName = me.data?.display_name;
  const searchPeople = useMemo(
    () =>
      personSearch(
        form.enterprises,
        meId ? { id: meId, label: meName || `#${meId}`, detail: t('resolutions.form.me') } : undefined,
      ),
    [form.enterprises, meId, meName, t],
  );
  const done = (id: number) => void navigate(`/resolutions/${id}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = resolutionBody(form);
    if (!r) {
      create.mutate({ meeting_id: Number(form.meeting), ...body }, { onSuccess: (x) => done(x.id) });
      return;
    }
    const diff = changed(body, resolutionBody(initial));
    if (Object.keys(diff).length === 0) return done(r.id);
    edit.mutate({ body: diff, etag: editing?.etag ?? null }, { onSuccess: (x) => done(x.id) });
  };

  return (
    <form onSubmit={submit} className="form">
      {r ? (
        <p className="muted">
          {t('resolutions.edit.meetingFixed', {
            title: `${r.meeting.title} (${formatDate(r.meeting.held_at, lang)})`,
          })}
        </p>
      ) : (
        <MeetingSelect
          value={form.meeting}
          onChange={(value) => setForm({ ...form, meeting: value })}
          errors={err('meeting_id')}
        />
      )}
      <Field label={t('resolutions.form.title')} errors={err('title')}>
        {(p) => <input {...p} required maxLength={200} value={form.title} onChange={set('title')} />}
      </Field>
      <Field label={t('resolutions.form.description')} errors={err('description')}>
        {(p) => <textarea {...p} rows={4} value={form.description} onChange={set('description')} />}
      </Field>
      <Field label={t('resolutions.form.proposer')} errors={err('proposer')}>
        {(p) => <input {...p} maxLength={200} value={form.proposer} onChange={set('proposer')} />}
      </Field>
      <MultiPicker
        label={t('resolutions.form.enterprises')}
        hint={t('resolutions.form.enterprisesHint')}
        errors={err('responsible_enterprise_ids')}
        search={searchOrganisations}
        values={form.enterprises}
        onChange={pick('enterprises')}
        max={20}
      />
      <Picker
        label={t('resolutions.form.person')}
        hint={t('resolutions.form.personHint')}
        errors={err('responsible_person_id')}
        search={searchPeople}
        value={form.person}
        onChange={pick('person')}
      />
      <Field label={t('resolutions.form.body')} errors={err('responsible_body')}>
        {(p) => <input {...p} maxLength={200} value={form.body} onChange={set('body')} />}
      </Field>
      <Field label={t('resolutions.form.due')} errors={err('due_date')}>
        {(p) => <input {...p} type="date" value={form.due} onChange={set('due')} />}
      </Field>
      <Field label={t('resolutions.form.tags')} errors={err('tags')}>
        {(p) => <input {...p} value={form.tags} onChange={set('tags')} />}
      </Field>
      <Picker
        label={t('resolutions.form.carriedFrom')}
        errors={err('carried_over_from_id')}
        search={searchResolutions}
        value={form.carriedFrom}
        onChange={pick('carriedFrom')}
      />
      <Picker
        label={t('resolutions.form.parent')}
        errors={err('parent_id')}
        search={searchResolutions}
        value={form.parent}
        onChange={pick('parent')}
      />
      {editing && <Stale error={mutation.error} reload={editing.reload} />}
      <FormError
        error={mutation.error instanceof ApiError && mutation.error.status === 412 ? null : mutation.error}
        withFields
      />
      <p className="actions">
        <button type="submit" disabled={mutation.isPending}>
          {r ? t('resolutions.form.save') : t('resolutions.form.create')}
        </button>{' '}
        {r && <Link to={`/resolutions/${r.id}`}>{t('resolutions.form.cancel')}</Link>}
      </p>
    </form>
  );
}

// --- From a collaboration ------------------------------------------------------------------------------

export function FromCollaborationPage() {
  const { t } = useTranslation();
  return (
    <FormPage title={t('resolutions.fromCollaboration.title')}>
      <FromCollaborationForm />
    </FormPage>
  );
}

/** A collaboration matched on the board, recorded as a meeting's resolution (`?collaboration=` picks it). */
function FromCollaborationForm() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const raw = Number(params.get('collaboration'));
  const given = Number.isSafeInteger(raw) && raw > 0 ? raw : 0;
  const named = useCollaboration(given);
  const mutation = useResolutionFromCollaboration();
  const search = useMemo(() => collaborationSearch(lang), [lang]);
  const [picked, setCollaboration] = useState<PickerOption | null | undefined>(undefined);
  // Until the user picks, the collaboration named in the address (with its title once read).
  const title0 = named.data?.title;
  const collaboration = useMemo(
    () => (picked !== undefined ? picked : given ? { id: given, label: title0 ?? `#${given}` } : null),
    [picked, given, title0],
  );
  const [meeting, setMeeting] = useState('');
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const err = (name: string) => fieldErrors(mutation.error, name);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!collaboration) return;
    mutation.mutate(
      {
        collaboration_id: collaboration.id,
        meeting_id: Number(meeting),
        title: title.trim(),
        description: '',
        due_date: due || null,
      },
      { onSuccess: (x) => void navigate(`/resolutions/${x.id}`) },
    );
  };

  return (
    <form onSubmit={submit} className="form">
      <p>{t('resolutions.fromCollaboration.intro')}</p>
      <Picker
        label={t('resolutions.fromCollaboration.collaboration')}
        errors={err('collaboration_id')}
        search={search}
        value={collaboration}
        onChange={setCollaboration}
      />
      <MeetingSelect value={meeting} onChange={setMeeting} errors={err('meeting_id')} />
      <Field
        label={t('resolutions.form.title')}
        hint={t('resolutions.fromCollaboration.titleHint')}
        errors={err('title')}
      >
        {(p) => <input {...p} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('resolutions.form.due')} errors={err('due_date')}>
        {(p) => <input {...p} type="date" value={due} onChange={(e) => setDue(e.target.value)} />}
      </Field>
      <FormError error={mutation.error} withFields />
      <p className="actions">
        <button type="submit" disabled={mutation.isPending || !collaboration}>
          {t('resolutions.form.create')}
        </button>
      </p>
    </form>
  );
}

// --- Meetings --------------------------------------------------------------------------------------------

export function NewMeetingPage() {
  const { t } = useTranslation();
  return (
    <FormPage title={t('resolutions.nav.newMeeting')}>
      <MeetingForm />
    </FormPage>
  );
}

export function EditMeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <FormPage title={t('resolutions.edit.meeting')}>
      <EditMeeting id={Number(id)} />
    </FormPage>
  );
}

function EditMeeting({ id }: { id: number }) {
  const q = useMeetingForEdit(id);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  return (
    <MeetingForm
      key={q.data.etag ?? q.dataUpdatedAt}
      editing={{ m: q.data.data, etag: q.data.etag, reload: () => void q.refetch() }}
    />
  );
}

interface MeetingValues {
  title: string;
  heldAt: string;
  event: PickerOption | null;
  participants: PickerOption[];
  agenda: string;
  minutes: string;
  attendance: string;
}

function meetingValues(lang: string, m?: MeetingDetail): MeetingValues {
  return {
    title: m?.title ?? '',
    heldAt: m ? isoToSeoulLocal(m.held_at) : '',
    event: m?.event ? { id: m.event.id, label: m.event.title } : null,
    participants: (m?.participants ?? []).map((p) => organisationOption(lang, p)),
    agenda: m?.agenda ?? '',
    minutes: m?.minutes ?? '',
    attendance: m?.attendance_count != null ? String(m.attendance_count) : '',
  };
}

function meetingBody(v: MeetingValues) {
  return {
    title: v.title,
    held_at: seoulLocalToIso(v.heldAt),
    event_id: v.event?.id ?? null,
    participant_ids: v.participants.map((p) => p.id),
    agenda: v.agenda,
    minutes: v.minutes,
    attendance_count: v.attendance ? Number(v.attendance) : null,
  };
}

/** Records a meeting, or (with `editing`) changes one. */
function MeetingForm({
  editing,
}: {
  editing?: { m: MeetingDetail; etag: string | null; reload: () => void };
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const m = editing?.m;
  const create = useCreateMeeting();
  const edit = useEditMeeting(m?.id ?? 0);
  const mutation = m ? edit : create;
  const [initial] = useState(() => meetingValues(lang, m));
  const [form, setForm] = useState(initial);
  const set = (key: keyof MeetingValues) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const err = (name: string) => fieldErrors(mutation.error, name);
  const searchEvents = useMemo(() => eventSearch(lang), [lang]);
  const searchOrganisations = useMemo(() => organisationSearch(lang), [lang]);
  const done = (id: number) => void navigate(`/resolutions/meetings/${id}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = meetingBody(form);
    if (!m) {
      create.mutate(body, { onSuccess: (x) => done(x.id) });
      return;
    }
    const diff = changed(body, meetingBody(initial));
    if (Object.keys(diff).length === 0) return done(m.id);
    edit.mutate({ body: diff, etag: editing?.etag ?? null }, { onSuccess: (x) => done(x.id) });
  };

  return (
    <form onSubmit={submit} className="form">
      <Field label={t('resolutions.form.title')} errors={err('title')}>
        {(p) => <input {...p} required maxLength={200} value={form.title} onChange={set('title')} />}
      </Field>
      <Field label={t('resolutions.form.heldAt')} errors={err('held_at')}>
        {(p) => <input {...p} required type="datetime-local" value={form.heldAt} onChange={set('heldAt')} />}
      </Field>
      <Picker
        label={t('resolutions.form.event')}
        errors={err('event_id')}
        search={searchEvents}
        value={form.event}
        onChange={(event) => setForm({ ...form, event })}
      />
      <MultiPicker
        label={t('resolutions.form.participants')}
        errors={err('participant_ids')}
        search={searchOrganisations}
        values={form.participants}
        onChange={(participants) => setForm({ ...form, participants })}
        max={200}
      />
      <Field label={t('resolutions.form.agenda')} errors={err('agenda')}>
        {(p) => <textarea {...p} rows={3} value={form.agenda} onChange={set('agenda')} />}
      </Field>
      <Field label={t('resolutions.form.minutes')} errors={err('minutes')}>
        {(p) => <textarea {...p} rows={8} value={form.minutes} onChange={set('minutes')} />}
      </Field>
      <Field label={t('resolutions.form.attendance')} errors={err('attendance_count')}>
        {(p) => <input {...p} type="number" min={0} value={form.attendance} onChange={set('attendance')} />}
      </Field>
      {editing && <Stale error={mutation.error} reload={editing.reload} />}
      <FormError
        error={mutation.error instanceof ApiError && mutation.error.status === 412 ? null : mutation.error}
        withFields
      />
      <p className="actions">
        <button type="submit" disabled={mutation.isPending}>
          {m ? t('resolutions.form.save') : t('resolutions.form.create')}
        </button>{' '}
        {m && <Link to={`/resolutions/meetings/${m.id}`}>{t('resolutions.form.cancel')}</Link>}
      </p>
    </form>
  );
}
