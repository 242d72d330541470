/**
 * The astro:content adapter: the collections the Fieldkit loader stored (exactly what the check
 * validated, src/loaders/fieldkit.ts) as the same kit snapshot the CLI builds, plus each prose
 * entry's rendered, sanitized HTML. Pages read this; components never call getCollection.
 */
import { getCollection } from 'astro:content';
import { COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { applyAudience, type Withheld } from '../lib/editions/audience.ts';
import type { Audience } from '../schemas/index.ts';
import { buildEnv } from '../node/env.ts';
import { emptySnapshot, sortSnapshot, type AnyEntry, type KitSnapshot } from '../lib/content/snapshot.ts';

export interface Kit {
  /** The snapshot for this edition: entries stricter than it are left out. */
  snapshot: KitSnapshot;
  /** The edition being built (FIELDKIT_AUDIENCE, default internal). */
  audience: Audience;
  /** What this edition leaves out. */
  withheld: Withheld[];
  /**
   * Rendered HTML of a prose entry's body, keyed `collection:id`, sanitized by the loader
   * (src/lib/safety/sanitize.ts). Claim links (`href="claim:…"`) survive for `renderClaimLinks`,
   * which runs after this on trusted data.
   */
  html: Map<string, string>;
  /** Build date, YYYY-MM-DD (FIELDKIT_NOW overrides, for reproducible builds). */
  now: string;
  /** Repository URL for "edit this page" links (FIELDKIT_REPO_URL), if any. */
  repoUrl?: string;
  /** The commit this build is from (FIELDKIT_COMMIT). */
  commit: string;
}

let cached: Promise<Kit> | undefined;

export function loadKit(): Promise<Kit> {
  cached ??= (async () => {
    const env = buildEnv();
    const snapshot = emptySnapshot();
    const html = new Map<string, string>();
    for (const spec of COLLECTIONS) {
      const entries = await getCollection(spec.name as CollectionName);
      for (const e of entries) {
        const entry: AnyEntry = { id: e.id, file: e.filePath ?? '', data: e.data as Record<string, unknown>, body: e.body };
        (snapshot[spec.name] as AnyEntry[]).push(entry);
        if (e.rendered?.html !== undefined) html.set(`${spec.name}:${e.id}`, e.rendered.html);
      }
    }
    // Only the leak test's own fixture may switch the filter off, to prove the scan catches a leak.
    const edition = env.skipAudienceFilter ? 'internal' : env.audience;
    const { snapshot: visible, withheld } = applyAudience(sortSnapshot(snapshot), edition);
    return { snapshot: visible, audience: env.audience, withheld, html, now: env.now, repoUrl: env.repoUrl, commit: env.commit };
  })();
  return cached;
}
