import type { QueryClient } from '@tanstack/react-query';
import { enterpriseQuery } from '../features/enterprises/api/queries';
import { eventQuery } from '../features/events/api/queries';

/**
 * Starts reading the data of the page the app opens on (an organisation or an event, the pages
 * shared links land on) while React is still rendering the first frame, instead of after it: the
 * page's main content arrives a render earlier. Resolves when the data are in (or at once on other
 * pages): main.tsx starts the first render then, so that the data do not arrive in the middle of it
 * (a store changing under a concurrent render makes React redo it in one blocking task) and the
 * page is drawn once, not as "loading" first. Never rejects.
 */
export function prefetchLandingPage(client: QueryClient, path: string): Promise<void> {
  const event = /^\/events\/(\d{1,18})\/?$/.exec(path);
  if (event) return client.prefetchQuery(eventQuery(Number(event[1])));
  const organisation = /^\/enterprises\/([^/]+)\/?$/.exec(path);
  if (organisation) {
    let slug: string;
    try {
      slug = decodeURIComponent(organisation[1]!);
    } catch {
      return Promise.resolve();
    }
    return client.prefetchQuery(enterpriseQuery(slug));
  }
  return Promise.resolve();
}
