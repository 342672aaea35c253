import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { logout, usePasswordChange, useUpdateMe } from '../api/queries';
import { FormFooter, SelectField, TextField } from '../../../components/ui/Form';
import { ErrorState, Loading } from '../../../components/ui/States';
import type { Schemas } from '../../../lib/api-client';
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
        <TextField
          label={t('fields.displayName')}
          name="display_name"
          error={err}
          value={name}
          onChange={setName}
          required
        />
        <SelectField
          label={t('account.language')}
          name="preferred_language"
          error={err}
          value={lang}
          onChange={(v) => setLang(v as Schemas['PreferredLanguageEnum'])}
          options={[
            { value: 'ko', label: '한국어' },
            { value: 'en', label: 'English' },
          ]}
        />
        <FormFooter
          error={err}
          pending={update.isPending}
          submitLabel={t('manage.save')}
          success={update.isSuccess && t('manage.saved')}
        />
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
        <TextField
          label={t('account.oldPassword')}
          name="old_password"
          error={err}
          type="password"
          autoComplete="current-password"
          value={oldPw}
          onChange={setOld}
          required
        />
        <TextField
          label={t('auth.newPassword')}
          name="new_password"
          error={err}
          hint={t('auth.passwordHint')}
          type="password"
          autoComplete="new-password"
          value={newPw}
          onChange={setNew}
          required
        />
        <FormFooter
          error={err}
          pending={change.isPending}
          submitLabel={t('account.changePassword')}
          success={change.isSuccess && t('account.passwordChanged')}
        />
      </form>
    </section>
  );
}
