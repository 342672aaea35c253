import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/States';
import { useMe } from '../../../lib/session';
import { useResolutions } from '../api/queries';
import { ResolutionItem } from './Shared';

/**
 * The resolutions a piece of work carries out, for that work's own page (an event, a budget item):
 * the reverse lookup of the links this domain owns (`/resolutions/?event=…`). Composed into those
 * pages by the app (features never import each other); nothing is shown when there are none.
 */
export function ServedResolutions({
  kind,
  id,
}: {
  kind: 'event' | 'budget_item' | 'collaboration';
  id: number;
}) {
  const { t } = useTranslation();
  const q = useResolutions({ [kind]: id, page_size: 50 });
  if (q.isPending) return null;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  if (q.data.results.length === 0) return null;
  const titleId = `served-${kind}`;
  return (
    <section aria-labelledby={titleId} className="served-resolutions">
      <h2 id={titleId}>{t(`resolutions.served.${kind}`)}</h2>
      <ul className="cards">
        {q.data.results.map((r) => (
          <ResolutionItem key={r.id} r={r} />
        ))}
      </ul>
    </section>
  );
}

/** A matched collaboration's page (the board's post): the resolutions it carries out, and for
 * coordinators the way to record it as a resolution. */
export function CollaborationResolutions({ id }: { id: number }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <ServedResolutions kind="collaboration" id={id} />
      {me.data?.is_coordinator && (
        <p>
          <Link to={`/resolutions/from-collaboration?collaboration=${id}`}>
            {t('resolutions.fromCollaboration.link')}
          </Link>
        </p>
      )}
    </>
  );
}
