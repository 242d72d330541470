/**
 * The change log: what changed in the kit, commit by commit, derived from git history with the
 * `diff` engine (never typed by hand). Each commit's diff becomes a list of items an SE cares
 * about: a claim's value, status or sources moved; a claim added or removed; a play added or
 * retired. An edition lists only items about entries it may show, on both sides of the change.
 * Renders the /changes/ page rows and the Atom feed /changes.xml. Pure: no git, no clock.
 */
import type { Audience } from '../../schemas/index.ts';
import { visibleIn } from '../editions/audience.ts';
import { statusMove, type ClaimChange, type DiffSide, type KitDiff } from './diff.ts';
import { showValue, showValueChange } from './diff-format.ts';
import type { AnyEntry, KitSnapshot } from '../content/snapshot.ts';
import { escapeHtml } from '../format/text.ts';
import { route } from '../site/routes.ts';

/** How many content commits the log reads back (override with FIELDKIT_HISTORY_LIMIT). */
export const HISTORY_LIMIT = 50;

export interface CommitInfo {
  /** Full commit id. */
  commit: string;
  /** Abbreviated id, as git prints it. */
  short: string;
  /** Committer date, ISO 8601 with offset. */
  date: string;
  /** The commit's subject line (shown in the internal edition only). */
  subject: string;
}

export type ChangeItemKind = 'value' | 'status' | 'sources' | 'claim-added' | 'claim-removed' | 'play-added' | 'play-retired';

export interface ChangeItem {
  kind: ChangeItemKind;
  collection: 'claims' | 'plays';
  id: string;
  /** Metric name of a claim, title of a play. */
  label: string;
  before?: unknown;
  after?: unknown;
  unit?: string;
  unitBefore?: string;
  changePct?: number;
  /** Source ids added and removed (kind `sources`). */
  sourcesAdded?: string[];
  sourcesRemoved?: string[];
  /** Sources changed but left out of this edition (set by {@link changesForEdition}). */
  withheldSources?: number;
  /** The entry's audience on each side of the change (undefined where it does not exist). */
  audience: { before?: Audience; after?: Audience };
}

export interface ChangeEvent extends CommitInfo {
  items: ChangeItem[];
}

export type ChangeLog =
  | { available: true; events: ChangeEvent[]; limit: number; /** More content commits exist than were read. */ truncated: boolean }
  | { available: false; reason: string };

const audienceIn = (snapshot: KitSnapshot, collection: 'claims' | 'plays', id: string): Audience | undefined => {
  const e = (snapshot[collection] as AnyEntry[]).find((x) => x.id === id);
  return e ? ((e.data.audience as Audience | undefined) ?? 'internal') : undefined;
};

/** The items of one commit's diff (base = the commit's parent, head = the commit). */
export function changeItems(diff: KitDiff, base: DiffSide, head: DiffSide): ChangeItem[] {
  const out: ChangeItem[] = [];
  const aud = (collection: 'claims' | 'plays', id: string) => ({ before: audienceIn(base.snapshot, collection, id), after: audienceIn(head.snapshot, collection, id) });
  for (const c of diff.claims as ClaimChange[]) {
    // Entries that fail validation are not in a snapshot: they have no audience to trust, so they wait.
    const audience = aud('claims', c.id);
    if (c.kind !== 'removed' && !audience.after) continue;
    if (c.kind !== 'added' && !audience.before) continue;
    const label = c.label ?? c.id;
    if (c.kind === 'added') out.push({ kind: 'claim-added', collection: 'claims', id: c.id, label, after: c.value, unit: c.unit, audience });
    else if (c.kind === 'removed') out.push({ kind: 'claim-removed', collection: 'claims', id: c.id, label, before: c.value, unit: c.unit, audience });
    else {
      if (c.valueChange) {
        const v = c.valueChange;
        out.push({
          kind: 'value', collection: 'claims', id: c.id, label, before: v.before, after: v.after, unit: v.unitAfter, unitBefore: v.unitBefore,
          ...(v.changePct !== undefined ? { changePct: v.changePct } : {}), audience,
        });
      }
      if (c.statusChange) out.push({ kind: 'status', collection: 'claims', id: c.id, label, before: c.statusChange.before, after: c.statusChange.after, audience });
      if (c.sourcesChange) {
        out.push({ kind: 'sources', collection: 'claims', id: c.id, label, sourcesAdded: c.sourcesChange.added, sourcesRemoved: c.sourcesChange.removed, audience });
      }
    }
  }
  for (const e of diff.entries) {
    if (e.collection !== 'plays' || e.kind === 'changed') continue;
    const audience = aud('plays', e.id);
    if (e.kind === 'added' && audience.after) out.push({ kind: 'play-added', collection: 'plays', id: e.id, label: e.label ?? e.id, audience });
    if (e.kind === 'removed' && audience.before) out.push({ kind: 'play-retired', collection: 'plays', id: e.id, label: e.label ?? e.id, audience });
  }
  return out;
}

/**
 * The log as an edition may show it: items about entries visible in `edition` on every side where
 * they exist, and not left out of the edition today (`withheld`, keys `claims:<id>`, `plays:<id>`:
 * an entry made internal later takes its history with it); source ids not in `visibleSources` counted, not named; commit subjects (free text by
 * whoever committed) only in the internal edition; commits left with no item dropped.
 */
export function changesForEdition(log: ChangeLog, edition: Audience, visibleSources: Set<string>, withheld: Set<string> = new Set()): ChangeLog {
  if (!log.available) return log;
  const events = log.events.flatMap((ev) => {
    const items = ev.items
      .filter((i) => !withheld.has(`${i.collection}:${i.id}`))
      .filter((i) => (i.audience.before === undefined || visibleIn(i.audience.before, edition)) && (i.audience.after === undefined || visibleIn(i.audience.after, edition)))
      .map((i) => (i.kind !== 'sources' || edition === 'internal' ? i : {
        ...i,
        sourcesAdded: i.sourcesAdded?.filter((s) => visibleSources.has(s)),
        sourcesRemoved: i.sourcesRemoved?.filter((s) => visibleSources.has(s)),
        withheldSources: (i.sourcesAdded?.filter((s) => !visibleSources.has(s)).length ?? 0) + (i.sourcesRemoved?.filter((s) => !visibleSources.has(s)).length ?? 0),
      }));
    if (!items.length) return [];
    return [{ ...ev, subject: edition === 'internal' ? ev.subject : summaryOf(items), items }];
  });
  return { ...log, events };
}

/** "2 claim values, 1 new play" for a commit without its subject. */
export function summaryOf(items: ChangeItem[]): string {
  const n = (kinds: ChangeItemKind[]) => items.filter((i) => kinds.includes(i.kind)).length;
  const parts = [
    [n(['value']), 'claim value changed', 'claim values changed'],
    [n(['status']), 'claim status changed', 'claim statuses changed'],
    [n(['sources']), "claim's sources changed", "claims' sources changed"],
    [n(['claim-added']), 'new claim', 'new claims'],
    [n(['claim-removed']), 'claim removed', 'claims removed'],
    [n(['play-added']), 'new play', 'new plays'],
    [n(['play-retired']), 'play retired', 'plays retired'],
  ] as const;
  return parts.filter(([k]) => k > 0).map(([k, one, many]) => `${k} ${k === 1 ? one : many}`).join(', ');
}

/** One item in words, e.g. `value: 60 → 70 Gbps (+16.7%)`. */
export function itemText(i: ChangeItem): string {
  switch (i.kind) {
    case 'value':
      return `value: ${showValueChange({ before: i.before, after: i.after, unitBefore: i.unitBefore, unitAfter: i.unit, ...(i.changePct !== undefined ? { changePct: i.changePct } : {}) }, '→')}`;
    case 'status': {
      const move = statusMove(i.before, i.after);
      return `status: ${String(i.before)} → ${String(i.after)}${move === 'other' ? '' : ` (${move})`}`;
    }
    case 'sources': {
      const parts = [
        i.sourcesAdded?.length ? `added ${i.sourcesAdded.join(', ')}` : '',
        i.sourcesRemoved?.length ? `removed ${i.sourcesRemoved.join(', ')}` : '',
        i.withheldSources ? `${i.withheldSources} withheld in this edition` : '',
      ].filter(Boolean);
      return `sources: ${parts.join('; ')}`;
    }
    case 'claim-added':
      return `new claim: ${showValue(i.after, i.unit)}`;
    case 'claim-removed':
      return `claim removed (was ${showValue(i.before, i.unit)})`;
    case 'play-added':
      return 'new play';
    case 'play-retired':
      return 'play retired';
  }
}

/** A claim's value changes from the log, newest first. */
export function claimValueHistory(log: ChangeLog, claimId: string): { date: string; short: string; before: unknown; after: unknown; unit?: string; unitBefore?: string; changePct?: number }[] {
  if (!log.available) return [];
  return log.events.flatMap((ev) =>
    ev.items
      .filter((i) => i.collection === 'claims' && i.id === claimId && (i.kind === 'value' || i.kind === 'claim-added'))
      .map((i) => ({
        date: ev.date.slice(0, 10), short: ev.short, before: i.kind === 'claim-added' ? undefined : i.before, after: i.after, unit: i.unit,
        ...(i.unitBefore !== undefined ? { unitBefore: i.unitBefore } : {}), ...(i.changePct !== undefined ? { changePct: i.changePct } : {}),
      })),
  );
}

/** Anchor of a commit on /changes/. */
export const eventAnchor = (ev: Pick<CommitInfo, 'short'>) => `change-${ev.short}`;

/** Escapes text for XML element content and attribute values. */
const xml = (s: string) => escapeHtml(s);

export interface FeedOptions {
  /** Absolute site URL, e.g. `https://fieldkit.internal.example/`. */
  site: string;
  /** The edition's name, in the feed title. */
  edition: Audience;
  /** The site's name (fieldkit.config.ts), in the title and as the author. */
  name?: string;
  /** `updated` of a feed without entries: the build date (YYYY-MM-DD). */
  now: string;
  /** Whether an entry is in this edition (for links). */
  linkable: (collection: 'claims' | 'plays', id: string) => boolean;
}

/** The log as an Atom 1.0 feed (RFC 4287): one entry per commit, its items as an HTML list. */
export function atomFeed(log: ChangeLog, o: FeedOptions): string {
  const base = o.site.endsWith('/') ? o.site : `${o.site}/`;
  const abs = (path: string) => new URL(path.replace(/^\//, ''), base).href;
  const events = log.available ? log.events : [];
  const updated = events[0]?.date ? new Date(events[0].date).toISOString() : `${o.now}T00:00:00Z`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(abs(route.changesFeed()))}</id>`,
    `  <title>${xml(`${o.name ?? 'Fieldkit'}: what changed (${o.edition} edition)`)}</title>`,
    `  <subtitle>${xml(log.available ? 'Claim values, statuses and sources, new and retired plays, from the git history of the content.' : `No history: ${log.reason}`)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(abs(route.changesFeed()))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(abs(route.changes()))}"/>`,
    `  <author><name>${xml(o.name ?? 'Fieldkit')}</name></author>`,
    '  <generator>Fieldkit</generator>',
  ];
  for (const ev of events) {
    const li = ev.items.map((i) => {
      const path = i.collection === 'claims' ? route.claim(i.id) : route.play(i.id);
      const name = o.linkable(i.collection, i.id) ? `<a href="${escapeHtml(abs(path))}">${escapeHtml(i.id)}</a>` : escapeHtml(i.id);
      return `<li>${i.collection === 'claims' ? 'Claim' : 'Play'} ${name} (${escapeHtml(i.label)}): ${escapeHtml(itemText(i))}</li>`;
    });
    lines.push(
      '  <entry>',
      `    <id>${xml(abs(route.change(eventAnchor(ev))))}</id>`,
      `    <title>${xml(ev.subject || summaryOf(ev.items))}</title>`,
      `    <updated>${new Date(ev.date).toISOString()}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xml(abs(route.change(eventAnchor(ev))))}"/>`,
      `    <summary>${xml(summaryOf(ev.items))}</summary>`,
      `    <content type="html">${xml(`<ul>${li.join('')}</ul><p>Commit ${ev.short}</p>`)}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
