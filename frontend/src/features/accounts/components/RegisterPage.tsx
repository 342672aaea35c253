import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRegisterAccount } from '../api/queries';
import { Field } from '../../../components/ui/Field';
import { FormError } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api-client';
import { useTitle } from '../../../lib/useTitle';

export function RegisterPage() {
  const { t, i18n } = useTranslation();
  useTitle(t('auth.register'));
  const navigate = useNavigate();
  const reg = useRegisterAccount();
  const [f, setF] = useState({ email: '', password: '', display_name: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const err = reg.error;
  const fe = (field: string) => fieldErrors(err, field);
  return (
    <div className="page narrow">
      <h1>{t('auth.register')}</h1>
      <form
        className="form"
        onSubmit={(ev) => {
          ev.preventDefault();
          reg.mutate(
            { ...f, preferred_language: i18n.language === 'en' ? 'en' : 'ko' },
            { onSuccess: () => navigate('/account') },
          );
        }}
      >
        <Field label={t('fields.displayName')} errors={fe('display_name')}>
          {(p) => (
            <input
              {...p}
              autoComplete="name"
              value={f.display_name}
              onChange={set('display_name')}
              required
            />
          )}
        </Field>
        <Field label={t('fields.email')} errors={fe('email')}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="email"
              value={f.email}
              onChange={set('email')}
              required
            />
          )}
        </Field>
        <Field label={t('fields.password')} errors={fe('password')} hint={t('auth.passwordHint')}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={f.password}
              onChange={set('password')}
              required
            />
          )}
        </Field>
        <FormError error={err} withFields />
        <button type="submit" disabled={reg.isPending}>
          {t('auth.register')}
        </button>
      </form>
    </div>
  );
}
