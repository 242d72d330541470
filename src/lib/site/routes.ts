/**
 * The one table of where every page lives. Pages, links, the sitemap, the kits, the change feed,
 * audience reports, the leak test, search and the CLI build URLs only through these functions
 * (`src/lib/site/routes.test.ts` fails on a route literal anywhere else).
 */
import type { CollectionName } from '../../schemas/index.ts';

/** An id made safe for an HTML id: `a/b` -> `a-b`. */
const anchorId = (id: string) => id.replace(/\//g, '-');

/** The anchor of a signal on /signals/ (ids may hold `/`, anchors may not). */
export const signalAnchor = (id: string) => `signal-${anchorId(id)}`;
/** The anchor of a partner on /blueprint/. */
export const partnerAnchor = (id: string) => `partner-${anchorId(id)}`;
/** The anchor of a measurement on its claim's page: its session, the last part of its id. */
export const measurementAnchor = (measurementId: string) => `measurement-${measurementId.split('/').at(-1)}`;
/** The claim a measurement belongs to: its id without the session (`aws/x/s1` -> `aws/x`). */
const claimOfMeasurement = (measurementId: string) => measurementId.split('/').slice(0, -1).join('/');

/** Every page and file the site serves, by what it is. */
export const route = {
  home: () => '/',
  clouds: () => '/clouds/',
  cloud: (id: string) => `/clouds/${id}/`,
  dagger: (cloud: string) => `/clouds/${cloud}/dagger/`,
  plays: () => '/plays/',
  play: (id: string) => `/plays/${id}/`,
  claims: () => '/claims/',
  claim: (id: string) => `/claims/${id}/`,
  claimsStylesheet: () => '/claims/filters.css',
  kits: () => '/kits/',
  kit: (cloud: string) => `/kits/${cloud}/`,
  kitStylesheet: (cloud: string) => `/kits/${cloud}.css`,
  /** A file next to the kits: `<cloud>.pdf`, `<cloud>-dagger.pdf`, `<cloud>-dagger.pptx`. */
  kitFile: (file: string) => `/kits/${file}`,
  tcos: () => '/tco/',
  tco: (id: string) => `/tco/${id}/`,
  triage: () => '/triage/',
  frds: () => '/frds/',
  frd: (id: string) => `/frds/${id}/`,
  frdsStylesheet: () => '/frds/filters.css',
  reviews: () => '/reviews/',
  review: (id: string) => `/reviews/${id}/`,
  signals: () => '/signals/',
  signal: (id: string) => `/signals/#${signalAnchor(id)}`,
  sources: () => '/sources/',
  source: (id: string) => `/sources/${id}/`,
  person: (id: string) => `/people/${id}/`,
  blueprint: () => '/blueprint/',
  partner: (id: string) => `/blueprint/#${partnerAnchor(id)}`,
  measurement: (id: string) => `/claims/${claimOfMeasurement(id)}/#${measurementAnchor(id)}`,
  /** A raw result file of a measurement: `/measurements/<measurement id>/<file>`. */
  measurementFile: (measurementId: string, name: string) => `/measurements/${measurementId}/${encodeURIComponent(name)}`,
  search: () => '/search/',
  changes: () => '/changes/',
  /** One commit on /changes/, by its anchor (`eventAnchor` in src/lib/diff/changes.ts). */
  change: (anchor: string) => `/changes/#${anchor}`,
  changesFeed: () => '/changes.xml',
} as const;

const ROUTES: Record<CollectionName, (id: string) => string> = {
  clouds: route.cloud, plays: route.play, claims: route.claim, sources: route.source, tco: route.tco, triage: route.triage,
  frds: route.frd, people: route.person, reviews: route.review, signals: route.signal, partners: route.partner,
  measurements: route.measurement,
};

/** The page (and anchor, for entries that share a page) of an entry. */
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
  { href: route.clouds(), label: 'Clouds', collection: 'clouds' },
  { href: route.plays(), label: 'Plays', collection: 'plays' },
  { href: route.claims(), label: 'Claims', collection: 'claims' },
  { href: route.kits(), label: 'Kits', collection: 'clouds' },
  { href: route.tcos(), label: 'TCO', collection: 'tco' },
  { href: route.triage(), label: 'Triage', collection: 'triage' },
  { href: route.frds(), label: 'FRDs', collection: 'frds' },
  { href: route.reviews(), label: 'Reviews', collection: 'reviews' },
  { href: route.signals(), label: 'Signals', collection: 'signals' },
  { href: route.sources(), label: 'Sources', collection: 'sources' },
];

/** The index page of a section, by its href (`route.plays()`); throws on a typo so a link cannot silently dangle. */
export function sectionByHref(href: string): Section {
  const s = SECTIONS.find((x) => x.href === href);
  if (!s) throw new Error(`no section ${href}; the sections are ${SECTIONS.map((x) => x.href).join(', ')}`);
  return s;
}
