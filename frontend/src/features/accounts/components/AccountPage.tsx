import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { logout, usePasswordChange, useUpdateMe } from '../api/queries';
import { Field } from '../../../components/ui/Field';
import { ErrorState, FormError, Loading } from '../../../components/ui/States';
import { type Schemas, fieldErrors } from '../../../lib/api-client';
import { changeLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useTitle } from '../../../lib/useTitle';
import { formatDate } from '../../../lib/format';

export function AccountPage() {
  const { t, i18n } = useTranslation();
  useTitle(t('account.title'));
  const me = useMe();
  const navigate = useNavigate();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} retry={() => void me.refetch()} />;
  return (
    <div className="page narrow">
      <h1>{t('account.title')}</h1>
      <p>
        {me.data.email} · {me.data.is_coordinator ? t('account.coordinator') : t('account.citizen')} ·{' '}
        {t('account.joined', { date: formatDate(me.data.date_joined, i18n.language) })}
      </p>
      <Profile key={me.data.id} user={me.data} />
      <PasswordChange />
      <p>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            void logout().then(() => navigate('/'));
          }}
        >
          {t('auth.logout')}
        </button>
      </p>
    </div>
  );
}

function Profile({ user }: { user: Schemas['User'] }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const [name, setName] = useState(user.display_name);
  const [lang, setLang] = useState<Schemas['PreferredLanguageEnum']>(user.preferred_language ?? 'ko');
  const err = update.error;
  return (
    <section>
      <h2>{t('account.profile')}</h2>
      <form
        className="form"
        onSubmit={(ev) => {
          ev.preventDefault();
          update.mutate(
            { display_name: name, preferred_language: lang },
            { onSuccess: () => void changeLanguage(lang) },
          );
        }}
      >
        <Field label={t('fields.displayName')} errors={fieldErrors(err, 'display_name')}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} required />}
        </Field>
        <Field label={t('account.language')}>
          {(p) => (
            <select
              {...p}
              value={lang}
              onChange={(e) => setLang(e.target.value as Schemas['PreferredLanguageEnum'])}
            >
              <option value="ko">한국어</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
        <FormError error={err} withFields />
        {update.isSuccess && (
          <p role="status" className="notice ok">
            {t('manage.saved')}
          </p>
        )}
        <button type="submit" disabled={update.isPending}>
          {t('manage.save')}
        </button>
      </form>
    </section>
  );
}

function PasswordChange() {
  const { t } = useTranslation();
  const change = usePasswordChange();
  const [oldPw, setOld] = useState('');
  const [newPw, setNew] = useState('');
  const err = change.error;
  const fe = (field: string) => fieldErrors(err, field);
  return (
    <section>
      <h2>{t('account.password')}</h2>
      <form
        className="form"
        onSubmit={(ev) => {
          ev.preventDefault();
          change.mutate({ old_password: oldPw, new_password: newPw });
        }}
      >
        <Field label={t('account.oldPassword')} errors={fe('old_password')}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={oldPw}
              onChange={(e) => setOld(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={t('auth.newPassword')} errors={fe('new_password')} hint={t('auth.passwordHint')}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={newPw}
              onChange={(e) => setNew(e.target.value)}
              required
            />
          )}
        </Field>
        <FormError error={err} withFields />
        {change.isSuccess && (
          <p role="status" className="notice ok">
            {t('account.passwordChanged')}
          </p>
        )}
        <button type="submit" disabled={change.isPending}>
          {t('account.changePassword')}
        </button>
      </form>
    </section>
  );
}
