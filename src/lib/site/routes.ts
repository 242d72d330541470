/** The one table of where each entry's page lives. Pages, links, the sitemap, audience reports and the leak test use it. */
import type { CollectionName } from '../../schemas/index.ts';

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

/** A top-level section of the site: its index page and the collection whose entries it lists. */
export interface Section {
  href: string;
  label: string;
  collection: CollectionName;
}

/**
 * The site's sections in navigation order. A section is drawn only in an edition that keeps at
 * least one of its entries (`sectionsIn` in audience.ts); the kits are one per cloud.
 */
export const SECTIONS: readonly Section[] = [
  { href: '/clouds/', label: 'Clouds', collection: 'clouds' },
  { href: '/plays/', label: 'Plays', collection: 'plays' },
  { href: '/claims/', label: 'Claims', collection: 'claims' },
  { href: '/kits/', label: 'Kits', collection: 'clouds' },
  { href: '/tco/', label: 'TCO', collection: 'tco' },
  { href: '/triage/', label: 'Triage', collection: 'triage' },
  { href: '/frds/', label: 'FRDs', collection: 'frds' },
  { href: '/reviews/', label: 'Reviews', collection: 'reviews' },
  { href: '/signals/', label: 'Signals', collection: 'signals' },
  { href: '/sources/', label: 'Sources', collection: 'sources' },
];

/** The index page of a section, by its href (`'/plays/'`); throws on a typo so a link cannot silently dangle. */
export function sectionByHref(href: string): Section {
  const s = SECTIONS.find((x) => x.href === href);
  if (!s) throw new Error(`no section ${href}; the sections are ${SECTIONS.map((x) => x.href).join(', ')}`);
  return s;
}
