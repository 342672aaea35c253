import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePasswordReset, usePasswordResetConfirm } from '../api/queries';
import { Field } from '../../../components/ui/Field';
import { FormError } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api-client';
import { useTitle } from '../../../lib/useTitle';

/** /reset-password asks for the e-mail; the link in the e-mail adds ?uid=&token= to set a new one. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  useTitle(t('auth.resetTitle'));
  const [params] = useSearchParams();
  const uid = params.get('uid');
  const token = params.get('token');
  return (
    <div className="page narrow">
      <h1>{t('auth.resetTitle')}</h1>
      {uid && token ? <Confirm uid={uid} token={token} /> : <Request />}
    </div>
  );
}

function Request() {
  const { t } = useTranslation();
  const reset = usePasswordReset();
  const [email, setEmail] = useState('');
  const err = reset.error;
  if (reset.isSuccess)
    return (
      <p role="status" className="notice ok">
        {t('auth.resetSent')}
      </p>
    );
  return (
    <form
      className="form"
      onSubmit={(ev) => {
        ev.preventDefault();
        reset.mutate({ email });
      }}
    >
      <Field label={t('fields.email')} errors={fieldErrors(err, 'email')}>
        {(p) => (
          <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        )}
      </Field>
      <FormError error={err} withFields />
      <button type="submit" disabled={reset.isPending}>
        {t('auth.sendReset')}
      </button>
    </form>
  );
}

function Confirm({ uid, token }: { uid: string; token: string }) {
  const { t } = useTranslation();
  const confirm = usePasswordResetConfirm();
  const [password, setPassword] = useState('');
  const err = confirm.error;
  if (confirm.isSuccess)
    return (
      <p role="status" className="notice ok">
        {t('auth.resetDone')} <Link to="/login">{t('auth.login')}</Link>
      </p>
    );
  return (
    <form
      className="form"
      onSubmit={(ev) => {
        ev.preventDefault();
        confirm.mutate({ uid, token, new_password: password });
      }}
    >
      <Field
        label={t('auth.newPassword')}
        errors={fieldErrors(err, 'new_password')}
        hint={t('auth.passwordHint')}
      >
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        )}
      </Field>
      <FormError error={err} withFields />
      <button type="submit" disabled={confirm.isPending}>
        {t('auth.setPassword')}
      </button>
    </form>
  );
}
