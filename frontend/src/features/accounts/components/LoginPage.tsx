import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../api/queries';
import { Field } from '../../../components/ui/Field';
import { FormError } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api-client';
import { useTitle } from '../../../lib/useTitle';

export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  useTitle(t('auth.login'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  // After registration the address comes along (?email=), so only the password is left to type.
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const err = login.error;
  const fe = (field: string) => fieldErrors(err, field);
  return (
    <div className="page narrow">
      <h1>{t('auth.login')}</h1>
      <form
        className="form"
        onSubmit={(ev) => {
          ev.preventDefault();
          login.mutate({ email, password }, { onSuccess: () => navigate(safeNext(params.get('next'))) });
        }}
      >
        <Field label={t('fields.email')} errors={fe('email')}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={t('fields.password')} errors={fe('password')}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              autoFocus={!!params.get('email')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <FormError error={err} withFields />
        <button type="submit" disabled={login.isPending}>
          {t('auth.login')}
        </button>
      </form>
      <p>
        <Link to="/register">{t('auth.register')}</Link> ·{' '}
        <Link to="/reset-password">{t('auth.forgot')}</Link>
      </p>
    </div>
  );
}
