import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEnterprises } from '../api/queries';
import { useDebounced } from '../../../lib/useDebounced';
import { useTitle } from '../../../lib/useTitle';

/**
 * My organisation: the API does not (yet) say which organisations a user belongs to, so the page
 * finds one by name; its management page answers with the API's permission when it is not yours.
 */
export function MyOrganisationsPage() {
  const { t } = useTranslation();
  useTitle(t('nav.myOrganisation'));
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 200);
  const found = useEnterprises({ search: q, page_size: 10 }, q.length > 0);
  return (
    <div className="page">
      <h1>{t('nav.myOrganisation')}</h1>
      <p>
        <Link className="button" to="/my/enterprises/new">
          {t('manage.newTitle')}
        </Link>{' '}
        <Link className="button secondary" to="/my/events/new">
          {t('hostEvent.title')}
        </Link>
      </p>
      <h2>{t('manage.findYours')}</h2>
      <div className="field">
        <label htmlFor="mine-search">{t('directory.search')}</label>
        <input id="mine-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <ul className="list">
        {found.data?.results.map((e) => (
          <li key={e.id}>
            {e.name}{' '}
            <Link to={`/my/enterprises/${e.slug}`}>
              {t('enterprises.manage')}
              <span className="sr-only"> {e.name}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
