/**
 * The git adapter: the content files as they are at a ref, read from the object database with
 * `git ls-tree` and one `git cat-file --batch`. Never touches the working tree or the index.
 */
import { spawnSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import type { ContentFile } from '#lib/content/validate.ts';
import { InternalError, UsageError } from './errors.ts';
import { CONTENT_DIR } from './content-fs.ts';

interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

function git(cwd: string, args: string[], input?: string): GitResult {
  const r = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new InternalError(code === 'ENOENT' ? 'git is not installed (or not on the PATH)' : `could not run git: ${r.error.message}`);
  }
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.toString('utf8').trim() };
}

/** The top of the work tree that holds `root`. */
export function gitTopLevel(root: string): string {
  const r = git(root, ['rev-parse', '--show-toplevel']);
  if (r.status !== 0) throw new UsageError(`not a git repository: ${root} (diff reads the base from git history)`);
  return r.stdout.toString('utf8').trim();
}

/** The full commit id `ref` names, or an error that says the ref was not found. */
export function resolveCommit(root: string, ref: string): string {
  if (ref.startsWith('-')) throw new UsageError(`git ref '${ref}' not found`);
  const r = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (r.status !== 0) {
    const hint = /^origin\//.test(ref) ? ' (in CI, check out with fetch-depth: 0 so the base branch is there)' : '';
    throw new UsageError(`git ref '${ref}' not found${hint}`);
  }
  return r.stdout.toString('utf8').trim();
}

/** Where the content sits in the repository: the top level, and `src/content` relative to it. */
function contentDirOf(root: string): { top: string; prefix: string; dir: string } {
  const top = gitTopLevel(root);
  const prefix = relative(top, resolve(root)).split(sep).filter(Boolean).join('/');
  return { top, prefix, dir: prefix ? `${prefix}/${CONTENT_DIR}` : CONTENT_DIR };
}

/** A content path (relative to the top level) as the working-tree reader gives it, or undefined to skip it. */
function contentPath(path: string, prefix: string, dir: string): string | undefined {
  if (!path.startsWith(`${dir}/`)) return undefined;
  const rel = path.slice(dir.length + 1);
  if (rel.split('/').some((seg) => seg.startsWith('.'))) return undefined;
  return prefix ? path.slice(prefix.length + 1) : path;
}

/** Blob ids of the content files at `commit`, by path relative to `root`. */
function contentBlobs(top: string, prefix: string, dir: string, commit: string): Map<string, string> {
  const ls = git(top, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', dir]);
  if (ls.status !== 0) throw new InternalError(`git ls-tree failed for ${commit}: ${ls.stderr}`);
  const blobs = new Map<string, string>();
  for (const rec of ls.stdout.toString('utf8').split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, type, sha] = rec.slice(0, tab).split(' ') as [string, string, string];
    if (type !== 'blob' || mode === '120000') continue; // symlinks and submodules are not content
    const path = contentPath(rec.slice(tab + 1), prefix, dir);
    if (path) blobs.set(path, sha);
  }
  return blobs;
}

/** The texts of blobs, read with one `git cat-file --batch`. */
function readBlobs(top: string, shas: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const unique = [...new Set(shas)];
  if (!unique.length) return out;
  const cat = git(top, ['cat-file', '--batch'], unique.join('\n') + '\n');
  if (cat.status !== 0) throw new InternalError(`git cat-file failed: ${cat.stderr}`);
  let offset = 0;
  for (const sha of unique) {
    const nl = cat.stdout.indexOf(0x0a, offset);
    const header = cat.stdout.subarray(offset, nl).toString('utf8');
    const [, type, size] = header.split(' ');
    if (type !== 'blob') throw new InternalError(`git cat-file: unexpected answer "${header}" for ${sha}`);
    const start = nl + 1;
    const end = start + Number(size);
    out.set(sha, cat.stdout.subarray(start, end).toString('utf8'));
    offset = end + 1;
  }
  return out;
}

const byPath = (x: ContentFile, y: ContentFile) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0);

function filesOf(blobs: Map<string, string>, texts: Map<string, string>, paths?: Set<string>): ContentFile[] {
  return [...blobs].filter(([path]) => !paths || paths.has(path)).map(([path, sha]) => ({ path, text: texts.get(sha)! })).sort(byPath);
}

/**
 * Every file under `<root>/src/content` at `commit`, with paths relative to `root` (as the
 * working-tree reader gives them), dotfiles skipped, sorted. `root` may sit below the top level.
 */
export function readContentFilesAt(root: string, commit: string): ContentFile[] {
  const { top, prefix, dir } = contentDirOf(root);
  const blobs = contentBlobs(top, prefix, dir, commit);
  return filesOf(blobs, readBlobs(top, [...blobs.values()]));
}

/** A commit that touched the content, newest first. */
export interface ContentCommit {
  commit: string;
  short: string;
  /** Committer date, ISO 8601. */
  date: string;
  subject: string;
}

export interface ContentHistory {
  /** Newest first. */
  commits: ContentCommit[];
  /** Older content commits exist beyond `limit`. */
  more: boolean;
  /**
   * The content files at a listed commit, or at the parent of the oldest one (`base`); only those
   * in `paths` when given.
   */
  filesAt: (commit: string, paths?: Set<string>) => ContentFile[];
  /** Where the content stood before the oldest listed commit (empty for a root commit). */
  base: string;
  /** The content paths a listed commit changed (added, modified or deleted). */
  changedPaths: (commit: string) => Set<string>;
}

const RECORD = '\x1e';
const FIELD = '\x1f';

/**
 * The last `limit` commits reachable from HEAD that touched `src/content`, following first
 * parents (a merge counts once, as what it brought in), and the content at each, read with four
 * git calls whatever the limit: one log with the changed blobs of every commit, one listing of the
 * content before the oldest, one batch read of every blob. An empty repository has no commits.
 */
export function contentHistory(root: string, limit: number): ContentHistory {
  const { top, prefix, dir } = contentDirOf(root);
  const r = git(top, [
    '-c', 'core.quotePath=false', 'log', '--first-parent', '--diff-merges=first-parent', '--no-renames', '--raw', '--no-abbrev',
    `--max-count=${limit + 1}`, `--format=${RECORD}%H${FIELD}%cI${FIELD}%P${FIELD}%s`, 'HEAD', '--', dir,
  ]);
  if (r.status !== 0) {
    if (/does not have any commits|unknown revision|bad default revision/.test(r.stderr)) {
      return { commits: [], more: false, filesAt: () => [], base: '', changedPaths: () => new Set() };
    }
    throw new InternalError(`git log failed: ${r.stderr}`);
  }
  const parsed = r.stdout.toString('utf8').split(RECORD).filter((x) => x.trim()).map((rec) => {
    const [head, ...raw] = rec.split('\n');
    const [commit, date, parents, subject] = head!.split(FIELD) as [string, string, string, string];
    // --no-abbrev (full blob ids in --raw) also lengthens %h: abbreviate as git does by default.
    const short = commit.slice(0, 7);
    const changes: { path: string; sha?: string }[] = [];
    for (const line of raw) {
      // :<old mode> <new mode> <old sha> <new sha> <status>\t<path>
      const m = /^:\d+ (\d+) [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*\t(.*)$/.exec(line);
      if (!m) continue;
      const path = contentPath(m[4]!, prefix, dir);
      if (!path) continue;
      changes.push(m[3] === 'D' || m[1] === '120000' || m[1] === '160000' ? { path } : { path, sha: m[2]! });
    }
    return { commit, short, date, subject, parent: parents.split(' ').filter(Boolean)[0], changes };
  });
  const listed = parsed.slice(0, limit);
  const more = parsed.length > limit;
  const oldest = listed.at(-1);
  // The content before the oldest listed commit, then each commit's changes applied in order.
  const states = new Map<string, Map<string, string>>();
  let current = oldest?.parent ? contentBlobs(top, prefix, dir, oldest.parent) : new Map<string, string>();
  const base = oldest?.parent ?? '';
  states.set(base, current);
  for (const c of [...listed].reverse()) {
    current = new Map(current);
    for (const ch of c.changes) {
      if (ch.sha) current.set(ch.path, ch.sha);
      else current.delete(ch.path);
    }
    states.set(c.commit, current);
  }
  const changed = new Map(listed.map((c) => [c.commit, new Set(c.changes.map((ch) => ch.path))]));
  // Only the blobs a comparison reads: the changed files on both sides of each commit.
  const needed = new Set<string>();
  listed.forEach((c, i) => {
    const before = states.get(listed[i + 1]?.commit ?? base)!;
    const after = states.get(c.commit)!;
    for (const path of changed.get(c.commit)!) {
      for (const sha of [before.get(path), after.get(path)]) if (sha) needed.add(sha);
    }
  });
  const texts = readBlobs(top, [...needed]);
  return {
    commits: listed.map(({ commit, short, date, subject }) => ({ commit, short, date, subject })),
    more,
    base,
    filesAt: (commit, paths) => {
      const state = states.get(commit) ?? new Map<string, string>();
      const missing = [...state].filter(([path, sha]) => (!paths || paths.has(path)) && !texts.has(sha)).map(([, sha]) => sha);
      for (const [sha, text] of readBlobs(top, missing)) texts.set(sha, text);
      return filesOf(state, texts, paths);
    },
    changedPaths: (commit) => changed.get(commit) ?? new Set(),
  };
}
