/**
 * The change log from git: the last content commits, each compared with its parent by the same
 * validator and `diff` engine as `fieldkit diff`. Identical content trees are validated once.
 * Never throws for a missing history: a tree without git (a tarball), without commits, or without
 * git installed gives `{available: false, reason}`, and the pages say so.
 */
import { changeItems, HISTORY_LIMIT, type ChangeEvent, type ChangeLog } from '#lib/changes.ts';
import { diffKits, rawEntries, type DiffSide } from '#lib/diff.ts';
import { validateContent } from '#lib/validate.ts';
import { CONTENT_DIR } from './content-fs.ts';
import { contentCommits, contentTreeId, readContentFilesAt } from './git.ts';

/** The history limit: FIELDKIT_HISTORY_LIMIT (0 switches the log off), or HISTORY_LIMIT. */
export function historyLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.FIELDKIT_HISTORY_LIMIT;
  if (raw === undefined || raw === '') return HISTORY_LIMIT;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : HISTORY_LIMIT;
}

export function readChangeLog(root: string, opts: { now: string; limit?: number }): ChangeLog {
  const limit = opts.limit ?? historyLimit();
  if (limit === 0) return { available: false, reason: 'the change log is switched off (FIELDKIT_HISTORY_LIMIT=0)' };
  let listed: ReturnType<typeof contentCommits>;
  try {
    listed = contentCommits(root, limit);
  } catch (e) {
    return { available: false, reason: `this build has no git history (${(e as Error).message})` };
  }
  if (!listed.commits.length) return { available: false, reason: 'no commit has touched src/content yet' };
  const sides = new Map<string, DiffSide>();
  const empty: DiffSide = { ...validateContent([], { contentDir: CONTENT_DIR, now: opts.now }), raw: [] };
  const sideAt = (commit: string | undefined): DiffSide => {
    if (!commit) return empty;
    const tree = contentTreeId(root, commit);
    if (!tree) return empty;
    let s = sides.get(tree);
    if (!s) {
      const files = readContentFilesAt(root, commit);
      const { snapshot, problems } = validateContent(files, { contentDir: CONTENT_DIR, now: opts.now });
      s = { snapshot, problems, raw: rawEntries(files, CONTENT_DIR) };
      sides.set(tree, s);
    }
    return s;
  };
  const events: ChangeEvent[] = [];
  for (const c of listed.commits) {
    const head = sideAt(c.commit);
    const base = sideAt(c.parent);
    const items = changeItems(diffKits(base, head), base, head);
    if (items.length) events.push({ commit: c.commit, short: c.short, date: c.date, subject: c.subject, items });
  }
  return { available: true, events, limit, truncated: listed.more };
}
