import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../lib/session';
import { useTitle } from '../lib/useTitle';

export function RequireLogin() {
  const signedIn = useSignedIn();
  const location = useLocation();
  if (!signedIn)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  useTitle(t('state.notFound'));
  return (
    <div className="page">
      <h1>{t('state.notFound')}</h1>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </div>
  );
}
