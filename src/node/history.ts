/**
 * The change log from git: the last content commits, each compared with its parent by the same
 * validator and `diff` engine as `fieldkit diff`, on the files the commit changed. Git is read in
 * a few calls whatever the limit (src/node/git.ts `contentHistory`). Never throws for a
 * missing history: a tree without git (a tarball), without commits, or without git installed gives
 * `{available: false, reason}`, and the pages say so.
 */
import { changeItems, type ChangeEvent, type ChangeLog } from '#lib/diff/changes.ts';
import { diffKits, rawEntries, type DiffSide } from '#lib/diff/diff.ts';
import { validateContent } from '#lib/content/validate.ts';
import { CONTENT_DIR } from './content-fs.ts';
import { contentHistory, type ContentHistory } from './git.ts';
import { historyLimit } from './env.ts';

export function readChangeLog(root: string, opts: { now: string; limit?: number }): ChangeLog {
  const limit = opts.limit ?? historyLimit();
  if (limit === 0) return { available: false, reason: 'the change log is switched off (FIELDKIT_HISTORY_LIMIT=0)' };
  let history: ContentHistory;
  try {
    history = contentHistory(root, limit);
  } catch (e) {
    return { available: false, reason: `this build has no git history (${(e as Error).message})` };
  }
  if (!history.commits.length) return { available: false, reason: 'no commit has touched src/content yet' };
  // Each commit is compared on the files it changed only: a claim's or play's change depends on
  // its own file, so the diff engine gives the same items at a cost that does not grow with the kit.
  const sideOf = (commit: string, paths: Set<string>): DiffSide => {
    const files = history.filesAt(commit, paths);
    const { snapshot, problems } = validateContent(files, { contentDir: CONTENT_DIR, now: opts.now, positions: false });
    return { snapshot, problems, raw: rawEntries(files, CONTENT_DIR) };
  };
  const events: ChangeEvent[] = [];
  const commits = history.commits;
  commits.forEach((c, i) => {
    const paths = history.changedPaths(c.commit);
    const head = sideOf(c.commit, paths);
    const base = sideOf(commits[i + 1]?.commit ?? history.base, paths);
    const items = changeItems(diffKits(base, head), base, head);
    if (items.length) events.push({ ...c, items });
  });
  return { available: true, events, limit, truncated: history.more };
}
