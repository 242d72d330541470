/**
 * The Fieldkit content loader (Astro's Content Loader API), used by every collection in
 * src/content.config.ts. It runs the very check `fieldkit check` runs (src/node/content-fs.ts over
 * the pure validator in src/lib/content/validate.ts) once per content tree, whichever collection
 * asks first, and stores exactly what that check validated: the schema's output as `data`, and the
 * body rendered by the same Markdown render the check judged, sanitized (src/lib/safety/sanitize.ts).
 * There is no second parse: Astro never reads a content file itself.
 *
 * When the check finds an error, a build fails with the check's own report (file:line, field,
 * expected, found, hint), cross-entry rules included. In `astro dev` the valid entries are stored
 * and the report goes to the terminal and the browser banner (src/integrations/fieldkit.ts).
 *
 * Each stored entry carries a digest of its source file: an unchanged entry is left as it is in
 * Astro's store, so Astro does not re-process it.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkExitCode, type Problem } from '#lib/problems/problems.ts';
import { formatText } from '#lib/problems/report.ts';
import { sanitizeProse } from '#lib/safety/sanitize.ts';
import type { AnyEntry, KitSnapshot } from '#lib/content/snapshot.ts';
import type { CollectionName } from '#schemas/index.ts';
import { renderMarkdown, treeFingerprint, validateTree } from '../node/content-fs.ts';
import { buildEnv } from '../node/env.ts';
import { site } from '../data/site.ts';

/** The loader's name: `refreshContent({ loaders: [LOADER_NAME] })` re-runs every collection. */
export const LOADER_NAME = 'fieldkit';

/** One validation of the whole tree, shared by the collections of one content sync. */
export interface Validation {
  fingerprint: string;
  snapshot: KitSnapshot;
  problems: Problem[];
  files: number;
  /** Markdown body -> HTML, exactly as the check rendered it (before sanitizing). */
  rendered: Map<string, string>;
  /** Rendered HTML -> the sanitized HTML the check computed from it. */
  sanitized: Map<string, string>;
  /** The check's report as text (empty when there is nothing to report). */
  report: string;
  failed: boolean;
  /** FIELDKIT_UNSAFE_SKIP_CHECK, read with the rest of the environment for this validation. */
  skipCheck: boolean;
}

/** Listeners in the same process (the dev integration's banner) get every new validation. */
const CHANNEL = Symbol.for('fieldkit.validation');
interface Channel { latest?: Validation; listeners: Set<(v: Validation) => void> }
export function validationChannel(): Channel {
  const g = globalThis as unknown as Record<symbol, Channel | undefined>;
  return (g[CHANNEL] ??= { listeners: new Set() });
}

let current: { root: string; fingerprint: string; result: Validation } | undefined;

/**
 * Validates the tree under `root`, or returns the validation of the same tree made a moment ago.
 * In a build the tree is read once (`watching` false: nothing changes during a build); in dev, a
 * cheap fingerprint of the tree tells whether the files changed since.
 */
export function validateOnce(root: string, watching = true): Validation {
  if (!watching && current?.root === root) return current.result;
  const fingerprint = treeFingerprint(root);
  if (current?.root === root && current.fingerprint === fingerprint) return current.result;
  const env = buildEnv();
  const rendered = new Map<string, string>();
  const remember = (body: string) => {
    let html = rendered.get(body);
    if (html === undefined) rendered.set(body, (html = renderMarkdown(body)));
    return html;
  };
  const sanitized = new Map<string, string>();
  const { snapshot, problems, files } = validateTree(root, env.now, env.audience, { renderMarkdown: remember, sanitized });
  const failed = checkExitCode(problems, false) !== 0;
  const report = problems.length ? formatText(problems, files) : '';
  const result: Validation = { fingerprint, snapshot, problems, files, rendered, sanitized, report, failed, skipCheck: env.skipCheck };
  current = { root, fingerprint, result };
  if (env.reportFile) writeFileSync(env.reportFile, JSON.stringify({ problems, files, snapshot }));
  const channel = validationChannel();
  channel.latest = result;
  for (const listener of channel.listeners) listener(result);
  return result;
}

/** Thrown by a build whose content has errors: the message is the check's report, nothing else. */
export class ContentCheckError extends Error {
  constructor(report: string) {
    super(`Fieldkit content check failed: nothing was built.\n${report}`);
    this.name = 'ContentCheckError';
    this.stack = this.message; // the report is the whole story; a stack trace would bury it
  }
}

export function fieldkitLoader(collection: CollectionName): Loader {
  return {
    name: LOADER_NAME,
    load: async (ctx: LoaderContext) => {
      const root = fileURLToPath(ctx.config.root);
      const dev = ctx.watcher !== undefined;
      const v = validateOnce(root, dev);
      if (v.failed && !dev && !v.skipCheck) throw new ContentCheckError(v.report);
      store(ctx, v, v.snapshot[collection] as AnyEntry[]);
    },
  };
}

function store(ctx: LoaderContext, v: Validation, entries: AnyEntry[]): void {
  const keep = new Set<string>();
  for (const e of entries) {
    keep.add(e.id);
    const digest = ctx.generateDigest({ file: e.file, data: e.data as Record<string, unknown>, body: e.body ?? '' });
    if (ctx.store.get(e.id)?.digest === digest) continue; // unchanged since the last sync: nothing to redo
    const html = e.body === undefined ? undefined : (v.rendered.get(e.body) ?? renderMarkdown(e.body));
    ctx.store.set({
      id: e.id,
      data: e.data as Record<string, unknown>,
      filePath: e.file,
      digest,
      ...(e.body === undefined ? {} : { body: e.body }),
      ...(html === undefined ? {} : { rendered: { html: sanitizeProse(html, { remoteImageHosts: site.remoteImageHosts, memo: v.sanitized }) } }),
    });
  }
  for (const id of ctx.store.keys()) if (!keep.has(id)) ctx.store.delete(id);
}
