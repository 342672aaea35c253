import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProgressChart } from '../features/enterprises/components/ProgressChart';
import { HomeSearch } from '../features/enterprises/components/HomeSearch';
import { UpcomingList } from '../features/events/components/UpcomingList';
import { CollaborationNetwork } from '../features/board/components/CollaborationNetwork';
import { useTitle } from '../lib/useTitle';

export function HomePage() {
  const { t } = useTranslation();
  useTitle(undefined);
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
      <CollaborationNetwork />
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
