import type { QueryClient } from '@tanstack/react-query';
import { enterpriseQuery } from '../features/enterprises/api/queries';
import { eventQuery } from '../features/events/api/queries';

/**
 * Starts reading the data of the page the app opens on (an organisation or an event, the pages
 * shared links land on) while React is still rendering the first frame, instead of after it: the
 * page's main content arrives a render earlier.
 */
export function prefetchLandingPage(client: QueryClient, path: string): void {
  const event = /^\/events\/(\d{1,18})\/?$/.exec(path);
  if (event) void client.prefetchQuery(eventQuery(Number(event[1])));
  const organisation = /^\/enterprises\/([^/]+)\/?$/.exec(path);
  if (organisation) {
    let slug: string;
    try {
      slug = decodeURIComponent(organisation[1]!);
    } catch {
      return;
    }
    void client.prefetchQuery(enterpriseQuery(slug));
  }
}
