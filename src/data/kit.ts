/**
 * The astro:content adapter: the validated collections as the same kit snapshot the CLI builds,
 * plus each prose entry's rendered HTML. Pages read this; components never call getCollection.
 */
import { getCollection } from 'astro:content';
import { COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { applyAudience, isAudience, type Withheld } from '../lib/audience.ts';
import type { Audience } from '../schemas/index.ts';
import { sanitizeProse } from '../lib/sanitize.ts';
import { site } from './site.ts';
import { emptySnapshot, sortSnapshot, type AnyEntry, type KitSnapshot } from '../lib/snapshot.ts';

export interface Kit {
  /** The snapshot for this edition: entries stricter than it are left out. */
  snapshot: KitSnapshot;
  /** The edition being built (FIELDKIT_AUDIENCE, default internal). */
  audience: Audience;
  /** What this edition leaves out. */
  withheld: Withheld[];
  /**
   * Rendered HTML of a prose entry's body, keyed `collection:id`, already sanitized (src/lib/sanitize.ts):
   * even a build that skipped `check` publishes no script. Claim links (`href="claim:…"`) survive
   * for `renderClaimLinks`, which runs after this on trusted data.
   */
  html: Map<string, string>;
  /** Build date, YYYY-MM-DD (FIELDKIT_NOW overrides, for reproducible builds). */
  now: string;
}

let cached: Promise<Kit> | undefined;

export function loadKit(): Promise<Kit> {
  cached ??= (async () => {
    const snapshot = emptySnapshot();
    const html = new Map<string, string>();
    for (const spec of COLLECTIONS) {
      const entries = await getCollection(spec.name as CollectionName);
      for (const e of entries) {
        const entry: AnyEntry = { id: e.id, file: e.filePath ?? '', data: e.data as Record<string, unknown>, body: e.body };
        (snapshot[spec.name] as AnyEntry[]).push(entry);
        if (e.rendered?.html !== undefined) html.set(`${spec.name}:${e.id}`, sanitizeProse(e.rendered.html, { remoteImageHosts: site.remoteImageHosts }));
      }
    }
    const requested = process.env.FIELDKIT_AUDIENCE ?? 'internal';
    if (!isAudience(requested)) throw new Error(`FIELDKIT_AUDIENCE must be internal, partner or public (got ${requested})`);
    // Only the leak test's own fixture may switch the filter off, to prove the scan catches a leak.
    const edition = process.env.FIELDKIT_UNSAFE_SKIP_AUDIENCE_FILTER === '1' ? 'internal' : requested;
    const { snapshot: visible, withheld } = applyAudience(sortSnapshot(snapshot), edition);
    return { snapshot: visible, audience: requested, withheld, html, now: process.env.FIELDKIT_NOW ?? new Date().toISOString().slice(0, 10) };
  })();
  return cached;
}
