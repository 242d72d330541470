/** The one table of where each entry's page lives. Pages, links, the sitemap, audience reports and the leak test use it. */
import type { CollectionName } from '../schemas/index.ts';

const ROUTES: Record<CollectionName, (id: string) => string> = {
  clouds: (id) => `/clouds/${id}/`, plays: (id) => `/plays/${id}/`, claims: (id) => `/claims/${id}/`,
  sources: (id) => `/sources/${id}/`, tco: (id) => `/tco/${id}/`, triage: () => '/triage/',
  frds: (id) => `/frds/${id}/`, people: (id) => `/people/${id}/`,
  reviews: (id) => `/reviews/${id}/`, signals: (id) => `/signals/#signal-${id}`, partners: (id) => `/blueprint/#partner-${id}`,
  measurements: (id) => `/claims/${id.split('/').slice(0, -1).join('/')}/#measurement-${id.split('/').at(-1)}`,
};

export function pageOf(collection: CollectionName, id: string): string {
  return ROUTES[collection](id);
}
