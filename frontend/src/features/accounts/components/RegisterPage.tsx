import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRegisterAccount } from '../api/queries';
import { FormFooter, TextField, useFormState } from '../../../components/ui/Form';
import { useTitle } from '../../../lib/useTitle';

/**
 * Registration answers 202 whether the address is new or already has an account (whose owner is
 * mailed), so the page says the same thing in both cases: check your e-mail, then log in. It never
 * logs in by itself: that would fail for an existing address and tell a stranger it is taken.
 */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  useTitle(t('auth.register'));
  const reg = useRegisterAccount();
  const { values, set } = useFormState({ email: '', password: '', display_name: '' });
  const err = reg.error;

  if (reg.isSuccess) {
    return (
      <div className="page narrow">
        <h1>{t('auth.checkEmailTitle')}</h1>
        <div role="status" className="notice ok">
          <p>{t('auth.registered', { email: reg.variables.email })}</p>
        </div>
        <p>{t('auth.registeredNext')}</p>
        <p>
          <Link className="button" to={`/login?email=${encodeURIComponent(reg.variables.email)}`}>
            {t('auth.login')}
          </Link>
        </p>
        <p>
          <Link to="/reset-password">{t('auth.forgot')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{t('auth.register')}</h1>
      <form
        className="form"
        onSubmit={(ev) => {
          ev.preventDefault();
          reg.mutate({ ...values, preferred_language: i18n.language === 'en' ? 'en' : 'ko' });
        }}
      >
        <TextField
          label={t('fields.displayName')}
          name="display_name"
          error={err}
          autoComplete="name"
          value={values.display_name}
          onChange={set('display_name')}
          required
        />
        <TextField
          label={t('fields.email')}
          name="email"
          error={err}
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={set('email')}
          required
        />
        <TextField
          label={t('fields.password')}
          name="password"
          error={err}
          hint={t('auth.passwordHint')}
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          required
        />
        <FormFooter error={err} pending={reg.isPending} submitLabel={t('auth.register')} />
      </form>
      <p>
        {t('auth.haveAccount')} <Link to="/login">{t('auth.login')}</Link>
      </p>
    </div>
  );
}
