import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../lib/i18n';
import { useMe, useSignedIn } from '../lib/session';
import { NotificationsLink } from '../features/notifications/components/UnreadBadge';
import { logout } from '../features/accounts/api/queries';

export function Layout() {
  const { t, i18n } = useTranslation();
  const signedIn = useSignedIn();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a client-side navigation, close the menu and move focus to the page (screen readers).
  // (Not on the first render: its effects may run after a quick first tap opened the menu.)
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setOpen(false);
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const other = i18n.language === 'en' ? 'ko' : 'en';
  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="bar-inner">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={open}
            aria-controls="site-nav"
            onClick={() => setOpen(!open)}
          >
            {t('nav.menu')}
          </button>
          <nav id="site-nav" className={open ? 'open' : ''} aria-label={t('nav.main')}>
            <ul>
              <li>
                <NavLink to="/enterprises">{t('nav.directory')}</NavLink>
              </li>
              <li>
                <NavLink to="/products">{t('nav.products')}</NavLink>
              </li>
              <li>
                <NavLink to="/events">{t('nav.events')}</NavLink>
              </li>
              <li>
                <NavLink to="/board">{t('board.nav')}</NavLink>
              </li>
              <li>
                <NavLink to="/budget">{t('budget.title')}</NavLink>
              </li>
              <li>
                <NavLink to="/resolutions">{t('resolutions.title')}</NavLink>
              </li>
              {signedIn ? (
                <>
                  <li>
                    <NavLink to="/my">{t('nav.myOrganisation')}</NavLink>
                  </li>
                  {me.data?.is_coordinator && (
                    <li>
                      <NavLink to="/coordinator">{t('nav.coordinator')}</NavLink>
                    </li>
                  )}
                  {me.data?.is_coordinator && (
                    <li>
                      <NavLink to="/moderation">{t('board.moderation.title')}</NavLink>
                    </li>
                  )}
                  <li>
                    <NotificationsLink />
                  </li>
                  <li>
                    <NavLink to="/account">{t('nav.account')}</NavLink>
                  </li>
                  <li>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => void logout().then(() => navigate('/'))}
                    >
                      {t('auth.logout')}
                    </button>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/login">{t('auth.login')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/register">{t('auth.register')}</NavLink>
                  </li>
                </>
              )}
              <li>
                <button
                  type="button"
                  className="lang-switch"
                  lang={other}
                  onClick={() => void changeLanguage(other)}
                >
                  {other === 'en' ? 'English' : '한국어'}
                </button>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
        <p>
          <a href="/api/docs/">{t('app.apiDocs')}</a>
        </p>
      </footer>
    </>
  );
}
