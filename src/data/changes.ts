/**
 * The change log for pages: read once per build from git (src/node/history.ts, the same `diff`
 * engine as `fieldkit diff`), then cut to this edition. A build without git history (a tarball)
 * gets `{available: false, reason}` and the pages say so; it never fails the build.
 */
import { readChangeLog } from '../node/history.ts';
import { changesForEdition, type ChangeLog } from '../lib/diff/changes.ts';
import { loadKit } from './kit.ts';

export interface Changes {
  log: ChangeLog;
  /** Milliseconds spent reading and comparing the history (reported by the build). */
  ms: number;
}

let cached: Promise<Changes> | undefined;

export function loadChanges(): Promise<Changes> {
  cached ??= (async () => {
    const kit = await loadKit();
    const t0 = performance.now();
    let log: ChangeLog;
    try {
      log = readChangeLog(process.cwd(), { now: kit.now });
    } catch (e) {
      log = { available: false, reason: `the history could not be read (${(e as Error).message})` };
    }
    const ms = Math.round(performance.now() - t0);
    const visibleSources = new Set(kit.snapshot.sources.map((s) => s.id));
    const withheld = new Set(kit.withheld.map((w) => `${w.collection}:${w.id}`));
    return { log: changesForEdition(log, kit.audience, visibleSources, withheld), ms };
  })();
  return cached;
}
