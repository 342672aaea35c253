import { startTransition, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProgressChart } from '../features/enterprises/components/ProgressChart';
import { HomeSearch } from '../features/enterprises/components/HomeSearch';
import { UpcomingList } from '../features/events/components/UpcomingList';
import { CollaborationNetwork } from '../features/board/components/CollaborationNetwork';
import { useTitle } from '../lib/useTitle';

/** True once the browser is idle after the first paint (at the latest after `timeout` ms). */
function useIdle(timeout = 1500): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const done = () => startTransition(() => setIdle(true));
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(done, { timeout });
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(done, 200);
    return () => clearTimeout(id);
  }, [timeout]);
  return idle;
}

export function HomePage() {
  const { t } = useTranslation();
  useTitle(undefined);
  // The collaboration network is below the fold: it is read and drawn once the first screen is
  // up, instead of competing with it for the main thread.
  const idle = useIdle();
  return (
    <div className="page home">
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
      </section>
      <HomeSearch />
      <ProgressChart />
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('home.upcoming')}</h2>
        <UpcomingList pageSize={4} />
        <p>
          <Link to="/events">{t('home.allEvents')}</Link>
        </p>
      </section>
      {idle && <CollaborationNetwork />}
      <p>
        <Link to="/board">{t('board.title')}</Link>
      </p>
      <section className="call" aria-labelledby="call-title">
        <h2 id="call-title">{t('home.callTitle')}</h2>
        <p>{t('home.callText')}</p>
        <p>
          <Link className="button" to="/products">
            {t('home.callButton')}
          </Link>{' '}
          <Link className="button secondary" to="/enterprises">
            {t('nav.directory')}
          </Link>
        </p>
      </section>
    </div>
  );
}
