import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCreatePost, useMyOrganisations, usePreview, useUploadImage, type PostKind } from '../api/queries';
import { KINDS } from './BoardPage';
import { Field } from '../../../components/ui/Field';
import { FormError } from '../../../components/ui/States';
import { fieldErrors, type Schemas } from '../../../lib/api-client';
import { useMe } from '../../../lib/session';
import { useTitle } from '../../../lib/useTitle';

const RESOURCES: Schemas['OfferResourceEnum'][] = [
  'skills',
  'space',
  'equipment',
  'volunteers',
  'surplus_stock',
  'other',
];

/** Write a post: Markdown with a server-rendered preview, tags, images, on behalf of my organisation. */
export function ComposePage() {
  const { t } = useTranslation();
  useTitle(t('board.compose.title'));
  const navigate = useNavigate();
  const me = useMe();
  const orgs = useMyOrganisations();
  const create = useCreatePost();
  const upload = useUploadImage();
  const preview = usePreview();
  const [showPreview, setShowPreview] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [f, setF] = useState({
    kind: 'news' as PostKind,
    title: '',
    body: '',
    tags: '',
    enterprise: '',
    deadline: '',
    resource: '',
  });
  const set = (k: keyof typeof f) => (ev: { target: { value: string } }) =>
    setF({ ...f, [k]: ev.target.value });
  const matchable = f.kind === 'request' || f.kind === 'offer';
  const kinds = KINDS.filter((k) => k !== 'notice' || me.data?.is_coordinator);
  const fe = (field: string) => fieldErrors(create.error, field);
  return (
    <div className="page">
      <h1>{t('board.compose.title')}</h1>
      <form
        className="form"
        onSubmit={(ev) => {
          ev.preventDefault();
          create.mutate(
            {
              kind: f.kind,
              title: f.title,
              body: f.body,
              pinned: false,
              tags: f.tags
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
              ...(f.enterprise ? { enterprise_id: Number(f.enterprise) } : {}),
              ...(matchable && f.deadline ? { deadline: f.deadline } : {}),
              ...(matchable && f.resource ? { resource: f.resource as Schemas['OfferResourceEnum'] } : {}),
            },
            {
              onSuccess: async (post) => {
                for (const file of files) await upload.mutateAsync({ id: post.id, file });
                void navigate(`/board/${post.id}`);
              },
            },
          );
        }}
      >
        <Field label={t('board.kindLabel')} errors={fe('kind')}>
          {(p) => (
            <select {...p} value={f.kind} onChange={set('kind')}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`board.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {orgs.length > 0 && (
          <Field label={t('board.compose.organisation')} errors={fe('enterprise_id')}>
            {(p) => (
              <select {...p} value={f.enterprise} onChange={set('enterprise')}>
                <option value="">{t('board.compose.personal')}</option>
                {orgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('board.compose.titleLabel')} errors={fe('title')}>
          {(p) => <input {...p} value={f.title} maxLength={200} required onChange={set('title')} />}
        </Field>
        <div className="tabs" role="group" aria-label={t('board.compose.mode')}>
          <button type="button" aria-pressed={!showPreview} onClick={() => setShowPreview(false)}>
            {t('board.compose.edit')}
          </button>
          <button
            type="button"
            aria-pressed={showPreview}
            onClick={() => {
              setShowPreview(true);
              if (f.body.trim()) preview.mutate(f.body);
            }}
          >
            {t('board.compose.preview')}
          </button>
        </div>
        {showPreview ? (
          <section className="markdown preview" aria-label={t('board.compose.preview')} aria-live="polite">
            {f.body.trim() && preview.data ? (
              <div dangerouslySetInnerHTML={{ __html: preview.data.body_html }} />
            ) : (
              <p className="muted">{t('board.compose.previewEmpty')}</p>
            )}
          </section>
        ) : (
          <Field label={t('board.compose.bodyLabel')} hint={t('board.compose.bodyHint')} errors={fe('body')}>
            {(p) => (
              <textarea {...p} rows={10} value={f.body} maxLength={20000} required onChange={set('body')} />
            )}
          </Field>
        )}
        <Field label={t('board.compose.tagsLabel')} errors={fe('tags')}>
          {(p) => <input {...p} value={f.tags} onChange={set('tags')} />}
        </Field>
        {matchable && (
          <>
            <Field label={t('board.resource.label')} errors={fe('resource')}>
              {(p) => (
                <select {...p} value={f.resource} onChange={set('resource')}>
                  <option value="">{t('board.resource.none')}</option>
                  {RESOURCES.map((r) => (
                    <option key={r} value={r}>
                      {t(`board.resource.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('board.compose.deadlineLabel')} errors={fe('deadline')}>
              {(p) => <input {...p} type="date" value={f.deadline} onChange={set('deadline')} />}
            </Field>
          </>
        )}
        <Field label={t('board.compose.images')}>
          {(p) => (
            <input
              {...p}
              type="file"
              accept="image/png,image/jpeg,image/webp"
              multiple
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
            />
          )}
        </Field>
        <FormError error={create.error ?? upload.error} withFields />
        {upload.isPending && <p role="status">{t('board.compose.uploading')}</p>}
        <p>
          <button type="submit" className="button" disabled={create.isPending || upload.isPending}>
            {t('board.compose.submit')}
          </button>
        </p>
      </form>
    </div>
  );
}
